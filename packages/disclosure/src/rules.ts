import { newcombe, wilson, type Interval } from '@wegwijzer/outcomes';

/**
 * The disclosure rules of SPEC §6: counts from 1 to `threshold − 1` are suppressed, every other
 * count is rounded to a multiple of `base`, and every other figure is computed from those.
 */
export interface DisclosureRules {
  /** Smallest group a viewer may see a figure about (default 10). */
  threshold: number;
  /** Every count a viewer sees is a multiple of this (default 5). */
  base: number;
}

export const DEFAULT_RULES: DisclosureRules = { threshold: 10, base: 5 };

/** Money means are rounded to this many euros before any total is built from them. */
export const MONEY_STEP = 10;
/** Means of months, ladder steps and stress scores are rounded to a tenth. */
export const TENTH = 0.1;

/** Rounds half away from zero to a multiple of `step` (steps below 1 keep their decimals clean). */
export function roundTo(x: number, step: number): number {
  const q = Math.sign(x) * Math.round(Math.abs(x) / step);
  return step >= 1 ? q * step : Number((q * step).toFixed(Math.ceil(-Math.log10(step))));
}

/**
 * One count as a viewer sees it: 0 stays 0, 1 to threshold − 1 is suppressed (`null`), anything
 * else is rounded to the base. The threshold is checked on the exact value.
 * @example protectCount(7, DEFAULT_RULES) // null
 * @example protectCount(147, DEFAULT_RULES) // 145
 */
export function protectCount(exact: number | null, rules: DisclosureRules): number | null {
  if (exact === null) return null;
  if (exact === 0) return 0;
  if (exact < rules.threshold) return null;
  return Math.max(rules.threshold, roundTo(exact, rules.base));
}

/** Whether a group of `exact` members is large enough for any figure about it. */
export function large(exact: number | null, rules: DisclosureRules): boolean {
  return exact !== null && exact >= rules.threshold;
}

export interface ViewerProportion {
  count: number | null;
  rate: number | null;
  ci95: Interval | null;
}

/**
 * A share as a viewer sees it: the count and the denominator protected, the rate and its Wilson
 * interval computed from the two rounded counts, so neither gives the exact other away. No rate
 * over fewer than the threshold, nor one whose count is suppressed.
 * @example protectProportion(43, 147, DEFAULT_RULES) // { count: 45, rate: 0.3103…, ci95: […] }
 */
export function protectProportion(
  count: number | null,
  n: number | null,
  rules: DisclosureRules,
): ViewerProportion {
  const c = protectCount(count, rules);
  const d = protectCount(n, rules);
  if (c === null || d === null || d === 0 || !large(n, rules))
    return { count: c, rate: null, ci95: null };
  const w = wilson(c, d);
  return { count: c, rate: w.rate, ci95: w.ci95 };
}

/**
 * A difference of two shares (Newcombe) from the viewer's rounded counts; null unless both
 * shares are shown.
 */
export function protectDifference(
  a: ViewerProportion & { n: number | null },
  b: ViewerProportion & { n: number | null },
): { rate: number; ci95: Interval } | null {
  if (a.rate === null || b.rate === null || a.count === null || b.count === null) return null;
  if (a.n === null || b.n === null) return null;
  return newcombe(a.count, a.n, b.count, b.n);
}

/**
 * A per-person mean as a viewer sees it: rounded to `step`, or null over fewer than the
 * threshold.
 * @example protectMean(1234.56, 40, MONEY_STEP, DEFAULT_RULES) // 1230
 */
export function protectMean(
  mean: number | null,
  n: number | null,
  step: number,
  rules: DisclosureRules,
): number | null {
  if (mean === null || !large(n, rules)) return null;
  return roundTo(mean, step);
}
