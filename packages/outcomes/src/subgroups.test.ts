import type { SubgroupField } from '@wegwijzer/domain/core';
import { describe, expect, it } from 'vitest';
import { survivalByArm } from './arms.ts';
import { deriveParticipant } from './derive.ts';
import {
  ageBand,
  compareGroups,
  subgroupValue,
  summarizeSubgroups,
  type SubgroupValue,
} from './subgroups.ts';
import { baseline, end, pilot } from './test-fixtures.ts';

describe('subgroupValue', () => {
  it.each([
    ['2024-12-31', 1998, '<27'], // age 26: only the years count, not the birthday
    ['2024-01-01', 1997, '27-44'], // 27
    ['2024-06-15', 1980, '27-44'], // 44
    ['2024-06-15', 1979, '45-54'], // 45
    ['2024-06-15', 1970, '45-54'], // 54
    ['2024-06-15', 1969, '55+'], // 55
  ])('with intake %s and birth year %i gives age band %s', (intakeDate, birthYear, band) => {
    expect(ageBand(intakeDate, birthYear)).toBe(band);
  });

  it.each<[SubgroupField, object, SubgroupValue]>([
    ['motivation', { motivation: 4 }, 4],
    ['ladderStep', { ladderStep: 2 }, 2],
    ['household', { household: 'single_parent' }, 'single_parent'],
    ['hasDebts', { hasDebts: false }, false],
    ['disability', { disability: true }, true],
    ['refugeeStatus', { refugeeStatus: null }, null],
    ['education', { education: 'mid' }, 'mid'],
    ['ageBand', { birthYear: 1990 }, '27-44'],
    ['ageBand', { birthYear: null }, null],
  ])('reads %s from the baseline', (field, b, expected) => {
    expect(subgroupValue(baseline(b), field)).toBe(expected);
  });
});

describe('compareGroups', () => {
  it.each<[SubgroupField, SubgroupValue[], SubgroupValue[]]>([
    ['motivation', [null, 5, 1, 3], [1, 3, 5, null]],
    [
      'household',
      ['couple', null, 'single', 'single_parent'],
      ['single', 'single_parent', 'couple', null],
    ],
    ['education', ['high', 'low', null, 'mid'], ['low', 'mid', 'high', null]],
    ['ageBand', ['55+', null, '<27', '45-54', '27-44'], ['<27', '27-44', '45-54', '55+', null]],
    ['hasDebts', [null, true, false], [false, true, null]],
  ])('orders %s naturally with null last', (field, input, expected) => {
    expect([...input].sort(compareGroups(field))).toEqual(expected);
  });
});

describe('summarizeSubgroups', () => {
  const p = pilot();
  const rows = [
    { b: baseline({ hasDebts: true }), e: [end('2024-02-01')] },
    { b: baseline({ hasDebts: true }), e: [] },
    { b: baseline({ hasDebts: false }), e: [end('2024-02-01')] },
    { b: baseline({ hasDebts: null }), e: [] },
    { b: baseline({ hasDebts: true, arm: 'control' }), e: [] },
  ].map(({ b, e }) => ({ baseline: b, derived: deriveParticipant(b, e, p) }));

  it('splits per value in natural order with null last, and compares arms per group', () => {
    const s = summarizeSubgroups(rows, 'hasDebts', 12);
    expect(s.by).toBe('hasDebts');
    expect(s.groups.map((g) => g.value)).toEqual([false, true, null]);
    const debts = s.groups[1]!;
    expect(debts.arms.intervention!.offBenefit).toMatchObject({ count: 1, rate: 0.5 });
    expect(debts.arms.control?.evaluable).toBe(1);
    expect(debts.difference?.rate).toBe(0.5);
  });

  it('shows an empty control arm and no difference in a group without control participants', () => {
    const noDebts = summarizeSubgroups(rows, 'hasDebts', 12).groups[0]!;
    expect(noDebts.arms.control).toMatchObject({ participants: 0, evaluable: 0 });
    expect(noDebts.difference).toBeNull();
  });
});

describe('survivalByArm', () => {
  const p = pilot({ dataCompleteThrough: '2024-12-31' });
  const d = (arm: 'intervention' | 'control', date: string | null) =>
    deriveParticipant(baseline({ arm }), date ? [end(date)] : [], p);

  it('estimates each arm and tests them against each other', () => {
    const s = survivalByArm([
      d('intervention', '2024-02-14'),
      d('intervention', null),
      d('control', '2024-06-01'),
      d('control', '2024-03-01'),
    ]);
    expect(s.arms.intervention!.points).toEqual([
      { t: 30, survival: 0.5, lower: expect.any(Number), upper: 1, atRisk: 2, events: 1 },
    ]);
    expect(s.arms.control?.points.map((q) => q.t)).toEqual([46, 138]);
    expect(s.logRank).not.toBeNull();
  });

  it.each([
    ['there is no control arm', [d('intervention', '2024-02-14')]],
    ['nobody exits', [d('intervention', null), d('control', null)]],
  ])('gives no log-rank test when %s', (_name, rows) => {
    expect(survivalByArm(rows).logRank).toBeNull();
  });
});
