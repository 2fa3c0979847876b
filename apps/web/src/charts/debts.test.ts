import { describe, expect, it } from 'vitest';
import type { OutcomeSummary, SurvivalReply } from '@wegwijzer/domain';
import { debtRows, debtWindowRows, hasDebtData, stabilisedCurve, trimTail } from './debts.ts';

type Arm = OutcomeSummary['arms']['intervention'];
type Debts = Arm['debts'];
const debts = (over: Partial<Debts> = {}): Debts => ({
  n: 120,
  stabilised: { count: 60, rate: 0.5, ci95: [0.41, 0.59] },
  moneyStressN: 100,
  meanMoneyStressChange: -1.8,
  ...over,
});
const arms = (i: Debts, c?: Debts) =>
  ({
    intervention: { debts: i },
    ...(c ? { control: { debts: c } } : {}),
  }) as unknown as OutcomeSummary['arms'];

describe('hasDebtData', () => {
  it('is false when no arm has a participant with a debt intake', () => {
    expect(hasDebtData({ arms: arms(debts({ n: 0 }), debts({ n: 0 })) })).toBe(false);
  });
  it('is true when one arm has', () => {
    expect(hasDebtData({ arms: arms(debts({ n: 0 }), debts({ n: 12 })) })).toBe(true);
  });
  it('counts a suppressed n (1 to 9 for viewers) as debt data', () => {
    const o = { arms: arms(debts({ n: null })), suppressed: ['/arms/intervention/debts/n'] };
    expect(hasDebtData(o)).toBe(true);
  });
  it('is false for a null n that is not suppressed', () => {
    expect(hasDebtData({ arms: arms(debts({ n: null })) })).toBe(false);
  });
});

describe('debtRows', () => {
  it('gives each arm its share under control with interval, n and the money-stress change', () => {
    const rows = debtRows({
      arms: arms(
        debts(),
        debts({ n: 80, stabilised: { count: 20, rate: 0.25, ci95: [0.16, 0.36] } }),
      ),
    });
    expect(rows.map((r) => r.arm)).toEqual(['intervention', 'control']);
    expect(rows[0]).toMatchObject({
      n: { kind: 'value', value: 120 },
      count: { kind: 'value', value: 60 },
      rate: { kind: 'value', value: 0.5 },
      ci: [0.41, 0.59],
      stressN: { kind: 'value', value: 100 },
      stressChange: { kind: 'value', value: -1.8 },
    });
    expect(rows[1]!.rate).toEqual({ kind: 'value', value: 0.25 });
  });
  it('marks suppressed cells as suppressed, never as zero, and drops the interval with the rate', () => {
    const o = {
      arms: arms(
        debts({
          stabilised: { count: null, rate: null, ci95: null },
          meanMoneyStressChange: null,
          moneyStressN: null,
        }),
      ),
      suppressed: [
        '/arms/intervention/debts/stabilised/count',
        '/arms/intervention/debts/stabilised/rate',
        '/arms/intervention/debts/stabilised/ci95',
        '/arms/intervention/debts/moneyStressN',
        '/arms/intervention/debts/meanMoneyStressChange',
      ],
    };
    const [r] = debtRows(o);
    expect(r!.count.kind).toBe('suppressed');
    expect(r!.rate.kind).toBe('suppressed');
    expect(r!.ci).toBeNull();
    expect(r!.stressChange.kind).toBe('suppressed');
    expect(r!.stressN.kind).toBe('suppressed');
  });
  it('shows no share (not "<10") for an arm with no one with debts', () => {
    const o = {
      arms: arms(debts({ n: 0, stabilised: { count: 0, rate: null, ci95: null } })),
      suppressed: ['/arms/intervention/debts/stabilised/rate'],
    };
    expect(debtRows(o)[0]!.rate).toEqual({ kind: 'missing' });
  });
  it('leaves out an arm the reply does not have', () => {
    expect(debtRows({ arms: arms(debts()) }).map((r) => r.arm)).toEqual(['intervention']);
  });
});

describe('debtWindowRows', () => {
  it('sorts the windows and turns intervals into error-bar offsets', () => {
    const list = [
      { windowMonths: 12, arms: arms(debts()) },
      {
        windowMonths: 6,
        arms: arms(debts({ stabilised: { count: 30, rate: 0.25, ci95: [0.2, 0.31] } })),
      },
    ];
    const rows = debtWindowRows(list);
    expect(rows.map((r) => r.window)).toEqual([6, 12]);
    expect(rows[0]!.intervention).toBe(0.25);
    const err = rows[0]!.interventionErr as [number, number];
    expect(err[0]).toBeCloseTo(0.05);
    expect(err[1]).toBeCloseTo(0.06);
    expect(rows[1]!.control).toBeNull();
  });
  it('draws nothing for a suppressed window but keeps its cell for the table', () => {
    const rows = debtWindowRows([
      {
        windowMonths: 36,
        arms: arms(debts({ stabilised: { count: null, rate: null, ci95: null } })),
        suppressed: ['/arms/intervention/debts/stabilised/rate'],
      },
    ]);
    expect(rows[0]!.intervention).toBeNull();
    expect(rows[0]!.interventionErr).toBeNull();
    expect(rows[0]!.cells.intervention!.rate.kind).toBe('suppressed');
  });
});

describe('stabilisedCurve', () => {
  it('turns the share not yet stabilised into the share stabilised, flipping the band', () => {
    const out = stabilisedCurve([
      { t: 0, intervention: 1, interventionBand: [1, 1] },
      {
        t: 90,
        intervention: 0.8,
        interventionBand: [0.7, 0.88],
        control: 0.95,
        controlBand: [0.9, 0.99],
      },
    ]);
    expect(out[0]).toEqual({ t: 0, intervention: 0, interventionBand: [0, 0] });
    expect(out[1]!.intervention).toBeCloseTo(0.2);
    const band = out[1]!.interventionBand as [number, number];
    expect(band[0]).toBeCloseTo(0.12);
    expect(band[1]).toBeCloseTo(0.3);
    expect(out[1]!.control).toBeCloseTo(0.05);
  });
});

describe('trimTail', () => {
  const point = (t: number, survival: number, atRisk: number | null, band = true) => ({
    t,
    survival,
    lower: band ? survival - 0.05 : null,
    upper: band ? survival + 0.05 : null,
    atRisk,
    events: 1,
  });
  type Points = NonNullable<SurvivalReply['arms']['intervention']>['points'];
  const reply = (points: Points) =>
    ({
      pilotId: 'p',
      observationEnd: '2025-12-31',
      arms: { intervention: { points, median: null } },
      logRank: null,
    }) as unknown as SurvivalReply;

  it('stops where fewer than 10 are still followed', () => {
    const out = trimTail(reply([point(10, 0.9, 100), point(20, 0.8, 12), point(30, 0.5, 4)]));
    expect(out.arms.intervention!.points.map((p) => p.t)).toEqual([10, 20]);
  });
  it('drops the last step to 0 without an interval (viewers get no numbers at risk)', () => {
    const out = trimTail(
      reply([point(10, 0.9, null), point(20, 0.3, null), point(30, 0, null, false)]),
    );
    expect(out.arms.intervention!.points.map((p) => p.t)).toEqual([10, 20]);
  });
});
