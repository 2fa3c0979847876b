import type { StatusByMonthReply } from '@wegwijzer/domain';
import { secondarySuppression } from './breakdown.ts';
import type { Rounded } from './outcomes.ts';
import { large, protectCount, protectProportion, type DisclosureRules } from './rules.ts';

type Point = NonNullable<StatusByMonthReply['arms'][string]>[number];

/**
 * Status by month as a viewer sees it (SPEC §6): a month where an arm has fewer than the
 * threshold evaluable (exact) is left out of that arm's curve rather than drawn from noise; in
 * the others the evaluable count and the off-benefit count are rounded and the share and its
 * Wilson interval computed from the rounded counts. Off benefit and still on benefit make up
 * the evaluable, which is shown: the secondary rule keeps a small "still on benefit" from
 * following from the two shown counts.
 */
export function protectStatusByMonth(
  reply: StatusByMonthReply,
  rules: DisclosureRules,
): Rounded<StatusByMonthReply> {
  const suppressed: string[] = [];
  const protect = (arm: string, points: readonly Point[]): Point[] =>
    points
      .filter((p) => large(p.evaluable, rules))
      .map((p, i) => {
        const n = p.evaluable!;
        const off = p.offBenefit.count ?? 0;
        const evaluable = protectCount(n, rules);
        const [count = null] = secondarySuppression(
          evaluable,
          [off, n - off],
          [protectCount(off, rules), protectCount(n - off, rules)],
          rules,
        );
        if (count === null) {
          suppressed.push(`/arms/${arm}/${i}/offBenefit/count`);
          return { month: p.month, evaluable, offBenefit: { count: null, rate: null, ci95: null } };
        }
        return { month: p.month, evaluable, offBenefit: protectProportion(off, n, rules) };
      });
  const arms: StatusByMonthReply['arms'] = {};
  for (const [arm, points] of Object.entries(reply.arms)) arms[arm] = protect(arm, points);
  return { ...reply, arms, suppressed, rounded: true };
}
