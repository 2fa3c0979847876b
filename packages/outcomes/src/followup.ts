import { addMonths, fromDay, toDay } from './dates.ts';

/**
 * The follow-up measurements of the worklist (docs/worklist.md): a Participatieladder step is
 * measured around 6, 12 and 24 months after intake. A mark is met by a `ladder` event dated in
 * its tolerance window, from `m(k − 2)` through `m(k + 2)` (months counted from intake as in
 * SPEC §3). The window opens the follow-up; past its due date `m(k)` it is overdue.
 */
export const FOLLOW_UP_MARKS = [6, 12, 24] as const;
/** Months either side of a mark in which a measurement still counts for it. */
export const FOLLOW_UP_TOLERANCE_MONTHS = 2;

export interface FollowUpDue {
  /** Months after intake. */
  mark: number;
  dueDate: string;
  windowStart: string;
  windowEnd: string;
  /** The due date lies before `asOf`. */
  overdue: boolean;
}

/**
 * The follow-ups of one participant still to do on `asOf`: marks whose tolerance window has
 * opened by then without a ladder measurement dated in it (measurements after `asOf` are not
 * known yet on that day).
 *
 * @example followUpsDue('2024-01-31', ['2024-08-15'], '2025-03-01')
 * // 6 is met (window 2024-05-31 … 2024-09-30); 12 (due 2025-01-31) is overdue
 */
export function followUpsDue(
  intakeDate: string,
  ladderDates: readonly string[],
  asOf: string,
): FollowUpDue[] {
  const t0 = toDay(intakeDate);
  const today = toDay(asOf);
  const measured = ladderDates.map(toDay).filter((d) => d <= today);
  const out: FollowUpDue[] = [];
  for (const mark of FOLLOW_UP_MARKS) {
    const start = addMonths(t0, mark - FOLLOW_UP_TOLERANCE_MONTHS);
    if (start > today) break;
    const end = addMonths(t0, mark + FOLLOW_UP_TOLERANCE_MONTHS);
    if (measured.some((d) => d >= start && d <= end)) continue;
    const due = addMonths(t0, mark);
    out.push({
      mark,
      dueDate: fromDay(due),
      windowStart: fromDay(start),
      windowEnd: fromDay(end),
      overdue: due < today,
    });
  }
  return out;
}
