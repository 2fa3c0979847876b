import { describe, expect, it } from 'vitest';
import { csvLine, DIALECTS, formatValue, type CellValue } from './csv.ts';
import type { Table } from './tables.ts';
import { TableWriter } from './writer.ts';

const TABLE: Table = {
  name: 't',
  path: 't.csv',
  title: 'T',
  description: 'T',
  fields: [
    { name: 'text', type: 'string', description: '' },
    { name: 'money', type: 'number', format: { fixed: 2 }, description: '' },
    { name: 'share', type: 'number', format: { fixed: 10 }, description: '' },
    { name: 'plain', type: 'number', description: '' },
    { name: 'hours', type: 'number', format: { maxDecimals: 2 }, description: '' },
    { name: 'flag', type: 'boolean', description: '' },
  ],
};

/** What a record is by definition: each cell formatted, then quoted and joined by csvLine. */
const plain = (cells: readonly CellValue[], dialect: (typeof DIALECTS)['csv']) =>
  csvLine(
    cells.map((v, i) => formatValue(v, TABLE.fields[i]!.format ?? {}, dialect)),
    dialect,
  );

const HOSTILE_TEXTS = [
  '',
  'plain',
  'a,b',
  'a;b',
  'say "hi"',
  'two\nlines',
  'cr\rhere',
  '=HYPERLINK("http://x")',
  '+31 6 1234',
  '-12',
  '-12.50',
  '-1234,56',
  '-12 EUR',
  '@SUM(A1)',
  '\tcmd',
  "'s-Gravenhage",
  'Fryslân; “quotes”',
  '😀,é',
  ' leading space',
];
const NUMBERS = [
  0,
  -0,
  -0.001,
  0.004,
  1234.5,
  -2000,
  4.008213552361396,
  1e21,
  -1e21,
  1 / 3,
  -7 / 487,
];

function* hostileRows(): Generator<CellValue[]> {
  for (const text of [...HOSTILE_TEXTS, null, undefined])
    for (const n of [...NUMBERS, null])
      yield [text, n, n === null ? null : n / 487, n, n, n === null ? null : n > 0];
}

describe('TableWriter.row', () => {
  it.each(Object.values(DIALECTS))(
    'writes every hostile record as csvLine of the formatted cells does ($name)',
    (dialect) => {
      const writer = new TableWriter(TABLE, dialect);
      let rows = 0;
      for (const cells of hostileRows()) {
        expect(writer.row(cells), JSON.stringify(cells)).toBe(plain(cells, dialect));
        rows++;
      }
      expect(rows).toBe((HOSTILE_TEXTS.length + 2) * (NUMBERS.length + 1));
    },
  );

  it('refuses a record with a cell too many or too few', () => {
    const writer = new TableWriter(TABLE, DIALECTS.csv);
    expect(() => writer.row(['a'])).toThrow('t.csv: 1 cells for 6 columns');
  });
});
