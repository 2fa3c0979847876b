import { describe, expect, it } from 'vitest';
import { designMatrix, type CovariateSpec, type CovariateValue } from './design.ts';
import { logistic, standardisedDifference } from './logistic.ts';
import { readExpected, readRCsv } from './r-fixtures.ts';

interface RLogit {
  name: string;
  treatment: string;
  covariates: string[];
  columns: string[];
  n: number;
  coef: number[];
  se: number[];
  deviance: number;
  risk1: number;
  risk0: number;
  rd: number;
  rdSe: number;
  lower: number;
  upper: number;
}

type Row = Record<string, CovariateValue>;
const datasets: Record<string, { rows: Row[]; outcome: (r: Row) => boolean }> = {
  lung: {
    rows: readRCsv('lung.csv').map((r) => ({ ...r, female: r.sex === 2 ? 1 : 0 })),
    outcome: (r) => r.status === 2 && Number(r.time) <= 365,
  },
  veteran: {
    rows: readRCsv('veteran.csv').map((r) => ({ ...r, trt2: r.trt === 2 ? 1 : 0 })),
    outcome: (r) => Number(r.time) <= 90,
  },
  ties: { rows: readRCsv('ties.csv'), outcome: (r) => r.status === 1 },
};
const CATEGORICAL = new Set(['celltype', 'group']);

const close = (actual: readonly number[], expected: readonly number[], tol = 1e-6) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - expected[i]!)).toBeLessThanOrEqual(tol));
};

describe.each(readExpected<RLogit[]>('logistic.json').map((c) => [c.name, c] as const))(
  'logistic regression on %s equals R glm',
  (_, c) => {
    const d = datasets[c.name.split(' ')[0]!]!;
    const specs: CovariateSpec[] = [c.treatment, ...c.covariates].map((name) => ({
      name,
      kind: CATEGORICAL.has(name) ? 'categorical' : 'numeric',
    }));
    const design = designMatrix(d.rows, specs);
    const data = { y: design.rows.map((i) => d.outcome(d.rows[i]!)), x: design.x };
    const fit = logistic(data);
    if (!fit.ok) throw new Error(`fit failed: ${fit.reason}`);

    it('has R’s coefficients, standard errors and deviance', () => {
      expect(['(Intercept)', ...design.columns.map((col) => col.name)]).toEqual(c.columns);
      expect(fit.n).toBe(c.n);
      close(fit.coef, c.coef);
      close(fit.se, c.se);
      close([fit.deviance], [c.deviance]);
    });

    it('has the standardised risk difference and delta-method interval computed in R', () => {
      const sd = standardisedDifference(data, fit, 0);
      close([sd.risk1, sd.risk0, sd.difference, sd.se], [c.risk1, c.risk0, c.rd, c.rdSe]);
      close(sd.ci95, [c.lower, c.upper]);
    });
  },
);

describe('the standardised difference without covariates', () => {
  it('is the raw difference with the Wald standard error', () => {
    // 6 of 10 in the arm, 3 of 10 in control.
    const y = [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0].map((v) => v === 1);
    const x = y.map((_, i) => [i < 10 ? 1 : 0]);
    const fit = logistic({ y, x });
    if (!fit.ok) throw new Error(fit.reason);
    const sd = standardisedDifference({ x }, fit, 0);
    expect(sd.difference).toBeCloseTo(0.3, 9);
    // To glm's convergence: the covariance uses the weights of the last iteration, as vcov() does.
    expect(sd.se).toBeCloseTo(Math.sqrt((0.6 * 0.4) / 10 + (0.3 * 0.7) / 10), 6);
  });
});

describe('logistic regression when no estimate exists', () => {
  it('reports complete separation', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8].map((v) => [v]);
    const y = [0, 0, 0, 0, 1, 1, 1, 1].map((v) => v === 1);
    expect(logistic({ y, x })).toEqual({ ok: false, reason: 'separation' });
  });

  it('reports quasi-complete separation (everyone in one arm without the outcome)', () => {
    // R's glm "converges" here after 18 iterations with a standard error of 5253.
    const y = [0, 0, 0, 0, 1, 1, 1, 1, 0, 1, 0, 1].map((v) => v === 1);
    const x = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0].map((v, i) => [v, i + 1]);
    expect(logistic({ y, x })).toEqual({ ok: false, reason: 'separation' });
  });

  it('reports zero events and all events', () => {
    const x = [[0], [1], [0], [1]];
    expect(logistic({ y: [false, false, false, false], x })).toEqual({
      ok: false,
      reason: 'no_events',
    });
    expect(logistic({ y: [true, true, true, true], x })).toEqual({
      ok: false,
      reason: 'no_events',
    });
  });

  it('reports a covariate with one level', () => {
    const x = [
      [0, 2],
      [1, 2],
      [0, 2],
      [1, 2],
    ];
    expect(logistic({ y: [true, false, false, true], x })).toEqual({
      ok: false,
      reason: 'constant_covariate',
      column: 1,
    });
  });
});
