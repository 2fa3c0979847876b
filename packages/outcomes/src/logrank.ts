import { pchisqUpper } from './models/distributions.ts';
import { solveSpd } from './models/linalg.ts';
import type { SurvivalTime } from './survival.ts';

/** The k-sample log-rank test: chi-square with `df` = (groups with expected > 0) − 1. */
export interface LogRankK {
  chi2: number;
  df: number;
  p: number;
}

/**
 * The log-rank test over k groups as R's `survdiff` (rho = 0) computes it: observed minus
 * expected events per group, their hypergeometric covariance
 * `V_jl = Σ d(n−d)/(n−1) · n_j/n · (δ_jl − n_l/n)`, and chi2 = (O−E)ᵀ V⁻¹ (O−E) over all groups but
 * the first. Like `survdiff`, groups with no expected events (nobody at risk at any event time)
 * are left out of the test and out of its degrees of freedom. Null when fewer than two groups
 * remain or the covariance is singular (e.g. no events at all).
 * @example logRankK([armA, armB, armC])?.df // 2
 */
export function logRankK(groups: readonly (readonly SurvivalTime[])[]): LogRankK | null {
  const k = groups.length;
  const all: { days: number; event: boolean; g: number }[] = [];
  groups.forEach((times, g) => {
    for (const s of times) all.push({ days: s.days, event: !s.censored, g });
  });
  all.sort((a, b) => a.days - b.days);

  const atRisk = groups.map((times) => times.length);
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const variance = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const deaths = new Array<number>(k).fill(0);
  const leaving = new Array<number>(k).fill(0);
  let i = 0;
  while (i < all.length) {
    const t = all[i]!.days;
    deaths.fill(0);
    leaving.fill(0);
    while (i < all.length && all[i]!.days === t) {
      const s = all[i]!;
      leaving[s.g]!++;
      if (s.event) deaths[s.g]!++;
      i++;
    }
    const d = deaths.reduce((a, b) => a + b, 0);
    const n = atRisk.reduce((a, b) => a + b, 0);
    if (d > 0) {
      for (let j = 0; j < k; j++) {
        observed[j]! += deaths[j]!;
        expected[j]! += (d * atRisk[j]!) / n;
      }
      if (n > 1) {
        const scale = (d * (n - d)) / (n - 1);
        for (let j = 0; j < k; j++) {
          const pj = atRisk[j]! / n;
          for (let l = 0; l < k; l++) {
            variance[j]![l]! += scale * pj * ((j === l ? 1 : 0) - atRisk[l]! / n);
          }
        }
      }
    }
    for (let j = 0; j < k; j++) atRisk[j]! -= leaving[j]!;
  }

  const kept = expected.flatMap((e, j) => (e > 0 ? [j] : []));
  if (kept.length < 2) return null;
  const rest = kept.slice(1);
  const diff = rest.map((j) => observed[j]! - expected[j]!);
  const v = rest.map((j) => rest.map((l) => variance[j]![l]!));
  const solved = solveSpd(v, diff);
  if (!solved) return null;
  const chi2 = solved.reduce((s, x, j) => s + x * diff[j]!, 0);
  const df = kept.length - 1;
  return { chi2, df, p: pchisqUpper(chi2, df) };
}
