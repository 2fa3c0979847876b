import type { CohortReply, SubgroupReply } from '@wegwijzer/domain';
import { dropDependents, hiddenPointers, type ArmOutcome } from './arm.ts';
import { secondarySuppression } from './breakdown.ts';
import { protectArms, type Rounded } from './outcomes.ts';
import { protectCount, protectProportion, type DisclosureRules } from './rules.ts';

/** The count fields of an arm that the groups of a breakdown add up over. */
const COUNTS: [
  string,
  (a: ArmOutcome) => number | null,
  (a: ArmOutcome, v: number | null) => void,
][] = [
  ['participants', (a) => a.participants, (a, v) => (a.participants = v)],
  ['evaluable', (a) => a.evaluable, (a, v) => (a.evaluable = v)],
  ['pending', (a) => a.pending, (a, v) => (a.pending = v)],
  ['offBenefit', (a) => a.offBenefit.count, (a, v) => (a.offBenefit.count = v)],
  ['sustained', (a) => a.sustained.count, (a, v) => (a.sustained.count = v)],
  ['ladder', (a) => a.ladderProgress.n, (a, v) => (a.ladderProgress.n = v)],
  ['ladderUp', (a) => a.ladderProgress.count, (a, v) => (a.ladderProgress.count = v)],
  ['placements', (a) => a.sustainedPlacement.n, (a, v) => (a.sustainedPlacement.n = v)],
  ['placed', (a) => a.sustainedPlacement.count, (a, v) => (a.sustainedPlacement.count = v)],
  ['debts', (a) => a.debts.n, (a, v) => (a.debts.n = v)],
  ['stabilised', (a) => a.debts.stabilised.count, (a, v) => (a.debts.stabilised.count = v)],
  ['stress', (a) => a.debts.moneyStressN, (a, v) => (a.debts.moneyStressN = v)],
  ...(['regular_work', 'bbz', 'combination', 'other'] as const).map(
    (r) =>
      [
        r,
        (a: ArmOutcome) => a.routes[r],
        (a: ArmOutcome, v: number | null) => (a.routes[r] = v),
      ] as [string, (a: ArmOutcome) => number | null, (a: ArmOutcome, v: number | null) => void],
  ),
];

/**
 * Subgroups as a viewer sees them: each group's arms as in the summary, and per arm and count
 * the secondary rule across the groups, which add up to the arm total the summary shows.
 */
export function protectSubgroups(
  reply: SubgroupReply,
  rules: DisclosureRules,
): Rounded<SubgroupReply> {
  const groups = reply.groups.map((g) => {
    const p = protectArms(g.arms, rules);
    const comparisons: Record<
      string,
      { difference: SubgroupReply['groups'][number]['difference'] }
    > = {};
    for (const [code, c] of Object.entries(p.comparisons))
      comparisons[code] = { difference: c.difference };
    return { value: g.value, arms: p.arms, difference: p.difference, comparisons };
  });
  const codes = [...new Set(reply.groups.flatMap((g) => Object.keys(g.arms)))];
  const primary = codes.includes('intervention')
    ? 'intervention'
    : codes.find((c) => c !== 'control');
  for (const arm of codes) {
    const mine = reply.groups.flatMap((g, i) => (g.arms[arm] ? [i] : []));
    if (mine.length === 0) continue;
    for (const [, read, write] of COUNTS) {
      const exact = mine.map((i) => read(reply.groups[i]!.arms[arm]!) ?? 0);
      const cells = secondarySuppression(
        protectCount(
          exact.reduce((s, x) => s + x, 0),
          rules,
        ),
        exact,
        mine.map((i) => read(groups[i]!.arms[arm]!)),
        rules,
      );
      mine.forEach((i, j) => write(groups[i]!.arms[arm]!, cells[j]!));
    }
    for (const i of mine) {
      const g = groups[i]!;
      dropDependents(g.arms[arm]!);
      if (g.arms[arm]!.offBenefit.rate !== null) continue;
      // A comparison of an arm whose rate is hidden is hidden too.
      if (g.difference && (arm === 'control' || arm === primary))
        g.difference = { rate: null, ci95: null };
      for (const [code, c] of Object.entries(g.comparisons))
        if (c.difference && (arm === 'control' || arm === code))
          c.difference = { rate: null, ci95: null };
    }
  }
  const shown = groups.map((g, i) => ({
    value: g.value,
    arms: g.arms,
    difference: g.difference,
    ...(reply.groups[i]!.comparisons ? { comparisons: g.comparisons } : {}),
  }));
  return {
    ...reply,
    // A test statistic is computed from the exact counts: it could give small cells away.
    ...(reply.heterogeneity === undefined ? {} : { heterogeneity: null }),
    groups: shown,
    suppressed: reply.groups.flatMap((g, i) => [
      ...hiddenPointers(g.arms, shown[i]!.arms, `/groups/${i}/arms`),
      ...hiddenPointers(g.difference, shown[i]!.difference, `/groups/${i}/difference`),
      ...hiddenPointers(g.comparisons, shown[i]!.comparisons, `/groups/${i}/comparisons`),
    ]),
    rounded: true,
  };
}

/**
 * Cohort rows as a viewer sees them: counts protected, rates from the rounded counts, and the
 * secondary rule across each arm's rows (they add up to the arm's totals).
 */
export function protectCohorts(reply: CohortReply, rules: DisclosureRules): Rounded<CohortReply> {
  const rows = reply.cohorts.map((r) => ({
    month: r.month,
    arm: r.arm,
    participants: protectCount(r.participants, rules),
    evaluable: protectCount(r.evaluable, rules),
    offBenefit: protectProportion(r.offBenefit.count, r.evaluable, rules),
  }));
  for (const arm of ['intervention', 'control'] as const) {
    const mine = reply.cohorts.flatMap((r, i) => (r.arm === arm ? [i] : []));
    const fields = [
      [(r: CohortReply['cohorts'][number]) => r.participants, 'participants'],
      [(r: CohortReply['cohorts'][number]) => r.evaluable, 'evaluable'],
      [(r: CohortReply['cohorts'][number]) => r.offBenefit.count, 'offBenefit'],
    ] as const;
    for (const [read, name] of fields) {
      const exact = mine.map((i) => read(reply.cohorts[i]!) ?? 0);
      const cells = secondarySuppression(
        protectCount(
          exact.reduce((s, x) => s + x, 0),
          rules,
        ),
        exact,
        mine.map((i) => read(rows[i]!)),
        rules,
      );
      mine.forEach((i, j) => {
        const row = rows[i]!;
        if (name === 'participants') row.participants = cells[j]!;
        else if (name === 'evaluable') row.evaluable = cells[j]!;
        else row.offBenefit.count = cells[j]!;
      });
    }
  }
  for (const row of rows)
    if (row.evaluable === null || row.offBenefit.count === null)
      row.offBenefit = { ...row.offBenefit, rate: null, ci95: null };
  return {
    ...reply,
    cohorts: rows,
    suppressed: reply.cohorts.flatMap((r, i) => hiddenPointers(r, rows[i], `/cohorts/${i}`)),
    rounded: true,
  };
}
