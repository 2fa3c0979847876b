import { describe, expect, it } from 'vitest';
import type { SubgroupReply } from '../../api/queries.ts';
import { rateRows } from './rates.ts';

const arm = (count: number | null, evaluable: number | null, rate: number | null) =>
  ({
    evaluable,
    offBenefit: { count, rate, ci95: rate === null ? null : [rate - 0.1, rate + 0.1] },
  }) as unknown as SubgroupReply['groups'][number]['arms']['intervention'];

describe('rateRows', () => {
  it("gives each arm's rate per subgroup with its n, the group without a value last as labelled", () => {
    const r = {
      pilotId: 'p',
      windowMonths: 12,
      by: 'motivation',
      groups: [
        { value: 1, arms: { intervention: arm(3, 13, 0.23) }, difference: null },
        { value: null, arms: { intervention: arm(null, null, null) }, difference: null },
      ],
      suppressed: [
        '/groups/1/arms/intervention/evaluable',
        '/groups/1/arms/intervention/offBenefit/count',
      ],
    } as SubgroupReply;
    const rows = rateRows(r, (v) => (v === null ? 'onbekend' : String(v)));
    expect(rows[0]).toEqual({
      value: '1',
      arms: [
        {
          arm: 'intervention',
          rate: { kind: 'value', value: 0.23 },
          count: { kind: 'value', value: 3 },
          evaluable: { kind: 'value', value: 13 },
          ci95: [0.13, 0.33],
        },
      ],
    });
    expect(rows[1]!.value).toBe('onbekend');
    expect(rows[1]!.arms[0]).toMatchObject({
      evaluable: { kind: 'suppressed' },
      count: { kind: 'suppressed' },
      rate: { kind: 'missing' },
    });
  });

  it('gives every arm of a four-arm pilot its rate, in the order of the reply', () => {
    const r = {
      pilotId: 'p',
      windowMonths: 12,
      by: 'motivation',
      groups: [
        {
          value: 1,
          arms: {
            vrijstelling: arm(3, 13, 0.23),
            extra_begeleiding: arm(4, 10, 0.4),
            bijverdienen: arm(5, 10, 0.5),
            control: arm(2, 10, 0.2),
          },
          difference: null,
        },
      ],
    } as unknown as SubgroupReply;
    const rows = rateRows(r, String);
    expect(rows[0]!.arms.map((a) => [a.arm, a.rate])).toEqual([
      ['vrijstelling', { kind: 'value', value: 0.23 }],
      ['extra_begeleiding', { kind: 'value', value: 0.4 }],
      ['bijverdienen', { kind: 'value', value: 0.5 }],
      ['control', { kind: 'value', value: 0.2 }],
    ]);
  });
});
