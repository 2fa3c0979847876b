import { describe, expect, it } from 'vitest';
import { buildTimeline, onBenefit, toDay } from '@wegwijzer/outcomes';
import type { CohortReply, OutcomeSummary, SurvivalReply } from '@wegwijzer/domain';
import {
  atRiskAt,
  cohortRows,
  forestRows,
  headline,
  kmRows,
  myPilotRows,
  routeSegments,
  waterfall,
  windowBand,
  windowRate,
  windowRows,
  kmBand,
  kmValue,
} from './mappers.ts';
import { spells } from './timeline.ts';

type Arm = OutcomeSummary['arms']['intervention'];
const savings = {
  avoidedBenefit: 100_000,
  offsetIncome: 20_000,
  guidanceCost: 90_000,
  net: 30_000,
};
const arm = (over: Partial<Arm> = {}): Arm => ({
  participants: 250,
  evaluable: 200,
  pending: 50,
  offBenefit: { count: 80, rate: 0.4, ci95: [0.335, 0.469] },
  routes: { regular_work: 30, bbz: 40, combination: 5, other: 5 },
  sustained: { count: 60, rate: 0.3, ci95: [0.24, 0.37] },
  meanBenefitMonths: 8,
  savings,
  savingsMean: savings,
  ladderProgress: { n: 1, count: 1, rate: 1, ci95: null, meanChange: 0 },
  sustainedPlacement: { n: 1, count: 1, rate: 1, ci95: null },
  debts: {
    n: 0,
    stabilised: { count: 0, rate: null, ci95: null },
    moneyStressN: 0,
    meanMoneyStressChange: null,
  },
  ...over,
});
const summary = (over: Partial<OutcomeSummary> = {}): OutcomeSummary => ({
  pilotId: 'p',
  windowMonths: 12,
  observationEnd: '2025-12-31',
  arms: { intervention: arm() },
  difference: null,
  netEffect: null,
  savingsBasis: 'gross',
  comparisons: {},
  referenceLines: [],
  ...over,
});

describe('headline', () => {
  it('carries count, denominator, interval and pending', () => {
    const h = headline(summary())!;
    expect(h.rate).toEqual({ kind: 'value', value: 0.4 });
    expect(h.count).toEqual({ kind: 'value', value: 80 });
    expect(h.evaluable).toEqual({ kind: 'value', value: 200 });
    expect(h.pending).toEqual({ kind: 'value', value: 50 });
    expect(h.ci).toEqual([0.335, 0.469]);
  });
  it('marks suppressed figures for viewers', () => {
    const o = summary({
      arms: { intervention: arm({ pending: null }) },
      suppressed: ['/arms/intervention/pending'],
    });
    expect(headline(o)!.pending.kind).toBe('suppressed');
  });
  it('is null for an absent control arm', () => {
    expect(headline(summary(), 'control')).toBeNull();
  });
});

describe('routeSegments', () => {
  it('gives known routes their share of the total', () => {
    const segs = routeSegments(arm(), 'intervention', undefined);
    expect(segs.map((s) => s.key)).toEqual(['bbz', 'regular_work', 'combination', 'other']);
    expect(segs[0]!.width).toBeCloseTo(0.5);
    expect(segs.reduce((s, x) => s + x.width, 0)).toBeCloseTo(1);
  });
  it('never draws a suppressed route as zero width', () => {
    const a = arm({ routes: { regular_work: 30, bbz: 40, combination: null, other: null } });
    const segs = routeSegments(a, 'intervention', [
      '/arms/intervention/routes/combination',
      '/arms/intervention/routes/other',
    ]);
    const hidden = segs.filter((s) => s.cell.kind === 'suppressed');
    expect(hidden).toHaveLength(2);
    for (const s of hidden) expect(s.width).toBeGreaterThan(0);
    expect(hidden[0]!.width).toBeCloseTo(5 / 80);
  });
  it('keeps a real zero at zero width', () => {
    const segs = routeSegments(
      arm({ routes: { regular_work: 80, bbz: 0, combination: 0, other: 0 } }),
      'intervention',
      [],
    );
    expect(segs[0]).toMatchObject({ key: 'bbz', width: 0, cell: { kind: 'value', value: 0 } });
  });
});

