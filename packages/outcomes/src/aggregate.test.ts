import { describe, expect, it } from 'vitest';
import { accumulate, emptyTotals, summarizeArm, summarizeOutcomes } from './aggregate.ts';
import { outcomesFor } from './arms.ts';
import { deriveParticipant, type DerivedParticipant } from './derive.ts';
import { avoidedBenefitCents, divRound } from './money.ts';
import { newcombe } from './proportions.ts';
import { baseline, end, ev, pilot } from './test-fixtures.ts';

/**
 * A hand-worked pilot. Intake 2024-01-15 for all, so m(6) = 2024-07-15 and m(12) = 2025-01-15
 * (366 days). Pilot defaults: benefit €1200/month, guidance €3000.
 */
function handWorked(): DerivedParticipant[] {
  const p = pilot();
  return [
    // I1: off from t0 (366 days off at €1000), €100 offset, ladder 2 → 4.
    deriveParticipant(
      baseline({ ladderStep: 2 }),
      [
        end('2024-01-15'),
        ev('offset_income', '2024-06-01', { amountCents: 10_000 }),
        ev('ladder', '2024-06-01', { value: 4 }),
      ],
      p,
    ),
    // I2: on benefit throughout; uses both pilot defaults; ladder 3 → 3.
    deriveParticipant(
      baseline({ monthlyBenefitCents: null, guidanceCostCents: null, ladderStep: 3 }),
      [ev('ladder', '2024-10-01', { value: 3 })],
      p,
    ),
    // I3: lost to follow-up before m(12): pending, its guidance cost not in the window.
    deriveParticipant(baseline({ lostToFollowUpDate: '2024-06-30' }), [end('2024-02-01')], p),
    // I4: exits via Bbz exactly on m(6), so 184 days off and sustained; one job start.
    deriveParticipant(baseline(), [end('2024-07-15', 'bbz'), ev('work_start', '2024-08-01')], p),
    // C1: exits 2024-03-01 without reason: 320 days off; its guidance cost is not counted.
    deriveParticipant(baseline({ arm: 'control' }), [end('2024-03-01', null)], p),
    // C2: on benefit throughout.
    deriveParticipant(baseline({ arm: 'control' }), [], p),
  ];
}

const arm = (rows: DerivedParticipant[], a: string) => rows.filter((r) => r.arm === a);

describe('accumulate', () => {
  it('sums the hand-worked intervention arm', () => {
    expect(accumulate(arm(handWorked(), 'intervention'), 12)).toEqual({
      participants: 4,
      evaluable: 3,
      pending: 1,
      off: 2,
      routes: { regular_work: 1, bbz: 1, combination: 0, other: 0 },
      hasSustained: true,
      sustained: 2,
      benefitDays: 0 + 366 + 182,
      offDayBenefitCents: 366 * 100_000 + 184 * 100_000,
      offsetCents: 10_000,
      guidanceCostCents: 50_000 + 300_000 + 50_000,
      ladder: { n: 2, up: 1, sumChange: 2 },
      placements: { eligible: 1, sustained: 1 },
      debts: { n: 0, stabilised: 0, stressN: 0, stressSumTenths: 0 },
    });
  });

  it('counts no guidance cost for the control arm', () => {
    const t = accumulate(arm(handWorked(), 'control'), 12);
    expect(t).toMatchObject({
      evaluable: 2,
      off: 1,
      routes: { other: 1 },
      offDayBenefitCents: 320 * 100_000,
      guidanceCostCents: 0,
    });
  });

  it('throws when asked for a window that was not derived', () => {
    expect(() => accumulate(handWorked(), 7)).toThrow(/Window 7/);
  });
});

