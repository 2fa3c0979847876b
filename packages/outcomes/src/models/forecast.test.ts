import { describe, expect, it } from 'vitest';
import { fromDay, toDay } from '../dates.ts';
import { forecast, type ForecastParticipant } from './forecast.ts';

const person = (
  arm: 'intervention' | 'control',
  intake: string,
  lost?: string,
): ForecastParticipant => ({
  arm,
  t0: toDay(intake),
  lost: lost === undefined ? null : toDay(lost),
});

describe('forecast', () => {
  const participants = [
    person('intervention', '2024-01-31'), // m(1) = 2024-02-29 (clamped, leap year)
    person('intervention', '2024-03-31'), // m(1) = 2024-04-30 (clamped)
    person('intervention', '2024-01-15', '2024-02-01'), // lost before m(1): never evaluable
    person('intervention', '2024-05-10'), // m(1) = 2024-06-10
    person('control', '2024-02-29'), // m(1) = 2024-03-29
  ];
  const base = {
    participants,
    arms: ['intervention', 'control'] as const,
    dataCompleteThrough: toDay('2024-05-31'),
    months: 1,
  };

  it('gives the target-th earliest m(k), month ends clamped, among those not lost before it', () => {
    const [arm] = forecast({ ...base, target: 2 });
    expect(fromDay(arm!.day!)).toBe('2024-04-30');
    expect(arm).toMatchObject({
      participants: 4,
      eligible: 3,
      evaluable: 2,
      reached: true,
      toEnroll: 0,
    });
  });

  it('gives a date after the data end as not yet reached', () => {
    const [arm] = forecast({ ...base, target: 3 });
    expect(fromDay(arm!.day!)).toBe('2024-06-10');
    expect(arm!.reached).toBe(false);
  });

  it('projects the missing participants at the pace of the last 90 days', () => {
    // Intervention intakes in (2024-03-02, 2024-05-31]: 03-31 and 05-10, 2 in 90 days, one per
    // 45 days; 2 more needed for 5: the second arrives 90 days after 05-31 = 2024-08-29, whose
    // m(1) is 2024-09-29.
    const [arm] = forecast({ ...base, target: 5 });
    expect(arm).toMatchObject({ toEnroll: 2, reached: false });
    expect(arm!.pacePer30Days).toBeCloseTo(2 / 3, 12);
    expect(fromDay(arm!.day!)).toBe('2024-09-29');
  });

  it('gives no date without recent intake, and counts arms without participants', () => {
    const out = forecast({ ...base, dataCompleteThrough: toDay('2024-12-31'), target: 2 });
    expect(out[1]).toMatchObject({ arm: 'control', participants: 1, day: null, toEnroll: 1 });
    const none = forecast({ ...base, participants: participants.slice(0, 4), target: 1 });
    expect(none[1]).toMatchObject({ participants: 0, eligible: 0, day: null, toEnroll: 1 });
  });

  it('counts from intake with the 12-month window clamped: 2023-02-28 + 12 months stays 02-28', () => {
    const [arm] = forecast({
      participants: [person('intervention', '2023-02-28'), person('intervention', '2024-02-29')],
      arms: ['intervention'],
      dataCompleteThrough: toDay('2024-12-31'),
      months: 12,
      target: 2,
    });
    // 2024-02-29 + 12 months = 2025-02-28 (no 29 February in 2025).
    expect(fromDay(arm!.day!)).toBe('2025-02-28');
  });
});
