import { describe, expect, it } from 'vitest';
import { errorListCsv, importErrorMessage } from './errors.ts';

describe('import errors in the reader language', () => {
  it('words a shared rule refusal from its code, with the intake date as 01-12-2026', () => {
    const e = {
      line: 3,
      column: 'date',
      message: 'date 2026-11-30 is before the intake date 2026-12-01',
      code: 'before_intake',
      params: { intakeDate: '2026-12-01' },
    };
    expect(importErrorMessage(e, 'nl')).toBe('De datum ligt vóór de intakedatum (01-12-2026).');
    expect(importErrorMessage(e, 'en')).toBe('The date is before the intake date (01/12/2026).');
  });

  it('words a file-level refusal from its import code, naming the missing column', () => {
    const e = {
      line: 1,
      message: 'required column "arm" is missing',
      code: 'missing_column',
      params: { column: 'arm' },
    };
    expect(importErrorMessage(e, 'nl')).toBe(
      'De verplichte kolom arm ontbreekt in de eerste regel.',
    );
  });

  it('falls back to a Dutch sentence naming the column when a refusal has no code', () => {
    expect(importErrorMessage({ line: 2, column: 'ladder_step', message: 'odd' }, 'nl')).toBe(
      'De waarde in kolom ladder_step is niet geldig.',
    );
    expect(importErrorMessage({ line: 2, column: 'ladder_step', message: 'odd' }, 'en')).toBe(
      'odd',
    );
  });

  it('writes the list as Excel-NL CSV: BOM, ";" separators, Dutch headers, CRLF, quoted when needed', () => {
    const csv = errorListCsv(
      [
        { line: 2, column: 'intake_date', message: 'x', code: 'impossible_date' },
        { line: 4, column: 'arm', message: 'y; z', code: 'field_count' },
      ],
      'nl',
    );
    expect(csv.startsWith('\uFEFFRegel;Kolom;Melding\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('2;intake_date;Deze datum bestaat niet.');
    expect(lines[2]).toMatch(/^4;arm;"Deze regel heeft een ander aantal velden .*"$/);
    expect(lines[3]).toBe('');
  });
});
