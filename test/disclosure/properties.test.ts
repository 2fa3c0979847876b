import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULES,
  protectCohorts,
  protectOutcomes,
  protectSubgroups,
  protectSurvival,
} from '@wegwijzer/disclosure';
import type { CohortReply, OutcomeSummary, SubgroupReply, SurvivalReply } from '@wegwijzer/domain';
import {
  emptyTotals,
  kaplanMeier,
  summarizeOutcomes,
  wilson,
  type ArmTotals,
} from '@wegwijzer/outcomes';
import { attackCohorts, attackSubgroups, Attacker } from '../support/attack.ts';

/**
 * SPEC §6's guarantee on random pilots (1 to 2,000 participants, arms as small as 1, up to six
 * subgroups): the attacker of the API suite, on the package's own output, derives no count from
 * 1 to threshold − 1 from the outcomes, subgroups, cohorts and survival replies.
 */

const K = 12;

/** One group's totals, every count consistent with the others (evaluable ≤ participants, …). */
const groupTotals = (size: number) =>
  fc
    .record({
      evaluableShare: fc.double({ min: 0, max: 1, noNaN: true }),
      offShare: fc.double({ min: 0, max: 1, noNaN: true }),
      routeCuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
        minLength: 3,
        maxLength: 3,
      }),
      sustainedShare: fc.double({ min: 0, max: 1, noNaN: true }),
      ladderShare: fc.double({ min: 0, max: 1, noNaN: true }),
      upShare: fc.double({ min: 0, max: 1, noNaN: true }),
      debtShare: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map((r): ArmTotals => {
      const t = emptyTotals(K);
      const part = (n: number, share: number) => Math.min(n, Math.round(n * share));
      t.participants = size;
      t.evaluable = part(size, r.evaluableShare);
      t.pending = size - t.evaluable;
      t.off = part(t.evaluable, r.offShare);
      const cuts = [...r.routeCuts].sort((x, y) => x - y).map((c) => Math.round(c * t.off));
      t.routes = {
        regular_work: cuts[0]!,
        bbz: cuts[1]! - cuts[0]!,
        combination: cuts[2]! - cuts[1]!,
        other: t.off - cuts[2]!,
      };
      t.sustained = part(t.off, r.sustainedShare);
      t.benefitDays = t.evaluable * 200;
      t.offDayBenefitCents = t.off * 150 * 100_000;
      t.offsetCents = t.off * 12_345;
      t.guidanceCostCents = t.evaluable * 250_000;
      const ladderN = part(t.evaluable, r.ladderShare);
      t.ladder = { n: ladderN, up: part(ladderN, r.upShare), sumChange: ladderN };
      t.placements = {
        eligible: part(size, r.ladderShare),
        sustained: part(part(size, r.ladderShare), r.upShare),
      };
      const debtN = part(t.evaluable, r.debtShare);
      t.debts = {
        n: debtN,
        stabilised: part(debtN, r.upShare),
        stressN: debtN,
        stressSumTenths: -debtN * 7,
      };
      return t;
    });

function add(a: ArmTotals, b: ArmTotals): ArmTotals {
  const t = emptyTotals(K);
  for (const key of [
    'participants',
    'evaluable',
    'pending',
    'off',
    'sustained',
    'benefitDays',
    'offDayBenefitCents',
    'offsetCents',
    'guidanceCostCents',
  ] as const)
    t[key] = a[key] + b[key];
  for (const r of ['regular_work', 'bbz', 'combination', 'other'] as const)
    t.routes[r] = a.routes[r] + b.routes[r];
  t.ladder = {
    n: a.ladder.n + b.ladder.n,
    up: a.ladder.up + b.ladder.up,
    sumChange: a.ladder.sumChange + b.ladder.sumChange,
  };
  t.placements = {
    eligible: a.placements.eligible + b.placements.eligible,
    sustained: a.placements.sustained + b.placements.sustained,
  };
  t.debts = {
    n: a.debts.n + b.debts.n,
    stabilised: a.debts.stabilised + b.debts.stabilised,
    stressN: a.debts.stressN + b.debts.stressN,
    stressSumTenths: a.debts.stressSumTenths + b.debts.stressSumTenths,
  };
  return t;
}

/** Splits `n` into `parts` sizes (some may be 0) at the given cut points. */
const split = (n: number, cuts: number[]) => {
  const at = [0, ...cuts.map((c) => Math.round(c * n)).sort((a, b) => a - b), n];
  return at.slice(1).map((x, i) => x - at[i]!);
};

