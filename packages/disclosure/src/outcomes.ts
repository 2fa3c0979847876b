import type { OutcomeSummary } from '@wegwijzer/domain';
import { comparable, hiddenPointers, protectArm, type ArmOutcome } from './arm.ts';
import { secondarySuppression } from './breakdown.ts';
import { ladderMovePointers, protectLadderMoves } from './ladder-moves.ts';
import { protectCount, protectDifference, roundTo, type DisclosureRules } from './rules.ts';

type Arms = OutcomeSummary['arms'];
export type Rounded<T> = Omit<T, 'suppressed' | 'rounded'> & {
  suppressed: string[];
  rounded: true;
};

type Comparisons = OutcomeSummary['comparisons'];
type Comparison = Comparisons[string];

/** The primary intervention arm of a reply's arms: `intervention`, else the first that is not control. */
function primaryOf(codes: readonly string[]): string | undefined {
  return codes.includes('intervention') ? 'intervention' : codes.find((c) => c !== 'control');
}

/**
 * One intervention arm against control for a viewer, from the protected (rounded) arms: the
 * difference from the rounded counts and (mean_I − mean_C) × n_I − G_I from the rounded means
 * and the rounded n (SPEC §3 and §6); nulls where either arm is too small to compare.
 */
function protectComparison(
  exactI: ArmOutcome,
  exactC: ArmOutcome,
  intervention: ArmOutcome,
  control: ArmOutcome,
  rules: DisclosureRules,
): Comparison {
  if (!comparable(exactI, rules) || !comparable(exactC, rules))
    return { difference: { rate: null, ci95: null }, netEffect: null };
  const difference = protectDifference(
    { ...intervention.offBenefit, n: intervention.evaluable },
    { ...control.offBenefit, n: control.evaluable },
  );
  const gross = (a: ArmOutcome) =>
    a.savingsMean.avoidedBenefit === null || a.savingsMean.offsetIncome === null
      ? null
      : a.savingsMean.avoidedBenefit + a.savingsMean.offsetIncome;
  const gI = gross(intervention);
  const gC = gross(control);
  const netEffect =
    gI === null ||
    gC === null ||
    intervention.evaluable === null ||
    intervention.savings.guidanceCost === null
      ? null
      : roundTo((gI - gC) * intervention.evaluable - intervention.savings.guidanceCost, 0.01);
  return { difference: difference ?? { rate: null, ci95: null }, netEffect };
}

/**
 * The arms of a summary (or of one subgroup) with every intervention arm's comparison with
 * control, for a viewer; `difference` and `netEffect` are the primary arm's.
 */
export function protectArms(
  arms: Arms,
  rules: DisclosureRules,
): {
  arms: Arms;
  difference: OutcomeSummary['difference'];
  netEffect: number | null;
  comparisons: Comparisons;
} {
  const codes = Object.keys(arms);
  const shown: Arms = {};
  for (const code of codes) shown[code] = protectArm(arms[code]!, rules);
  const comparisons: Comparisons = {};
  for (const code of codes.filter((c) => c !== 'control')) {
    comparisons[code] =
      arms.control === undefined
        ? { difference: null, netEffect: null }
        : protectComparison(arms[code]!, arms.control, shown[code]!, shown.control!, rules);
  }
  const primary = primaryOf(codes);
  const top = (primary === undefined ? undefined : comparisons[primary]) ?? {
    difference: null,
    netEffect: null,
  };
  return { arms: shown, difference: top.difference, netEffect: top.netEffect, comparisons };
}

/**
 * The outcome summary as a viewer sees it (SPEC §6); reference lines are published municipal
 * figures and stay as they are.
 * @example protectOutcomes(exactSummary, { threshold: 10, base: 5 }).rounded // true
 */
export function protectOutcomes(
  reply: OutcomeSummary,
  rules: DisclosureRules,
): Rounded<OutcomeSummary> {
  const { arms, difference, netEffect, comparisons } = protectArms(reply.arms, rules);
  // The arms add up to the pilot's participants, which the pilot list shows.
  const names = Object.keys(reply.arms);
  const exactP = names.map((a) => reply.arms[a]?.participants ?? 0);
  const cells = secondarySuppression(
    protectCount(
      exactP.reduce((s, x) => s + x, 0),
      rules,
    ),
    exactP,
    names.map((a) => arms[a]!.participants),
    rules,
  );
  names.forEach((a, i) => (arms[a]!.participants = cells[i]!));
  const shown = {
    ...reply,
    arms,
    difference: reply.difference === null ? null : difference,
    netEffect: reply.netEffect === null ? null : netEffect,
    comparisons: keepNulls(reply.comparisons, comparisons),
  };
  // The distribution of steps moved adds up to the shown ladder progress, so it is protected
  // against the arms as shown (only replies that carry it get it).
  const ladderMoves = protectLadderMoves(reply.ladderMoves, reply.arms, arms, rules);
  if (ladderMoves !== undefined) shown.ladderMoves = ladderMoves;
  return {
    ...shown,
    suppressed: [
      ...names.flatMap((a) => hiddenPointers(reply.arms[a], arms[a], `/arms/${a}`)),
      ...hiddenPointers(reply.difference, shown.difference, '/difference'),
      ...hiddenPointers(reply.netEffect, shown.netEffect, '/netEffect'),
      ...comparisonPointers(reply.comparisons, shown.comparisons),
      ...ladderMovePointers(reply.ladderMoves, ladderMoves),
    ],
    rounded: true,
  };
}

/** Exact comparisons that are null stay null (no comparable control), as the top-level ones do. */
export function keepNulls(exact: Comparisons, shown: Comparisons): Comparisons {
  const out: Comparisons = {};
  for (const code of Object.keys(exact)) {
    const e = exact[code]!;
    const s = shown[code] ?? { difference: null, netEffect: null };
    out[code] = {
      difference: e.difference === null ? null : s.difference,
      netEffect: e.netEffect === null ? null : s.netEffect,
    };
  }
  return out;
}

/** The pointers of the comparisons a viewer's reply hides. */
export function comparisonPointers(exact: Comparisons, shown: Comparisons): string[] {
  return Object.keys(exact).flatMap((code) => [
    ...hiddenPointers(
      exact[code]!.difference,
      shown[code]?.difference,
      `/comparisons/${code}/difference`,
    ),
    ...hiddenPointers(
      exact[code]!.netEffect,
      shown[code]?.netEffect,
      `/comparisons/${code}/netEffect`,
    ),
  ]);
}
