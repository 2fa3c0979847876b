import { describe, expect, it } from 'vitest';
import { differenceRows, hazardRows, modelArm, phViolations, ratioDomain } from './mappers.ts';
import { modelStrings } from './strings.ts';

const s = modelStrings.nl;
const base = {
  pilotId: 'p',
  observationEnd: '2025-12-31',
  covariates: ['household'],
  n: 40,
  excluded: 2,
  events: 30,
  proportionalHazards: null,
};

describe('hazardRows', () => {
  it('gives a row per estimated model with its interval as error-bar distances', () => {
    const r = hazardRows(
      {
        ...base,
        unadjusted: { ok: true, hazardRatio: 1.5, ci95: [1.2, 2], p: 0.01, coefficients: [] },
        adjusted: { ok: false, reason: 'separation', covariate: 'household' },
      },
      s,
    );
    expect(r.rows).toEqual([
      {
        label: 'Niet gecorrigeerd',
        estimate: 1.5,
        lo: 1.2,
        hi: 2,
        error: [1.5 - 1.2, 0.5],
        p: 0.01,
      },
    ]);
    expect(r.failures).toEqual([
      { label: 'Gecorrigeerd', text: `${s.reasons.separation} (betreft: household)` },
    ]);
  });
});

describe('differenceRows', () => {
  it('shows risk differences in percentage points and leaves out a model not asked for', () => {
    const r = differenceRows(
      {
        ...base,
        windowMonths: 12,
        pending: 3,
        unadjusted: {
          ok: true,
          difference: 0.1,
          ci95: [-0.05, 0.25],
          risk1: 0.4,
          risk0: 0.3,
          p: null,
          coefficients: [],
        },
        adjusted: null,
      },
      s,
    );
    expect(r.rows.map((x) => [x.estimate, x.lo, x.hi])).toEqual([[10, -5, 25]]);
    expect(r.failures).toEqual([]);
  });
});

describe('ratioDomain and phViolations', () => {
  it('keeps 1 inside the log-scale domain', () => {
    const [lo, hi] = ratioDomain([
      { label: '', estimate: 2, lo: 1.5, hi: 3, error: [0.5, 1], p: null },
    ]);
    expect(lo).toBeLessThan(1);
    expect(hi).toBeCloseTo(3.75, 12);
  });

  it('names the terms with p below 0.05', () => {
    const test = (name: string, p: number) => ({ name, chisq: 1, df: 1, p });
    expect(
      phViolations({
        terms: [test('arm', 0.2), test('household', 0.01)],
        global: test('GLOBAL', 0.04),
      }),
    ).toEqual(['household']);
  });
});

describe('modelArm', () => {
  const four = ['vrijstelling', 'extra_begeleiding', 'bijverdienen', 'control'];
  it('offers every intervention arm of a four-arm pilot, the primary one by default', () => {
    expect(modelArm(four, null)).toEqual({
      choices: ['vrijstelling', 'extra_begeleiding', 'bijverdienen'],
      arm: 'vrijstelling',
      param: 'vrijstelling',
    });
    expect(modelArm(four, 'bijverdienen').param).toBe('bijverdienen');
    expect(modelArm(four, 'control').arm).toBe('vrijstelling');
  });
  it('sends no arm for a two-arm pilot', () => {
    expect(modelArm(['intervention', 'control'], 'intervention')).toEqual({
      choices: ['intervention'],
      arm: 'intervention',
      param: undefined,
    });
  });
});
