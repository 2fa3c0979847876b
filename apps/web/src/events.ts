import type { Event } from '@wegwijzer/domain';

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

/** 0 to 10 with at most one decimal, as the server's EventInput checks it. */
export function isMoneyStressScore(v: number): boolean {
  return v >= 0 && v <= 10 && Math.abs(v * 10 - Math.round(v * 10)) < 1e-9;
}

export type EventErrors = Partial<Record<'type' | 'date' | 'reason' | 'value' | 'form', string>>;

/** Mirrors the server's EventInput rules so most mistakes show before sending; server errors land next to their field. */
export function validateEvent(
  input: { type: string; date: string; reason: string; value: string },
  t: Pick<Dict, 'required' | 'valueHint'>,
): EventErrors {
  const errs: EventErrors = {};
  if (!input.type) errs.type = t.required;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) errs.date = t.required;
  const v = input.value.trim() === '' ? null : Number(input.value.replace(',', '.'));
  if (v != null && Number.isNaN(v))
    errs.value = hasValue(input.type) ? t.valueHint[input.type] : t.valueHint.offset_income;
  else if (input.type === 'ladder' && (v == null || !Number.isInteger(v) || v < 1 || v > 6))
    errs.value = t.valueHint.ladder;
  else if (input.type === 'offset_income' && (v == null || v < 0))
    errs.value = t.valueHint.offset_income;
  else if (input.type === 'debt_intake' && (v == null || v < 0 || v > 1e9))
    errs.value = t.valueHint.debt_intake;
  else if (input.type === 'money_stress' && (v == null || !isMoneyStressScore(v)))
    errs.value = t.valueHint.money_stress;
  else if (input.type === 'work_start' && v != null && (v < 0 || v > 168))
    errs.value = t.valueHint.work_start;
  return errs;
}