describe('summarizeArm', () => {
  const s = summarizeArm(accumulate(arm(handWorked(), 'intervention'), 12), 12);

  it('reports counts, the exit rate and the routes', () => {
    expect(s).toMatchObject({
      participants: 4,
      evaluable: 3,
      pending: 1,
      routes: { regular_work: 1, bbz: 1 },
    });
    expect(s.offBenefit.count).toBe(2);
    expect(s.offBenefit.rate).toBeCloseTo(2 / 3, 15);
    expect(s.sustained.count).toBe(2);
    expect(s.meanBenefitMonths).toBeCloseTo(548 / 30.4375 / 3, 12);
  });

  it('computes savings totals from exact cents, rounded once to the cent', () => {
    // 55,000,000 / 30.4375 = 1,806,981.5195… cents.
    expect(s.savings).toEqual({
      avoidedBenefit: 18069.82,
      offsetIncome: 100,
      guidanceCost: 4000,
      net: 14169.82,
    });
  });

  it('gives means per evaluable participant, rounded to the cent', () => {
    expect(s.savingsMean).toEqual({
      avoidedBenefit: 6023.27,
      offsetIncome: 33.33,
      guidanceCost: 1333.33,
      net: 4723.27,
    });
  });

  it('reports ladder progress and sustained placements', () => {
    expect(s.ladderProgress).toMatchObject({ n: 2, count: 1, rate: 0.5, meanChange: 1 });
    expect(s.sustainedPlacement).toMatchObject({ n: 1, count: 1, rate: 1 });
  });

  it('gives null sustained count, rate and interval for windows under six months', () => {
    const rows = [deriveParticipant(baseline(), [end('2024-01-15')], pilot(), [3])];
    const short = summarizeArm(accumulate(rows, 3), 3);
    expect(short.offBenefit).toMatchObject({ count: 1, rate: 1 });
    expect(short.sustained).toEqual({ count: null, rate: null, ci95: null });
  });

  it('gives null for every rate, interval and mean over zero participants, never 0 or NaN', () => {
    expect(summarizeArm(emptyTotals(12), 12)).toEqual({
      participants: 0,
      evaluable: 0,
      pending: 0,
      offBenefit: { count: 0, rate: null, ci95: null },
      routes: { regular_work: 0, bbz: 0, combination: 0, other: 0 },
      sustained: { count: 0, rate: null, ci95: null },
      meanBenefitMonths: null,
      savings: { avoidedBenefit: 0, offsetIncome: 0, guidanceCost: 0, net: 0 },
      savingsMean: { avoidedBenefit: null, offsetIncome: null, guidanceCost: null, net: null },
      ladderProgress: { n: 0, count: 0, rate: null, ci95: null, meanChange: null },
      sustainedPlacement: { n: 0, count: 0, rate: null, ci95: null },
      debts: {
        n: 0,
        stabilised: { count: 0, rate: null, ci95: null },
        moneyStressN: 0,
        meanMoneyStressChange: null,
      },
    });
  });
});

describe('summarizeOutcomes', () => {
  it('compares the arms with Newcombe and a net effect against the control mean', () => {
    const o = outcomesFor(handWorked(), 12);
    expect(o.windowMonths).toBe(12);
    expect(o.difference).toEqual(newcombe(2, 3, 1, 2));
    // (1,816,981.52 − 1,051,334.70 × 3/2 − 400,000) cents = −160,020.53… cents.
    expect(o.netEffect).toBe(-1600.21);
    expect(o.savingsBasis).toBe('net_effect');
    expect(o.arms.control?.savings.guidanceCost).toBe(0);
  });

  it('labels savings gross and gives no difference or net effect without a control arm', () => {
    const o = outcomesFor(arm(handWorked(), 'intervention'), 12);
    expect(o).toMatchObject({ difference: null, netEffect: null, savingsBasis: 'gross' });
    expect(o.arms.control).toBeUndefined();
  });

  it('gives no difference or net effect when the control arm has no evaluable participant', () => {
    const rows = handWorked();
    const o = summarizeOutcomes(
      { intervention: accumulate(arm(rows, 'intervention'), 12), control: emptyTotals(12) },
      12,
    );
    expect(o).toMatchObject({ difference: null, netEffect: null, savingsBasis: 'gross' });
    expect(o.arms.control?.offBenefit.rate).toBeNull();
  });

  it('keeps participants whose m(k) is after the observation end out of every denominator', () => {
    const p = pilot({ dataCompleteThrough: '2025-01-14' });
    const rows = [
      deriveParticipant(baseline(), [end('2024-02-01')], p),
      deriveParticipant(baseline({ arm: 'control' }), [], p),
    ];
    const o = outcomesFor(rows, 12);
    expect(o.arms.intervention).toMatchObject({ participants: 1, evaluable: 0, pending: 1 });
    expect(o.arms.intervention!.offBenefit).toEqual({ count: 0, rate: null, ci95: null });
    expect(o.arms.intervention!.savings.guidanceCost).toBe(0);
    expect(o).toMatchObject({ difference: null, netEffect: null, savingsBasis: 'gross' });
  });
});

describe('money', () => {
  it.each([
    [5, 2, 3],
    [7, 3, 2],
    [8, 3, 3],
    [0, 487, 0],
    [2 ** 52 + 1, 1, 2 ** 52 + 1],
    [9_000_000_000_000_000, 487, 18_480_492_813_142],
  ])('divRound(%i, %i) = %i', (n, d, q) => {
    expect(divRound(n, d)).toBe(q);
  });

  it('divides by 30.4375 as ×16/487: 487 off-day-cents make 16 cents', () => {
    expect(avoidedBenefitCents(487)).toBe(16);
    expect(avoidedBenefitCents(30)).toBe(1);
  });
});
