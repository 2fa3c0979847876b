import { describe, expect, it } from 'vitest';
import { coxph, type SurvivalData } from './cox.ts';
import { designMatrix, type CovariateSpec, type CovariateValue } from './design.ts';
import { readExpected, readRCsv } from './r-fixtures.ts';
import { coxZph } from './zph.ts';

interface RCox {
  name: string;
  covariates: string[];
  columns: string[];
  n: number;
  events: number;
  coef: number[];
  se: number[];
  hr: number[];
  lower: number[];
  upper: number[];
  p: number[];
  loglik: [number, number];
  zph: { terms: string[]; chisq: number[]; df: number[]; p: number[] };
}

type Row = Record<string, CovariateValue>;
const datasets: Record<string, { rows: Row[]; time: string; event: (r: Row) => boolean }> = {
  lung: {
    rows: readRCsv('lung.csv').map((r) => ({ ...r, female: r.sex === 2 ? 1 : 0 })),
    time: 'time',
    event: (r) => r.status === 2,
  },
  veteran: {
    rows: readRCsv('veteran.csv').map((r) => ({ ...r, trt2: r.trt === 2 ? 1 : 0 })),
    time: 'time',
    event: (r) => r.status === 1,
  },
  ties: { rows: readRCsv('ties.csv'), time: 'time', event: (r) => r.status === 1 },
};
const CATEGORICAL = new Set(['celltype', 'group']);

function prepare(c: RCox) {
  const d = datasets[c.name.split(' ')[0]!]!;
  const specs: CovariateSpec[] = c.covariates.map((name) => ({
    name,
    kind: CATEGORICAL.has(name) ? 'categorical' : 'numeric',
  }));
  const design = designMatrix(d.rows, specs);
  const data: SurvivalData = {
    time: design.rows.map((i) => Number(d.rows[i]![d.time])),
    event: design.rows.map((i) => d.event(d.rows[i]!)),
    x: design.x,
  };
  return { design, data };
}

const cases = readExpected<RCox[]>('cox.json');
const close = (actual: readonly number[], expected: readonly number[], tol = 1e-6) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - expected[i]!)).toBeLessThanOrEqual(tol));
};
const relClose = (actual: readonly number[], expected: readonly number[], tol = 1e-6) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) =>
    expect(Math.abs(a - expected[i]!)).toBeLessThanOrEqual(
      tol * Math.max(1, Math.abs(expected[i]!)),
    ),
  );
};

describe.each(cases.map((c) => [c.name, c] as const))('coxph (Efron) on %s equals R', (_, c) => {
  const { design, data } = prepare(c);
  const fit = coxph(data);
  if (!fit.ok) throw new Error(`fit failed: ${fit.reason}`);

  it('builds the design columns R builds', () => {
    expect(design.columns.map((col) => col.name)).toEqual(c.columns);
    expect([fit.n, fit.events]).toEqual([c.n, c.events]);
  });

  it('has R’s coefficients, standard errors and log-likelihoods', () => {
    close(fit.coef, c.coef);
    close(fit.se, c.se);
    relClose([fit.loglik.initial, fit.loglik.final], c.loglik);
  });

  it('has R’s hazard ratios, Wald 95% intervals and p-values', () => {
    close(fit.hazardRatio, c.hr);
    close(
      fit.ci95.map((ci) => ci[0]),
      c.lower,
    );
    close(
      fit.ci95.map((ci) => ci[1]),
      c.upper,
    );
    close(fit.p, c.p);
  });

  it('has R’s cox.zph chi-squares, df and p per term and GLOBAL', () => {
    const zph = coxZph(data, fit, design.terms);
    expect(zph).not.toBeNull();
    const tests = [...zph!.terms, zph!.global];
    expect(tests.map((t) => t.name)).toEqual(c.zph.terms);
    close(
      tests.map((t) => t.chisq),
      c.zph.chisq,
    );
    expect(tests.map((t) => t.df)).toEqual(c.zph.df);
    close(
      tests.map((t) => t.p),
      c.zph.p,
    );
  });
});

describe('coxph when no estimate exists', () => {
  const base = { time: [1, 2, 3, 4, 5, 6], x: [[0], [1], [0], [1], [0], [1]] };

  it('reports no events', () => {
    expect(coxph({ ...base, event: base.time.map(() => false) })).toEqual({
      ok: false,
      reason: 'no_events',
    });
  });

  it('reports a covariate with one level', () => {
    const x = base.x.map((r) => [r[0]!, 1]);
    expect(coxph({ ...base, x, event: base.time.map(() => true) })).toEqual({
      ok: false,
      reason: 'constant_covariate',
      column: 1,
    });
  });

  it('reports separation when every exit in one group comes before any in the other', () => {
    // The arm-1 people all have the event before any arm-0 person: the hazard ratio is infinite.
    const fit = coxph({
      time: [1, 2, 3, 4, 5, 6, 7, 8],
      event: [true, true, true, true, false, false, false, false],
      x: [[1], [1], [1], [1], [0], [0], [0], [0]],
    });
    expect(fit).toEqual({ ok: false, reason: 'separation', column: 0 });
  });

  it('reports collinear columns', () => {
    const x = base.x.map((r) => [r[0]!, 2 * r[0]!]);
    expect(coxph({ ...base, x, event: [true, false, true, true, false, true] })).toEqual({
      ok: false,
      reason: 'collinear',
    });
  });

  it('reports non-convergence when the iteration limit is too small', () => {
    const fit = coxph(
      { ...base, event: [true, false, true, true, false, true] },
      { iterMax: 1, eps: 1e-15 },
    );
    expect(fit).toEqual({ ok: false, reason: 'not_converged' });
  });
});
