import { CONTROL_ARM, type Baseline, type PilotFacts } from '@wegwijzer/domain/core';

/**
 * Money helpers. Sums stay in integer cents; the one division by 30.4375 days a month is
 * written as ×16/487 so a whole arm's avoided benefit is an exact integer quotient until it is
 * rounded to the cent, once.
 */

/** Days per average month (365.25 / 12) as SPEC §3 fixes it; equals 487/16. */
export const DAYS_PER_MONTH = 30.4375;

/**
 * round(numerator / denominator) for non-negative integers, half up, exactly — no floating
 * division error for numerators up to 2^53.
 */
export function divRound(numerator: number, denominator: number): number {
  const q = Math.floor(numerator / denominator);
  // The float quotient may be one off near an integer; correct with exact integer remainders.
  let r = numerator - q * denominator;
  let quotient = q;
  if (r < 0) {
    quotient--;
    r += denominator;
  } else if (r >= denominator) {
    quotient++;
    r -= denominator;
  }
  return 2 * r >= denominator ? quotient + 1 : quotient;
}

// 30.4375 = 487/16: multiplying by 16 keeps the numerator an integer, so one division is left.
const MONTH_NUMERATOR = 16;
const MONTH_DENOMINATOR = 487;

/**
 * Σ(offDays × monthlyBenefitCents) / 30.4375 in cents, unrounded: the avoided benefit of one
 * participant or of a whole arm, for means and per-participant exports.
 */
export function exactAvoidedCents(offDayBenefitCents: number): number {
  return (offDayBenefitCents * MONTH_NUMERATOR) / MONTH_DENOMINATOR;
}

/**
 * Σ(offDays × monthlyBenefitCents) / 30.4375, rounded to whole cents, for a non-negative sum.
 * Half a cent rounds up.
 */
export function avoidedBenefitCents(offDayBenefitCents: number): number {
  return divRound(offDayBenefitCents * MONTH_NUMERATOR, MONTH_DENOMINATOR);
}

/**
 * The guidance cost that savings subtract: the participant's own, for an intervention arm only
 * (every arm but control: a multi-arm trial's regimes cost guidance too).
 */
export function guidanceCentsFor(arm: string, guidanceCostCents: number): number {
  return arm === CONTROL_ARM ? 0 : guidanceCostCents;
}

/**
 * A participant's guidance cost as the savings take it (SPEC §3): the participant's own, else
 * the default of the participant's arm where the pilot declares one, else the pilot's default.
 */
export function effectiveGuidanceCents(
  baseline: Pick<Baseline, 'arm' | 'guidanceCostCents'>,
  pilot: PilotFacts,
): number {
  return (
    baseline.guidanceCostCents ??
    pilot.armGuidanceCostCents?.[baseline.arm] ??
    pilot.guidanceCostCents ??
    0
  );
}

/** Round a (possibly fractional or negative) cent amount to whole cents, half away from zero. */
export function roundCents(cents: number): number {
  return Math.sign(cents) * Math.round(Math.abs(cents));
}

/** Cents to euros; both are exact on a whole cent count. */
export function euros(cents: number): number {
  return cents / 100;
}
