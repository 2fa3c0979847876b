import type { BudgetReply, Pilot } from '@wegwijzer/domain';
import { hiddenPointers } from './arm.ts';
import type { Rounded } from './outcomes.ts';
import {
  large,
  MONEY_STEP,
  protectCount,
  protectMean,
  roundTo,
  type DisclosureRules,
} from './rules.ts';

/**
 * The budget reply for a viewer: the budget lines are the municipality's own figures and stay;
 * the effect is money summed over participants, so it is rebuilt as rounded mean per evaluable
 * participant (€10) × the rounded evaluable count, like the summary's savings. The counterfactual
 * needs a control arm of at least the threshold (`controlEvaluable`, exact).
 */
export function protectBudget(
  reply: BudgetReply,
  controlEvaluable: number | null,
  rules: DisclosureRules,
): Rounded<BudgetReply> {
  const e = reply.effect;
  const n = e.evaluable;
  const shownN = protectCount(n, rules);
  const rebuilt = (total: number | null) => {
    if (total === null || n === null || n === 0 || shownN === null) return null;
    const mean = protectMean(total / n, n, MONEY_STEP, rules);
    return mean === null ? null : roundTo(mean * shownN, 0.01);
  };
  const avoidedBenefit = rebuilt(e.avoidedBenefit);
  const offsetIncome = rebuilt(e.offsetIncome);
  const counterfactual =
    e.counterfactual !== null && (controlEvaluable === null || large(controlEvaluable, rules))
      ? rebuilt(e.counterfactual)
      : null;
  const cfMissing = e.counterfactual !== null && counterfactual === null;
  const total =
    avoidedBenefit === null || offsetIncome === null || cfMissing
      ? null
      : roundTo(avoidedBenefit + offsetIncome - (counterfactual ?? 0), 0.01);
  const effect = {
    basis: e.basis,
    avoidedBenefit,
    offsetIncome,
    counterfactual,
    total,
    perEuro: total !== null && reply.totalBudget > 0 ? total / reply.totalBudget : null,
    participantGuidanceCost: rebuilt(e.participantGuidanceCost),
    evaluable: shownN,
  };
  return {
    ...reply,
    effect,
    suppressed: hiddenPointers(e, effect, '/effect'),
    rounded: true,
  };
}

/** A pilot card for a viewer: its participant count protected. */
export function protectPilot(pilot: Pilot, rules: DisclosureRules): Pilot & { rounded: true } {
  return { ...pilot, participants: protectCount(pilot.participants, rules), rounded: true };
}
