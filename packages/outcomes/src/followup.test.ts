import { describe, expect, it } from 'vitest';
import { followUpsDue } from './followup.ts';

describe('followUpsDue', () => {
  it('lists nothing before the 6-month window opens at 4 months', () => {
    expect(followUpsDue('2024-01-15', [], '2024-05-14')).toEqual([]);
    expect(followUpsDue('2024-01-15', [], '2024-05-15')).toEqual([
      {
        mark: 6,
        dueDate: '2024-07-15',
        windowStart: '2024-05-15',
        windowEnd: '2024-09-15',
        overdue: false,
      },
    ]);
  });

  it('counts a mark overdue from the day after its due date', () => {
    expect(followUpsDue('2024-01-15', [], '2024-07-15')[0]!.overdue).toBe(false);
    expect(followUpsDue('2024-01-15', [], '2024-07-16')[0]!.overdue).toBe(true);
  });

  it('clamps month ends as SPEC §3 counts months (31 January + 6 months = 31 July)', () => {
    const [six] = followUpsDue('2024-01-31', [], '2024-12-01');
    expect(six).toMatchObject({
      dueDate: '2024-07-31',
      windowStart: '2024-05-31',
      windowEnd: '2024-09-30',
    });
  });

  it.each([
    ['on the window start', '2024-05-15', [12]],
    ['on the window end', '2024-09-15', [12]],
    ['a day before the window', '2024-05-14', [6, 12]],
    ['a day after the window', '2024-09-16', [6, 12]],
  ])('meets the 6-month mark with a measurement %s', (_, date, due) => {
    expect(followUpsDue('2024-01-15', [date], '2025-01-20').map((f) => f.mark)).toEqual(due);
  });

  it('does not let a measurement at intake meet any mark (the demo had one for everybody)', () => {
    const due = followUpsDue('2023-03-01', ['2023-03-01'], '2025-06-30');
    expect(due.map((f) => [f.mark, f.dueDate, f.overdue])).toEqual([
      [6, '2023-09-01', true],
      [12, '2024-03-01', true],
      [24, '2025-03-01', true],
    ]);
  });

  it('ignores measurements dated after asOf', () => {
    expect(followUpsDue('2024-01-15', ['2024-07-20'], '2024-07-10').map((f) => f.mark)).toEqual([
      6,
    ]);
  });
});
