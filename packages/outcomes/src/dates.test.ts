import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, daysInMonth, fromDay, toDay, yearOfDay } from './dates.ts';

const MS_PER_DAY = 86_400_000;

describe('toDay / fromDay', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-02-29', 11016],
    ['2024-02-29', 19782],
    ['2100-03-01', 47541],
  ])('maps %s to day %i and back', (iso, day) => {
    expect(toDay(iso)).toBe(day);
    expect(fromDay(day)).toBe(iso);
  });

  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-1-05', '24-01-05', ''])(
    'rejects %j',
    (iso) => {
      expect(() => toDay(iso)).toThrow(RangeError);
    },
  );

  it('agrees with Date.UTC for every day from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 84000 }), (n) => {
        const iso = new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
        expect(fromDay(n)).toBe(iso);
        expect(toDay(iso)).toBe(n);
        expect(yearOfDay(n)).toBe(new Date(n * MS_PER_DAY).getUTCFullYear());
      }),
    );
  });
});

describe('addMonths (SPEC m(k))', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 6, '2024-08-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2024-03-31', 6, '2024-09-30'],
    ['2024-03-31', 12, '2025-03-31'],
    ['2024-10-31', 4, '2025-02-28'],
    ['2023-12-15', 36, '2026-12-15'],
    ['2024-05-31', -3, '2024-02-29'],
  ])('%s + %i months = %s', (from, k, to) => {
    expect(fromDay(addMonths(toDay(from), k))).toBe(to);
  });

  it('counts from t0: 2024-01-31 + 2 months is 2024-03-31, not a chained 2024-03-29', () => {
    const t0 = toDay('2024-01-31');
    expect(fromDay(addMonths(t0, 2))).toBe('2024-03-31');
    expect(fromDay(addMonths(addMonths(t0, 1), 1))).toBe('2024-03-29');
  });

  it('agrees with Date.UTC month arithmetic plus clamping', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -25567, max: 84000 }),
        fc.integer({ min: -60, max: 120 }),
        (n, k) => {
          const d = new Date(n * MS_PER_DAY);
          const y = d.getUTCFullYear();
          const m = d.getUTCMonth() + k; // Date.UTC normalises month overflow
          // Day 0 of the next month is the last day of the target month.
          const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
          const expected = Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / MS_PER_DAY;
          expect(addMonths(n, k)).toBe(expected);
        },
      ),
    );
  });

  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2024, 4, 30],
    [2024, 12, 31],
  ])('daysInMonth(%i, %i) = %i', (y, m, n) => {
    expect(daysInMonth(y, m)).toBe(n);
  });
});
