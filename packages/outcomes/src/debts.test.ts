import type { TimelineEvent } from '@wegwijzer/domain/core';
import { describe, expect, it } from 'vitest';
import { accumulate, summarizeArm } from './aggregate.ts';
import { stabilisationByArm } from './arms.ts';
import { deriveParticipant, windowOf, type WindowOutcome } from './derive.ts';
import { wilson } from './proportions.ts';
import { baseline, ev, pilot } from './test-fixtures.ts';

// docs/outcomes-debts.md, worked by hand. Intake 2024-01-15, so m(12) = 2025-01-15; the pilot's
// data is complete through 2027-12-31 unless a case loses the participant earlier.
const intake = (date: string, euros = 12_000) =>
  ev('debt_intake', date, { amountCents: euros * 100 });
const stress = (date: string, score: number) => ev('money_stress', date, { value: score });

function at12(events: TimelineEvent[], lost: string | null = null): WindowOutcome {
  const d = deriveParticipant(baseline({ lostToFollowUpDate: lost }), events, pilot());
  return windowOf(d, 12)!;
}

describe('debts at k months', () => {
  it.each<[string, TimelineEvent[], WindowOutcome['debts']]>([
    ['has no debts without a debt_intake', [], { intake: false, stabilised: false }],
    [
      'counts a debt_intake on the intake day',
      [intake('2024-01-15')],
      { intake: true, stabilised: false },
    ],
    [
      'counts a debt_intake dated exactly m(k)',
      [intake('2025-01-15')],
      { intake: true, stabilised: false },
    ],
    [
      'leaves out a debt_intake one day after m(k)',
      [intake('2025-01-16')],
      { intake: false, stabilised: false },
    ],
    [
      'counts a settlement start as stabilised',
      [intake('2024-01-20'), ev('debt_settlement_start', '2024-09-01')],
      { intake: true, stabilised: true },
    ],
    [
      'counts debt_stabilised dated exactly m(k)',
      [intake('2024-01-20'), ev('debt_stabilised', '2025-01-15')],
      { intake: true, stabilised: true },
    ],
    [
      'does not count debt_free one day after m(k)',
      [intake('2024-01-20'), ev('debt_free', '2025-01-16')],
      { intake: true, stabilised: false },
    ],
    [
      'does not count stabilisation without a debt_intake (it is outside n)',
      [ev('debt_stabilised', '2024-05-01')],
      { intake: false, stabilised: false },
    ],
    [
      'counts stabilisation from t0 even when the debt_intake is recorded later in the window',
      [ev('debt_settlement_start', '2024-03-01'), intake('2024-04-01')],
      { intake: true, stabilised: true },
    ],
  ])('%s', (_name, events, expected) => {
    expect(at12(events).debts).toEqual(expected);
  });

  it('gives null debt figures when the window is not evaluable', () => {
    const w = at12(
      [intake('2024-01-15'), stress('2024-02-01', 8), stress('2024-05-01', 5)],
      '2024-06-30',
    );
    expect(w.evaluable).toBe(false);
    expect(w.debts).toBeNull();
    expect(w.moneyStressChangeTenths).toBeNull();
  });
});

describe('money-stress change at k months (tenths of a point)', () => {
  it.each<[string, TimelineEvent[], number | null]>([
    ['is null without scores', [], null],
    ['is null with one score', [stress('2024-02-01', 8)], null],
    ['is latest minus earliest of two', [stress('2024-02-01', 8), stress('2024-08-01', 6.5)], -15],
    [
      'ignores the scores in between',
      [stress('2024-02-01', 8), stress('2024-05-01', 9), stress('2024-11-01', 5.5)],
      -25,
    ],
    [
      'ignores a score after m(k)',
      [stress('2024-02-01', 8), stress('2024-10-01', 6), stress('2025-02-01', 2)],
      -20,
    ],
    ['counts a score dated exactly m(k)', [stress('2024-01-15', 8), stress('2025-01-15', 3)], -50],
    ['is positive when stress rises', [stress('2024-03-01', 4), stress('2024-09-01', 6.5)], 25],
    [
      'orders two scores on one day as recorded',
      [stress('2024-02-01', 7), stress('2024-02-01', 9)],
      20,
    ],
    [
      'orders scores by date whatever the input order',
      [stress('2024-09-01', 3), stress('2024-02-01', 9)],
      -60,
    ],
    ['needs no debt_intake', [stress('2024-02-01', 9), stress('2024-12-01', 6)], -30],
  ])('%s', (_name, events, expected) => {
    expect(at12(events).moneyStressChangeTenths).toBe(expected);
  });
});

