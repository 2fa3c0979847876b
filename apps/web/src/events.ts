import type { Event } from '@wegwijzer/domain';
import { checkEvent, readTypedNumber } from '@wegwijzer/domain/rules';
import { ruleMessage } from './rule-messages.ts';

import { formatMoney, formatNumber, type Locale } from './format.ts';
import type { Dict } from './i18n.tsx';

/** Timeline event types, in the order of the add-event form: the server's own list (benefit and work first, then debts). */
export { EVENT_TYPES } from '@wegwijzer/domain/values';

/** Types that carry a value, and so get the value field in the form. */
export type ValueType = 'ladder' | 'offset_income' | 'work_start' | 'debt_intake' | 'money_stress';
const VALUE_TYPES: readonly string[] = [
  'ladder',
  'offset_income',
  'work_start',
  'debt_intake',
  'money_stress',
] satisfies ValueType[];
export const hasValue = (type: string): type is ValueType => VALUE_TYPES.includes(type);

/** The debt and money-stress events: drawn on a lane of their own on the timeline. */
const DEBT_TYPES: readonly string[] = [
  'debt_intake',
  'debt_settlement_start',
  'debt_stabilised',
  'debt_free',
  'money_stress',
] satisfies Event['type'][];
export const isDebtEvent = (type: string) => DEBT_TYPES.includes(type);

/** The value of an event in words: "€ 1.250,00", "trede 4", "score 6,5 van 10". */
export function eventValue(
  e: Pick<Event, 'type' | 'value' | 'reason'>,
  t: Pick<Dict, 'routes' | 'fields' | 'stressScore'>,
  locale: Locale,
): string {
  if (e.value == null) return e.reason ? t.routes[e.reason] : '';
  if (e.type === 'offset_income' || e.type === 'debt_intake')
    return formatMoney(e.value, true, locale);
  if (e.type === 'work_start') return `${formatNumber(e.value, 1, locale)} u/w`;
  if (e.type === 'ladder') return `${t.fields.ladderStep.toLowerCase()} ${e.value}`;
  if (e.type === 'money_stress') return t.stressScore(formatNumber(e.value, 1, locale));
  return formatNumber(e.value, 2, locale);
}

export type EventField = 'type' | 'date' | 'reason' | 'value';
export type EventErrors = Partial<Record<EventField | 'form', string>>;

/** The event form's fields as typed. */
export interface EventForm {
  type: string;
  date: string;
  reason: string;
  value: string;
}

/**
 * The shared event rules (domain rules.ts) on what was typed: the same verdict as the API and
 * the CSV import. The value is read as a person types it ("1.234,56", "6,5", "22.5").
 */
export function checkEventForm(input: EventForm, intakeDate?: string) {
  return checkEvent({
    type: input.type,
    date: input.date,
    reason: input.reason === '' ? null : input.reason,
    value: readTypedNumber(input.value),
    ...(intakeDate === undefined ? {} : { intakeDate }),
  });
}

/** The form's refusals in the reader's language, by field; empty when the event may be sent. */
export function validateEvent(input: EventForm, locale: Locale, intakeDate?: string): EventErrors {
  const { errors } = checkEventForm(input, intakeDate);
  const out: EventErrors = {};
  for (const [field, error] of Object.entries(errors))
    if (error) out[field as EventField] = ruleMessage(error, locale);
  return out;
}

/** The value to send for what was typed: the number the rules read, or none. */
export function typedValue(raw: string): number | undefined {
  const d = readTypedNumber(raw);
  return typeof d === 'object' ? d.value : undefined;
}
