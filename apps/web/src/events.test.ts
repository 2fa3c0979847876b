import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, eventValue, hasValue, isDebtEvent, validateEvent } from './events.ts';
import { dictionaries } from './i18n.tsx';

const t = dictionaries.nl;
const input = (type: string, value = '') => ({ type, date: '2025-03-01', reason: '', value });

describe('event types', () => {
  it('offers the debt and money-stress events with Dutch labels', () => {
    for (const k of [
      'debt_intake',
      'debt_settlement_start',
      'debt_stabilised',
      'debt_free',
      'money_stress',
    ] as const) {
      expect(EVENT_TYPES).toContain(k);
      expect(isDebtEvent(k)).toBe(true);
    }
    expect(t.events.debt_free).toBe('Schuldenvrij');
    expect(t.events.money_stress).toBe('Geldstress-score');
    expect(isDebtEvent('ladder')).toBe(false);
  });
  it('asks a value only of the types that carry one', () => {
    expect(hasValue('debt_intake')).toBe(true);
    expect(hasValue('money_stress')).toBe(true);
    expect(hasValue('debt_free')).toBe(false);
  });
});

describe('validateEvent', () => {
  it.each([
    ['money_stress', '7', true],
    ['money_stress', '6,5', true],
    ['money_stress', '11', false],
    ['money_stress', '6,55', false],
    ['money_stress', '', false],
    ['debt_intake', '12500', true],
    ['debt_intake', '-1', false],
    ['debt_intake', '', false],
    ['debt_stabilised', '', true],
    ['offset_income', '1.234,56', true],
    ['offset_income', '100,555', false],
  ])('%s with value %j is valid: %s', (type, value, ok) => {
    expect(Object.keys(validateEvent(input(type, value), 'nl')).length === 0).toBe(ok);
  });
});

describe('eventValue', () => {
  it('shows a debt in euros and money stress as a score out of 10', () => {
    expect(eventValue({ type: 'debt_intake', value: 12500, reason: null }, t, 'nl')).toBe(
      '€\u00a012.500,00',
    );
    expect(eventValue({ type: 'money_stress', value: 6.5, reason: null }, t, 'nl')).toBe(
      'score 6,5 van 10',
    );
  });
});

describe('validateEvent words', () => {
  it('says in Dutch and English why a value is refused', () => {
    expect(validateEvent(input('offset_income', '100,555'), 'nl')).toEqual({
      value: 'Hooguit 2 decimalen (hele centen).',
    });
    expect(validateEvent(input('ladder', '7'), 'en')).toEqual({
      value: 'Enter a number from 1 to 6.',
    });
    expect(validateEvent(input('work_end', ''), 'nl', '2025-04-01')).toEqual({
      date: 'De datum ligt vóór de intakedatum (01-04-2025).',
    });
  });
});