describe('time to debt stabilisation', () => {
  const derive = (events: TimelineEvent[], lost: string | null = null) =>
    deriveParticipant(baseline({ lostToFollowUpDate: lost }), events, pilot()).debtStabilisation;

  it.each<[string, TimelineEvent[], string | null, { days: number; censored: boolean } | null]>([
    ['is null without a debt_intake', [ev('debt_free', '2024-05-01')], null, null],
    [
      'counts days from t0 to the first stabilising event',
      [
        intake('2024-02-01'),
        ev('debt_stabilised', '2024-09-01'),
        ev('debt_settlement_start', '2024-07-15'),
      ],
      null,
      { days: 182, censored: false },
    ],
    [
      'is censored at obsEnd without stabilisation',
      [intake('2024-01-15')],
      '2024-06-30',
      { days: 167, censored: true },
    ],
    [
      'is censored at obsEnd when stabilisation comes after it',
      [intake('2024-01-15'), ev('debt_free', '2024-08-01')],
      '2024-06-30',
      { days: 167, censored: true },
    ],
    ['is null when the debt_intake lies after obsEnd', [intake('2024-07-01')], '2024-06-30', null],
  ])('%s', (_name, events, lost, expected) => {
    expect(derive(events, lost)).toEqual(expected);
  });

  it('draws one curve per arm over participants with a debt_intake only', () => {
    const p = pilot();
    const rows = [
      deriveParticipant(baseline(), [intake('2024-01-15'), ev('debt_free', '2024-07-15')], p),
      deriveParticipant(baseline(), [], p),
      deriveParticipant(baseline({ arm: 'control' }), [], p),
    ];
    const s = stabilisationByArm(rows);
    expect(s.arms.intervention!.points).toEqual([
      { t: 182, survival: 0, lower: null, upper: null, atRisk: 1, events: 1 },
    ]);
    // The pilot has a control arm, but no control participant has debts: an empty curve.
    expect(s.arms.control).toMatchObject({ points: [], median: null });
    expect(s.arms.control!.riskTable.every((r) => r.atRisk === 0)).toBe(true);
    expect(s.logRank).toBeNull();
  });
});

describe('debts per arm', () => {
  it('sums and summarises a hand-worked arm', () => {
    const p = pilot();
    const rows = [
      // In n and stabilised; stress 8 → 6.
      deriveParticipant(
        baseline(),
        [
          intake('2024-01-15'),
          ev('debt_settlement_start', '2024-08-01'),
          stress('2024-01-20', 8),
          stress('2024-12-01', 6),
        ],
        p,
      ),
      // In n, not stabilised; stress 7 → 7.5.
      deriveParticipant(
        baseline(),
        [intake('2024-02-01'), stress('2024-02-01', 7), stress('2024-10-01', 7.5)],
        p,
      ),
      // No debts, stress 9 → 6.
      deriveParticipant(baseline(), [stress('2024-02-01', 9), stress('2024-06-01', 6)], p),
      // Pending at 12 months: in no denominator.
      deriveParticipant(
        baseline({ lostToFollowUpDate: '2024-06-30' }),
        [
          intake('2024-01-15'),
          ev('debt_free', '2024-03-01'),
          stress('2024-02-01', 9),
          stress('2024-03-01', 1),
        ],
        p,
      ),
    ];
    const t = accumulate(rows, 12);
    expect(t.debts).toEqual({ n: 2, stabilised: 1, stressN: 3, stressSumTenths: -45 });
    expect(summarizeArm(t, 12).debts).toEqual({
      n: 2,
      stabilised: wilson(1, 2),
      moneyStressN: 3,
      meanMoneyStressChange: -1.5,
    });
  });
});
