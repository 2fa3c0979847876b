import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readImport } from './read.ts';
import {
  DIALECTS,
  byteChunks,
  csvText,
  importEvents,
  importParticipants,
  pilotContext,
} from './testing.ts';
import type { ImportError } from './types.ts';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)),
  );

describe('the file as a whole', () => {
  it.each([
    ['no bytes at all', ''],
    ['only a BOM', '\uFEFF'],
    ['only line breaks', '\n\r\n\n'],
    ['only empty cells', ';;;\n;;;\n'],
  ])('refuses %s as an empty file', async (_name, file) => {
    const { rows, errors } = await importParticipants(file);
    expect(rows).toEqual([]);
    expect(errors).toMatchObject([{ line: 1, column: null, message: 'the file is empty' }]);
  });

  it('accepts a file with only a header, as zero rows', async () => {
    const { rows, errors, summary } = await importParticipants('participant_ref,intake_date\n');
    expect([rows, errors, summary.records]).toEqual([[], [], 0]);
  });

  it('refuses a file whose first line is empty', async () => {
    const { errors } = await importParticipants('\nparticipant_ref,intake_date\nP1,2024-01-01\n');
    expect(errors).toMatchObject([
      {
        line: 1,
        column: null,
        message: 'line 1 is empty; the first line must hold the column names',
      },
    ]);
  });

  it.each(DIALECTS)('reads a %j file with and without a UTF-8 BOM alike', async (d) => {
    const file = csvText(d, [
      ['participant_ref', 'intake_date', 'monthly_benefit'],
      ['Ré', '2024-01-01', d === ';' ? '1.234,56' : '1234.56'],
    ]);
    const plain = await importParticipants(file);
    const withBom = await importParticipants(bytes([0xef, 0xbb, 0xbf], file));
    expect(plain.errors).toMatchObject([]);
    expect(withBom).toEqual({
      ...plain,
      batches: [{ ...plain.batches[0]!, bytesRead: plain.batches[0]!.bytesRead + 3 }],
    });
    expect(withBom.summary.delimiter).toBe(d);
    expect(withBom.rows[0]?.fields.monthlyBenefitCents).toBe(123456);
  });

  it('gives the same result however the bytes are split into chunks', async () => {
    const file =
      '\uFEFFparticipant_ref;intake_date;household\r\n"Zoë; ""de"" Vries\r\nJr.";1-2-2024;single\r\nÅse;31-02-2024;couple\r\n';
    const whole = await importParticipants(file);
    const split = await importParticipants(byteChunks(file, 1));
    expect(whole.errors).toMatchObject([
      {
        line: 3,
        column: 'intake_date',
        message: 'intake date must be a real calendar date, got "31-02-2024"',
      },
    ]);
    expect(split.rows).toEqual(whole.rows);
    expect(split.errors).toEqual(whole.errors);
    expect(whole.rows[0]?.participantRef).toBe('Zoë; "de" Vries\r\nJr.');
  });

  it('accepts text chunks as well as bytes', async () => {
    async function* strings() {
      yield '\uFEFFparticipant_ref,intake';
      yield '_date\nP1,2024-01-01\n';
    }
    const { rows, errors } = await importParticipants(strings());
    expect(errors).toMatchObject([]);
    expect(rows).toHaveLength(1);
  });
});

describe('line numbers', () => {
  it.each(DIALECTS)(
    'in a %j file counts a quoted value with line breaks as one line',
    async (d) => {
      const file = csvText(d, [
        ['participant_ref', 'intake_date', 'household'],
        ['P1\nsecond line\nthird', '2024-01-01', 'single'],
        ['P2', '2024-01-01', 'alone'],
        ['P3', '2024-01-01', 'couple'],
        ['P4', '2024-01-01', 'solo'],
      ]);
      const { errors } = await importParticipants(file);
      expect(errors.map(({ line, column }) => ({ line, column }))).toEqual([
        { line: 3, column: 'household' },
        { line: 5, column: 'household' },
      ]);
    },
  );

  it.each(['\n', '\r\n'])('counts blank lines as lines (line ending %j)', async (eol) => {
    const file = ['participant_ref,intake_date', 'P1,2024-01-01', '', 'P2,2024-13-01', ''].join(
      eol,
    );
    const { errors } = await importParticipants(file);
    expect(errors).toMatchObject([{ line: 4, column: 'intake_date' }]);
  });

  it.each(DIALECTS)(
    'in a %j file refuses rows with more or fewer fields than the header',
    async (d) => {
      const file =
        ['participant_ref', 'intake_date', 'arm'].join(d) +
        '\n' +
        ['P1', '2024-01-01'].join(d) +
        '\n' +
        ['P2', '2024-01-01', 'control', 'extra'].join(d) +
        '\n' +
        ['P3', '2024-01-01', 'control'].join(d) +
        '\n';
      const { rows, errors } = await importParticipants(file);
      expect(errors).toMatchObject([
        {
          line: 2,
          column: null,
          message: `this row has 2 fields but the header has 3 columns; is a value with a "${d}" in it not quoted?`,
        },
        {
          line: 3,
          column: null,
          message: `this row has 4 fields but the header has 3 columns; is a value with a "${d}" in it not quoted?`,
        },
      ]);
      expect(rows.map((r) => r.line)).toEqual([4]);
    },
  );

  it('reports a quote that is never closed on the line where it opens', async () => {
    const { errors } = await importParticipants(
      'participant_ref,intake_date\nP1,2024-01-01\n"P2,2024-01-01\nP3,2024-01-01\n',
    );
    expect(errors).toMatchObject([
      {
        line: 3,
        column: null,
        message: 'a quoted value that starts on this line is never closed: a closing " is missing',
      },
    ]);
  });

  it('reports an endless line instead of holding it in memory', async () => {
    const { errors } = await importParticipants(
      `participant_ref,intake_date\n"${'x'.repeat(200_000)}`,
    );
    expect(errors).toMatchObject([
      { line: 2, column: null, message: expect.stringContaining('longer than 100000 characters') },
    ]);
  });
});

