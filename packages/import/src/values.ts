import { eurosToCents, isIsoDate } from '@wegwijzer/domain';
import { isValidBsn } from './bsn.ts';
import type { Delimiter } from './types.ts';

/** A cell read as a domain value, or the message saying why it is not one. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (error: string): Parsed<never> => ({ ok: false, error });

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
    return fail(`${label} must be a date as YYYY-MM-DD or DD-MM-YYYY, got ${shown(raw)}`);
  if (!isIsoDate(iso)) return fail(`${label} must be a real calendar date, got ${shown(raw)}`);
  return ok(iso);
}

// In `;` files the decimal mark is the comma and `.` only groups thousands
// (Dutch Excel), so `1.234` there is one thousand two hundred thirty-four.
const COMMA_FILE_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const SEMICOLON_FILE_DECIMAL = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;

interface Decimal {
  value: number;
  negative: boolean;
  decimals: number;
}

/** A decimal number written the way this file's dialect writes them; null when it is not one. */
export function readDecimal(raw: string, delimiter: Delimiter): Decimal | null {
  const m = (delimiter === ';' ? SEMICOLON_FILE_DECIMAL : COMMA_FILE_DECIMAL).exec(raw);
  if (!m) return null;
  const whole = m[2]!.replaceAll('.', '');
  const fraction = m[3] ?? '';
  const value = Number(`${whole}.${fraction || '0'}`);
  const negative = m[1] === '-' && value !== 0;
  return { value: negative ? -value : value, negative, decimals: fraction.length };
}

function decimalExample(delimiter: Delimiter): string {
  return delimiter === ';' ? '1234,56 or 1.234,56' : '1234.56';
}

/** An amount in euros (≥ 0, whole cents) to integer cents. */
export function parseAmountCents(raw: string, delimiter: Delimiter, label: string): Parsed<number> {
  const d = readDecimal(raw, delimiter);
  if (d === null)
    return fail(
      `${label} must be an amount in euros like ${decimalExample(delimiter)}, got ${shown(raw)}`,
    );
  if (d.negative) return fail(`${label} must not be negative, got ${shown(raw)}`);
  // Rounding a third decimal away would silently change the money.
  if (d.decimals > 2)
    return fail(`${label} must have at most 2 decimals (whole cents), got ${shown(raw)}`);
  const cents = eurosToCents(d.value);
  if (!Number.isSafeInteger(cents) || cents > 1e13)
    return fail(`${label} is too large, got ${shown(raw)}`);
  return ok(cents);
}

/** Hours per week of a job: a number from 0 to 168, decimals allowed. */
export function parseHours(raw: string, delimiter: Delimiter): Parsed<number> {
  const d = readDecimal(raw, delimiter);
  if (d === null || d.value < 0 || d.value > 168) {
    return fail(`hours per week must be a number from 0 to 168, got ${shown(raw)}`);
  }
  return ok(d.value);
}

/** A money-stress score: 0 to 10, whole or with one decimal, written in the file's dialect. */
export function parseStressScore(raw: string, delimiter: Delimiter): Parsed<number> {
  const d = readDecimal(raw, delimiter);
  const example = delimiter === ';' ? '7 or 7,5' : '7 or 7.5';
  if (d === null || d.negative || d.value > 10 || d.decimals > 1) {
    return fail(
      `money stress must be a score from 0 to 10 with at most one decimal, like ${example}, got ${shown(raw)}`,
    );
  }
  return ok(d.value);
}

/** Free text of at most `max` characters. */
export function parseText(raw: string, label: string, max: number): Parsed<string> {
  if (raw.length > max)
    return fail(`${label} must be at most ${max} characters, got ${raw.length}`);
  return ok(raw);
}

/** A whole number in `[min, max]`. */
export function parseWholeNumber(
  raw: string,
  label: string,
  min: number,
  max: number,
): Parsed<number> {
  const n = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max))
    return fail(`${label} must be a whole number from ${min} to ${max}, got ${shown(raw)}`);
  return ok(n);
}

const BOOLEANS: Record<string, boolean> = {
  yes: true,
  ja: true,
  true: true,
  '1': true,
  no: false,
  nee: false,
  false: false,
  '0': false,
};

/** yes/no, ja/nee, true/false or 1/0, any case. */
export function parseBoolean(raw: string, label: string): Parsed<boolean> {
  const value = BOOLEANS[raw.toLowerCase()];
  if (value === undefined)
    return fail(`${label} must be yes/no, ja/nee, true/false or 1/0, got ${shown(raw)}`);
  return ok(value);
}

/** One of `allowed`, any case. */
export function parseEnum<T extends string>(
  raw: string,
  allowed: readonly T[],
  label: string,
): Parsed<T> {
  const lower = raw.toLowerCase();
  const value = allowed.find((a) => a === lower);
  if (value === undefined)
    return fail(`${label} must be one of ${allowed.join(', ')}, got ${shown(raw)}`);
  return ok(value);
}
