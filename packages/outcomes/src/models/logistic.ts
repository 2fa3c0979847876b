/**
 * Logistic regression fitted as R's `glm(family = binomial)` fits it (glm.fit): iteratively
 * reweighted least squares from R's starting values, convergence when the relative change in
 * deviance is below 1e-8, at most 25 iterations, step halving when the deviance is not finite,
 * and the covariance from the weights of the last iteration (what `vcov()` returns). Then the
 * standardised risk difference by g-computation with a delta-method interval.
 */
import { Z975, twoSidedP } from './distributions.ts';
import { cholesky, choleskyInverse, choleskySolve, type Matrix } from './linalg.ts';
import { constantColumn, type ModelResult } from './result.ts';

export interface BinaryData {
  /** Outcome per person. */
  y: readonly boolean[];
  /** Design matrix, one row per person, without the intercept (it is added as column 0). */
  x: readonly (readonly number[])[];
}

export interface LogisticOptions {
  epsilon?: number;
  maxIterations?: number;
}

export interface LogisticFit {
  /** Intercept first, then one per design column. */
  coef: number[];
  se: number[];
  p: number[];
  variance: Matrix;
  deviance: number;
  iterations: number;
  n: number;
  events: number;
}

// R's C_logit_linkinv / C_logit_mu_eta clamp the linear predictor beyond ±30.
const EPS = 2.220446049250313e-16;
const THRESH = 30;
const linkinv = (eta: number): number => {
  const t = eta < -THRESH ? EPS : eta > THRESH ? 1 / EPS : Math.exp(eta);
  return t / (1 + t);
};
const muEta = (eta: number): number => {
  if (eta > THRESH || eta < -THRESH) return EPS;
  const e = Math.exp(eta);
  return Math.max(e / ((1 + e) * (1 + e)), EPS);
};
const deviance = (y: readonly boolean[], mu: readonly number[]): number => {
  let d = 0;
  for (let i = 0; i < y.length; i++) d -= 2 * Math.log(y[i] ? mu[i]! : 1 - mu[i]!);
  return d;
};