describe('header', () => {
  it.each(DIALECTS)(
    'in a %j file reads column names in any case, with spaces around',
    async (d) => {
      const file =
        [' Participant_Ref ', 'INTAKE_DATE', ' Has_Debts'].join(d) +
        '\n' +
        ['P1', '2024-01-01', 'JA'].join(d) +
        '\n';
      const { rows, errors } = await importParticipants(file);
      expect(errors).toMatchObject([]);
      expect(rows[0]?.fields).toMatchObject({ hasDebts: true });
    },
  );

  const PARTICIPANT_COLUMNS =
    'participant_ref, arm, intake_date, monthly_benefit, guidance_cost, household, birth_year, motivation, ladder_step, has_debts, disability, refugee_status, education, lost_to_follow_up_date, bsn';
  const HEADER_ERRORS: [header: string[], errors: ImportError[]][] = [
    [
      ['participant_ref', 'intake_date', 'Postcode'],
      [
        {
          line: 1,
          column: 'postcode',
          message: `unknown column "postcode"; allowed columns are ${PARTICIPANT_COLUMNS}`,
          code: 'unknown_column',
        },
      ],
    ],
    [
      ['participant_ref', 'intake_date', 'arm', ' ARM '],
      [
        {
          line: 1,
          column: 'arm',
          message: 'column "arm" appears more than once',
          code: 'duplicate_column',
        },
      ],
    ],
    [
      ['participant_ref', 'arm'],
      [
        {
          line: 1,
          column: null,
          message: 'required column "intake_date" is missing',
          code: 'missing_column',
          params: { column: 'intake_date' },
        },
      ],
    ],
    [
      ['intake_date'],
      [
        {
          line: 1,
          column: null,
          message: 'required column "participant_ref" is missing',
          code: 'missing_column',
          params: { column: 'participant_ref' },
        },
      ],
    ],
    [
      ['participant_ref', '', 'intake_date'],
      [
        {
          line: 1,
          column: null,
          message: `column 2 has no name; remove the empty column or give it one of: ${PARTICIPANT_COLUMNS}`,
          code: 'unknown_column',
        },
      ],
    ],
  ];

  it.each(DIALECTS.flatMap((d) => HEADER_ERRORS.map(([h, e]) => [d, h.join(d), e] as const)))(
    'in a %j file refuses the header %j and checks no rows',
    async (d, header, errors) => {
      const result = await importParticipants(`${header}\n${['P1', 'x', 'y'].join(d)}\n`);
      expect(result.errors).toEqual(errors);
      expect(result.rows).toEqual([]);
      expect(result.summary.records).toBe(1);
    },
  );

  it('refuses an events file with a participants column or without its required columns', async () => {
    const { errors } = await importEvents(
      'participant_ref,date,intake_date\nP1,2024-02-01,2024-01-01\n',
    );
    expect(errors.map(({ line, column }) => ({ line, column }))).toEqual([
      { line: 1, column: 'intake_date' },
      { line: 1, column: null },
    ]);
    expect(errors[1]?.message).toBe('required column "type" is missing');
  });

  it('hints at the delimiter when the whole header is one unknown column', async () => {
    const { errors } = await importEvents('participant_ref\ttype\tdate\n');
    expect(errors[0]?.message).toContain('separate columns with "," or ";"');
  });
});

