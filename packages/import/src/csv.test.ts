import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvRecords, MAX_RECORD_CHARS } from './csv.ts';

/**
 * CsvRecords drives csv-parse's parser core directly (issue 21): it must give exactly the
 * records csv-parse itself gives with the same options, however the text is cut.
 */

const OPTIONS = { relax_column_count: true, relax_quotes: true, max_record_size: MAX_RECORD_CHARS };

function viaCore(text: string, delimiter: ',' | ';', cut: number) {
  const csv = new CsvRecords(delimiter);
  const records: string[][] = [];
  let failure = null;
  for (let i = 0; i < text.length && failure === null;) {
    // As `slices` does, never between the halves of a surrogate pair.
    let end = Math.min(i + cut, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    failure = csv.write(text.slice(i, end));
    records.push(...csv.take());
    i = end;
  }
  failure ??= csv.end();
  records.push(...csv.take());
  return { records, failure };
}

const FILES: [name: string, text: string, delimiter: ',' | ';'][] = [
  ['plain rows with a last line without a break', 'a,b,c\n1,2,3\n4,5,6', ','],
  [
    'CRLF, quotes, doubled quotes and a line break in a value',
    'a;b\r\n"x;""y""\r\nz";2\r\n;\r\n',
    ';',
  ],
  ['stray quotes inside unquoted values', 'a,b\n5" tall,o"k\n"q"x,1\n', ','],
  ['rows of every width and blank lines', 'a,b,c\n\n1\n1,2,3,4\n,,\n', ','],
  ['multi-byte characters', 'ref,naam\nĲ1,Zoë 😀\nÅ2,"café, bar"\n', ','],
];

describe('CsvRecords', () => {
  it.each(FILES)('reads %s as csv-parse does, in pieces of any size', (_, text, delimiter) => {
    const expected = parse(text, { ...OPTIONS, delimiter }) as string[][];
    for (const cut of [1, 2, 3, 7, 64, text.length])
      expect(viaCore(text, delimiter, cut)).toEqual({ records: expected, failure: null });
  });

  it('keeps the records before a quote that is never closed, and then fails', () => {
    const text = 'a,b\n1,2\n"open,3\n4,5\n';
    expect(() => parse(text, { ...OPTIONS, delimiter: ',' })).toThrow(/quote/i);
    for (const cut of [1, 5, text.length])
      expect(viaCore(text, ',', cut)).toEqual({
        records: [
          ['a', 'b'],
          ['1', '2'],
        ],
        failure: 'quote_not_closed',
      });
  });

  it('fails on a record longer than the limit', () => {
    const text = `a\n"${'x'.repeat(MAX_RECORD_CHARS + 10)}"\n`;
    expect(viaCore(text, ',', 4096)).toEqual({ records: [['a']], failure: 'record_too_long' });
  });
});
