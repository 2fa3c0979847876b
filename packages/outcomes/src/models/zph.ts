/**
 * The proportional-hazards check of R's `cox.zph(fit, transform = "km")` (survival ≥ 3.0): a
 * score test, at the fitted β, of adding β·g(t) terms, with g(t) = 1 − S(t−) from the
 * Kaplan–Meier curve of all people, centred over the event times. One test per term (a
 * categorical covariate's dummies together, df = its number of columns) and a GLOBAL test.
 */
import { centred, type CoxFit, type SurvivalData } from './cox.ts';
import { pchisqUpper } from './distributions.ts';
import { efronRiskSets } from './efron.ts';
import { solveSpd, subMatrix, zeros } from './linalg.ts';

export interface ZphTerm {
  name: string;
  /** Design columns of the term. */
  columns: readonly number[];
}

export interface ZphTest {
  name: string;
  chisq: number;
  df: number;
  p: number;
}

export interface Zph {
  terms: ZphTest[];
  global: ZphTest;
}

/**
 * cox.zph for a fitted model; null when a block of the information matrix is singular.
 * @example coxZph(data, fit, [{ name: 'arm', columns: [0] }]).global.p
 */
export function coxZph(
  data: SurvivalData,
  fit: Pick<CoxFit, 'coef'>,
  terms: readonly ZphTerm[],
): Zph | null {
  const n = data.time.length;
  const p = fit.coef.length;
  const x = centred(data.x, p);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => data.time[a]! - data.time[b]!,
  );
  const g = kmTransform(data, order);
  const { u, imat } = zphPass(data, x, order, fit.coef, g);

  const test = (name: string, cols: readonly number[]): ZphTest | null => {
    const idx = [...Array.from({ length: p }, (_, i) => i), ...cols.map((c) => c + p)];
    const score = idx.map((i) => (i < p ? 0 : u[i]!));
    const solved = solveSpd(subMatrix(imat, idx), score);
    if (solved === null) return null;
    let chisq = 0;
    for (let i = 0; i < idx.length; i++) chisq += solved[i]! * score[i]!;
    return { name, chisq, df: cols.length, p: pchisqUpper(chisq, cols.length) };
  };
  const out: ZphTest[] = [];
  for (const t of terms) {
    const r = test(t.name, t.columns);
    if (r === null) return null;
    out.push(r);
  }
  const global = test(
    'GLOBAL',
    Array.from({ length: p }, (_, i) => i),
  );
  return global === null ? null : { terms: out, global };
}

/** g(t) = 1 − S(t−) per person (left-continuous KM of everyone), centred on the events' mean. */
function kmTransform(data: SurvivalData, order: readonly number[]): number[] {
  const n = order.length;
  const g = new Array<number>(n).fill(0);
  let surv = 1;
  let atRisk = n;
  let k = 0;
  while (k < n) {
    const t = data.time[order[k]!]!;
    let deaths = 0;
    let j = k;
    for (; j < n && data.time[order[j]!] === t; j++) {
      g[order[j]!] = 1 - surv;
      if (data.event[order[j]!]) deaths++;
    }
    surv *= 1 - deaths / atRisk;
    atRisk -= j - k;
    k = j;
  }
  let sum = 0;
  let events = 0;
  for (let i = 0; i < n; i++) {
    if (data.event[i]) {
      sum += g[i]!;
      events++;
    }
  }
  const mean = sum / events;
  return g.map((v) => v - mean);
}

/**
 * Score of the time-weighted terms and the full 2p × 2p information at (β, γ = 0), Efron ties;
 * the same sums as the Cox fit with each event time's contribution also weighted by g(t).
 */
function zphPass(
  data: SurvivalData,
  x: readonly (readonly number[])[],
  order: readonly number[],
  beta: readonly number[],
  g: readonly number[],
): { u: number[]; imat: number[][] } {
  const p = beta.length;
  const u = new Array<number>(2 * p).fill(0);
  const imat = zeros(2 * p);
  efronRiskSets(data, x, order, beta, {
    event(i, _zb, first) {
      const w = g[first]!;
      for (let c = 0; c < p; c++) {
        u[c]! += x[i]![c]!;
        u[c + p]! += w * x[i]![c]!;
      }
    },
    term(_denom, mean, v, first) {
      const w = g[first]!;
      for (let c = 0; c < p; c++) {
        u[c]! -= mean[c]!;
        u[c + p]! -= w * mean[c]!;
        for (let e = 0; e <= c; e++) {
          imat[e]![c]! += v[c]![e]!;
          imat[e]![c + p]! += w * v[c]![e]!;
          imat[e + p]![c + p]! += w * w * v[c]![e]!;
        }
      }
    },
  });
  for (let c = 0; c < p; c++) {
    for (let e = 0; e < c; e++) {
      imat[c]![e] = imat[e]![c]!;
      imat[c]![e + p] = imat[e]![c + p]!;
      imat[c + p]![e + p] = imat[e + p]![c + p]!;
    }
  }
  for (let c = 0; c < p; c++) for (let e = 0; e < p; e++) imat[c + p]![e] = imat[e]![c + p]!;
  return { u, imat };
}