/** Fit the model; see the module comment. */
export function logistic(
  data: BinaryData,
  options: LogisticOptions = {},
): ModelResult<LogisticFit> {
  const epsilon = options.epsilon ?? 1e-8;
  const maxIterations = options.maxIterations ?? 25;
  const n = data.y.length;
  const events = data.y.filter(Boolean).length;
  if (events === 0 || events === n) return { ok: false, reason: 'no_events' };
  const p0 = n === 0 ? 0 : data.x[0]!.length;
  const constant = constantColumn(data.x, p0);
  if (constant >= 0) return { ok: false, reason: 'constant_covariate', column: constant };
  const x = data.x.map((r) => [1, ...r]);
  const p = p0 + 1;

  let mu: number[] = data.y.map((yi) => (yi ? 0.75 : 0.25)); // (y + 0.5) / 2, glm's mustart
  let eta = mu.map((m) => Math.log(m / (1 - m)));
  let devOld = deviance(data.y, mu);
  let coefOld: number[] | null = null;

  for (let iter = 1; iter <= maxIterations; iter++) {
    // Weighted least squares of the working response on x, by the normal equations.
    const xtwx: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const xtwz = new Array<number>(p).fill(0);
    for (let i = 0; i < n; i++) {
      const d = muEta(eta[i]!);
      const w = (d * d) / (mu[i]! * (1 - mu[i]!));
      const z = eta[i]! + ((data.y[i] ? 1 : 0) - mu[i]!) / d;
      const xi = x[i]!;
      for (let a = 0; a < p; a++) {
        xtwz[a]! += w * xi[a]! * z;
        for (let b = 0; b <= a; b++) xtwx[a]![b]! += w * xi[a]! * xi[b]!;
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xtwx[b]![a] = xtwx[a]![b]!;
    const chol = cholesky(xtwx, 1e-10);
    if (chol === null) return { ok: false, reason: 'collinear' };
    let coef = choleskySolve(chol, xtwz);
    let dev = Number.NaN;
    for (let halving = 0; ; halving++) {
      eta = x.map((xi) => dot(xi, coef));
      mu = eta.map(linkinv);
      dev = deviance(data.y, mu);
      if (Number.isFinite(dev)) break;
      if (coefOld === null || halving >= maxIterations)
        return { ok: false, reason: 'not_converged' };
      coef = coef.map((c, j) => (c + coefOld![j]!) / 2);
    }
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < epsilon) {
      const variance = choleskyInverse(chol);
      if (stillMoving(x, data.y, mu, eta)) return { ok: false, reason: 'separation' };
      const se = variance.map((row, j) => Math.sqrt(row[j]!));
      return {
        ok: true,
        coef,
        se,
        p: coef.map((c, j) => twoSidedP(c / se[j]!)),
        variance,
        deviance: dev,
        iterations: iter,
        n,
        events,
      };
    }
    devOld = dev;
    coefOld = coef;
  }
  return stillMoving(x, data.y, mu, eta)
    ? { ok: false, reason: 'separation' }
    : { ok: false, reason: 'not_converged' };
}

/**
 * Separation test after the deviance has settled: one more Newton step would still move some
 * fitted log-odds by more than 0.1. At a true maximum that step is of the order 1e-8; when a
 * combination of columns predicts the outcome perfectly the maximum lies at infinity and each
 * step moves the separated log-odds by about 1 (R's glm then "converges" with fitted
 * probabilities near 0 or 1 and enormous standard errors; coxph applies the same idea).
 */
function stillMoving(
  x: readonly (readonly number[])[],
  y: readonly boolean[],
  mu: readonly number[],
  eta: readonly number[],
): boolean {
  const p = x[0]!.length;
  const info: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const score = new Array<number>(p).fill(0);
  for (let i = 0; i < x.length; i++) {
    const w = muEta(eta[i]!);
    const r = (y[i] ? 1 : 0) - mu[i]!;
    for (let a = 0; a < p; a++) {
      score[a]! += x[i]![a]! * r;
      for (let b = 0; b < p; b++) info[a]![b]! += w * x[i]![a]! * x[i]![b]!;
    }
  }
  const chol = cholesky(info, 1e-300);
  if (chol === null) return true;
  const step = choleskySolve(chol, score);
  return x.some((xi) => Math.abs(dot(xi, step)) > 0.1);
}

const dot = (a: readonly number[], b: readonly number[]): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

export interface StandardisedDifference {
  /** Mean predicted probability with everyone set to the arm (treatment = 1). */
  risk1: number;
  /** The same with everyone set to control (treatment = 0). */
  risk0: number;
  difference: number;
  se: number;
  ci95: [number, number];
  p: number;
}

/**
 * The standardised risk difference by g-computation: predict every person's probability with
 * the treatment column set to 1 and to 0, average each, subtract. Its variance by the delta
 * method, gᵀVg with g = mean(p1(1−p1)x1) − mean(p0(1−p0)x0) and V the model's covariance.
 * `treatment` indexes the design columns of `data.x` (without the intercept).
 * @example standardisedDifference(data, fit, 0).difference
 */
export function standardisedDifference(
  data: Pick<BinaryData, 'x'>,
  fit: Pick<LogisticFit, 'coef' | 'variance'>,
  treatment: number,
): StandardisedDifference {
  const p = fit.coef.length;
  const n = data.x.length;
  const grad = new Array<number>(p).fill(0);
  let risk1 = 0;
  let risk0 = 0;
  for (const row of data.x) {
    const x1 = [1, ...row];
    const x0 = [1, ...row];
    x1[treatment + 1] = 1;
    x0[treatment + 1] = 0;
    const m1 = linkinv(dot(x1, fit.coef));
    const m0 = linkinv(dot(x0, fit.coef));
    risk1 += m1;
    risk0 += m0;
    for (let j = 0; j < p; j++) grad[j]! += m1 * (1 - m1) * x1[j]! - m0 * (1 - m0) * x0[j]!;
  }
  for (let j = 0; j < p; j++) grad[j]! /= n;
  risk1 /= n;
  risk0 /= n;
  let v = 0;
  for (let a = 0; a < p; a++)
    for (let b = 0; b < p; b++) v += grad[a]! * fit.variance[a]![b]! * grad[b]!;
  const se = Math.sqrt(v);
  const difference = risk1 - risk0;
  return {
    risk1,
    risk0,
    difference,
    se,
    ci95: [difference - Z975 * se, difference + Z975 * se],
    p: twoSidedP(difference / se),
  };
}
