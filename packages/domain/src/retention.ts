/**
 * Retention of a pilot's personal data (SPEC §8): one definition of the dates, used by the API,
 * the dashboard, the migration that gave existing pilots a date and the scheduled CLI.
 */

/** How many days before its retention date a pilot is flagged in the dashboard. */
export const RETENTION_WARNING_DAYS = 90;

/** Years after the observation end that a pilot without a date of its own keeps its data. */
export const RETENTION_DEFAULT_YEARS = 2;

/** `iso` plus `years` calendar years; 29 February becomes 28 February in a common year. */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days from `from` to `to` (ISO dates); negative when `to` lies before `from`. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Where a pilot stands on `today`: `due` once the retention date has passed (the data may then be
 * erased or reduced), `soon` from RETENTION_WARNING_DAYS before it, else `ok`.
 */
export type RetentionStatus = 'ok' | 'soon' | 'due';
export function retentionStatus(retainUntil: string, today: string): RetentionStatus {
  const left = daysBetween(today, retainUntil);
  if (left < 0) return 'due';
  return left <= RETENTION_WARNING_DAYS ? 'soon' : 'ok';
}

/** The years of WEGWIJZER_RETENTION_DEFAULT_YEARS, or the default when it is unset or not a whole number ≥ 0. */
export function retentionDefaultYears(value: string | undefined): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n >= 0
    ? n
    : RETENTION_DEFAULT_YEARS;
}

/** Today's date in the Netherlands, as an ISO date. */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(now);
}