const pilot = fc
  .record({
    size: fc.integer({ min: 1, max: 2000 }),
    controlShare: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
    cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
  })
  .chain(({ size, controlShare, cuts }) => {
    const control = Math.round(size * controlShare);
    const intervention = Math.max(1, size - control);
    const arms = { intervention, ...(control > 0 ? { control } : {}) };
    const groups = (n: number) => fc.tuple(...split(n, cuts).map((g) => groupTotals(g)));
    return fc.record({
      intervention: groups(arms.intervention),
      control: control > 0 ? groups(control) : fc.constant(null),
    });
  });

const summary = (totals: { intervention: ArmTotals; control?: ArmTotals }): OutcomeSummary => ({
  pilotId: 'p',
  observationEnd: '2025-12-31',
  referenceLines: [],
  ...summarizeOutcomes(totals, K),
});

describe('the disclosure package on random pilots', () => {
  it('lets no count from 1 to 9 be derived from outcomes, subgroups and cohorts', () => {
    fc.assert(
      fc.property(pilot, (p) => {
        const sum = (gs: ArmTotals[]) => gs.reduce(add, emptyTotals(K));
        const arms = {
          intervention: sum(p.intervention),
          ...(p.control ? { control: sum(p.control) } : {}),
        };
        const exact = summary(arms);
        const subgroups: SubgroupReply = {
          pilotId: 'p',
          windowMonths: K,
          by: 'motivation',
          groups: p.intervention.map((g, i) => {
            const s = summarizeOutcomes(
              { intervention: g, ...(p.control ? { control: p.control[i]! } : {}) },
              K,
            );
            return { value: i + 1, arms: s.arms, difference: s.difference };
          }),
        };
        const cohorts: CohortReply = {
          pilotId: 'p',
          windowMonths: K,
          cohorts: (['intervention', 'control'] as const).flatMap((arm) =>
            (arm === 'intervention' ? p.intervention : (p.control ?? [])).map((g, i) => ({
              month: `2024-0${i + 1}`,
              arm,
              participants: g.participants,
              evaluable: g.evaluable,
              offBenefit: wilson(g.off, g.evaluable),
            })),
          ),
        };
        const shown = protectOutcomes(exact, DEFAULT_RULES);
        const at = new Attacker(DEFAULT_RULES.threshold, DEFAULT_RULES.base);
        for (const arm of Object.keys(exact.arms) as ('intervention' | 'control')[])
          at.arm(shown.arms[arm], exact.arms[arm], {
            key: arm,
            rounded: true,
            isSuppressed: (x) => shown.suppressed.includes(`/arms/${arm}/${x}`),
          });
        attackSubgroups(at, {
          viewer: protectSubgroups(subgroups, DEFAULT_RULES),
          admin: subgroups,
          summary: shown,
          key: 'k',
          by: 'motivation',
        });
        attackCohorts(at, {
          viewer: protectCohorts(cohorts, DEFAULT_RULES),
          admin: cohorts,
          summary: shown,
          key: 'k',
        });
        expect(at.unsound).toEqual([]);
        expect([...at.found.values()]).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('lets no number at risk or of events from 1 to 9 be derived from a survival curve', () => {
    const times = fc.array(
      fc.record({ days: fc.integer({ min: 0, max: 900 }), censored: fc.boolean() }),
      { minLength: 1, maxLength: 2000 },
    );
    fc.assert(
      fc.property(times, times, (a, b) => {
        const exact: SurvivalReply = {
          pilotId: 'p',
          observationEnd: '2025-12-31',
          arms: { intervention: kaplanMeier(a), control: kaplanMeier(b) },
          logRank: null,
        };
        const shown = protectSurvival(
          exact,
          { intervention: a.length, control: b.length },
          DEFAULT_RULES,
        );
        const at = new Attacker(DEFAULT_RULES.threshold, DEFAULT_RULES.base);
        for (const arm of ['intervention', 'control'] as const) {
          at.curve(arm, shown.arms[arm], exact.arms[arm], true);
          // Every step of the viewer's curve stands for at least the threshold of events.
          const km = shown.arms[arm];
          if (!km) continue;
          let prev = 1;
          for (const point of km.points) {
            expect(point.survival).toBeLessThan(prev);
            prev = point.survival;
          }
        }
        expect(at.unsound).toEqual([]);
        expect([...at.found.values()]).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('finds the numbers at risk and events of an exact curve (the curve attack bites)', () => {
    const times = Array.from({ length: 40 }, (_, i) => ({
      days: 10 + (i % 13) * 9,
      censored: i % 4 === 0,
    }));
    const exact = kaplanMeier(times);
    const at = new Attacker(DEFAULT_RULES.threshold, DEFAULT_RULES.base);
    at.curve('exact', exact, exact, false);
    expect(at.unsound).toEqual([]);
    expect(at.found.size).toBeGreaterThan(10);
  });
});
