import { describe, expect, it } from 'vitest';
import { rateAxisMax, referenceDigits, referenceMarks, type ReferenceMark } from './reference.ts';

const line = (over: Partial<ReferenceMark> = {}): ReferenceMark => ({
  id: 'r1',
  kind: 'general_outflow',
  rate: 0.22,
  windowMonths: 12,
  period: '2024',
  source: 'CBS',
  ...over,
});

describe('referenceMarks', () => {
  it('keeps only the lines measured over the chosen window', () => {
    const marks = referenceMarks([line(), line({ id: 'r2', windowMonths: 24 })], 12);
    expect(marks.map((m) => m.id)).toEqual(['r1']);
  });
  it('puts the general outflow before the council target', () => {
    const marks = referenceMarks([line({ id: 't', kind: 'council_target' }), line({ id: 'g' })]);
    expect(marks.map((m) => m.kind)).toEqual(['general_outflow', 'council_target']);
  });
  it('drops the copies that come back in every window’s reply', () => {
    expect(referenceMarks([line(), line(), line({ id: 'r2', windowMonths: 6 })])).toHaveLength(2);
  });
  it('is empty without lines', () => {
    expect(referenceMarks(undefined, 12)).toEqual([]);
  });
});

describe('referenceDigits', () => {
  it.each([
    [0.22, 0],
    [0.35, 0],
    [0.225, 1],
    [0.0, 0],
  ])('shows %s with %i decimals', (rate, digits) => {
    expect(referenceDigits(rate)).toBe(digits);
  });
});

describe('rateAxisMax', () => {
  it('makes room for the highest bar, interval or mark', () => {
    expect(rateAxisMax([0.4, 0.46, 0.22])).toBeCloseTo(0.506);
  });
  it('is at least 20% and at most 100%', () => {
    expect(rateAxisMax([0.05, null])).toBeCloseTo(0.22);
    expect(rateAxisMax([0.98])).toBe(1);
  });
});
