import { zeros } from './linalg.ts';
import type { SurvivalData } from './cox.ts';

/** What the walk over the risk sets reports; the Cox fit and the zph test each add their sums. */
export interface EfronVisitor {
  /** An event of person `i` with linear predictor `zb`; `first` is the first person at its time. */
  event(i: number, zb: number, first: number): void;
  /**
   * One of the d Efron terms of an event time: its risk-set denominator, the weighted covariate
   * means (`mean[c]`) and the information increments (`v[c][e]` for e ≤ c). The arrays are
   * reused from term to term: read them, do not keep them.
   */
  term(
    denom: number,
    mean: readonly number[],
    v: readonly (readonly number[])[],
    first: number,
  ): void;
}

/**
 * Walks the risk sets latest time first at β, with Efron's handling of ties: with d tied events
 * at a time, the j-th of d terms (j = 1…d) has the censored-and-later risk set plus j/d of the
 * tied events' risk. The one definition of those sums for the Cox fit and its zph test.
 */
export function efronRiskSets(
  data: SurvivalData,
  x: readonly (readonly number[])[],
  order: readonly number[],
  beta: readonly number[],
  visit: EfronVisitor,
): void {
  const p = beta.length;
  const a = new Array<number>(p).fill(0);
  const a2 = new Array<number>(p).fill(0);
  const cmat = zeros(p);
  const cmat2 = zeros(p);
  const mean = new Array<number>(p).fill(0);
  const v = zeros(p);
  let denom = 0;

  let k = order.length - 1;
  while (k >= 0) {
    const first = order[k]!;
    const t = data.time[first]!;
    let deaths = 0;
    let denom2 = 0;
    for (; k >= 0 && data.time[order[k]!] === t; k--) {
      const i = order[k]!;
      const xi = x[i]!;
      let zb = 0;
      for (let c = 0; c < p; c++) zb += beta[c]! * xi[c]!;
      const risk = Math.exp(zb);
      if (data.event[i]) {
        deaths++;
        denom2 += risk;
        visit.event(i, zb, first);
        for (let c = 0; c < p; c++) {
          a2[c]! += risk * xi[c]!;
          for (let e = 0; e <= c; e++) cmat2[c]![e]! += risk * xi[c]! * xi[e]!;
        }
      } else {
        denom += risk;
        for (let c = 0; c < p; c++) {
          a[c]! += risk * xi[c]!;
          for (let e = 0; e <= c; e++) cmat[c]![e]! += risk * xi[c]! * xi[e]!;
        }
      }
    }
    if (deaths === 0) continue;
    for (let j = 0; j < deaths; j++) {
      denom += denom2 / deaths;
      for (let c = 0; c < p; c++) {
        a[c]! += a2[c]! / deaths;
        mean[c] = a[c]! / denom;
        for (let e = 0; e <= c; e++) {
          cmat[c]![e]! += cmat2[c]![e]! / deaths;
          v[c]![e] = (cmat[c]![e]! - mean[c]! * a[e]!) / denom;
        }
      }
      visit.term(denom, mean, v, first);
    }
    a2.fill(0);
    for (const row of cmat2) row.fill(0);
  }
}
