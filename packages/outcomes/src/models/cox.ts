/**
 * Cox proportional hazards regression with Efron's method for ties, fitted as R's
 * `coxph(ties = "efron")` fits it (survival's coxfit6): Newton–Raphson from β = 0 with step
 * halving whenever the log partial likelihood falls, convergence when the relative change of
 * the log-likelihood is at most `eps`, Wald standard errors from the inverse information at the
 * last iterate, and R's check for a coefficient that drifts to infinity (monotone likelihood).
 */
import { Z975, twoSidedP } from './distributions.ts';
import { cholesky, choleskyInverse, choleskySolve, zeros, type Matrix } from './linalg.ts';
import { efronRiskSets } from './efron.ts';
import { constantColumn, type ModelFailure, type ModelResult } from './result.ts';

export interface SurvivalData {
  /** Follow-up time per person (days, or any unit). */
  time: readonly number[];
  /** True when the time is an event, false when it is censored. */
  event: readonly boolean[];
  /** Design matrix, one row per person, no intercept column. */
  x: readonly (readonly number[])[];
}

export interface CoxOptions {
  /** Convergence: |1 − ℓ_old/ℓ_new| <= eps (R's coxph.control default 1e-9). */
  eps?: number;
  /** Newton iterations before giving up (R's default 20). */
  iterMax?: number;
}

export interface CoxFit {
  coef: number[];
  se: number[];
  hazardRatio: number[];
  /** exp(β ± z·se), z = qnorm(0.975). */
  ci95: [number, number][];
  /** Wald p-value per coefficient. */
  p: number[];
  /** Log partial likelihood at β = 0 and at the estimate. */
  loglik: { initial: number; final: number };
  iterations: number;
  /** Inverse information matrix at the estimate. */
  variance: Matrix;
  n: number;
  events: number;
}

interface Pass {
  loglik: number;
  u: number[];
  imat: Matrix;
}

/** Fit a Cox model; see the module comment. */
export function coxph(data: SurvivalData, options: CoxOptions = {}): ModelResult<CoxFit> {
  const eps = options.eps ?? 1e-9;
  const iterMax = options.iterMax ?? 20;
  const n = data.time.length;
  const p = n === 0 ? 0 : data.x[0]!.length;
  const events = data.event.filter(Boolean).length;
  if (events === 0) return { ok: false, reason: 'no_events' };
  const constant = constantColumn(data.x, p);
  if (constant >= 0) return { ok: false, reason: 'constant_covariate', column: constant };

  // Centred covariates (as coxfit6 does) keep exp(xβ) in range; the estimates are unchanged.
  const x = centred(data.x, p);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => data.time[a]! - data.time[b]!,
  );
  const pass = (beta: readonly number[]): Pass => efronPass(data, x, order, beta);

  let beta = new Array<number>(p).fill(0);
  const current = pass(beta);
  const initial = current.loglik;
  let best = initial;
  let chol = cholesky(current.imat);
  if (chol === null) return { ok: false, reason: 'collinear' };
  let step = choleskySolve(chol, current.u);
  let next = beta.map((b, i) => b + step[i]!);
  let halving = 0;

  for (let iter = 1; iter <= iterMax; iter++) {
    const trial = pass(next);
    const finite = Number.isFinite(trial.loglik) && trial.u.every(Number.isFinite);
    chol = finite ? cholesky(trial.imat) : null;
    if (finite && chol !== null && Math.abs(1 - best / trial.loglik) <= eps) {
      return finish(next, trial, chol, initial, iter, n, events, eps);
    }
    if (!finite || chol === null || trial.loglik < best) {
      halving++;
      next = next.map((b, i) => (b + halving * beta[i]!) / (halving + 1));
    } else {
      halving = 0;
      best = trial.loglik;
      step = choleskySolve(chol, trial.u);
      beta = next;
      next = next.map((b, i) => b + step[i]!);
    }
  }
  return ranOut(beta, x);
}

/**
 * Out of iterations. When a coefficient has grown so large that one standard deviation of its
 * column multiplies the hazard by more than e^10, the likelihood is monotone in it (R's coxph
 * runs out of iterations there too, with β near 22 for a perfectly separated arm): report
 * separation; otherwise plain non-convergence.
 */
function ranOut(beta: readonly number[], x: readonly (readonly number[])[]): ModelFailure {
  let worst = -1;
  let size = 10;
  beta.forEach((b, j) => {
    const sd = Math.sqrt(x.reduce((s, r) => s + r[j]! * r[j]!, 0) / x.length);
    if (Math.abs(b) * sd > size) {
      size = Math.abs(b) * sd;
      worst = j;
    }
  });
  return worst >= 0
    ? { ok: false, reason: 'separation', column: worst }
    : { ok: false, reason: 'not_converged' };
}

function finish(
  beta: number[],
  at: Pass,
  chol: Matrix,
  initial: number,
  iterations: number,
  n: number,
  events: number,
  eps: number,
): ModelResult<CoxFit> {
  const variance = choleskyInverse(chol);
  const p = beta.length;
  // R's coxph.fit: the next Newton step var·u still large means the likelihood is monotone in
  // that coefficient — it converged in ℓ while β runs off to infinity.
  const tolerInf = Math.sqrt(eps);
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += variance[i]![j]! * at.u[j]!;
    if (Math.abs(s) > eps && Math.abs(s) > tolerInf * Math.abs(beta[i]!)) {
      return { ok: false, reason: 'separation', column: i };
    }
  }
  const se = beta.map((_, i) => Math.sqrt(variance[i]![i]!));
  return {
    ok: true,
    coef: beta,
    se,
    hazardRatio: beta.map(Math.exp),
    ci95: beta.map((b, i): [number, number] => [
      Math.exp(b - Z975 * se[i]!),
      Math.exp(b + Z975 * se[i]!),
    ]),
    p: beta.map((b, i) => twoSidedP(b / se[i]!)),
    loglik: { initial, final: at.loglik },
    iterations,
    variance,
    n,
    events,
  };
}

/** Columns minus their means. */
export function centred(rows: readonly (readonly number[])[], p: number): number[][] {
  const n = rows.length;
  const mean = new Array<number>(p).fill(0);
  for (const r of rows) for (let j = 0; j < p; j++) mean[j]! += r[j]!;
  for (let j = 0; j < p; j++) mean[j]! /= n;
  return rows.map((r) => r.map((v, j) => v - mean[j]!));
}

/** The Efron log partial likelihood, its score and its information at β, in one pass. */
function efronPass(
  data: SurvivalData,
  x: readonly (readonly number[])[],
  order: readonly number[],
  beta: readonly number[],
): Pass {
  const p = beta.length;
  const u = new Array<number>(p).fill(0);
  const imat = zeros(p);
  let loglik = 0;
  efronRiskSets(data, x, order, beta, {
    event(i, zb) {
      loglik += zb;
      for (let c = 0; c < p; c++) u[c]! += x[i]![c]!;
    },
    term(denom, mean, v) {
      loglik -= Math.log(denom);
      for (let c = 0; c < p; c++) {
        u[c]! -= mean[c]!;
        for (let e = 0; e <= c; e++) imat[e]![c]! += v[c]![e]!;
      }
    },
  });
  for (let c = 0; c < p; c++) for (let e = 0; e < c; e++) imat[c]![e] = imat[e]![c]!;
  return { loglik, u, imat };
}
