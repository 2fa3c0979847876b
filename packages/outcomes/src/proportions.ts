/** The normal quantile for a two-sided 95% interval, as SPEC §3 fixes it. */
export const Z95 = 1.959964;

export type Interval = [number, number];

/** A count out of `n` with its share and Wilson interval; rate and ci95 are null when n = 0. */
export interface Proportion {
  count: number;
  rate: number | null;
  ci95: Interval | null;
}

/**
 * Wilson score 95% interval for `count` successes out of `n`.
 * @example wilson(80, 200) // { count: 80, rate: 0.4, ci95: [0.3346…, 0.4692…] }
 */
export function wilson(count: number, n: number, z: number = Z95): Proportion {
  if (n <= 0) return { count, rate: null, ci95: null };
  const p = count / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // The bounds are 0 and 1 exactly at the extremes; pin them so rounding cannot push the
  // rate outside its own interval.
  const lo = count <= 0 ? 0 : Math.max(0, Math.min(p, centre - half));
  const hi = count >= n ? 1 : Math.min(1, Math.max(p, centre + half));
  return { count, rate: p, ci95: [lo, hi] };
}

/** A difference of two proportions with its 95% interval. */
export interface Difference {
  rate: number;
  ci95: Interval;
}

/**
 * Newcombe's hybrid score interval (1998, method 10) for p1 − p2, built from the two Wilson
 * intervals; null when either n is 0.
 * @example newcombe(56, 70, 48, 80) // { rate: 0.2, ci95: [0.0524…, 0.3339…] }
 */
export function newcombe(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  z: number = Z95,
): Difference | null {
  const a = wilson(x1, n1, z);
  const b = wilson(x2, n2, z);
  if (a.rate === null || a.ci95 === null || b.rate === null || b.ci95 === null) return null;
  const [l1, u1] = a.ci95;
  const [l2, u2] = b.ci95;
  const d = a.rate - b.rate;
  const lower = d - Math.sqrt((a.rate - l1) ** 2 + (u2 - b.rate) ** 2);
  const upper = d + Math.sqrt((u1 - a.rate) ** 2 + (b.rate - l2) ** 2);
  return { rate: d, ci95: [lower, upper] };
}
