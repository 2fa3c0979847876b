import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newcombe, wilson } from './proportions.ts';

describe('wilson', () => {
  it('reproduces the published 80/200 interval [0.3346, 0.4692]', () => {
    const w = wilson(80, 200);
    expect(w.rate).toBe(0.4);
    expect(w.ci95![0]).toBeCloseTo(0.3346, 4);
    expect(w.ci95![1]).toBeCloseTo(0.4692, 4);
  });

  // Hand computation (and mpmath at 30 digits) with z = 1.959964: centre (0.4 + z²/400) /
  // (1 + z²/200) = 0.4018845…, half-width z·sqrt(0.0012 + z²/160000) / (1 + z²/200) = 0.0672787…
  it.each([
    [80, 200, 0.33460578517614923, 0.46916328015764336],
    [0, 10, 0, 0.27753280302605772],
    [10, 10, 0.72246719697394228, 1],
    [1, 1, 0.20654931179180274, 1],
  ])('gives %i/%i → [%f, %f] to 1e-12', (x, n, lo, hi) => {
    const [l, h] = wilson(x, n).ci95!;
    expect(l).toBeCloseTo(lo, 12);
    expect(h).toBeCloseTo(hi, 12);
  });

  it('returns null rate and interval for n = 0', () => {
    expect(wilson(0, 0)).toEqual({ count: 0, rate: null, ci95: null });
  });

  it('keeps every rate inside its interval within [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, f) => {
          const x = Math.round(f * n);
          const { rate, ci95 } = wilson(x, n);
          expect(ci95![0]).toBeGreaterThanOrEqual(0);
          expect(ci95![0]).toBeLessThanOrEqual(rate!);
          expect(rate!).toBeLessThanOrEqual(ci95![1]);
          expect(ci95![1]).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('newcombe (hybrid score, method 10)', () => {
  it('reproduces Newcombe (1998): 56/70 vs 48/80 → 0.2 [0.0524, 0.3339]', () => {
    const d = newcombe(56, 70, 48, 80)!;
    expect(d.rate).toBeCloseTo(0.2, 12);
    expect(d.ci95[0]).toBeCloseTo(0.0524, 4);
    expect(d.ci95[1]).toBeCloseTo(0.3339, 4);
    // mpmath at 30 digits from the same formula.
    expect(d.ci95[0]).toBeCloseTo(0.05243147121804566, 12);
    expect(d.ci95[1]).toBeCloseTo(0.33387265501600786, 12);
  });

  it.each([
    [0, 0, 3, 10],
    [3, 10, 0, 0],
  ])('is null when an arm has no participants (%i/%i vs %i/%i)', (x1, n1, x2, n2) => {
    expect(newcombe(x1, n1, x2, n2)).toBeNull();
  });

  it('keeps the difference inside its interval', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n1, n2, f1, f2) => {
          const d = newcombe(Math.round(f1 * n1), n1, Math.round(f2 * n2), n2)!;
          expect(d.ci95[0]).toBeLessThanOrEqual(d.rate + 1e-15);
          expect(d.rate).toBeLessThanOrEqual(d.ci95[1] + 1e-15);
          expect(d.ci95[0]).toBeGreaterThanOrEqual(-1);
          expect(d.ci95[1]).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
