import type { ReferenceLine } from '@wegwijzer/domain';

/** Municipal reference figures (general outflow, council target) beside a pilot's exit rate. Pure; no formatting. */

export type ReferenceKind = ReferenceLine['kind'];
export type ReferenceMark = Pick<
  ReferenceLine,
  'id' | 'kind' | 'rate' | 'windowMonths' | 'period' | 'source'
>;

const KIND_ORDER: Record<ReferenceKind, number> = { general_outflow: 0, council_target: 1 };

/**
 * The reference lines to draw, without duplicates (the same line comes back in every window's
 * reply), the general outflow before the council target, then by window and period.
 * With `windowMonths` only the lines measured over that window: a 12-month benchmark beside a
 * 24-month rate would compare unlike things.
 */
export function referenceMarks(
  lines: readonly ReferenceMark[] | undefined,
  windowMonths?: number,
): ReferenceMark[] {
  const seen = new Set<string>();
  return (lines ?? [])
    .filter((l) => windowMonths == null || l.windowMonths === windowMonths)
    .filter((l) => (seen.has(l.id) ? false : (seen.add(l.id), true)))
    .sort(
      (a, b) =>
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        a.windowMonths - b.windowMonths ||
        a.period.localeCompare(b.period),
    );
}

/** Decimals to show a reference rate with: 0.22 → 0 ("22%"), 0.225 → 1 ("22,5%"). */
export function referenceDigits(rate: number): 0 | 1 {
  return Math.abs(rate * 100 - Math.round(rate * 100)) < 1e-9 ? 0 : 1;
}

/**
 * The right end of a 0–1 rate axis that holds every bar, interval and reference mark with some
 * room: at least 20%, at most 100%.
 */
export function rateAxisMax(values: readonly (number | null | undefined)[]): number {
  const known = values.filter((v): v is number => v != null && Number.isFinite(v));
  return Math.min(1, Math.max(0.2, ...known) * 1.1);
}
