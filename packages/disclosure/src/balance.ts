import type { BalanceReply } from '@wegwijzer/domain';
import { BALANCE_MARK, meanSmd, proportionSmd } from '@wegwijzer/outcomes';
import { secondarySuppression } from './breakdown.ts';
import { MONEY_STEP, protectCount, protectMean, TENTH, type DisclosureRules } from './rules.ts';

const smd = (d: number | null) => ({ d, flagged: d !== null && Math.abs(d) > BALANCE_MARK });

/**
 * The balance table as a viewer sees it (SPEC §6): every count checked and rounded, each arm's
 * levels (with "not recorded") a breakdown of the arm's shown size under the secondary rule, as
 * are a numeric field's participants with and without a value; shares from the rounded counts
 * over the rounded size, means and SDs rounded (money to €10, else to a tenth) and only over
 * groups of at least the threshold; every standardised difference recomputed from those.
 */
export function protectBalance(reply: BalanceReply, rules: DisclosureRules): BalanceReply {
  const suppressed: string[] = [];
  const sizes = Object.fromEntries(
    reply.arms.map((a) => [a, protectCount(reply.sizes[a] ?? null, rules)]),
  );
  for (const a of reply.arms) if (sizes[a] === null) suppressed.push(`/sizes/${a}`);
  const ref = reply.reference;
  const compared = ref === null ? [] : reply.arms.filter((a) => a !== ref);
  const fields = reply.fields.map((f, fi) => {
    if (f.kind === 'categorical') {
      const shown = new Map<string, (number | null)[]>();
      for (const a of reply.arms) {
        const exact = f.levels.map((l) => l.arms[a]?.count ?? 0);
        const cells = secondarySuppression(
          sizes[a] ?? null,
          exact,
          exact.map((c) => protectCount(c, rules)),
          rules,
        );
        shown.set(a, cells);
        cells.forEach((c, li) => {
          if (c === null) suppressed.push(`/fields/${fi}/levels/${li}/arms/${a}/count`);
        });
      }
      const levels = f.levels.map((l, li) => {
        const arms = Object.fromEntries(
          reply.arms.map((a) => {
            const count = shown.get(a)![li]!;
            const size = sizes[a] ?? null;
            const share = count === null || size === null || size === 0 ? null : count / size;
            return [a, { count, share }];
          }),
        );
        return {
          value: l.value,
          arms,
          smd: Object.fromEntries(
            compared.map((a) => [a, smd(proportionSmd(arms[a]!.share, arms[ref!]!.share))]),
          ),
        };
      });
      return { ...f, levels };
    }
    const step = f.field === 'monthlyBenefit' ? MONEY_STEP : TENTH;
    const arms = Object.fromEntries(
      reply.arms.map((a) => {
        const e = f.arms[a]!;
        const [nShown, missingShown] = secondarySuppression(
          sizes[a] ?? null,
          [e.n ?? 0, e.missing ?? 0],
          [protectCount(e.n, rules), protectCount(e.missing, rules)],
          rules,
        );
        if (nShown === null) suppressed.push(`/fields/${fi}/arms/${a}/n`);
        if (missingShown === null) suppressed.push(`/fields/${fi}/arms/${a}/missing`);
        return [
          a,
          {
            n: nShown ?? null,
            missing: missingShown ?? null,
            mean: protectMean(e.mean, e.n, step, rules),
            sd: protectMean(e.sd, e.n, step, rules),
          },
        ];
      }),
    );
    return {
      ...f,
      arms,
      smd: Object.fromEntries(
        compared.map((a) => [
          a,
          smd(meanSmd(arms[a]!.mean, arms[a]!.sd, arms[ref!]!.mean, arms[ref!]!.sd)),
        ]),
      ),
    };
  });
  return { ...reply, sizes, fields, suppressed, rounded: true };
}
