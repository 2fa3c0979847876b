import { describe, expect, it } from 'vitest';
import { DIALECTS, csvText, importEvents, pilotContext } from './testing.ts';
import type { Delimiter } from './types.ts';

const HEADER = ['participant_ref', 'type', 'date', 'reason', 'value'];
const GOOD = ['P1', 'work_end', '2024-02-01', '', ''];

/** A file with a good event on line 2 and the event under test on line 3. */
const fileWith = (d: Delimiter, row: readonly string[]) => csvText(d, [HEADER, GOOD, row]);
const amountExample = (d: Delimiter) => (d === ';' ? '1234,56 or 1.234,56' : '1234.56');
const TYPES =
  'benefit_end, benefit_restart, bbz_start, bbz_end, work_start, work_end, ladder, offset_income, debt_intake, debt_settlement_start, debt_stabilised, debt_free, money_stress';
const stressExample = (d: Delimiter) => (d === ';' ? '7 or 7,5' : '7 or 7.5');

const REFUSED: [
  row: (d: Delimiter) => string[],
  column: string,
  message: (d: Delimiter) => string,
][] = [
  [
    () => ['', 'work_end', '2024-02-01', '', ''],
    'participant_ref',
    () => "participant_ref is empty; every row needs the participant's reference",
  ],
  [
    () => ['P9', 'work_end', '2024-02-01', '', ''],
    'participant_ref',
    () => 'participant "P9" is not in this pilot; import it in participants.csv first',
  ],
  [
    () => ['P1', 'retirement', '2024-02-01', '', ''],
    'type',
    () => `type must be one of ${TYPES}, got "retirement"`,
  ],
  [() => ['P1', '', '2024-02-01', '', ''], 'type', () => `type is required, one of ${TYPES}`],
  [
    () => ['P1', 'work_end', '31-02-2024', '', ''],
    'date',
    () => 'date must be a real calendar date, got "31-02-2024"',
  ],
  [
    () => ['P1', 'work_end', '', '', ''],
    'date',
    () => 'date is required, as YYYY-MM-DD or DD-MM-YYYY',
  ],
  [
    () => ['P2', 'work_end', '31-05-2024', '', ''],
    'date',
    () => "date 2024-05-31 is before the participant's intake date 2024-06-01",
  ],
  [
    () => ['P1', 'benefit_end', '2024-02-01', 'retired', ''],
    'reason',
    () => 'reason must be one of regular_work, bbz, combination, other, got "retired"',
  ],
  [
    () => ['P1', 'work_end', '2024-02-01', 'bbz', ''],
    'reason',
    () => 'reason is only allowed for type benefit_end, got "bbz" for type work_end',
  ],
  [
    () => ['P1', 'benefit_restart', '2024-02-01', 'other', ''],
    'reason',
    () => 'reason is only allowed for type benefit_end, got "other" for type benefit_restart',
  ],
  [
    () => ['P1', 'ladder', '2024-02-01', '', '7'],
    'value',
    () => 'ladder step must be a whole number from 1 to 6, got "7"',
  ],
  [
    () => ['P1', 'ladder', '2024-02-01', '', '0'],
    'value',
    () => 'ladder step must be a whole number from 1 to 6, got "0"',
  ],
  [
    (d) => ['P1', 'ladder', '2024-02-01', '', d === ';' ? '2,5' : '2.5'],
    'value',
    (d) => `ladder step must be a whole number from 1 to 6, got "${d === ';' ? '2,5' : '2.5'}"`,
  ],
  [
    () => ['P1', 'ladder', '2024-02-01', '', ''],
    'value',
    () => 'value is required for type ladder: the step, a whole number from 1 to 6',
  ],
  [
    () => ['P1', 'offset_income', '2024-02-01', '', ''],
    'value',
    () => 'value is required for type offset_income: the amount in euros',
  ],
  [
    () => ['P1', 'offset_income', '2024-02-01', '', '-5'],
    'value',
    () => 'offset income amount must not be negative, got "-5"',
  ],
  [
    () => ['P1', 'offset_income', '2024-02-01', '', 'veel'],
    'value',
    (d) => `offset income amount must be an amount in euros like ${amountExample(d)}, got "veel"`,
  ],
  [
    () => ['P1', 'work_start', '2024-02-01', '', '169'],
    'value',
    () => 'hours per week must be a number from 0 to 168, got "169"',
  ],
  [
    () => ['P1', 'work_start', '2024-02-01', '', '-1'],
    'value',
    () => 'hours per week must be a number from 0 to 168, got "-1"',
  ],
  [
    () => ['P1', 'bbz_start', '2024-02-01', '', '3'],
    'value',
    () => 'value must be empty for type bbz_start, got "3"',
  ],
  [
    () => ['P1', 'benefit_end', '2024-02-01', 'bbz', '100'],
    'value',
    () => 'value must be empty for type benefit_end, got "100"',
  ],
  [
    () => ['P1', 'debt_intake', '2024-02-01', '', ''],
    'value',
    () => 'value is required for type debt_intake: the total debt in euros',
  ],
  [
    () => ['P1', 'debt_intake', '2024-02-01', '', '-100'],
    'value',
    () => 'debt amount must not be negative, got "-100"',
  ],
  [
    (d) => ['P1', 'debt_intake', '2024-02-01', '', d === ';' ? '12,345' : '12.345'],
    'value',
    (d) =>
      `debt amount must have at most 2 decimals (whole cents), got "${d === ';' ? '12,345' : '12.345'}"`,
  ],
  [
    () => ['P1', 'money_stress', '2024-02-01', '', ''],
    'value',
    () => 'value is required for type money_stress: the score from 0 to 10',
  ],
  [
    () => ['P1', 'money_stress', '2024-02-01', '', '11'],
    'value',
    (d) =>
      `money stress must be a score from 0 to 10 with at most one decimal, like ${stressExample(d)}, got "11"`,
  ],
  [
    () => ['P1', 'money_stress', '2024-02-01', '', '-1'],
    'value',
    (d) =>
      `money stress must be a score from 0 to 10 with at most one decimal, like ${stressExample(d)}, got "-1"`,
  ],
  [
    (d) => ['P1', 'money_stress', '2024-02-01', '', d === ';' ? '7,25' : '7.25'],
    'value',
    (d) =>
      `money stress must be a score from 0 to 10 with at most one decimal, like ${stressExample(d)}, got "${d === ';' ? '7,25' : '7.25'}"`,
  ],
  [
    () => ['P1', 'debt_stabilised', '2024-02-01', '', '1'],
    'value',
    () => 'value must be empty for type debt_stabilised, got "1"',
  ],
  [
    () => ['P1', 'debt_free', '2024-02-01', 'other', ''],
    'reason',
    () => 'reason is only allowed for type benefit_end, got "other" for type debt_free',
  ],
];

