import { describe, expect, it } from 'vitest';
import { addDays, addMonths, fromDayNumber, toDayNumber } from './dates.ts';

describe('demo date arithmetic', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 6, '2024-08-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2023-12-15', 1, '2024-01-15'],
    ['2025-05-31', -3, '2025-02-28'],
  ])('adds calendar months with end-of-month clamping: %s + %i = %s', (iso, k, expected) => {
    expect(addMonths(iso, k)).toBe(expected);
  });

  it('agrees with Date for every day from 1999 to 2031', () => {
    const start = Date.UTC(1999, 0, 1) / 86_400_000;
    for (let day = start; day < start + 33 * 366; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(fromDayNumber(day)).toBe(iso);
      expect(toDayNumber(iso)).toBe(day);
    }
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
