import { describe, expect, it } from 'vitest';
import { formatDate, formatInterval, formatMoney, formatNumber, formatPercent, formatPoints } from './format.ts';

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
