import { erfc } from './erfc.ts';
import { Z95 } from './proportions.ts';

/** A follow-up time in days; `censored` when the event was not observed by then. */
export interface SurvivalTime {
  days: number;
  censored: boolean;
}

/** The product-limit estimate just after one distinct event time. */
export interface KmPoint {
  t: number;
  survival: number;
  /** Greenwood log-scale 95% bounds, clipped to [0, 1]; null where survival is 0. */
  lower: number | null;
  upper: number | null;
  atRisk: number;
  events: number;
}

export interface KaplanMeier {
  points: KmPoint[];
  /** First t with S(t) <= 0.5, compared exactly (SPEC §3), else null. */
  median: number | null;
}

/**
 * Kaplan–Meier estimate with one point per distinct event time. A participant censored at t
 * is still at risk at t, as in R's `survfit`.
 * @example kaplanMeier([{ days: 5, censored: false }, { days: 9, censored: true }])
 */
export function kaplanMeier(times: readonly SurvivalTime[], z: number = Z95): KaplanMeier {
  // At one time the order of events and censorings does not matter: all leave together.
  const sorted = [...times].sort((a, b) => a.days - b.days);
  const points: KmPoint[] = [];
  let atRisk = sorted.length;
  let survival = 1;
  let greenwood = 0;
  let median: number | null = null;
  let i = 0;
  while (i < sorted.length) {
    const t = sorted[i]!.days;
    let events = 0;
    let leaving = 0;
    while (i < sorted.length && sorted[i]!.days === t) {
      if (!sorted[i]!.censored) events++;
      leaving++;
      i++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      let lower: number | null = null;
      let upper: number | null = null;
      if (events < atRisk) {
        greenwood += events / (atRisk * (atRisk - events));
        const spread = Math.exp(z * Math.sqrt(greenwood));
        lower = Math.min(1, Math.max(0, survival / spread));
        upper = Math.min(1, Math.max(0, survival * spread));
      } else {
        // Everyone at risk had the event: S = 0 and the log-scale interval is undefined.
        survival = 0;
      }
      points.push({ t, survival, lower, upper, atRisk, events });
      if (median === null && atMostHalf(survival, points)) median = t;
    }
    atRisk -= leaving;
  }
  return { points, median };
}

/**
 * Whether the product-limit estimate after `points` is at most one half, exactly. The float
 * product decides where it is clearly apart from 0.5; within its rounding error (a few ulps per
 * factor) the product Π(n−d)/n is compared in integers, so a curve that reaches exactly one half
 * — 12 exits among 24 — has its median there.
 */
function atMostHalf(survival: number, points: readonly KmPoint[]): boolean {
  const tolerance = 4 * (points.length + 1) * Number.EPSILON;
  if (Math.abs(survival - 0.5) > tolerance) return survival < 0.5;
  let survivors = 1n;
  let atRisk = 1n;
  for (const p of points) {
    survivors *= BigInt(p.atRisk - p.events);
    atRisk *= BigInt(p.atRisk);
  }
  return 2n * survivors <= atRisk;
}

/** The days at which a survival chart tables its numbers at risk: half-years up to three years. */
export const RISK_TABLE_DAYS = [0, 180, 365, 545, 730, 1095] as const;

/** How many are still at risk on a day: neither exited nor censored before it. */
export interface RiskRow {
  t: number;
  atRisk: number;
}

/**
 * The numbers at risk at `days`: those whose time is `t` or later (a participant censored or
 * exiting on `t` is still at risk on `t`, as in the curve's points). At day 0 that is the whole
 * arm, whatever its first event time.
 * @example numbersAtRisk([{ days: 5, censored: true }, { days: 400, censored: false }]) // t 0 → 2, t 180 → 1, …
 */
export function numbersAtRisk(
  times: readonly SurvivalTime[],
  days: readonly number[] = RISK_TABLE_DAYS,
): RiskRow[] {
  const sorted = times.map((s) => s.days).sort((a, b) => a - b);
  let i = 0;
  return [...days]
    .sort((a, b) => a - b)
    .map((t) => {
      while (i < sorted.length && sorted[i]! < t) i++;
      return { t, atRisk: sorted.length - i };
    });
}

/** Log-rank test result with one degree of freedom. */
export interface LogRank {
  chi2: number;
  p: number;
}

/**
 * Log-rank test of two groups with the hypergeometric variance of R's `survdiff`; null when
 * there are no events (or no variance, e.g. every event happens with one participant left).
 */
export function logRank(a: readonly SurvivalTime[], b: readonly SurvivalTime[]): LogRank | null {
  const all = [
    ...a.map((s) => ({ days: s.days, censored: s.censored, group: 0 })),
    ...b.map((s) => ({ days: s.days, censored: s.censored, group: 1 })),
  ].sort((x, y) => x.days - y.days);
  let n1 = a.length;
  let n2 = b.length;
  let observed = 0;
  let expected = 0;
  let variance = 0;
  let totalEvents = 0;
  let i = 0;
  while (i < all.length) {
    const t = all[i]!.days;
    let d1 = 0;
    let d2 = 0;
    let left1 = 0;
    let left2 = 0;
    while (i < all.length && all[i]!.days === t) {
      const s = all[i]!;
      if (s.group === 0) {
        left1++;
        if (!s.censored) d1++;
      } else {
        left2++;
        if (!s.censored) d2++;
      }
      i++;
    }
    const d = d1 + d2;
    if (d > 0) {
      const n = n1 + n2;
      totalEvents += d;
      observed += d1;
      expected += (n1 * d) / n;
      if (n > 1) variance += (n1 * n2 * d * (n - d)) / (n * n * (n - 1));
    }
    n1 -= left1;
    n2 -= left2;
  }
  if (totalEvents === 0 || !(variance > 0)) return null;
  const chi2 = (observed - expected) ** 2 / variance;
  return { chi2, p: erfc(Math.sqrt(chi2 / 2)) };
}