describe('waterfall', () => {
  it('stacks avoided benefit + offset income − guidance cost = net', () => {
    const steps = waterfall(arm(), 'intervention', undefined);
    expect(steps.map((s) => [s.key, s.from, s.to])).toEqual([
      ['avoidedBenefit', 0, 100_000],
      ['offsetIncome', 100_000, 120_000],
      ['guidanceCost', 120_000, 30_000],
      ['net', 0, 30_000],
    ]);
  });
  it('leaves suppressed amounts without a bar', () => {
    const a = arm({
      savings: { avoidedBenefit: null, offsetIncome: 0, guidanceCost: 5, net: null },
    });
    const steps = waterfall(a, 'intervention', [
      '/arms/intervention/savings/avoidedBenefit',
      '/arms/intervention/savings/net',
    ]);
    expect(steps[0]).toMatchObject({ from: null, to: null, cell: { kind: 'suppressed' } });
    expect(steps[3]!.cell.kind).toBe('suppressed');
  });
});

const survival: SurvivalReply = {
  pilotId: 'p',
  observationEnd: '2025-12-31',
  arms: {
    intervention: {
      points: [
        { t: 10, survival: 0.9, lower: 0.8, upper: 1, atRisk: 10, events: 1 },
        { t: 30, survival: 0.8, lower: 0.6, upper: 0.95, atRisk: 9, events: 1 },
      ],
      median: null,
      riskTable: [
        { t: 0, atRisk: 12 },
        { t: 20, atRisk: 9 },
      ],
    },
    control: {
      points: [{ t: 20, survival: 0.95, lower: 0.85, upper: 1, atRisk: 20, events: 1 }],
      median: null,
    },
  },
  logRank: { chi2: 1, p: 0.3 },
};

describe('Kaplan–Meier rows', () => {
  it('merges both arms on one time axis, starting at 1 and carrying values forward', () => {
    const rows = kmRows(survival);
    expect(rows.map((r) => r.t)).toEqual([0, 10, 20, 30]);
    expect(rows[0]).toMatchObject({ intervention: 1, control: 1 });
    expect(rows[2]).toMatchObject({ intervention: 0.9, control: 0.95, controlBand: [0.85, 1] });
    expect(rows[3]).toMatchObject({ intervention: 0.8, control: 0.95 });
  });
  it('reads the numbers at risk the API tabled, null for a day it did not table or withheld', () => {
    expect(atRiskAt(survival, 'intervention', [0, 20, 40])).toEqual([12, 9, null]);
    const viewer: SurvivalReply = {
      ...survival,
      arms: {
        intervention: { points: [{ t: 5, survival: 0.9, lower: null, upper: null }], median: null },
      },
    };
    expect(atRiskAt(viewer, 'intervention', [0])).toEqual([null]);
  });
});

