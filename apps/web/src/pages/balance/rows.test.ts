import { describe, expect, it } from 'vitest';
import type { BalanceReply } from '@wegwijzer/domain';
import { balanceLines, variableLevelLabel } from './rows.ts';

const reply: BalanceReply = {
  pilotId: 'p',
  arms: ['intervention', 'control'],
  sizes: { intervention: 30, control: 20 },
  reference: 'control',
  mark: 0.1,
  fields: [
    {
      field: 'sessions_attended',
      source: 'variable',
      kind: 'numeric',
      arms: {
        intervention: { n: 30, missing: 0, mean: 14.5, sd: 8.8 },
        control: { n: 18, missing: 2, mean: 18.5, sd: 5.3 },
      },
      smd: { intervention: { d: -0.55, flagged: true } },
    },
    {
      field: 'hasDebts',
      source: 'baseline',
      kind: 'categorical',
      levels: [
        {
          value: false,
          arms: {
            intervention: { count: 10, share: 1 / 3 },
            control: { count: 10, share: 0.5 },
          },
          smd: { intervention: { d: -0.34, flagged: true } },
        },
      ],
    },
  ],
};

describe('balanceLines', () => {
  it('gives a numeric field a mean (SD) row and, when anyone lacks a value, a not-recorded row', () => {
    const lines = balanceLines(reply);
    expect(lines[0]).toMatchObject({
      field: 'sessions_attended',
      heading: true,
      level: 'mean',
      cells: { control: { kind: 'mean', mean: 18.5, sd: 5.3 } },
    });
    expect(lines[1]).toMatchObject({
      level: null,
      heading: false,
      cells: { control: { kind: 'count', count: 2, share: 0.1 } },
      smd: {},
    });
  });

  it('gives a categorical field a heading row, then one row per level with its difference', () => {
    const lines = balanceLines(reply).slice(2);
    expect(lines.map((l) => [l.heading, l.level])).toEqual([
      [true, null],
      [false, false],
    ]);
    expect(lines[1]!.smd.intervention).toEqual({ d: -0.34, flagged: true });
    expect(lines[1]!.cells.intervention).toEqual({ kind: 'count', count: 10, share: 1 / 3 });
  });

  it('names a variable level by its label, English where given', () => {
    const v = {
      code: 'region',
      label: 'Wijk',
      labelEn: null,
      type: 'category' as const,
      levels: [{ code: 'noord', label: 'Noord', labelEn: 'North' }],
      min: null,
      max: null,
      description: null,
      values: 3,
    };
    expect(variableLevelLabel(v, 'noord', 'nl')).toBe('Noord');
    expect(variableLevelLabel(v, 'noord', 'en')).toBe('North');
    expect(variableLevelLabel(v, 'zuid', 'nl')).toBe('zuid');
  });
});
