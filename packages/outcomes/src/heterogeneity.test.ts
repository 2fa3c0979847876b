import { describe, expect, it } from 'vitest';
import { erfc } from './erfc.ts';
import { chiSquareSurvival, cochranQ, gammaQ, logGamma, riskDifference } from './heterogeneity.ts';

// Reference values from mpmath (30 digits): gammainc(df/2, x/2, regularized=True), printed to 17.
const CHI2: [number, number, number][] = [
  [3.84, 1, 0.050043521248705103],
  [3.841458820694124, 1, 0.05],
  [5.99, 2, 0.050036627086586283],
  [5.991464547107979, 2, 0.05],
  [7.81, 3, 0.050106056350005941],
  [7.814727903251178, 3, 0.05],
  [10.828, 1, 0.00099976571958309236],
  [18.467, 4, 0.0009999219344667769],
  [0.5, 1, 0.47950012218695346],
  [1, 5, 0.96256577324729637],
  [20.9, 4, 0.00033145772926452245],
  [43.77297182574219, 30, 0.05],
  [124.3421134, 100, 0.050000000025272323],
  [100, 1, 1.5239706048321052e-23],
  [0.001, 3, 0.99999159208094195],
  [200, 10, 1.6139305336977305e-37],
  [2, 2, 0.36787944117144232],
];

describe('chiSquareSurvival', () => {
  it.each(CHI2)('P(chi2 ≥ %s | df %i) = %s to 1e-12 relative', (x, df, expected) => {
    expect(Math.abs(chiSquareSurvival(x, df) - expected) / expected).toBeLessThan(1e-12);
  });

  it('gives the textbook 5% critical values: 3.84 (1 df), 5.99 (2 df), 7.81 (3 df)', () => {
    expect(chiSquareSurvival(3.84, 1)).toBeCloseTo(0.05, 3);
    expect(chiSquareSurvival(5.99, 2)).toBeCloseTo(0.05, 3);
    expect(chiSquareSurvival(7.81, 3)).toBeCloseTo(0.05, 3);
  });

  it('agrees with the closed forms: erfc(sqrt(x/2)) for 1 df, exp(−x/2) for 2 df', () => {
    for (const x of [0.01, 0.7, 2.5, 9, 30, 80]) {
      expect(chiSquareSurvival(x, 1) / erfc(Math.sqrt(x / 2))).toBeCloseTo(1, 12);
      expect(chiSquareSurvival(x, 2) / Math.exp(-x / 2)).toBeCloseTo(1, 12);
    }
  });

  it('is 1 at 0, decreasing in x, and NaN for a df that is not positive', () => {
    expect(chiSquareSurvival(0, 4)).toBe(1);
    let last = 1;
    for (let x = 0.25; x < 40; x += 0.25) {
      const p = chiSquareSurvival(x, 4);
      expect(p).toBeLessThan(last);
      last = p;
    }
    expect(chiSquareSurvival(3, 0)).toBeNaN();
  });
});

describe('gammaQ and logGamma', () => {
  it.each([
    [0.5, 0.57236494292470009],
    [10, 12.80182748008147],
    [1e-5, 11.512919692895826],
    [171.5, 709.14316303092824],
  ])('logGamma(%s) = %s to 1e-13 relative', (x, expected) => {
    expect(Math.abs(logGamma(x) - expected) / expected).toBeLessThan(1e-13);
  });

  it('is continuous where it switches from the series to the continued fraction (x = a + 1)', () => {
    for (const a of [0.5, 1.5, 4, 25]) {
      expect(gammaQ(a, a + 1 - 1e-9)).toBeCloseTo(gammaQ(a, a + 1 + 1e-9), 9);
    }
  });
});

describe('cochranQ', () => {
  it('equals (d1 − d2)² / (v1 + v2) for two subgroups', () => {
    const a = { x1: 24, n1: 40, x2: 8, n2: 40 };
    const b = { x1: 8, n1: 40, x2: 8, n2: 40 };
    const ra = riskDifference(a)!;
    const rb = riskDifference(b)!;
    const het = cochranQ([a, b])!;
    expect(het.q).toBeCloseTo((ra.d - rb.d) ** 2 / (ra.variance + rb.variance), 12);
    expect(het.df).toBe(1);
    expect(het.p).toBeCloseTo(erfc(Math.sqrt(het.q / 2)), 12);
  });

  // Hand computation: d = 0, 0, 0, 0.4, 0.4; weights 1/0.008 = 125 (20% vs 20% of 40) and
  // 1/0.01 = 100 (60% vs 20% of 40); pooled 80/575; Q = 375·pooled² + 200·(0.4 − pooled)².
  it('finds the effect that exists only in motivated subgroups', () => {
    const flat = { x1: 8, n1: 40, x2: 8, n2: 40 };
    const strong = { x1: 24, n1: 40, x2: 8, n2: 40 };
    const het = cochranQ([flat, flat, flat, strong, strong])!;
    const pooled = 80 / 575;
    expect(het.pooled).toBeCloseTo(pooled, 12);
    expect(het.q).toBeCloseTo(375 * pooled ** 2 + 200 * (0.4 - pooled) ** 2, 10);
    expect(het.df).toBe(4);
    expect(het.p).toBeLessThan(0.001);
  });

  it('gives Q = 0 and p = 1 when every subgroup has the same difference', () => {
    const het = cochranQ([
      { x1: 20, n1: 40, x2: 8, n2: 40 },
      { x1: 10, n1: 20, x2: 4, n2: 20 },
      { x1: 50, n1: 100, x2: 20, n2: 100 },
    ])!;
    expect(het.q).toBeCloseTo(0, 12);
    expect(het.p).toBeCloseTo(1, 12);
  });

  it('leaves out subgroups with an empty arm or zero variance, and is null below two subgroups', () => {
    const het = cochranQ([
      { x1: 5, n1: 10, x2: 2, n2: 10 },
      { x1: 3, n1: 3, x2: 0, n2: 4 },
      { x1: 4, n1: 8, x2: 0, n2: 0 },
      { x1: 2, n1: 10, x2: 2, n2: 10 },
    ])!;
    expect(het.included).toEqual([true, false, false, true]);
    expect(het.df).toBe(1);
    expect(cochranQ([{ x1: 5, n1: 10, x2: 2, n2: 10 }])).toBeNull();
    expect(cochranQ([])).toBeNull();
  });
});