describe('window and forest rows', () => {
  it('sorts windows and keeps intervals', () => {
    const rows = windowRows([summary({ windowMonths: 24 }), summary({ windowMonths: 6 })]);
    expect(rows.map((r) => r.window)).toEqual([6, 24]);
    expect(windowBand(rows[0]!, 'intervention')).toEqual([0.335, 0.469]);
    expect(windowRate(rows[0]!, 'control')).toBeNull();
  });
  it('keeps every declared arm of a multi-arm pilot, keyed by its code', () => {
    const arms = { vrijstelling: arm(), extra: arm(), control: arm() };
    const rows = windowRows([summary({ windowMonths: 12, arms })]);
    for (const code of Object.keys(arms)) {
      expect(windowRate(rows[0]!, code)).toBe(arm().offBenefit.rate);
      expect(windowBand(rows[0]!, code)).toEqual([0.335, 0.469]);
    }
  });
  it('merges the Kaplan–Meier steps of every arm on one axis', () => {
    const curve = (t: number) => ({
      median: null,
      points: [{ t, survival: 0.5, lower: 0.4, upper: 0.6, atRisk: 10 }],
    });
    const rows = kmRows({
      arms: { a: curve(10), b: curve(20), control: curve(30) },
    } as unknown as SurvivalReply);
    expect(rows.map((r) => r.t)).toEqual([0, 10, 20, 30]);
    expect(['a', 'b', 'control'].map((c) => kmValue(rows[2], c))).toEqual([0.5, 0.5, 1]);
    expect(kmBand(rows[3], 'b')).toEqual([0.4, 0.6]);
  });
  it('maps subgroup differences with n per arm and suppression', () => {
    const rows = forestRows(
      {
        pilotId: 'p',
        windowMonths: 12,
        by: 'hasDebts',
        groups: [
          {
            value: true,
            arms: { intervention: arm(), control: arm({ evaluable: null }) },
            difference: { rate: 0.1, ci95: [-0.05, 0.25] },
          },
          {
            value: false,
            arms: { intervention: arm(), control: arm() },
            difference: { rate: null, ci95: null },
          },
        ],
        suppressed: ['/groups/0/arms/control/evaluable', '/groups/1/difference/rate'],
      },
      (v) => (v ? 'ja' : 'nee'),
    );
    expect(rows[0]).toMatchObject({
      value: 'ja',
      diff: 0.1,
      lo: -0.05,
      hi: 0.25,
      n: [
        { arm: 'intervention', n: { kind: 'value', value: 200 } },
        { arm: 'control', n: { kind: 'suppressed' } },
      ],
    });
    expect(rows[1]).toMatchObject({ value: 'nee', diff: null, suppressed: true });
  });
  it('gives a four-arm subgroup reply n for every arm, a missing arm as missing', () => {
    const rows = forestRows(
      {
        pilotId: 'p',
        windowMonths: 12,
        by: 'hasDebts',
        groups: [
          {
            value: true,
            arms: {
              vrijstelling: arm(),
              extra_begeleiding: arm({ evaluable: 50 }),
              bijverdienen: arm({ evaluable: 60 }),
              control: arm({ evaluable: 70 }),
            },
            difference: { rate: 0.1, ci95: [-0.05, 0.25] },
          },
          {
            value: false,
            arms: { vrijstelling: arm(), control: arm() },
            difference: null,
          },
        ],
      },
      (v) => (v ? 'ja' : 'nee'),
    );
    expect(rows[0]!.n.map((x) => [x.arm, x.n])).toEqual([
      ['vrijstelling', { kind: 'value', value: 200 }],
      ['extra_begeleiding', { kind: 'value', value: 50 }],
      ['bijverdienen', { kind: 'value', value: 60 }],
      ['control', { kind: 'value', value: 70 }],
    ]);
    expect(rows[1]!.n.map((x) => x.n.kind)).toEqual(['value', 'missing', 'missing', 'value']);
  });
});

describe('timeline spells', () => {
  it('starts on benefit at intake and closes spells at their end events', () => {
    const s = spells(
      '2024-01-01',
      [
        { type: 'bbz_start', date: '2024-03-01' },
        { type: 'benefit_end', date: '2024-06-01' },
        { type: 'benefit_restart', date: '2024-09-01' },
      ],
      '2025-01-01',
    );
    expect(s).toEqual([
      { kind: 'benefit', from: '2024-01-01', to: '2024-06-01', open: false },
      { kind: 'bbz', from: '2024-03-01', to: '2025-01-01', open: true },
      { kind: 'benefit', from: '2024-09-01', to: '2025-01-01', open: true },
    ]);
  });

  it.each([
    ['end, then restart', ['benefit_end', 'benefit_restart']],
    ['restart, then end', ['benefit_restart', 'benefit_end']],
  ] as const)(
    'draws a participant off benefit after a benefit_end and a benefit_restart on one day (%s), as the engine says',
    (_order, types) => {
      const events = types.map((type) => ({ type, date: '2024-06-01' }));
      const s = spells('2024-01-01', events, '2025-01-01');
      expect(s).toEqual([{ kind: 'benefit', from: '2024-01-01', to: '2024-06-01', open: false }]);
      const tl = buildTimeline(
        events.map((e) => ({ ...e, reason: null, value: null, amountCents: null })),
        toDay('2024-01-01'),
        toDay('2025-01-01'),
      );
      expect(onBenefit(tl, toDay('2024-12-31'))).toBe(false);
    },
  );

  it('leaves out events after the end of the axis and a benefit_end on the intake day', () => {
    expect(
      spells(
        '2024-01-01',
        [
          { type: 'benefit_end', date: '2024-01-01' },
          { type: 'benefit_restart', date: '2024-04-01' },
          { type: 'benefit_end', date: '2025-06-01' },
        ],
        '2025-01-01',
      ),
    ).toEqual([{ kind: 'benefit', from: '2024-04-01', to: '2025-01-01', open: true }]);
  });
});

