/**
 * Calendar dates as integer day numbers (days since 1970-01-01 in the proleptic Gregorian
 * calendar).
 *
 * Why hand-written instead of `Date`: the SPEC's dates have no time and no zone, and a `Date`
 * built from a local-time constructor or read with local getters shifts a day around midnight
 * or DST in some zones. Integer day numbers make "on or before", "days between" and sorting
 * plain integer arithmetic, and the derivation of a million participants calls these
 * functions tens of millions of times, where allocating `Date` objects and parsing through
 * them is measurably slower. The civil <-> day conversions are Howard Hinnant's
 * `days_from_civil` / `civil_from_days` algorithms; `dates.test.ts` checks them against
 * `Date.UTC`.
 */

/** A civil date with month 1–12 and day 1–31. */
export interface Civil {
  year: number;
  month: number;
  day: number;
}

/** Days in `month` (1–12) of `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a civil date (no validation: callers pass real dates). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number. */
export function civilFromDay(n: number): Civil {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

// Character code of '0'; parsing by char codes avoids substring and regex allocation.
const ZERO = 48;

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - ZERO;
  if (c < 0 || c > 9) throw new RangeError(`Not a YYYY-MM-DD date: ${s}`);
  return c;
}

/**
 * Day number of an ISO date `YYYY-MM-DD`; throws on anything else, including impossible dates.
 * @example toDay('1970-01-02') // 1
 */
export function toDay(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${iso}`);
  }
  const year = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const month = digit(iso, 5) * 10 + digit(iso, 6);
  const day = digit(iso, 8) * 10 + digit(iso, 9);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not a real date: ${iso}`);
  }
  return dayFromCivil(year, month, day);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * ISO date `YYYY-MM-DD` of a day number (years 0–9999).
 * @example fromDay(19782) // '2024-02-29'
 */
export function fromDay(n: number): string {
  const { year, month, day } = civilFromDay(n);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Calendar year of a day number. */
export function yearOfDay(n: number): number {
  return civilFromDay(n).year;
}

/**
 * The SPEC's m(k) from an already split civil date: `k` calendar months later, the day clamped
 * to the last day of the target month. Used on the hot path, where t0 is split once.
 */
export function addMonthsCivil(year: number, month: number, day: number, k: number): number {
  const total = year * 12 + (month - 1) + k;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const dim = daysInMonth(y, m);
  return dayFromCivil(y, m, day < dim ? day : dim);
}

/**
 * SPEC's m(k): the day `k` calendar months after `day`, clamped to the month's last day.
 * Always count from t0 — chaining (`addMonths(addMonths(t0, 1), 1)`) loses a clamped day.
 * @example fromDay(addMonths(toDay('2024-01-31'), 1)) // '2024-02-29'
 */
export function addMonths(day: number, k: number): number {
  const c = civilFromDay(day);
  return addMonthsCivil(c.year, c.month, c.day, k);
}
