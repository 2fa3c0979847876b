import { describe, expect, it } from 'vitest';
import type { StatusByMonthReply } from '@wegwijzer/domain';
import { nTicks, statusArms, statusRows } from './status.ts';

const point = (month: number, evaluable: number | null, count: number | null) => ({
  month,
  evaluable,
  offBenefit: {
    count,
    rate: count === null || !evaluable ? null : count / evaluable,
    ci95: count === null || !evaluable ? null : ([0.1, 0.9] as [number, number]),
  },
});

const reply = (over: Partial<StatusByMonthReply> = {}): StatusByMonthReply => ({
  pilotId: 'p',
  observationEnd: '2025-12-31',
  minEvaluable: 10,
  arms: {
    intervention: [point(1, 40, 4), point(2, 40, 8), point(3, 5, 1)],
    control: [point(1, 30, 3), point(2, 30, null)],
  },
  suppressed: ['/arms/control/1/offBenefit/count'],
  ...over,
});

describe('statusRows', () => {
  it('draws a month only with enough evaluable and a shown rate', () => {
    const rows = statusRows(reply());
    // Months 1–36 are listed even where the reply has no point.
    expect(rows.map((r) => r.month)).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    expect(rows[5]!.cells).toEqual({});
    expect(rows[0]).toMatchObject({ intervention: 0.1, control: 0.1, controlBand: [0.1, 0.9] });
    // Month 2: the control count is suppressed, so its rate is not drawn but shown as "<10".
    expect(rows[1]!.control).toBeNull();
    expect(rows[1]!.cells.control!.rate).toEqual({ kind: 'suppressed' });
    // Month 3: 5 evaluable is below the minimum, so the point is left out; the table keeps it.
    expect(rows[2]!.intervention).toBeNull();
    expect(rows[2]!.cells.intervention!.evaluable).toEqual({ kind: 'value', value: 5 });
    expect(rows[2]!.cells.control).toBeUndefined();
  });

  it('has the arms of the reply, intervention first', () => {
    expect(statusArms(reply())).toEqual(['intervention', 'control']);
    expect(statusArms(reply({ arms: { intervention: [] } }))).toEqual(['intervention']);
  });

  it('lists n under the chart every sixth month, with the first and the last', () => {
    const rows = statusRows(
      reply({
        arms: { intervention: Array.from({ length: 40 }, (_, i) => point(i + 1, 50, 10)) },
        suppressed: [],
      }),
    );
    expect(nTicks(rows)).toEqual([1, 6, 12, 18, 24, 30, 36, 40]);
  });
});
