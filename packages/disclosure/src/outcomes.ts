import type { OutcomeSummary } from '@wegwijzer/domain';
import { comparable, hiddenPointers, protectArm, type ArmOutcome } from './arm.ts';
import { secondarySuppression } from './breakdown.ts';
import { protectCount, protectDifference, roundTo, type DisclosureRules } from './rules.ts';

type Arms = OutcomeSummary['arms'];
export type Rounded<T> = Omit<T, 'suppressed' | 'rounded'> & {
  suppressed: string[];
  rounded: true;
};

/** The arms of a summary (or of one subgroup) with the comparison between them, for a viewer. */
export function protectArms(
  arms: Arms,
  rules: DisclosureRules,
): { arms: Arms; difference: OutcomeSummary['difference']; netEffect: number | null } {
  const intervention = protectArm(arms.intervention, rules);
  const control = arms.control ? protectArm(arms.control, rules) : undefined;
  const both =
    control !== undefined &&
    comparable(arms.intervention, rules) &&
    comparable(arms.control, rules);
  const shown: Arms = control ? { intervention, control } : { intervention };
  if (!both || !control)
    return {
      arms: shown,
      difference: control ? { rate: null, ci95: null } : null,
      netEffect: null,
    };
  const difference = protectDifference(
    { ...intervention.offBenefit, n: intervention.evaluable },
    { ...control.offBenefit, n: control.evaluable },
  );
  // (mean_I − mean_C) × n_I − G_I, from the rounded means and the rounded n (SPEC §3 and §6).
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
  return { arms: shown, difference: difference ?? { rate: null, ci95: null }, netEffect };
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
  const { arms, difference, netEffect } = protectArms(reply.arms, rules);
  // The arms add up to the pilot's participants, which the pilot list shows.
  const names = Object.keys(reply.arms) as (keyof Arms)[];
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
  };
  return {
    ...shown,
    suppressed: [
      ...names.flatMap((a) => hiddenPointers(reply.arms[a], arms[a], `/arms/${a}`)),
      ...hiddenPointers(reply.difference, shown.difference, '/difference'),
      ...hiddenPointers(reply.netEffect, shown.netEffect, '/netEffect'),
    ],
    rounded: true,
  };
}