describe('cohortRows', () => {
  const reply = {
    pilotId: 'p',
    windowMonths: 12,
    cohorts: [
      {
        month: '2024-02',
        arm: 'intervention',
        participants: 20,
        evaluable: 18,
        offBenefit: { count: 9, rate: 0.5, ci95: [0.29, 0.71] },
      },
      {
        month: '2024-01',
        arm: 'control',
        participants: 12,
        evaluable: 12,
        offBenefit: { count: 3, rate: 0.25, ci95: [0.09, 0.53] },
      },
      {
        month: '2024-01',
        arm: 'intervention',
        participants: 15,
        evaluable: 15,
        offBenefit: { count: 6, rate: 0.4, ci95: [0.2, 0.64] },
      },
      {
        month: '2024-02',
        arm: 'control',
        participants: null,
        evaluable: null,
        offBenefit: { count: null, rate: null, ci95: null },
      },
      {
        month: '2024-03',
        arm: 'intervention',
        participants: 14,
        evaluable: 0,
        offBenefit: { count: 0, rate: null, ci95: null },
      },
    ],
    suppressed: [
      '/cohorts/3/participants',
      '/cohorts/3/evaluable',
      '/cohorts/3/offBenefit/count',
      '/cohorts/3/offBenefit/rate',
    ],
  } satisfies CohortReply;

  it('puts both arms of an intake month on one row, in month order', () => {
    const rows = cohortRows(reply);
    expect(rows.map((r) => r.month)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(rows[0]).toMatchObject({
      intervention: 0.4,
      control: 0.25,
      interventionBand: [0.2, 0.64],
      controlBand: [0.09, 0.53],
    });
  });

  it('draws no point for a suppressed rate, and shows it as suppressed rather than zero', () => {
    const feb = cohortRows(reply)[1]!;
    expect(feb.control).toBeNull();
    expect(feb.cells.control?.rate).toEqual({ kind: 'suppressed' });
    expect(feb.cells.control?.participants).toEqual({ kind: 'suppressed' });
  });

  it('leaves a month whose participants are all too recent without a rate (missing, not suppressed)', () => {
    const mar = cohortRows(reply)[2]!;
    expect(mar.intervention).toBeNull();
    expect(mar.cells.intervention?.rate).toEqual({ kind: 'missing' });
    expect(mar.cells.intervention?.evaluable).toEqual({ kind: 'value', value: 0 });
    expect(mar.cells.control).toBeUndefined();
  });
});

describe('myPilotRows', () => {
  it('joins pilots, 12-month outcomes and follow-ups due, sorted by start date', () => {
    const pilots = [
      { id: 'b', name: 'B', municipality: 'GM0363', participants: 300, startDate: '2024-03-01' },
      { id: 'a', name: 'A', municipality: 'GM0599', participants: 120, startDate: '2023-01-01' },
    ];
    const rows = myPilotRows(pilots, [summary({ pilotId: 'b' })], new Map([['a', 7]]));
    expect(rows.map((r) => r.id)).toEqual(['a', 'b']);
    expect(rows[0]).toMatchObject({
      rate: { kind: 'missing' },
      pending: { kind: 'missing' },
      followUps: 7,
      ci: null,
    });
    expect(rows[1]).toMatchObject({
      rate: { kind: 'value', value: 0.4 },
      pending: { kind: 'value', value: 50 },
      followUps: null,
    });
    expect(rows[1]!.ci).toEqual([0.335, 0.469]);
  });
});
