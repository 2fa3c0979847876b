import { fromDay, toDay } from './dates.ts';

/**
 * A participant's observation end (SPEC §3 `obsEnd`), as day numbers: the earlier of the pilot's
 * `dataCompleteThrough` and the participant's `lostToFollowUpDate`, when there is one.
 */
export function observationEndDay(complete: number, lost: number | null): number {
  return lost !== null && lost < complete ? lost : complete;
}

/**
 * The same as ISO dates, for a caller that shows it (the participant timeline ends there).
 * @example observationEnd('2025-12-31', '2025-06-30') // '2025-06-30'
 */
export function observationEnd(
  dataCompleteThrough: string,
  lostToFollowUpDate: string | null,
): string {
  return fromDay(
    observationEndDay(
      toDay(dataCompleteThrough),
      lostToFollowUpDate === null ? null : toDay(lostToFollowUpDate),
    ),
  );
}
