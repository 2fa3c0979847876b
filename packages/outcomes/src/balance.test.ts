import { describe, expect, it } from 'vitest';
import {
  armOrder,
  balanceTable,
  meanSd,
  meanSmd,
  proportionSmd,
  type BalanceRow,
} from './balance.ts';

/** Hand-worked cases of the balance table (issue 17); the sums are written out beside each. */

describe('standardised differences', () => {
  it.each([
    // (0.5 − 0.25) / sqrt((0.25 + 0.1875) / 2) = 0.25 / 0.4677072
    [0.5, 0.25, 0.5345225],
    // (0.25 − 0.75) / sqrt((0.1875 + 0.1875) / 2) = −0.5 / 0.4330127
    [0.25, 0.75, -1.1547005],
    // (0.5 − 0.48) / sqrt((0.25 + 0.2496) / 2) = 0.02 / 0.4997999
    [0.5, 0.48, 0.040016],
    [0, 0, 0],
    // (0.9 − 0.1) / sqrt((0.09 + 0.09) / 2) = 0.8 / 0.3
    [0.9, 0.1, 2.6666667],
  ])('of shares %f and %f is %f', (p1, p0, d) => {
    expect(proportionSmd(p1, p0)).toBeCloseTo(d, 6);
  });

  it('of means: (2 − 3) / sqrt((1² + √2²) / 2) = −0.8164966', () => {
    expect(meanSmd(2, 1, 3, Math.SQRT2)).toBeCloseTo(-0.8164966, 6);
  });

  it('is null over an empty arm or a spread of 0 with different means, 0 for equal constants', () => {
    expect(proportionSmd(null, 0.5)).toBeNull();
    expect(meanSmd(1, 0, 2, 0)).toBeNull();
    expect(meanSmd(4, 0, 4, 0)).toBe(0);
    // All in one arm against none in the other: no spread to standardise by.
    expect(proportionSmd(1, 0)).toBeNull();
  });

  it('uses the sample SD: [1, 2, 3] has mean 2 and SD 1; one value has no SD', () => {
    expect(meanSd([1, 2, 3])).toEqual({ mean: 2, sd: 1 });
    expect(meanSd([5])).toEqual({ mean: 5, sd: null });
    expect(meanSd([])).toEqual({ mean: null, sd: null });
  });
});

describe('balanceTable', () => {
  const rows: BalanceRow[] = [
    { arm: 'intervention', values: { x: 1, cat: 'a' } },
    { arm: 'intervention', values: { x: 2, cat: 'a' } },
    { arm: 'intervention', values: { x: 3, cat: 'b' } },
    { arm: 'intervention', values: { x: null, cat: null } },
    { arm: 'control', values: { x: 2, cat: 'a' } },
    { arm: 'control', values: { x: 4, cat: 'b' } },
    { arm: 'control', values: { cat: 'b' } },
    { arm: 'control', values: { cat: 'b' } },
  ];
  const fields = [
    { code: 'x', kind: 'numeric' as const },
    { code: 'cat', kind: 'categorical' as const, levels: ['a', 'b', 'c'] },
  ];

  it('gives per arm the mean, SD and missing of a numeric field and its flagged difference', () => {
    const t = balanceTable(rows, fields);
    expect(t.arms).toEqual(['intervention', 'control']);
    expect(t.sizes).toEqual({ intervention: 4, control: 4 });
    expect(t.reference).toBe('control');
    const x = t.fields[0]!;
    if (x.kind !== 'numeric') throw new Error('numeric');
    expect(x.arms.intervention).toEqual({ n: 3, missing: 1, mean: 2, sd: 1 });
    expect(x.arms.control!.mean).toBe(3);
    expect(x.arms.control!.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(x.smd.intervention!.d).toBeCloseTo(-0.8164966, 6);
    expect(x.smd.intervention!.flagged).toBe(true);
  });

  it('gives per level, with not recorded as a level, the count, share and difference', () => {
    const cat = balanceTable(rows, fields).fields[1]!;
    if (cat.kind !== 'categorical') throw new Error('categorical');
    expect(cat.levels.map((l) => l.value)).toEqual(['a', 'b', 'c', null]);
    expect(cat.levels.map((l) => [l.arms.intervention!.count, l.arms.control!.count])).toEqual([
      [2, 1],
      [1, 3],
      [0, 0],
      [1, 0],
    ]);
    expect(cat.levels[0]!.arms.intervention!.share).toBe(0.5);
    expect(cat.levels[0]!.smd.intervention!.d).toBeCloseTo(0.5345225, 6);
    expect(cat.levels[1]!.smd.intervention!.d).toBeCloseTo(-1.1547005, 6);
    expect(cat.levels[2]!.smd.intervention).toEqual({ d: 0, flagged: false });
    // (0.25 − 0) / sqrt(0.1875 / 2) = 0.25 / 0.3061862
    expect(cat.levels[3]!.smd.intervention!.d).toBeCloseTo(0.8164966, 6);
  });

  it('compares every intervention arm with control, and none without a control arm', () => {
    const multi: BalanceRow[] = [
      ...rows,
      { arm: 'vrijstelling', values: { x: 3, cat: 'a' } },
      { arm: 'vrijstelling', values: { x: 3, cat: 'a' } },
    ];
    const t = balanceTable(multi, fields);
    expect(t.arms).toEqual(['intervention', 'vrijstelling', 'control']);
    const x = t.fields[0]!;
    if (x.kind !== 'numeric') throw new Error('numeric');
    // SD 0 against √2: (3 − 3) / 1 = 0.
    expect(x.smd.vrijstelling).toEqual({ d: 0, flagged: false });
    expect(Object.keys(x.smd)).toEqual(['intervention', 'vrijstelling']);
    const alone = balanceTable(
      rows.filter((r) => r.arm === 'intervention'),
      fields,
    );
    expect(alone.reference).toBeNull();
    expect(alone.fields[1]!.kind === 'categorical' && alone.fields[1]!.levels[0]!.smd).toEqual({});
  });

  it('orders arms intervention first, the other regimes by code, control last', () => {
    expect(armOrder(['control', 'zzz', 'intervention', 'extra'])).toEqual([
      'intervention',
      'extra',
      'zzz',
      'control',
    ]);
  });

  it('orders arms as the pilot declares them when given its declaration, control still last', () => {
    const declared = ['vrijstelling', 'extra_begeleiding', 'control', 'bijverdienen'];
    expect(
      armOrder(['control', 'bijverdienen', 'extra_begeleiding', 'vrijstelling'], declared),
    ).toEqual(['vrijstelling', 'extra_begeleiding', 'bijverdienen', 'control']);
    const multi: BalanceRow[] = [
      { arm: 'control', values: { x: 1 } },
      { arm: 'bijverdienen', values: { x: 2 } },
      { arm: 'vrijstelling', values: { x: 3 } },
    ];
    const t = balanceTable(multi, [{ code: 'x', kind: 'numeric' }], declared);
    expect(t.arms).toEqual(['vrijstelling', 'bijverdienen', 'control']);
    expect(Object.keys(t.sizes)).toEqual(t.arms);
  });
});
