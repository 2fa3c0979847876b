/**
 * Sample size and detectable difference for comparing two proportions, as R's
 * `power.prop.test` (two-sided, strict = FALSE): the power of n per arm is
 * Φ((√n·|p1 − p2| − z(1−α/2)·√((p1+p2)(1 − (p1+p2)/2))) / √(p1q1 + p2q2)).
 */
import { pnorm, qnorm } from './distributions.ts';

export interface PowerInput {
  p1: number;
  p2: number;
  /** Wanted power, e.g. 0.8 or 0.9. */
  power: number;
  /** Two-sided significance level (default 0.05). */
  alpha?: number;
}

export interface SampleSize {
  /** The exact root n (R's uniroot gives it to about 1e-4). */
  n: number;
  /** Participants needed per arm: n rounded up. */
  perArm: number;
}

/** The power of `n` per arm to detect p1 against p2. */
export function powerOfTwoProportions(n: number, p1: number, p2: number, alpha = 0.05): number {
  const qa = qnorm(1 - alpha / 2);
  return pnorm(
    (Math.sqrt(n) * Math.abs(p1 - p2) - qa * Math.sqrt((p1 + p2) * (1 - (p1 + p2) / 2))) /
      Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)),
  );
}

/**
 * Participants per arm for `power` at two-sided `alpha`; the power equation solved in closed form.
 * @example sampleSize({ p1: 0.2, p2: 0.3, power: 0.8 }).perArm // 294
 */
export function sampleSize({ p1, p2, power, alpha = 0.05 }: PowerInput): SampleSize {
  if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1) || p1 === p2) {
    throw new RangeError('p1 and p2 must be different proportions strictly between 0 and 1');
  }
  if (!(power > 0 && power < 1) || !(alpha > 0 && alpha < 1)) {
    throw new RangeError('power and alpha must be strictly between 0 and 1');
  }
  const qa = qnorm(1 - alpha / 2);
  const qb = qnorm(power);
  const root =
    (qa * Math.sqrt((p1 + p2) * (1 - (p1 + p2) / 2)) +
      qb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) /
    Math.abs(p1 - p2);
  const n = root * root;
  return { n, perArm: Math.ceil(n) };
}

/**
 * The smallest p2 above p1 that `n` per arm detect with `power` (R's power.prop.test with p2
 * unknown), by bisection to machine precision; null when not even p2 = 1 is detectable.
 * @example detectableP2({ n: 100, p1: 0.3, power: 0.8 }) // ≈ 0.4890
 */
export function detectableP2({
  n,
  p1,
  power,
  alpha = 0.05,
}: {
  n: number;
  p1: number;
  power: number;
  alpha?: number;
}): number | null {
  if (!(n > 0) || !(p1 >= 0 && p1 < 1) || !(power > 0 && power < 1)) {
    throw new RangeError('n must be positive, p1 in [0, 1) and power in (0, 1)');
  }
  const f = (p2: number): number => powerOfTwoProportions(n, p1, p2, alpha) - power;
  let lo = p1;
  let hi = 1;
  if (f(hi) < 0) return null;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
