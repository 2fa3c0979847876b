import type { RuleError } from '@wegwijzer/domain/rules';
import { formatDate, formatNumber, type Locale } from './format.ts';

/**
 * The words for a refusal of the shared validation rules (domain rules.ts), in Dutch and
 * English. The API and the CSV import refuse with the same codes, so a server error shows in the
 * same words as the form's own check.
 */
type Words = Record<RuleError['code'], (p: Record<string, string | number>, l: Locale) => string>;

const n = (v: string | number | undefined, l: Locale) =>
  typeof v === 'number' ? formatNumber(v, 0, l) : String(v ?? '');

// Dates travel as ISO; the reader sees them as 01-12-2026.
const d = (v: string | number | undefined, l: Locale) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v, l) : String(v ?? '');

export const nl: Words = {
  required: () => 'Dit veld is verplicht.',
  not_allowed: () => 'Dit veld hoort niet bij deze soort gebeurtenis; laat het leeg.',
  not_a_number: () => 'Vul een getal in, bijvoorbeeld 1.234,56.',
  negative: () => 'Het bedrag mag niet negatief zijn.',
  too_many_decimals: (p) =>
    p.max === 2 ? 'Hooguit 2 decimalen (hele centen).' : `Hooguit ${p.max} decimaal.`,
  too_large: (p, l) => `Het bedrag is te groot (hooguit € ${n(p.max, l)}).`,
  out_of_range: (p, l) => `Vul een getal van ${n(p.min, l)} tot en met ${n(p.max, l)} in.`,
  not_whole: (p, l) => `Vul een heel getal van ${n(p.min, l)} tot en met ${n(p.max, l)} in.`,
  unknown_value: () => 'Kies een van de toegestane waarden.',
  not_a_date: () => 'Vul een datum in als JJJJ-MM-DD.',
  impossible_date: () => 'Deze datum bestaat niet.',
  before_intake: (p, l) => `De datum ligt vóór de intakedatum (${d(p.intakeDate, l)}).`,
  too_long: (p) => `Hooguit ${p.max} tekens.`,
  not_a_code: () =>
    'Gebruik kleine letters, cijfers en _, te beginnen met een letter, bijvoorbeeld extra_begeleiding.',
  duplicate: (p) => `De code ${String(p.value ?? '')} komt al eerder voor.`,
};

export const en: Words = {
  required: () => 'This field is required.',
  not_allowed: () => 'This field does not belong to this kind of event; leave it empty.',
  not_a_number: () => 'Enter a number, for example 1234.56.',
  negative: () => 'The amount must not be negative.',
  too_many_decimals: (p) =>
    p.max === 2 ? 'At most 2 decimals (whole cents).' : `At most ${p.max} decimal.`,
  too_large: (p, l) => `The amount is too large (at most € ${n(p.max, l)}).`,
  out_of_range: (p, l) => `Enter a number from ${n(p.min, l)} to ${n(p.max, l)}.`,
  not_whole: (p, l) => `Enter a whole number from ${n(p.min, l)} to ${n(p.max, l)}.`,
  unknown_value: () => 'Choose one of the allowed values.',
  not_a_date: () => 'Enter a date as YYYY-MM-DD.',
  impossible_date: () => 'This date does not exist.',
  before_intake: (p, l) => `The date is before the intake date (${d(p.intakeDate, l)}).`,
  too_long: (p) => `At most ${p.max} characters.`,
  not_a_code: () =>
    'Use lower-case letters, digits and _, starting with a letter, for example extra_support.',
  duplicate: (p) => `The code ${String(p.value ?? '')} is already used above.`,
};

const CODES = new Set(Object.keys(nl));

/** Whether `code` is one of the shared rules' codes (a server reply may carry others). */
export function isRuleCode(code: unknown): code is RuleError['code'] {
  return typeof code === 'string' && CODES.has(code);
}

/** A refusal in the reader's language. */
export function ruleMessage(error: RuleError, locale: Locale): string {
  return (locale === 'en' ? en : nl)[error.code](error.params ?? {}, locale);
}
