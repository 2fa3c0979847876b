import { describe, expect, it } from 'vitest';
import type { OutcomeSummary } from '../../api/queries.ts';
import { findingRows } from './findings.ts';

const p = (count: number | null, rate: number | null, ci95: [number, number] | null = null) => ({
  count,
  rate,
  ci95,
});
type Arm = OutcomeSummary['arms']['intervention'];
function arm(over: Record<string, unknown> = {}): Arm {
  return {
    participants: 40,
    evaluable: 30,
    pending: 10,
    offBenefit: p(12, 0.4),
    routes: { regular_work: 6, bbz: 4, combination: 1, other: 1 },
    sustained: p(9, 0.3, [0.17, 0.48]),
    meanBenefitMonths: 8.25,
    savings: { avoidedBenefit: 1, offsetIncome: 1, guidanceCost: 1, net: 1 },
    savingsMean: { avoidedBenefit: 1, offsetIncome: 1, guidanceCost: 1, net: 1 },
    ladderProgress: { n: 20, count: 11, rate: 0.55, ci95: [0.34, 0.74], meanChange: 0.6 },
    sustainedPlacement: { n: 8, count: 6, rate: 0.75, ci95: [0.41, 0.93] },
    debts: { n: 0, stabilised: p(null, null), moneyStressN: 0, meanMoneyStressChange: null },
    ...over,
  } as Arm;
}
const summary = (over: Partial<OutcomeSummary> = {}) =>
  ({
    pilotId: 'p',
    windowMonths: 12,
    observationEnd: '2025-12-31',
    arms: { intervention: arm(), control: arm({ meanBenefitMonths: 10.5 }) },
    difference: null,
    netEffect: null,
    savingsBasis: 'net_effect',
    referenceLines: [],
    ...over,
  }) as OutcomeSummary;

describe('findingRows', () => {
  it('gives each arm its sustained exit, benefit months, ladder progress and sustained placement', () => {
    const rows = findingRows(summary());
    expect(rows.map((r) => r.finding)).toEqual([
      'sustained',
      'benefitMonths',
      'ladderUp',
      'ladderChange',
      'placement',
    ]);
    const ladder = rows.find((r) => r.finding === 'ladderUp')!;
    expect(ladder.arms[0]).toEqual({
      arm: 'intervention',
      cell: {
        kind: 'share',
        rate: { kind: 'value', value: 0.55 },
        count: { kind: 'value', value: 11 },
        n: { kind: 'value', value: 20 },
        ci95: [0.34, 0.74],
      },
    });
    expect(rows.find((r) => r.finding === 'benefitMonths')!.arms[1]!.cell).toMatchObject({
      kind: 'mean',
      value: { kind: 'value', value: 10.5 },
    });
  });

  it('leaves sustained exit out of windows under 6 months (SPEC §3: null for k < 6)', () => {
    expect(findingRows(summary({ windowMonths: 3 })).map((r) => r.finding)).not.toContain(
      'sustained',
    );
  });

  it('keeps a suppressed viewer figure suppressed, never zero', () => {
    const o = summary({
      arms: {
        intervention: arm({ sustainedPlacement: { n: null, count: null, rate: null, ci95: null } }),
      },
      suppressed: [
        '/arms/intervention/sustainedPlacement/n',
        '/arms/intervention/sustainedPlacement/count',
      ],
    });
    const placement = findingRows(o).find((r) => r.finding === 'placement')!;
    expect(placement.arms).toHaveLength(1);
    expect(placement.arms[0]!.cell).toMatchObject({
      n: { kind: 'suppressed' },
      count: { kind: 'suppressed' },
      rate: { kind: 'missing' },
    });
  });

  it('gives every arm of a four-arm pilot its findings, in the order of the reply', () => {
    const o = summary({
      arms: {
        vrijstelling: arm(),
        extra_begeleiding: arm({ meanBenefitMonths: 7 }),
        bijverdienen: arm({ meanBenefitMonths: null }),
        control: arm({ meanBenefitMonths: 10.5 }),
      } as OutcomeSummary['arms'],
      suppressed: ['/arms/bijverdienen/meanBenefitMonths'],
    });
    const months = findingRows(o).find((r) => r.finding === 'benefitMonths')!;
    expect(months.arms.map((a) => a.arm)).toEqual([
      'vrijstelling',
      'extra_begeleiding',
      'bijverdienen',
      'control',
    ]);
    expect(months.arms.map((a) => (a.cell.kind === 'mean' ? a.cell.value : null))).toEqual([
      { kind: 'value', value: 8.25 },
      { kind: 'value', value: 7 },
      { kind: 'suppressed' },
      { kind: 'value', value: 10.5 },
    ]);
  });
});