describe('events.csv: a bad event is reported on its line and column', () => {
  it.each(
    DIALECTS.flatMap((d) =>
      REFUSED.map(
        ([row, column, message]) => [d, row(d).join('|'), column, message(d), row(d)] as const,
      ),
    ),
  )('in a %j file refuses %s in column %s', async (delimiter, _shown, column, message, row) => {
    const { rows, errors } = await importEvents(fileWith(delimiter, row));
    expect(errors).toMatchObject([{ line: 3, column, message }]);
    expect(rows.map((r) => r.line)).toEqual([2]);
  });
});

const ACCEPTED: [row: (d: Delimiter) => string[], event: object][] = [
  [
    () => ['P1', 'benefit_end', '2024-03-01', 'BBZ', ''],
    { type: 'benefit_end', date: '2024-03-01', reason: 'bbz', value: null, amountCents: null },
  ],
  [
    () => ['P1', 'benefit_end', '1-3-2024', '', ''],
    { type: 'benefit_end', date: '2024-03-01', reason: null },
  ],
  [
    () => ['P1', 'Benefit_Restart', '2024-03-01', '', ''],
    { type: 'benefit_restart', reason: null, value: null },
  ],
  [() => ['P1', 'bbz_start', '2024-01-01', '', ''], { type: 'bbz_start', date: '2024-01-01' }],
  [() => ['P1', 'bbz_end', '2024-05-01', '', ''], { type: 'bbz_end' }],
  [() => ['P1', 'work_start', '2024-03-01', '', ''], { type: 'work_start', value: null }],
  [() => ['P1', 'work_start', '2024-03-01', '', '32'], { type: 'work_start', value: 32 }],
  [
    (d) => ['P1', 'work_start', '2024-03-01', '', d === ';' ? '20,5' : '20.5'],
    { type: 'work_start', value: 20.5 },
  ],
  [() => ['P1', 'ladder', '2024-03-01', '', '6'], { type: 'ladder', value: 6, amountCents: null }],
  [
    (d) => ['P1', 'offset_income', '31-12-2024', '', d === ';' ? '1.234,56' : '1234.56'],
    { type: 'offset_income', date: '2024-12-31', value: null, amountCents: 123456 },
  ],
  [
    (d) => ['P1', 'offset_income', '2024-12-31', '', d === ';' ? '0,5' : '0.5'],
    { amountCents: 50 },
  ],
  [
    (d) => ['P1', 'debt_intake', '15-01-2024', '', d === ';' ? '23.456,78' : '23456.78'],
    { type: 'debt_intake', date: '2024-01-15', value: null, amountCents: 2_345_678 },
  ],
  [
    () => ['P1', 'Debt_Settlement_Start', '2024-06-01', '', ''],
    { type: 'debt_settlement_start', value: null, amountCents: null },
  ],
  [() => ['P1', 'debt_stabilised', '2024-06-01', '', ''], { type: 'debt_stabilised' }],
  [() => ['P1', 'debt_free', '2025-06-01', '', ''], { type: 'debt_free', value: null }],
  [() => ['P1', 'money_stress', '2024-02-01', '', '10'], { type: 'money_stress', value: 10 }],
  [() => ['P1', 'money_stress', '2024-02-01', '', '0'], { type: 'money_stress', value: 0 }],
  [
    (d) => ['P1', 'money_stress', '2024-02-01', '', d === ';' ? '7,5' : '7.5'],
    { type: 'money_stress', value: 7.5, amountCents: null },
  ],
];

