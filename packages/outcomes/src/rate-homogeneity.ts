import { chiSquareSurvival } from './heterogeneity.ts';

/**
 * Does the exit rate differ between subgroups of one arm? Pearson's chi-square test of
 * homogeneity on the groups × (off, on benefit) table: the "what works for whom" test of a pilot
 * without a control arm, where there is no difference between arms to compare (Cochran's Q).
 */
export interface RateHomogeneity {
  chi2: number;
  df: number;
  p: number;
  /** Per input group: whether it entered the test (groups with nobody evaluable do not). */
  included: boolean[];
}

/**
 * Null when fewer than two groups have anyone evaluable, or when every rate is 0 or every rate
 * is 1 (nothing varies).
 * @example rateHomogeneity([{ x: 2, n: 20 }, { x: 12, n: 20 }]).p // ≈ 0.00092 (R: chisq.test(…, correct = FALSE))
 */
export function rateHomogeneity(
  groups: readonly { x: number; n: number }[],
): RateHomogeneity | null {
  const included = groups.map((g) => g.n > 0);
  const used = groups.filter((g) => g.n > 0);
  if (used.length < 2) return null;
  const n = used.reduce((s, g) => s + g.n, 0);
  const pooled = used.reduce((s, g) => s + g.x, 0) / n;
  if (pooled === 0 || pooled === 1) return null;
  const chi2 = used.reduce(
    (s, g) => s + (g.x - g.n * pooled) ** 2 / (g.n * pooled * (1 - pooled)),
    0,
  );
  const df = used.length - 1;
  return { chi2, df, p: chiSquareSurvival(chi2, df), included };
}
