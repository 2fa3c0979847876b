import { AGE_BANDS, ageBandOf, armsOfRows, EDUCATIONS, HOUSEHOLDS } from '@wegwijzer/domain/core';
import type { AgeBand, Arm, Baseline, SubgroupField } from '@wegwijzer/domain/core';
import type { ArmSummary, Comparison } from './aggregate.ts';
import { summarizeOutcomes } from './aggregate.ts';
import { totalsByArm } from './arms.ts';
import { toDay, yearOfDay } from './dates.ts';
import type { DerivedParticipant } from './derive.ts';
import type { Difference } from './proportions.ts';

/** A subgroup's value: a step, a category, a boolean, or null for "not recorded". */
export type SubgroupValue = number | string | boolean | null;

/** Age band of age = year of intake − birth year (SPEC §3). */
export function ageBand(intakeDate: string, birthYear: number): AgeBand {
  return ageBandOf(yearOfDay(toDay(intakeDate)) - birthYear);
}

/** The participant's value of a subgroup field; null when the field is missing. */
export function subgroupValue(baseline: Baseline, field: SubgroupField): SubgroupValue {
  if (field === 'ageBand') {
    return baseline.birthYear === null ? null : ageBand(baseline.intakeDate, baseline.birthYear);
  }
  return baseline[field];
}

/**
 * The natural order of a field's non-null values (scale order for steps and categories,
 * `false` before `true`); the null group always goes after these.
 */
export function groupOrder(field: SubgroupField): readonly SubgroupValue[] {
  switch (field) {
    case 'motivation':
      return [1, 2, 3, 4, 5];
    case 'ladderStep':
      return [1, 2, 3, 4, 5, 6];
    case 'household':
      return HOUSEHOLDS;
    case 'education':
      return EDUCATIONS;
    case 'ageBand':
      return AGE_BANDS;
    case 'hasDebts':
    case 'disability':
    case 'refugeeStatus':
      return [false, true];
  }
}

/** Comparator for one field's values: natural order, unknown values after known ones, null last. */
export function compareGroups(
  field: SubgroupField,
): (a: SubgroupValue, b: SubgroupValue) => number {
  return compareInOrder(groupOrder(field));
}

/** The same comparator for any natural order, such as a pilot variable's (`variableGroupOrder`). */
export function compareInOrder(
  order: readonly SubgroupValue[],
): (a: SubgroupValue, b: SubgroupValue) => number {
  const rank = (v: SubgroupValue): number => {
    if (v === null) return order.length + 1;
    const i = order.indexOf(v);
    return i < 0 ? order.length : i;
  };
  return (a, b) => rank(a) - rank(b) || String(a).localeCompare(String(b));
}

/** One subgroup of SPEC §5's subgroup reply. */
export interface SubgroupSummary {
  value: SubgroupValue;
  arms: Record<Arm, ArmSummary>;
  difference: Difference | null;
  /** Every intervention arm against control within the group, keyed by arm code. */
  comparisons: Record<Arm, Pick<Comparison, 'difference'>>;
}

/**
 * Outcomes split by a baseline field, per arm, with the difference between arms per group.
 * Only groups with at least one participant are listed; every group shows the same arms,
 * `arms` (default: those of the pilot's rows, `armsOfRows`), so all groups have one shape.
 */
export function summarizeSubgroups(
  rows: readonly { baseline: Baseline; derived: DerivedParticipant }[],
  field: SubgroupField,
  k: number,
  arms: readonly Arm[] = armsOfRows(rows.map((r) => r.derived)),
): { by: SubgroupField; groups: SubgroupSummary[] } {
  const byValue = new Map<SubgroupValue, DerivedParticipant[]>();
  for (const r of rows) {
    const v = subgroupValue(r.baseline, field);
    const list = byValue.get(v);
    if (list) list.push(r.derived);
    else byValue.set(v, [r.derived]);
  }
  const values = [...byValue.keys()].sort(compareGroups(field));
  const groups = values.map((value) => {
    const s = summarizeOutcomes(totalsByArm(byValue.get(value)!, k, arms), k);
    // Per group the exit-rate difference only, as the top-level `difference` of a group.
    const comparisons: SubgroupSummary['comparisons'] = {};
    for (const [a, c] of Object.entries(s.comparisons))
      comparisons[a] = { difference: c.difference };
    return { value, arms: s.arms, difference: s.difference, comparisons };
  });
  return { by: field, groups };
}