describe('events.csv: good events', () => {
  it.each(
    DIALECTS.flatMap((d) =>
      ACCEPTED.map(([row, event]) => [d, row(d).join('|'), event, row(d)] as const),
    ),
  )('in a %j file reads %s', async (delimiter, _shown, event, row) => {
    const { rows, errors } = await importEvents(fileWith(delimiter, row));
    expect(errors).toMatchObject([]);
    expect(rows[1]).toMatchObject({ line: 3, participantRef: row[0], event });
  });

  it('accepts a file with only the required columns', async () => {
    const { rows, errors } = await importEvents(
      'participant_ref,type,date\nP1,work_end,2024-02-01\n',
    );
    expect(errors).toMatchObject([]);
    expect(rows).toEqual([
      {
        line: 2,
        participantRef: 'P1',
        event: {
          type: 'work_end',
          date: '2024-02-01',
          reason: null,
          value: null,
          amountCents: null,
        },
      },
    ]);
  });

  it('accepts an event on the intake day itself', async () => {
    const { errors } = await importEvents(
      fileWith(',', ['P2', 'benefit_end', '2024-06-01', '', '']),
    );
    expect(errors).toMatchObject([]);
  });

  it('skips the participant checks when the context knows no participants', async () => {
    const { errors } = await importEvents(fileWith(',', ['P9', 'work_end', '2000-01-01', '', '']), {
      bsnKey: null,
    });
    expect(errors).toMatchObject([]);
  });
});

describe('events.csv: one benefit_end per participant per day', () => {
  it.each(DIALECTS)(
    'in a %j file refuses a second benefit_end on the same day, naming the first line',
    async (d) => {
      const { errors } = await importEvents(
        csvText(d, [
          HEADER,
          ['P1', 'benefit_end', '2024-03-01', 'bbz', ''],
          ['P2', 'benefit_end', '2024-07-01', '', ''],
          ['P1', 'benefit_end', '01-03-2024', 'other', ''],
        ]),
      );
      expect(errors).toMatchObject([
        {
          line: 4,
          column: 'date',
          message: 'participant "P1" already has a benefit_end on 2024-03-01 (line 2)',
        },
      ]);
    },
  );

  it.each(DIALECTS)(
    'in a %j file refuses a benefit_end on a day that already has one stored',
    async (d) => {
      const { errors } = await importEvents(
        csvText(d, [HEADER, ['P1', 'benefit_end', '2024-03-01', '', '']]),
        pilotContext(['P1@2024-03-01']),
      );
      expect(errors).toMatchObject([
        {
          line: 2,
          column: 'date',
          message: 'participant "P1" already has a benefit_end on 2024-03-01 in this pilot',
        },
      ]);
    },
  );

  it('accepts benefit_end on one day for two participants, and benefit_end with benefit_restart on one day', async () => {
    const { errors, rows } = await importEvents(
      csvText(',', [
        HEADER,
        ['P1', 'benefit_end', '2024-07-01', '', ''],
        ['P2', 'benefit_end', '2024-07-01', '', ''],
        ['P1', 'benefit_restart', '2024-07-01', '', ''],
      ]),
    );
    expect(errors).toMatchObject([]);
    expect(rows).toHaveLength(3);
  });
});
