import type { TimelineEvent } from '@wegwijzer/domain/core';
import { describe, expect, it } from 'vitest';
import { fromDay } from './dates.ts';
import {
  deriveParticipant,
  participantSavingsCents,
  windowOf,
  type WindowOutcome,
} from './derive.ts';
import { baseline, end, ev, pilot, restart } from './test-fixtures.ts';

// Default fixture: intake 2024-01-15, so m(6) = 2024-07-15, m(12) = 2025-01-15 (366 days).
function at12(events: TimelineEvent[], overrides = {}): WindowOutcome {
  const w = windowOf(deriveParticipant(baseline(overrides), events, pilot()), 12);
  if (!w) throw new Error('window 12 missing');
  return w;
}

describe('deriveParticipant: benefit status at m(k)', () => {
  it.each<[string, TimelineEvent[], Partial<WindowOutcome>]>([
    [
      'stays on benefit without events',
      [],
      {
        evaluable: true,
        offBenefit: false,
        route: null,
        sustained: false,
        benefitDays: 366,
        offDays: 0,
      },
    ],
    [
      'is off from t0 when benefit_end is dated t0',
      [end('2024-01-15')],
      { offBenefit: true, route: 'regular_work', sustained: true, benefitDays: 0, offDays: 366 },
    ],
    [
      'counts a benefit_end dated exactly m(k) as off at k, but not as a day off in [t0, m(k))',
      [end('2025-01-15', 'bbz')],
      { offBenefit: true, route: 'bbz', sustained: false, benefitDays: 366, offDays: 0 },
    ],
    [
      'lets benefit_end win over a benefit_restart on the same day (end listed first)',
      [end('2024-06-01', 'combination'), restart('2024-06-01')],
      { offBenefit: true, route: 'combination', sustained: true },
    ],
    [
      'lets benefit_end win over a benefit_restart on the same day (restart listed first)',
      [restart('2024-06-01'), end('2024-06-01', 'combination')],
      { offBenefit: true, route: 'combination', sustained: true },
    ],
    [
      'is back on benefit at m(k) after a restart before m(k)',
      [end('2024-03-01'), restart('2024-09-01')],
      { offBenefit: false, route: null, sustained: false, benefitDays: 182, offDays: 184 },
    ],
    [
      'counts a missing reason as route other',
      [end('2024-05-01', null)],
      { offBenefit: true, route: 'other' },
    ],
    [
      'takes the route of the latest benefit_end in force',
      [end('2024-03-01', 'bbz'), end('2024-10-01', 'regular_work')],
      { offBenefit: true, route: 'regular_work', sustained: true },
    ],
    [
      'counts an exit exactly six months before m(k) as sustained',
      [end('2024-07-15')],
      { offBenefit: true, sustained: true, offDays: 184 },
    ],
    [
      'does not count an exit one day after m(k-6) as sustained',
      [end('2024-07-16')],
      { offBenefit: true, sustained: false },
    ],
    [
      'breaks sustained exit with a one-day return to benefit inside [m(k-6), m(k)]',
      [end('2024-03-01'), restart('2024-10-01'), end('2024-10-02')],
      { offBenefit: true, sustained: false, offDays: 366 - 46 - 1 },
    ],
    [
      'processes events given out of date order',
      [restart('2024-09-01'), end('2024-03-01')],
      { offBenefit: false, benefitDays: 182 },
    ],
  ])('%s', (_name, events, expected) => {
    expect(at12(events)).toMatchObject(expected);
  });

  it('gives sustained = null for windows shorter than six months', () => {
    const d = deriveParticipant(baseline(), [end('2024-01-15')], pilot(), [3, 6]);
    expect(windowOf(d, 3)).toMatchObject({ offBenefit: true, sustained: null });
    expect(windowOf(d, 6)).toMatchObject({ offBenefit: true, sustained: true });
  });
});

