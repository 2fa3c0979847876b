import {
  amountCents,
  checkIsoDate,
  HOURS_PER_WEEK,
  MONEY_STRESS,
  numberInRange,
  oneOf,
  readCellNumber,
  readDecimal as readStyledDecimal,
  wholeNumber,
  yesNo,
  type Checked,
  type Decimal,
  type RuleCode,
  type RuleError,
} from '@wegwijzer/domain';
import { isValidBsn } from './bsn.ts';
import type { Delimiter } from './types.ts';

/**
 * A cell read as a domain value, or the message saying why it is not one. The verdict is the
 * shared rule's (domain rules.ts), whose code travels with the English message.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string; rule?: RuleError };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (error: string, rule?: RuleError | RuleCode): Parsed<never> =>
  rule === undefined
    ? { ok: false, error }
    : { ok: false, error, rule: typeof rule === 'string' ? { code: rule } : rule };

/** A rule's verdict with this file's English message for a refusal. */
function worded<T>(checked: Checked<T>, message: (error: RuleError) => string): Parsed<T> {
  return checked.ok ? ok(checked.value) : fail(message(checked.error), checked.error);
}

/**
 * The bad value as an error message shows it: quoted, escaped, and short so a
 * stray huge cell cannot bloat the reply. A value that passes the elfproef is
 * most likely a BSN in the wrong column, and a BSN is never echoed.
 */
export function shown(raw: string): string {
  if (isValidBsn(raw)) return '(a number that looks like a BSN, not shown)';
  return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
}

/** A date as `YYYY-MM-DD`, or Dutch `DD-MM-YYYY` / `D-M-YYYY`, to ISO; impossible dates are refused. */
export function parseDate(raw: string, label: string): Parsed<string> {
  let iso: string | null = null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) iso = raw;
  const dutch = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(raw);
  if (dutch) iso = `${dutch[3]}-${dutch[2]!.padStart(2, '0')}-${dutch[1]!.padStart(2, '0')}`;
  if (iso === null)
    return fail(
      `${label} must be a date as YYYY-MM-DD or DD-MM-YYYY, got ${shown(raw)}`,
      'not_a_date',
    );
  return worded(
    checkIsoDate(iso),
    () => `${label} must be a real calendar date, got ${shown(raw)}`,
  );
}

/** A decimal number written the way this file's dialect writes them; null when it is not one. */
export function readDecimal(raw: string, delimiter: Delimiter): Decimal | null {
  return readStyledDecimal(raw, delimiter === ';' ? ',' : '.');
}

function decimalExample(delimiter: Delimiter): string {
  return delimiter === ';' ? '1234,56 or 1.234,56' : '1234.56';
}

/** An amount in euros (≥ 0, whole cents, at most a billion) to integer cents. */
export function parseAmountCents(raw: string, delimiter: Delimiter, label: string): Parsed<number> {
  const d = readCellNumber(raw, delimiter);
  if (typeof d !== 'object')
    return fail(
      `${label} must be an amount in euros like ${decimalExample(delimiter)}, got ${shown(raw)}`,
      'not_a_number',
    );
  return worded(amountCents(d), (e) =>
    e.code === 'negative'
      ? `${label} must not be negative, got ${shown(raw)}`
      : e.code === 'too_many_decimals'
        ? `${label} must have at most 2 decimals (whole cents), got ${shown(raw)}`
        : `${label} is too large (at most ${e.params?.max} euros), got ${shown(raw)}`,
  );
}

/** Hours per week of a job: a number from 0 to 168, decimals allowed. */
export function parseHours(raw: string, delimiter: Delimiter): Parsed<number> {
  const d = readCellNumber(raw, delimiter);
  const message = `hours per week must be a number from 0 to 168, got ${shown(raw)}`;
  if (typeof d !== 'object') return fail(message, 'not_a_number');
  return worded(numberInRange(d, HOURS_PER_WEEK.min, HOURS_PER_WEEK.max), () => message);
}

/** A money-stress score: 0 to 10, whole or with one decimal, written in the file's dialect. */
export function parseStressScore(raw: string, delimiter: Delimiter): Parsed<number> {
  const d = readCellNumber(raw, delimiter);
  const example = delimiter === ';' ? '7 or 7,5' : '7 or 7.5';
  const message = `money stress must be a score from 0 to 10 with at most one decimal, like ${example}, got ${shown(raw)}`;
  if (typeof d !== 'object') return fail(message, 'not_a_number');
  const { min, max, decimals } = MONEY_STRESS;
  return worded(numberInRange(d, min, max, decimals), () => message);
}

/** Free text of at most `max` characters. */
export function parseText(raw: string, label: string, max: number): Parsed<string> {
  if (raw.length > max)
    return fail(`${label} must be at most ${max} characters, got ${raw.length}`, {
      code: 'too_long',
      params: { max },
    });
  return ok(raw);
}

/** A whole number in `[min, max]`, written without decimals (a `;` file may group thousands). */
export function parseWholeNumber(
  raw: string,
  label: string,
  min: number,
  max: number,
  delimiter: Delimiter = ',',
): Parsed<number> {
  const message = `${label} must be a whole number from ${min} to ${max}, got ${shown(raw)}`;
  const d = readCellNumber(raw, delimiter);
  if (typeof d !== 'object') return fail(message, 'not_a_number');
  return worded(wholeNumber(d, min, max), () => message);
}

/** yes/no, ja/nee, true/false or 1/0, any case: the domain's rule, worded for the import. */
export function parseBoolean(raw: string, label: string): Parsed<boolean> {
  return worded(
    yesNo(raw),
    () => `${label} must be yes/no, ja/nee, true/false or 1/0, got ${shown(raw)}`,
  );
}

/** One of `allowed`, any case. */
export function parseEnum<T extends string>(
  raw: string,
  allowed: readonly T[],
  label: string,
): Parsed<T> {
  // The import format reads allowed values in any case (SPEC §4); the rule itself is exact.
  return worded(
    oneOf(raw.toLowerCase(), allowed),
    () => `${label} must be one of ${allowed.join(', ')}, got ${shown(raw)}`,
  );
}
