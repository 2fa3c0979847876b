/**
 * What a viewer may learn from the model endpoints (SPEC §6): a verdict in words and no number.
 * A hazard ratio's or a difference's interval is a function of the counts behind it, and the
 * covariates are the viewer's to choose, so any figure could be combined into a count below the
 * threshold. The verdict says only which way the 95% interval points, and is given only when
 * every group the model splits the people into — each arm, each level of a category, each value
 * of a yes/no field or a scale — holds at least the threshold; otherwise it is `too_few`.
 *
 * The forecast ("when will we know") has no safe statement: its date is an order statistic of
 * intake dates, and with targets of the viewer's choosing it would map out intake month by
 * month, so its route does not admit viewers.
 */
import type { Baseline, ModelCovariate, PlainVerdict } from '@wegwijzer/domain';
import { SUBGROUP_FIELDS } from '@wegwijzer/domain/core';
import { covariateValue, type EffectFailure } from '@wegwijzer/outcomes';

/**
 * Scale and category covariates whose every value forms a group: the subgroup fields (SPEC §3);
 * age enters as a number.
 */
const GROUPED: ReadonlySet<ModelCovariate> = new Set(SUBGROUP_FIELDS);

/** True when some group of the complete cases holds fewer than `threshold` people. */
export function hasSmallGroup(
  people: readonly { baseline: Baseline }[],
  covariates: readonly ModelCovariate[],
  threshold: number,
): boolean {
  const complete = people.filter((p) =>
    covariates.every((c) => covariateValue(p.baseline, c) !== null),
  );
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const p of complete) {
    bump(`arm:${p.baseline.arm}`);
    for (const c of covariates) if (GROUPED.has(c)) bump(`${c}:${covariateValue(p.baseline, c)}`);
  }
  if (!counts.has('arm:intervention') || !counts.has('arm:control')) return true;
  return [...counts.values()].some((n) => n < threshold);
}

/** Which way a 95% interval points: above `none` is better for the intervention arm. */
export function verdict(
  effect: { ok: true; ci95: [number, number] } | EffectFailure | null,
  none: number,
): PlainVerdict | null {
  if (effect === null) return null;
  if (!effect.ok) return 'not_estimable';
  if (effect.ci95[0] > none) return 'intervention_better';
  if (effect.ci95[1] < none) return 'intervention_worse';
  return 'no_clear_difference';
}