describe('deriveParticipant: evaluable or pending', () => {
  it.each<[string, object, object, Partial<WindowOutcome>]>([
    [
      'is evaluable when m(k) equals the observation end',
      {},
      { dataCompleteThrough: '2025-01-15' },
      { evaluable: true },
    ],
    [
      'is pending when m(k) is after the observation end',
      {},
      { dataCompleteThrough: '2025-01-14' },
      {
        evaluable: false,
        offBenefit: false,
        route: null,
        sustained: false,
        benefitDays: null,
        offDays: null,
        offsetCents: null,
        ladder: null,
      },
    ],
    [
      'is pending when lost to follow-up before m(k)',
      { lostToFollowUpDate: '2024-12-31' },
      {},
      { evaluable: false, offBenefit: false },
    ],
    [
      'is evaluable when lost to follow-up after m(k)',
      { lostToFollowUpDate: '2025-02-01' },
      {},
      { evaluable: true },
    ],
  ])('%s', (_name, b, p, expected) => {
    const d = deriveParticipant(baseline(b), [end('2024-02-01')], pilot(p));
    expect(windowOf(d, 12)).toMatchObject(expected);
  });

  it('takes the earlier of dataCompleteThrough and lostToFollowUpDate as obsEnd', () => {
    const a = deriveParticipant(baseline({ lostToFollowUpDate: '2024-12-31' }), [], pilot());
    const b = deriveParticipant(
      baseline({ lostToFollowUpDate: '2026-01-01' }),
      [],
      pilot({ dataCompleteThrough: '2025-06-30' }),
    );
    expect(fromDay(a.obsEnd)).toBe('2024-12-31');
    expect(fromDay(b.obsEnd)).toBe('2025-06-30');
  });
});

describe('deriveParticipant: calendar edge cases of m(k)', () => {
  it.each([
    ['2024-01-31', 6, '2024-07-31'],
    ['2024-03-31', 6, '2024-09-30'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2024-02-29', 6, '2024-08-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 36, '2027-02-28'],
  ])('an intake on %s has m(%i) = %s', (intakeDate, k, mark) => {
    const d = deriveParticipant(baseline({ intakeDate }), [], pilot());
    expect(fromDay(windowOf(d, k)!.mark)).toBe(mark);
  });

  it('clamps m(k-6) from t0 too: intake 2023-08-31, exit on 2024-02-29 is sustained at 12', () => {
    const b = baseline({ intakeDate: '2023-08-31' });
    expect(windowOf(deriveParticipant(b, [end('2024-02-29')], pilot()), 12)?.sustained).toBe(true);
    expect(windowOf(deriveParticipant(b, [end('2024-03-01')], pilot()), 12)?.sustained).toBe(false);
  });

  it('treats a leap-day intake observed through 2025-02-28 as evaluable at 12 months', () => {
    const d = deriveParticipant(
      baseline({ intakeDate: '2024-02-29' }),
      [],
      pilot({ dataCompleteThrough: '2025-02-28' }),
    );
    expect(windowOf(d, 12)).toMatchObject({ evaluable: true, benefitDays: 365 });
  });
});

describe('deriveParticipant: offset income and ladder', () => {
  it('counts offset income dated in [t0, m(k)) but not on m(k) itself', () => {
    const w = at12([
      ev('offset_income', '2024-01-15', { amountCents: 1_000 }),
      ev('offset_income', '2025-01-14', { amountCents: 20_000 }),
      ev('offset_income', '2025-01-15', { amountCents: 300_000 }),
    ]);
    expect(w.offsetCents).toBe(21_000);
  });

  it.each<[string, number | null, TimelineEvent[], WindowOutcome['ladder']]>([
    [
      'uses the latest step dated on or before m(k)',
      2,
      [ev('ladder', '2024-05-01', { value: 3 }), ev('ladder', '2025-01-15', { value: 4 })],
      { intake: 2, latest: 4 },
    ],
    [
      'ignores steps dated after m(k)',
      2,
      [ev('ladder', '2024-05-01', { value: 3 }), ev('ladder', '2025-01-16', { value: 5 })],
      { intake: 2, latest: 3 },
    ],
    [
      'takes the later of two same-day steps in input order',
      2,
      [ev('ladder', '2024-05-01', { value: 5 }), ev('ladder', '2024-05-01', { value: 1 })],
      { intake: 2, latest: 1 },
    ],
    ['is null without an intake step', null, [ev('ladder', '2024-05-01', { value: 3 })], null],
    ['is null without a measurement in the window', 2, [], null],
  ])('ladder %s', (_name, ladderStep, events, expected) => {
    expect(at12(events, { ladderStep }).ladder).toEqual(expected);
  });
});

