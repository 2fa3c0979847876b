import type { IsoDate } from '@wegwijzer/domain';
import { addMonths as addMonthsToDay, fromDay, toDay } from '@wegwijzer/outcomes';

// The generator steps through dates as ISO strings; the arithmetic is the outcome engine's own, so
// the demo's "12 months after intake" is exactly the engine's m(12).

/** Days since 1970-01-01, for arithmetic on calendar dates. */
export const toDayNumber = (iso: IsoDate): number => toDay(iso);

export const fromDayNumber = (day: number): IsoDate => fromDay(day);

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDay(toDay(iso) + days);
}

/** `iso` plus `k` calendar months, the day clamped to the month's last day (SPEC §3 `m(k)`). */
export function addMonths(iso: IsoDate, k: number): IsoDate {
  return fromDay(addMonthsToDay(toDay(iso), k));
}

export function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}
