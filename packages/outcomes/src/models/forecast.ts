/**
 * "When will we know": the date from which an arm has `target` participants evaluable at k
 * months (SPEC §3: evaluable when m(k) <= obsEnd). That is the target-th earliest m(k) among
 * the arm's participants who are not lost to follow-up before their m(k): once the benefit
 * administration is complete through that date, the target is reached. Where the arm has too
 * few participants, the missing ones are projected at the arm's recent pace of intake.
 */
import type { Arm } from '@wegwijzer/domain/core';
import { addMonths } from '../dates.ts';

export interface ForecastParticipant {
  arm: Arm;
  /** Intake as a day number. */
  t0: number;
  /** Lost to follow-up as a day number, or null. */
  lost: number | null;
}

export interface ForecastInput {
  participants: readonly ForecastParticipant[];
  /** The arms to report, in order (arms without participants included). */
  arms: readonly Arm[];
  /** The pilot's dataCompleteThrough as a day number. */
  dataCompleteThrough: number;
  months: number;
  target: number;
  /** Days before dataCompleteThrough whose intakes give the pace (default 90). */
  paceDays?: number;
}

export interface ArmForecast {
  arm: Arm;
  participants: number;
  /** Participants who can become evaluable at k (not lost before m(k)). */
  eligible: number;
  /** Evaluable at k now. */
  evaluable: number;
  /** Day number from which `target` are evaluable; null when the pace gives no date. */
  day: number | null;
  /** True when the date is already covered by the data. */
  reached: boolean;
  /** Participants still to be enrolled for the target (0 when the arm has enough). */
  toEnroll: number;
  /** Intakes per 30 days over the pace period. */
  pacePer30Days: number;
}

/**
 * Forecast every arm.
 * @example forecast({ participants, arms: ['intervention', 'control'], dataCompleteThrough, months: 12, target: 100 })
 */
export function forecast(input: ForecastInput): ArmForecast[] {
  const paceDays = input.paceDays ?? 90;
  const end = input.dataCompleteThrough;
  return input.arms.map((arm) => {
    const own = input.participants.filter((p) => p.arm === arm);
    const marks = own
      .map((p) => ({ mark: addMonths(p.t0, input.months), lost: p.lost }))
      .filter((m) => m.lost === null || m.lost >= m.mark)
      .map((m) => m.mark)
      .sort((a, b) => a - b);
    const recent = own.filter((p) => p.t0 > end - paceDays && p.t0 <= end).length;
    const perDay = recent / paceDays;
    const evaluable = marks.filter((m) => m <= end).length;
    const base = {
      arm,
      participants: own.length,
      eligible: marks.length,
      evaluable,
      pacePer30Days: perDay * 30,
    };
    if (marks.length >= input.target) {
      const day = marks[input.target - 1]!;
      return { ...base, day, reached: day <= end, toEnroll: 0 };
    }
    const toEnroll = input.target - marks.length;
    if (perDay === 0) return { ...base, day: null, reached: false, toEnroll };
    // Future intakes arrive one every 1/perDay days after the data end; every existing
    // participant enrolled before them, so the last projected one's m(k) is the target date.
    const lastIntake = end + Math.ceil(toEnroll / perDay);
    return { ...base, day: addMonths(lastIntake, input.months), reached: false, toEnroll };
  });
}