describe('deriveParticipant: first exit, placements, amounts', () => {
  it.each<[string, object, TimelineEvent[], { days: number; censored: boolean }]>([
    [
      'times the first benefit_end',
      {},
      [end('2024-06-01'), restart('2024-07-01'), end('2024-09-01')],
      { days: 138, censored: false },
    ],
    ['censors at obsEnd without an exit', {}, [], { days: 1446, censored: true }],
    [
      'censors at lost-to-follow-up and ignores a later exit',
      { lostToFollowUpDate: '2024-12-31' },
      [end('2025-01-02')],
      { days: 351, censored: true },
    ],
    [
      'keeps a negative censoring time when obsEnd is before t0',
      { lostToFollowUpDate: '2024-01-10' },
      [],
      { days: -5, censored: true },
    ],
    [
      'ignores events dated before t0 instead of crashing',
      {},
      [end('2023-12-01'), restart('2023-12-20')],
      { days: 1446, censored: true },
    ],
  ])('firstExit %s', (_name, b, events, expected) => {
    expect(deriveParticipant(baseline(b), events, pilot()).firstExit).toEqual(expected);
  });

  it.each<[string, TimelineEvent[], { eligible: number; sustained: number }]>([
    [
      'counts a job without work_end for six months as sustained',
      [ev('work_start', '2024-03-01')],
      { eligible: 1, sustained: 1 },
    ],
    [
      'counts a work_end exactly at start + 6 months as not sustained',
      [ev('work_start', '2024-03-01'), ev('work_end', '2024-09-01')],
      { eligible: 1, sustained: 0 },
    ],
    [
      'counts a work_end one day later as sustained',
      [ev('work_start', '2024-03-01'), ev('work_end', '2024-09-02')],
      { eligible: 1, sustained: 1 },
    ],
    [
      'counts a work_end on the start day as not sustained',
      [ev('work_start', '2024-03-01'), ev('work_end', '2024-03-01')],
      { eligible: 1, sustained: 0 },
    ],
    [
      'leaves out a start whose six months pass the observation end',
      [ev('work_start', '2027-07-01')],
      { eligible: 0, sustained: 0 },
    ],
    [
      'clamps start + 6 months: 2027-06-30 is eligible through 2027-12-30',
      [ev('work_start', '2027-06-30')],
      { eligible: 1, sustained: 1 },
    ],
  ])('placements: %s', (_name, events, expected) => {
    expect(deriveParticipant(baseline(), events, pilot()).placements).toEqual(expected);
  });

  it.each([
    ['own amounts', { monthlyBenefitCents: 1, guidanceCostCents: 2 }, {}, 1, 2],
    [
      'pilot defaults when the participant has none',
      { monthlyBenefitCents: null, guidanceCostCents: null },
      {},
      120_000,
      300_000,
    ],
    [
      '0 when neither has one',
      { monthlyBenefitCents: null, guidanceCostCents: null },
      { monthlyBenefitCents: null, guidanceCostCents: null },
      0,
      0,
    ],
  ])('uses %s for benefit and guidance cost', (_name, b, p, benefit, guidance) => {
    const d = deriveParticipant(baseline(b), [], pilot(p));
    expect([d.monthlyBenefitCents, d.guidanceCostCents]).toEqual([benefit, guidance]);
  });

  it('gives per-participant savings with guidance cost for the intervention arm only', () => {
    const events = [end('2024-07-15'), ev('offset_income', '2024-08-01', { amountCents: 5_000 })];
    const i = participantSavingsCents(deriveParticipant(baseline(), events, pilot()), 12);
    const c = participantSavingsCents(
      deriveParticipant(baseline({ arm: 'control' }), events, pilot()),
      12,
    );
    expect(i?.avoidedBenefit).toBeCloseTo((184 * 100_000) / 30.4375, 9);
    expect(i).toMatchObject({ offsetIncome: 5_000, guidanceCost: 50_000 });
    expect(c).toMatchObject({ guidanceCost: 0 });
    expect(c!.net).toBeCloseTo(c!.avoidedBenefit + 5_000, 9);
  });
});
