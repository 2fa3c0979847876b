import { describe, expect, it } from 'vitest';
import { erfc } from './erfc.ts';

// Reference values from mpmath (30 significant digits), printed to 17.
const MPMATH: [number, number][] = [
  [0, 1.0],
  [1e-8, 0.99999998871620833],
  [0.1, 0.8875370839817151],
  [0.5, 0.47950012218695346],
  [1, 0.15729920705028513],
  [1.5, 0.033894853524689273],
  [2, 0.0046777349810472658],
  [2.5, 0.00040695201744495894],
  [3, 2.2090496998585441e-5],
  [4, 1.5417257900280019e-8],
  [5, 1.5374597944280349e-12],
  [6, 2.1519736712498913e-17],
  [8, 1.1224297172982927e-29],
  [10, 2.0884875837625448e-45],
  [15, 7.2129941724512067e-100],
  [26, 5.6631924088561428e-296],
  [-0.5, 1.5204998778130465],
  [-2, 1.9953222650189527],
  [-5, 1.9999999999984625],
];

describe('erfc', () => {
  it.each(MPMATH)('erfc(%s) matches mpmath to 1e-13 relative', (x, expected) => {
    expect(Math.abs(erfc(x) - expected) / expected).toBeLessThan(1e-13);
  });

  it('is 2 − erfc(−x) for negative arguments and NaN for NaN', () => {
    expect(erfc(-1.3)).toBeCloseTo(2 - erfc(1.3), 15);
    expect(erfc(Number.NaN)).toBeNaN();
  });
});
