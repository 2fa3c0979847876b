import { createHmac } from 'node:crypto';

/**
 * The BSN as 9 digits, or null when it is not 8 or 9 digits. Spreadsheets drop
 * the leading zero of a BSN stored as a number, so 8 digits get it back.
 */
export function normaliseBsn(bsn: string): string | null {
  const digits = bsn.trim();
  if (!/^\d{8,9}$/.test(digits)) return null;
  return digits.padStart(9, '0');
}

function passesElfproef(nine: string): boolean {
  if (/^0+$/.test(nine)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(nine[i]) * (9 - i);
  sum -= Number(nine[8]);
  return sum % 11 === 0;
}

/**
 * True when `bsn` is a burgerservicenummer that passes the elfproef (11-test):
 * 9 digits (8 get a leading zero), weights 9..2 and −1, sum divisible by 11, not all zeros.
 *
 * @example isValidBsn(input) // false for a typo in one digit, which the 11-test catches
 */
export function isValidBsn(bsn: string): boolean {
  const nine = normaliseBsn(bsn);
  return nine !== null && passesElfproef(nine);
}

/**
 * HMAC-SHA-256 (hex) of the normalised 9-digit BSN: the only form in which a BSN
 * is kept, so participants can be de-duplicated without storing the number.
 * Throws (without echoing the number) when `bsn` is not 8 or 9 digits.
 */
export function hashBsn(bsn: string, key: string): string {
  const nine = normaliseBsn(bsn);
  if (nine === null) throw new Error('hashBsn: a BSN must be 8 or 9 digits');
  return createHmac('sha256', key).update(nine).digest('hex');
}
