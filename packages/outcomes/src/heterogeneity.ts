/**
 * Does an intervention's effect differ between subgroups? Cochran's Q over per-subgroup risk
 * differences, and the chi-square survival function it needs. Pure functions, no I/O.
 */

// Lanczos approximation of Numerical Recipes, 3rd ed., §6.1 (`gammln`): about 1e-15 relative.
const LANCZOS = [
  57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199,
  0.339946499848118887e-4, 0.465236289270485756e-4, -0.983744753048795646e-4,
  0.158088703224912494e-3, -0.210264441724104883e-3, 0.217439618115212643e-3,
  -0.16431810653676389e-3, 0.844182239838527433e-4, -0.261908384015814087e-4,
  0.368991826595316234e-5,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  let y = x;
  const tmp0 = x + 5.2421875;
  const tmp = (x + 0.5) * Math.log(tmp0) - tmp0;
  let ser = 0.999999999999997092;
  for (const c of LANCZOS) ser += c / ++y;
  return tmp + Math.log((2.5066282746310005 * ser) / x);
}

const EPS = 1e-16;
const FPMIN = 1e-300;
const MAX_ITERATIONS = 10_000;

/** P(a, x) by its series; converges quickly for x < a + 1. */
function gammaPSeries(a: number, x: number): number {
  let ap = a;
  let del = 1 / a;
  let sum = del;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    ap += 1;
    del *= x / ap;
    sum += del;
    if (Math.abs(del) < Math.abs(sum) * EPS) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

/** Q(a, x) by its continued fraction (modified Lentz); converges quickly for x ≥ a + 1. */
function gammaQContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/**
 * The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) (Numerical Recipes
 * `gammq`): the series below a + 1, the continued fraction above, so neither loses the tail.
 */
export function gammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0) || Number.isNaN(x)) return NaN;
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - gammaPSeries(a, x) : gammaQContinuedFraction(a, x);
}

/**
 * P(X ≥ x) for X chi-square with `df` degrees of freedom.
 * @example chiSquareSurvival(3.841458820694124, 1) // 0.05
 */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(df > 0)) return NaN;
  if (x <= 0) return 1;
  return gammaQ(df / 2, x / 2);
}

/** One subgroup's two arms: off-benefit counts out of evaluable participants. */
export interface ArmPair {
  x1: number;
  n1: number;
  x2: number;
  n2: number;
}

/** Cochran's Q over the subgroups that can carry a weight. */
export interface CochranQ {
  q: number;
  df: number;
  p: number;
  /** The inverse-variance pooled difference. */
  pooled: number;
  /** Per input subgroup: whether it entered the test (both arms evaluable ≥ 1, variance > 0). */
  included: boolean[];
}

/** Risk difference p1 − p2 and its Wald variance p1(1−p1)/n1 + p2(1−p2)/n2; null without both arms. */
export function riskDifference({
  x1,
  n1,
  x2,
  n2,
}: ArmPair): { d: number; variance: number } | null {
  if (n1 < 1 || n2 < 1) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  return { d: p1 - p2, variance: (p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2 };
}

/**
 * Cochran's Q test of heterogeneity of per-subgroup risk differences: inverse-variance weights
 * with the Wald variance, Q = Σ w(d − d̄)², chi-square with (groups − 1) df. Subgroups where
 * either arm has no evaluable participant, or whose variance is 0 (every rate 0 or 1), carry no
 * weight and are left out. Null when fewer than two subgroups remain.
 * @example cochranQ([{ x1: 24, n1: 40, x2: 8, n2: 40 }, { x1: 8, n1: 40, x2: 8, n2: 40 }]).p
 */
export function cochranQ(groups: readonly ArmPair[]): CochranQ | null {
  const parts = groups.map((g) => {
    const rd = riskDifference(g);
    return rd && rd.variance > 0 ? { d: rd.d, w: 1 / rd.variance } : null;
  });
  const used = parts.filter((p): p is { d: number; w: number } => p !== null);
  if (used.length < 2) return null;
  const sw = used.reduce((s, p) => s + p.w, 0);
  const pooled = used.reduce((s, p) => s + p.w * p.d, 0) / sw;
  const q = used.reduce((s, p) => s + p.w * (p.d - pooled) ** 2, 0);
  const df = used.length - 1;
  return { q, df, p: chiSquareSurvival(q, df), pooled, included: parts.map((p) => p !== null) };
}