describe('a file that is not text', () => {
  const SAVE_AS = 'save it as "CSV UTF-8"';

  it.each([
    [
      'a NUL byte on line 3',
      bytes('participant_ref,intake_date\nP1,2024-01-01\nP2,20', [0], '24-01-01\n'),
      3,
    ],
    [
      'invalid UTF-8 on line 2',
      bytes('participant_ref,intake_date\nP', [0xff, 0xfe], '1,2024-01-01\n'),
      2,
    ],
    [
      'invalid UTF-8 at the start of line 3',
      bytes('participant_ref,intake_date\nP1,2024-01-01\n', [0xc3, 0x28]),
      3,
    ],
    [
      'Latin-1 text (é as one byte) on line 2',
      bytes('participant_ref,intake_date\nRen', [0xe9], ',2024-01-01\n'),
      2,
    ],
    [
      'a UTF-8 sequence cut off at the end',
      bytes('participant_ref,intake_date\nP1,2024-01-01\nP', [0xe2, 0x82]),
      3,
    ],
    ['an overlong encoding', bytes('participant_ref,intake_date\n', [0xc0, 0xaf], '\n'), 2],
    [
      'invalid UTF-8 inside a quoted multi-line value',
      bytes('participant_ref,intake_date\n"P1\nx', [0xff], '",2024-01-01\n'),
      2,
    ],
    ['binary on line 1', bytes([0x00, 0x01, 0x02, 0x03, 0x04]), 1],
  ])('reports %s once, on its line', async (_name, file, line) => {
    const { rows, errors } = await importParticipants(file);
    const notText = errors.filter((e) => e.message.includes(SAVE_AS));
    expect(notText).toHaveLength(1);
    expect(notText[0]).toMatchObject({ line, column: null });
    expect(notText[0]?.message).toMatch(/not (UTF-8 )?text|NUL/);
    expect(rows.every((r) => r.line < line)).toBe(true);
  });

  it.each([
    ['UTF-16 LE', [0xff, 0xfe, 0x70, 0x00, 0x61, 0x00]],
    ['UTF-16 BE', [0xfe, 0xff, 0x00, 0x70, 0x00, 0x61]],
  ])('refuses %s with a message to save as UTF-8', async (_name, file) => {
    const { errors } = await importEvents(Uint8Array.from(file));
    expect(errors).toMatchObject([
      {
        line: 1,
        column: null,
        message: `the file is saved as UTF-16 text; ${SAVE_AS} and import it again`,
      },
    ]);
  });

  it('recognises an Excel workbook', async () => {
    const { errors } = await importParticipants(bytes('PK', [0x03, 0x04, 0x14, 0x00]));
    expect(errors).toMatchObject([
      {
        line: 1,
        column: null,
        message: `this is an Excel workbook, not a CSV file; ${SAVE_AS} and import it again`,
      },
    ]);
  });

  it('still reads multi-byte characters split across chunks', async () => {
    const file = 'participant_ref,intake_date\n€Ω𝄞,2024-01-01\n';
    for (const size of [1, 2, 3, 5]) {
      const { rows, errors } = await importParticipants(byteChunks(file, size));
      expect(errors).toMatchObject([]);
      expect(rows[0]?.participantRef).toBe('€Ω𝄞');
    }
  });
});

describe('any input', () => {
  const checkOutcome = async (
    kind: 'participants' | 'events',
    input: Uint8Array,
    chunk: number,
  ) => {
    const reader =
      kind === 'participants'
        ? readImport('participants', byteChunks(input, chunk), { bsnKey: 'k' }, { batchSize: 3 })
        : readImport('events', byteChunks(input, chunk), pilotContext(), { batchSize: 3 });
    let step = await reader.next();
    while (!step.done) {
      for (const e of step.value.errors) {
        expect(Number.isInteger(e.line) && e.line >= 1).toBe(true);
        expect(e.column === null || typeof e.column === 'string').toBe(true);
        expect(e.message.length).toBeGreaterThan(0);
      }
      for (const r of step.value.rows) expect(r.line).toBeGreaterThanOrEqual(2);
      step = await reader.next();
    }
    expect(step.value.errorCount).toBeGreaterThanOrEqual(0);
  };

  it.each(['participants', 'events'] as const)(
    'gives %s rows or errors for any bytes, never a throw',
    async (kind) => {
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ maxLength: 400 }),
          fc.integer({ min: 1, max: 64 }),
          (input, chunk) => checkOutcome(kind, input, chunk),
        ),
        { numRuns: 300 },
      );
    },
  );

  it.each(['participants', 'events'] as const)(
    'gives %s rows or errors for any CSV-like text, never a throw',
    async (kind) => {
      const token = fc.constantFrom(
        ',',
        ';',
        '"',
        '\n',
        '\r\n',
        ' ',
        'participant_ref',
        'intake_date',
        'type',
        'date',
        'value',
        'reason',
        'bsn',
        'arm',
        'P1',
        'P2',
        'benefit_end',
        'ladder',
        'offset_income',
        '2024-01-01',
        '31-02-2024',
        '1.234,56',
        '7',
        '-1',
        'ja',
        '\uFEFF',
        '\0',
        'é',
      );
      await fc.assert(
        fc.asyncProperty(
          fc.array(token, { maxLength: 80 }),
          fc.integer({ min: 1, max: 64 }),
          (tokens, chunk) => checkOutcome(kind, new TextEncoder().encode(tokens.join('')), chunk),
        ),
        { numRuns: 300 },
      );
    },
  );
});
