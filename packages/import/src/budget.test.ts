import { describe, expect, it } from 'vitest';
import { DIALECTS, csvText, importBudget } from './testing.ts';
import type { Delimiter } from './types.ts';

const HEADER = ['amount', 'period_start', 'period_end', 'domain', 'funding_source', 'description'];
const GOOD = ['1000', '2024-01-01', '2024-12-31', 'participation', 'Participatiebudget', ''];
const DOMAINS = 'participation, debt, care, green, liveability, education, other';
const fileWith = (d: Delimiter, row: readonly string[]) => csvText(d, [HEADER, GOOD, row]);
const amountExample = (d: Delimiter) => (d === ';' ? '1234,56 or 1.234,56' : '1234.56');

const REFUSED: [
  row: (d: Delimiter) => string[],
  column: string,
  message: (d: Delimiter) => string,
][] = [
  [
    () => ['', '2024-01-01', '2024-12-31', 'green', 'Provincie', ''],
    'amount',
    () => 'amount is required, in euros',
  ],
  [
    () => ['-5', '2024-01-01', '2024-12-31', 'green', 'Provincie', ''],
    'amount',
    () => 'amount must not be negative, got "-5"',
  ],
  [
    () => ['veel', '2024-01-01', '2024-12-31', 'green', 'Provincie', ''],
    'amount',
    (d) => `amount must be an amount in euros like ${amountExample(d)}, got "veel"`,
  ],
  [
    () => ['100', '31-02-2024', '2024-12-31', 'green', 'Provincie', ''],
    'period_start',
    () => 'period_start must be a real calendar date, got "31-02-2024"',
  ],
  [
    () => ['100', '2024-01-01', '', 'green', 'Provincie', ''],
    'period_end',
    () => 'period_end is required, as YYYY-MM-DD or DD-MM-YYYY',
  ],
  [
    () => ['100', '2024-06-01', '31-05-2024', 'green', 'Provincie', ''],
    'period_end',
    () => 'period_end 2024-05-31 is before period_start 2024-06-01',
  ],
  [
    () => ['100', '2024-01-01', '2024-12-31', 'groen', 'Provincie', ''],
    'domain',
    () => `domain must be one of ${DOMAINS}, got "groen"`,
  ],
  [
    () => ['100', '2024-01-01', '2024-12-31', '', 'Provincie', ''],
    'domain',
    () => `domain is required, one of ${DOMAINS}`,
  ],
  [
    () => ['100', '2024-01-01', '2024-12-31', 'green', '', ''],
    'funding_source',
    () => 'funding_source is required: who pays, e.g. Participatiebudget',
  ],
  [
    () => ['100', '2024-01-01', '2024-12-31', 'green', 'x'.repeat(201), ''],
    'funding_source',
    () => 'funding_source must be at most 200 characters, got 201',
  ],
];

describe('budget.csv: a bad line is reported on its line and column', () => {
  it.each(
    DIALECTS.flatMap((d) =>
      REFUSED.map(
        ([row, column, message]) =>
          [d, row(d).join('|').slice(0, 60), column, message(d), row(d)] as const,
      ),
    ),
  )('in a %j file refuses %s in column %s', async (delimiter, _shown, column, message, row) => {
    const { rows, errors } = await importBudget(fileWith(delimiter, row));
    expect(errors).toMatchObject([{ line: 3, column, message }]);
    expect(rows.map((r) => r.line)).toEqual([2]);
  });
});

describe('budget.csv: good lines', () => {
  it.each(DIALECTS)(
    'in a %j file reads amounts, Dutch dates, any-case domains and descriptions',
    async (d) => {
      const { rows, errors, summary } = await importBudget(
        csvText(d, [
          HEADER,
          [
            d === ';' ? '125.000,50' : '125000.50',
            '1-1-2024',
            '31-12-2025',
            'Participation',
            'Participatiebudget',
            'Begeleiding; werkplekken',
          ],
          ['40000', '2024-01-01', '2024-12-31', 'green', 'Provincie Fryslân', ''],
        ]),
      );
      expect(errors).toMatchObject([]);
      expect(summary).toMatchObject({ delimiter: d, records: 2, errorCount: 0 });
      expect(rows).toEqual([
        {
          line: 2,
          budget: {
            amountCents: 12_500_050,
            periodStart: '2024-01-01',
            periodEnd: '2025-12-31',
            domain: 'participation',
            fundingSource: 'Participatiebudget',
            description: 'Begeleiding; werkplekken',
          },
        },
        {
          line: 3,
          budget: {
            amountCents: 4_000_000,
            periodStart: '2024-01-01',
            periodEnd: '2024-12-31',
            domain: 'green',
            fundingSource: 'Provincie Fryslân',
            description: null,
          },
        },
      ]);
    },
  );

  it('accepts a file without the description column, and a one-day period', async () => {
    const { errors, rows } = await importBudget(
      'amount,period_start,period_end,domain,funding_source\n0,2024-03-01,2024-03-01,other,Gemeente\n',
    );
    expect(errors).toMatchObject([]);
    expect(rows[0]?.budget).toMatchObject({ amountCents: 0, description: null });
  });
});

describe('budget.csv: the file as a whole', () => {
  it('refuses a missing required column and an unknown one', async () => {
    const { errors } = await importBudget(
      'amount,period_start,domain,funding_source,project\n100,2024-01-01,green,Provincie,x\n',
    );
    expect(errors).toMatchObject([
      {
        line: 1,
        column: 'project',
        message:
          'unknown column "project"; allowed columns are amount, period_start, period_end, domain, funding_source, description',
      },
      { line: 1, column: null, message: 'required column "period_end" is missing' },
    ]);
  });

  it('refuses an empty file', async () => {
    const { errors } = await importBudget('');
    expect(errors).toMatchObject([{ line: 1, column: null, message: 'the file is empty' }]);
  });

  it('reports every bad line, not only the first', async () => {
    const { errors } = await importBudget(
      csvText(',', [
        HEADER,
        ['-1', '2024-01-01', '2024-12-31', 'green', 'P', ''],
        GOOD,
        ['1', '2024-01-01', '2024-12-31', 'x', 'P', ''],
      ]),
    );
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'amount'],
      [4, 'domain'],
    ]);
  });
});
