import { describe, expect, it } from 'vitest';
import { pchisqUpper, pnorm, qnorm } from './distributions.ts';
import { detectableP2, powerOfTwoProportions, sampleSize } from './power.ts';
import { readExpected } from './r-fixtures.ts';

interface RPower {
  sizes: { p1: number; p2: number; power: number; n: number; nPerArm: number; nExact: number }[];
  detectable: { n: number; p1: number; power: number; p2: number }[];
}
const expected = readExpected<RPower>('power.json');

describe('sampleSize equals R power.prop.test', () => {
  it('has at least ten cases', () => expect(expected.sizes.length).toBeGreaterThanOrEqual(10));

  it.each(expected.sizes.map((c) => [c.p1, c.p2, c.power, c.nPerArm, c] as const))(
    'p1 = %f, p2 = %f, power %f: %i per arm',
    (p1, p2, power, perArm, c) => {
      const s = sampleSize({ p1, p2, power });
      expect(s.perArm).toBe(perArm);
      expect(Math.abs(s.n - c.nExact)).toBeLessThan(1e-6);
      expect(Math.abs(s.n - c.n)).toBeLessThan(1e-3); // R's default uniroot tolerance
    },
  );

  it('refuses equal proportions and out-of-range input', () => {
    expect(() => sampleSize({ p1: 0.3, p2: 0.3, power: 0.8 })).toThrow(RangeError);
    expect(() => sampleSize({ p1: 0, p2: 0.3, power: 0.8 })).toThrow(RangeError);
    expect(() => sampleSize({ p1: 0.2, p2: 0.3, power: 1 })).toThrow(RangeError);
  });
});

describe('detectableP2 equals R power.prop.test with p2 unknown', () => {
  it.each(expected.detectable.map((c) => [c.n, c.p1, c.power, c.p2] as const))(
    'n = %i, p1 = %f, power %f: p2 = %f',
    (n, p1, power, p2) => {
      const got = detectableP2({ n, p1, power });
      expect(Math.abs(got! - p2)).toBeLessThan(1e-6);
      expect(powerOfTwoProportions(n, p1, got!)).toBeCloseTo(power, 9);
    },
  );

  it('is null when even p2 = 1 is out of reach', () => {
    expect(detectableP2({ n: 2, p1: 0.6, power: 0.9 })).toBeNull();
  });
});

describe('distribution functions', () => {
  it.each([
    [0.975, 1.959963984540054],
    [0.8, 0.8416212335729143],
    [0.9, 1.2815515655446004],
    [0.025, -1.959963984540054],
    [1e-10, -6.361340902404056],
  ])('qnorm(%f) = %f', (p, q) => {
    expect(qnorm(p)).toBeCloseTo(q, 12);
    expect(pnorm(q)).toBeCloseTo(p, 12);
  });

  // R: pchisq(x, df, lower.tail = FALSE)
  it.each([
    [3.84145882069412, 1, 0.05],
    [4.4636575887586263, 3, 0.21555494534179481],
    [10, 4, 0.040427681994512805],
    [7, 5, 0.2206403079367108],
  ])('pchisqUpper(%f, %i) = %f', (x, df, p) => {
    expect(pchisqUpper(x, df)).toBeCloseTo(p, 12);
  });
});
