import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './dialect.ts';
import {
  parseAmountCents,
  parseBoolean,
  parseDate,
  parseEnum,
  parseHours,
  parseWholeNumber,
} from './values.ts';

describe('parseDate', () => {
  it.each([
    ['2024-01-05', '2024-01-05'],
    ['05-01-2024', '2024-01-05'],
    ['5-1-2024', '2024-01-05'],
    ['29-02-2024', '2024-02-29'],
    ['31-12-1999', '1999-12-31'],
  ])('reads %j as %s', (raw, iso) => {
    expect(parseDate(raw, 'date')).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['31-02-2024', 'date must be a real calendar date, got "31-02-2024"'],
    ['2023-02-29', 'date must be a real calendar date, got "2023-02-29"'],
    ['2024-13-01', 'date must be a real calendar date, got "2024-13-01"'],
    ['0-1-2024', 'date must be a real calendar date, got "0-1-2024"'],
    ['2024/01/05', 'date must be a date as YYYY-MM-DD or DD-MM-YYYY, got "2024/01/05"'],
    ['2024-1-5', 'date must be a date as YYYY-MM-DD or DD-MM-YYYY, got "2024-1-5"'],
    ['05-01-24', 'date must be a date as YYYY-MM-DD or DD-MM-YYYY, got "05-01-24"'],
    ['tomorrow', 'date must be a date as YYYY-MM-DD or DD-MM-YYYY, got "tomorrow"'],
  ])('refuses %j', (raw, error) => {
    expect(parseDate(raw, 'date')).toMatchObject({ ok: false, error });
  });
});

describe('parseAmountCents', () => {
  it.each([
    [',', '1234.56', 123456],
    [',', '1234', 123400],
    [',', '0.5', 50],
    [',', '0', 0],
    [',', '-0', 0],
    [';', '1234,56', 123456],
    [';', '1.234,56', 123456],
    [';', '1.234', 123400],
    [';', '1.234.567,89', 123456789],
    [';', '12,5', 1250],
    [';', '999', 99900],
  ] as const)('in a %j file reads %j as %i cents', (delimiter, raw, cents) => {
    expect(parseAmountCents(raw, delimiter, 'amount')).toEqual({ ok: true, value: cents });
  });

  it.each([
    [',', '1,234.56', 'amount must be an amount in euros like 1234.56, got "1,234.56"'],
    [',', '1234,56', 'amount must be an amount in euros like 1234.56, got "1234,56"'],
    [',', '1.234', 'amount must have at most 2 decimals (whole cents), got "1.234"'],
    [',', '-5', 'amount must not be negative, got "-5"'],
    [',', '€ 12', 'amount must be an amount in euros like 1234.56, got "€ 12"'],
    [';', '1234.56', 'amount must be an amount in euros like 1234,56 or 1.234,56, got "1234.56"'],
    [';', '12.34,5', 'amount must be an amount in euros like 1234,56 or 1.234,56, got "12.34,5"'],
    [';', '-1.234,56', 'amount must not be negative, got "-1.234,56"'],
    [';', '1,234', 'amount must have at most 2 decimals (whole cents), got "1,234"'],
    [';', 'veel', 'amount must be an amount in euros like 1234,56 or 1.234,56, got "veel"'],
  ] as const)('in a %j file refuses %j', (delimiter, raw, error) => {
    expect(parseAmountCents(raw, delimiter, 'amount')).toMatchObject({ ok: false, error });
  });
});

describe('parseHours', () => {
  it.each([
    [',', '32', 32],
    [',', '20.5', 20.5],
    [';', '20,5', 20.5],
    [',', '0', 0],
    [',', '168', 168],
  ] as const)('in a %j file reads %j as %d hours', (delimiter, raw, hours) => {
    expect(parseHours(raw, delimiter)).toEqual({ ok: true, value: hours });
  });

  it.each(['169', '-1', 'full-time'])('refuses %j', (raw) => {
    expect(parseHours(raw, ',')).toMatchObject({
      ok: false,
      error: `hours per week must be a number from 0 to 168, got "${raw}"`,
    });
  });
});

describe('parseWholeNumber', () => {
  it.each(['1', '6', '06'])('accepts %j as a ladder step', (raw) => {
    expect(parseWholeNumber(raw, 'ladder step', 1, 6)).toEqual({ ok: true, value: Number(raw) });
  });

  it.each(['0', '7', '3.0', '-1', 'three', '1e0'])('refuses %j as a ladder step', (raw) => {
    expect(parseWholeNumber(raw, 'ladder step', 1, 6)).toMatchObject({
      ok: false,
      error: `ladder step must be a whole number from 1 to 6, got "${raw}"`,
    });
  });
});

describe('parseBoolean', () => {
  it.each([
    ['yes', true],
    ['YES', true],
    ['Ja', true],
    ['true', true],
    ['True', true],
    ['1', true],
    ['no', false],
    ['No', false],
    ['nee', false],
    ['NEE', false],
    ['false', false],
    ['FALSE', false],
    ['0', false],
  ])('reads %j as %s', (raw, value) => {
    expect(parseBoolean(raw, 'has debts')).toEqual({ ok: true, value });
  });

  it.each(['y', 'j', 'maybe', '2'])('refuses %j', (raw) => {
    expect(parseBoolean(raw, 'has debts')).toMatchObject({
      ok: false,
      error: `has debts must be yes/no, ja/nee, true/false or 1/0, got "${raw}"`,
    });
  });
});

describe('parseEnum', () => {
  it('matches any case', () => {
    expect(parseEnum('Single_Parent', ['single', 'single_parent', 'couple'], 'household')).toEqual({
      ok: true,
      value: 'single_parent',
    });
  });

  it('names the allowed values', () => {
    expect(parseEnum('alone', ['single', 'couple'], 'household')).toMatchObject({
      ok: false,
      error: 'household must be one of single, couple, got "alone"',
    });
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['participant_ref,intake_date', ','],
    ['participant_ref;intake_date', ';'],
    ['participant_ref', ','],
    ['"a,b";c;d\nx,y,z,w', ';'],
    ['a;b,c,d', ','],
    ['', ','],
  ])('reads %j as %j', (line, delimiter) => {
    expect(detectDelimiter(line)).toBe(delimiter);
  });
});
