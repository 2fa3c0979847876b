import type { DisclosureRules } from './rules.ts';

/** What a viewer can know of a count from its shown value, as a closed integer range. */
export function shownRange(shown: number | null, rules: DisclosureRules): [number, number] {
  // Zeros are never suppressed, so a hidden count is at least 1.
  if (shown === null) return [1, Number.POSITIVE_INFINITY];
  if (shown === 0) return [0, 0];
  const { base, threshold } = rules;
  return [Math.max(threshold, shown - Math.floor(base / 2)), shown + Math.ceil(base / 2) - 1];
}

/**
 * The secondary rule of SPEC §6 for one breakdown whose total the viewer also sees: while some
 * hidden cell follows to one value from the total and the other cells (as ranges, since they are
 * rounded), the smallest shown non-zero cell is hidden too. With the default base rounding leaves
 * every hidden cell a range; with a base of 1 this is classic complementary suppression.
 * Returns the cells as shown (`null` = hidden).
 * @example secondarySuppression(5, [3, 2], [null, null], rules)
 */
export function secondarySuppression(
  totalShown: number | null,
  exact: readonly number[],
  shown: readonly (number | null)[],
  rules: DisclosureRules,
): (number | null)[] {
  if (totalShown === null) return [...shown];
  return secondarySuppressionWithin(shownRange(totalShown, rules), exact, shown, rules);
}

/**
 * The secondary rule for a breakdown whose total the viewer knows only as a range, such as a
 * difference of two shown totals (the cells of n that did not step up: n − count).
 */
export function secondarySuppressionWithin(
  [totalLo, totalHi]: [number, number],
  exact: readonly number[],
  shown: readonly (number | null)[],
  rules: DisclosureRules,
): (number | null)[] {
  const out = [...shown];
  const pinned = () =>
    out.some((v, i) => {
      if (v !== null) return false;
      let lo = totalLo;
      let hi = totalHi;
      out.forEach((w, j) => {
        if (j === i) return;
        const [l, h] = shownRange(w, rules);
        lo -= h;
        hi -= l;
      });
      return Math.max(lo, 1) >= hi;
    });
  while (out.some((v) => v === null) && pinned()) {
    let next = -1;
    out.forEach((v, i) => {
      if (v === null || v === 0) return;
      if (next === -1 || exact[i]! < exact[next]!) next = i;
    });
    if (next === -1) break;
    out[next] = null;
  }
  return out;
}
