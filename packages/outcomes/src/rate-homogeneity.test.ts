import { describe, expect, it } from 'vitest';
import { rateHomogeneity } from './rate-homogeneity.ts';

describe('rateHomogeneity', () => {
  // R: chisq.test(matrix(c(2, 18, 12, 8), 2, byrow = TRUE), correct = FALSE)
  // X-squared = 10.989, df = 1, p-value = 0.0009165
  it('matches R chisq.test without continuity correction on a 2 × 2 table', () => {
    const r = rateHomogeneity([
      { x: 2, n: 20 },
      { x: 12, n: 20 },
    ])!;
    expect(r.chi2).toBeCloseTo(10.989, 3);
    expect(r.df).toBe(1);
    expect(r.p).toBeCloseTo(0.0009165, 7);
  });

  // R: chisq.test(matrix(c(3, 27, 8, 22, 12, 18, 18, 12), 4, byrow = TRUE))
  // X-squared = 17.894, df = 3, p-value = 0.0004625
  it('matches R chisq.test on a 4 × 2 table (a motivation gradient)', () => {
    const r = rateHomogeneity([
      { x: 3, n: 30 },
      { x: 8, n: 30 },
      { x: 12, n: 30 },
      { x: 18, n: 30 },
    ])!;
    expect(r.chi2).toBeCloseTo(17.894, 3);
    expect(r.df).toBe(3);
    expect(r.p).toBeCloseTo(0.0004625, 7);
  });

  it('leaves out groups with nobody evaluable, and gives null when nothing can vary', () => {
    expect(
      rateHomogeneity([
        { x: 0, n: 0 },
        { x: 2, n: 20 },
        { x: 12, n: 20 },
      ])!.included,
    ).toEqual([false, true, true]);
    expect(rateHomogeneity([{ x: 2, n: 20 }])).toBeNull();
    expect(
      rateHomogeneity([
        { x: 0, n: 20 },
        { x: 0, n: 10 },
      ]),
    ).toBeNull();
    expect(
      rateHomogeneity([
        { x: 20, n: 20 },
        { x: 10, n: 10 },
      ]),
    ).toBeNull();
  });
});
