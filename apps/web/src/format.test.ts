import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatInterval,
  formatMoney,
  formatNumber,
  formatPercent,
  formatP,
  formatPoints,
  formatWithInterval,
} from './format.ts';

const nbsp = '\u00a0';

describe('nl-NL formatting', () => {
  it('formats money as "€ 1.234,56"', () => {
    expect(formatMoney(1234.56, true)).toBe(`€${nbsp}1.234,56`);
    expect(formatMoney(1234.56)).toBe(`€${nbsp}1.235`);
  });
  it('formats proportions as percentages with a decimal comma', () => {
    expect(formatPercent(0.4)).toBe('40,0%');
    expect(formatPercent(0.384)).toBe('38,4%');
  });
  it('formats intervals and percentage points', () => {
    expect(formatInterval([0.339, 0.464])).toBe('33,9–46,4%');
    expect(formatPoints(0.152)).toBe('+15,2 %-punt');
    expect(formatPoints(-0.05, 'en')).toBe('-5.0 pp');
  });
  it('formats numbers and dates', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatDate('2025-12-31')).toBe('31-12-2025');
    expect(formatDate('2025-12-31', 'en')).toBe('31/12/2025');
  });
});

describe('formatDateTime', () => {
  it.each([
    ['2026-11-27T21:16:58.900Z', 'nl', '27-11-2026 22:16'],
    ['2026-07-01T10:00:00Z', 'nl', '01-07-2026 12:00'],
    ['2026-07-01T10:00:00Z', 'en', '01/07/2026 12:00'],
    ['not a date', 'nl', 'not a date'],
  ] as const)('shows %s in Dutch time (%s) as %s', (iso, l, out) =>
    expect(formatDateTime(iso, l)).toBe(out),
  );
});

describe('formatP', () => {
  it.each([
    [0.5197, 'nl', 'p = 0,52'],
    [0.0312, 'nl', 'p = 0,031'],
    [0.0312, 'en', 'p = 0.031'],
    [0.0004, 'nl', 'p < 0,001'],
  ] as const)('formats %s (%s) as %s', (p, l, out) => expect(formatP(p, l)).toBe(out));
});

describe('a value with its interval in a table cell', () => {
  const pct = (v: number) => formatPercent(v, 0);
  it.each([
    [0.41, [0.301, 0.529] as const, '41% (30,1–52,9%)'],
    [0.41, null, '41%'],
    [0, undefined, '0%'],
    [null, [0.301, 0.529] as const, '–'],
    [undefined, null, '–'],
  ])('writes %s with interval %j as "%s"', (v, ci, text) => {
    expect(formatWithInterval(v, ci, pct)).toBe(text);
  });
});
