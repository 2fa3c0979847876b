import { EDUCATIONS, HOUSEHOLDS, type Baseline, type PilotVariable } from '@wegwijzer/domain/core';
import type { BalanceField, BalanceValue } from './balance.ts';
import { yearOfDay, toDay } from './dates.ts';

/**
 * Which baseline characteristics the balance table shows and how (SPEC §2's fields): age and
 * the own monthly benefit as numbers (mean, SD), the scales and categories per level, yes/no
 * fields per answer; then the pilot's own variables, integers as numbers and the rest per level.
 */
export const BASELINE_BALANCE_FIELDS: readonly BalanceField[] = [
  { code: 'age', kind: 'numeric' },
  { code: 'monthlyBenefit', kind: 'numeric' },
  { code: 'household', kind: 'categorical', levels: HOUSEHOLDS },
  { code: 'education', kind: 'categorical', levels: EDUCATIONS },
  { code: 'motivation', kind: 'categorical', levels: [1, 2, 3, 4, 5] },
  { code: 'ladderStep', kind: 'categorical', levels: [1, 2, 3, 4, 5, 6] },
  { code: 'hasDebts', kind: 'categorical', levels: [false, true] },
  { code: 'disability', kind: 'categorical', levels: [false, true] },
  { code: 'refugeeStatus', kind: 'categorical', levels: [false, true] },
];

/** A pilot variable as a balance-table field. */
export function variableBalanceField(v: PilotVariable): BalanceField {
  if (v.type === 'integer') return { code: v.code, kind: 'numeric' };
  if (v.type === 'boolean') return { code: v.code, kind: 'categorical', levels: [false, true] };
  return { code: v.code, kind: 'categorical', levels: v.levels.map((l) => l.code) };
}

/** A participant's values of the standard balance fields (age = intake year − birth year). */
export function baselineBalanceValues(b: Baseline): Record<string, BalanceValue | null> {
  return {
    age: b.birthYear === null ? null : yearOfDay(toDay(b.intakeDate)) - b.birthYear,
    monthlyBenefit: b.monthlyBenefitCents === null ? null : b.monthlyBenefitCents / 100,
    household: b.household,
    education: b.education,
    motivation: b.motivation,
    ladderStep: b.ladderStep,
    hasDebts: b.hasDebts,
    disability: b.disability,
    refugeeStatus: b.refugeeStatus,
  };
}
