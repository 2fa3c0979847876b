import { describe, expect, it } from 'vitest';
import { hashBsn } from './bsn.ts';
import { DIALECTS, TEST_KEY, csvText, importParticipants } from './testing.ts';
import type { Delimiter } from './types.ts';

/** A file with a good row on line 2 and the row under test on line 3. */
function fileWith(delimiter: Delimiter, column: string, good: string, bad: string): string {
  const header = ['participant_ref', 'intake_date', column].filter(
    (c, i, all) => all.indexOf(c) === i,
  );
  const row = (ref: string, value: string) =>
    header.map((c) => (c === column ? value : c === 'participant_ref' ? ref : '2024-01-01'));
  return csvText(delimiter, [header, row('P1', good), row('P2', bad)]);
}

const amountExample = (d: Delimiter) => (d === ';' ? '1234,56 or 1.234,56' : '1234.56');

const REFUSED: [
  column: string,
  good: string,
  bad: (d: Delimiter) => string,
  message: (d: Delimiter) => string,
][] = [
  [
    'participant_ref',
    'P1',
    () => '',
    () => "participant_ref is empty; every row needs the participant's reference",
  ],
  [
    'intake_date',
    '2024-01-01',
    () => '31-02-2024',
    () => 'intake date must be a real calendar date, got "31-02-2024"',
  ],
  [
    'intake_date',
    '2024-01-01',
    () => '2024-02-30',
    () => 'intake date must be a real calendar date, got "2024-02-30"',
  ],
  [
    'intake_date',
    '2024-01-01',
    () => '1/2/2024',
    () => 'intake date must be a date as YYYY-MM-DD or DD-MM-YYYY, got "1/2/2024"',
  ],
  [
    'intake_date',
    '2024-01-01',
    () => '',
    () => 'intake date is required, as YYYY-MM-DD or DD-MM-YYYY',
  ],
  [
    'arm',
    'control',
    () => 'treatment',
    () => 'arm must be one of intervention, control, got "treatment"',
  ],
  [
    'household',
    'couple',
    () => 'alone',
    () => 'household must be one of single, single_parent, couple, got "alone"',
  ],
  ['education', 'mid', () => 'phd', () => 'education must be one of low, mid, high, got "phd"'],
  [
    'birth_year',
    '1980',
    () => '1899',
    () => 'birth year must be a whole number from 1900 to 2100, got "1899"',
  ],
  [
    'birth_year',
    '1980',
    () => '2101',
    () => 'birth year must be a whole number from 1900 to 2100, got "2101"',
  ],
  [
    'birth_year',
    '1980',
    (d) => (d === ';' ? '1980,5' : '1980.5'),
    (d) =>
      `birth year must be a whole number from 1900 to 2100, got "${d === ';' ? '1980,5' : '1980.5'}"`,
  ],
  ['motivation', '3', () => '0', () => 'motivation must be a whole number from 1 to 5, got "0"'],
  ['motivation', '3', () => '6', () => 'motivation must be a whole number from 1 to 5, got "6"'],
  ['ladder_step', '2', () => '7', () => 'ladder step must be a whole number from 1 to 6, got "7"'],
  ['ladder_step', '2', () => '0', () => 'ladder step must be a whole number from 1 to 6, got "0"'],
  [
    'has_debts',
    'ja',
    () => 'misschien',
    () => 'has debts must be yes/no, ja/nee, true/false or 1/0, got "misschien"',
  ],
  [
    'disability',
    'no',
    () => 'n',
    () => 'disability must be yes/no, ja/nee, true/false or 1/0, got "n"',
  ],
  [
    'refugee_status',
    'no',
    () => '2',
    () => 'refugee status must be yes/no, ja/nee, true/false or 1/0, got "2"',
  ],
  ['monthly_benefit', '1000', () => '-5', () => 'monthly benefit must not be negative, got "-5"'],
  [
    'monthly_benefit',
    '1000',
    () => 'duizend',
    (d) => `monthly benefit must be an amount in euros like ${amountExample(d)}, got "duizend"`,
  ],
  [
    'guidance_cost',
    '1000',
    (d) => (d === ';' ? '-0,01' : '-0.01'),
    (d) => `guidance cost must not be negative, got "${d === ';' ? '-0,01' : '-0.01'}"`,
  ],
  [
    'lost_to_follow_up_date',
    '2024-06-01',
    () => '31-12-2023',
    () => 'lost to follow-up date 2023-12-31 is before the intake date 2024-01-01',
  ],
  [
    'lost_to_follow_up_date',
    '2024-06-01',
    () => '2024-13-01',
    () => 'lost to follow-up date must be a real calendar date, got "2024-13-01"',
  ],
  [
    'bsn',
    '111222333',
    () => '123456789',
    () => 'BSN is not valid: it fails the elfproef (11-test); check for a typing error',
  ],
  [
    'bsn',
    '111222333',
    () => '1234567',
    () => 'BSN must be 9 digits (or 8, when a spreadsheet dropped the leading zero)',
  ],
];

describe('participants.csv: a bad value is reported on its line and column', () => {
  it.each(
    DIALECTS.flatMap((d) =>
      REFUSED.map(([column, good, bad, message]) => [d, column, bad(d), good, message(d)] as const),
    ),
  )('in a %j file refuses %s %j on line 3', async (delimiter, column, bad, good, message) => {
    const { rows, errors } = await importParticipants(fileWith(delimiter, column, good, bad));
    expect(errors).toMatchObject([{ line: 3, column, message }]);
    expect(rows.map((r) => r.line)).toEqual([2]);
  });
});

const ACCEPTED: [column: string, raw: (d: Delimiter) => string, fields: object][] = [
  ['intake_date', () => '2024-01-05', { intakeDate: '2024-01-05' }],
  ['intake_date', () => '05-01-2024', { intakeDate: '2024-01-05' }],
  ['intake_date', () => '5-1-2024', { intakeDate: '2024-01-05' }],
  ['intake_date', () => '29-02-2024', { intakeDate: '2024-02-29' }],
  ['arm', () => 'CONTROL', { arm: 'control' }],
  ['arm', () => 'Intervention', { arm: 'intervention' }],
  ['arm', () => '', { arm: 'intervention' }],
  ['monthly_benefit', (d) => (d === ';' ? '1.234,56' : '1234.56'), { monthlyBenefitCents: 123456 }],
  ['monthly_benefit', (d) => (d === ';' ? '1234,56' : '1234.56'), { monthlyBenefitCents: 123456 }],
  ['monthly_benefit', (d) => (d === ';' ? '1.234' : '1234'), { monthlyBenefitCents: 123400 }],
  ['monthly_benefit', () => '', { monthlyBenefitCents: null }],
  ['guidance_cost', (d) => (d === ';' ? '2.500,5' : '2500.5'), { guidanceCostCents: 250050 }],
  ['household', () => 'Single_Parent', { household: 'single_parent' }],
  ['household', () => '', { household: null }],
  ['birth_year', () => '1980', { birthYear: 1980 }],
  ['motivation', () => '5', { motivation: 5 }],
  ['ladder_step', () => '1', { ladderStep: 1 }],
  ['ladder_step', () => '', { ladderStep: null }],
  ['has_debts', () => 'Ja', { hasDebts: true }],
  ['has_debts', () => 'nee', { hasDebts: false }],
  ['disability', () => 'TRUE', { disability: true }],
  ['refugee_status', () => '0', { refugeeStatus: false }],
  ['education', () => 'HIGH', { education: 'high' }],
  ['lost_to_follow_up_date', () => '01-01-2024', { lostToFollowUpDate: '2024-01-01' }],
  ['lost_to_follow_up_date', () => '', { lostToFollowUpDate: null }],
];

describe('participants.csv: good values', () => {
  it.each(
    DIALECTS.flatMap((d) =>
      ACCEPTED.map(([column, raw, fields]) => [d, column, raw(d), fields] as const),
    ),
  )('in a %j file reads %s %j', async (delimiter, column, raw, fields) => {
    const { rows, errors } = await importParticipants(fileWith(delimiter, column, raw, raw));
    expect(errors).toMatchObject([]);
    expect(rows[1]?.fields).toMatchObject(fields);
    expect(rows[1]?.line).toBe(3);
  });

  it.each(DIALECTS)(
    'in a %j file holds only the columns present, leaving out the arm when its column is absent',
    async (d) => {
      const { rows } = await importParticipants(
        csvText(d, [
          ['participant_ref', 'intake_date', 'motivation'],
          ['P1', '2024-01-01', ''],
        ]),
      );
      expect(rows).toEqual([
        {
          line: 2,
          participantRef: 'P1',
          bsnHash: null,
          fields: { intakeDate: '2024-01-01', motivation: null },
        },
      ]);
    },
  );

  it('reads every baseline column of a full row', async () => {
    const header = [
      'participant_ref',
      'arm',
      'intake_date',
      'monthly_benefit',
      'guidance_cost',
      'household',
      'birth_year',
      'motivation',
      'ladder_step',
      'has_debts',
      'disability',
      'refugee_status',
      'education',
      'lost_to_follow_up_date',
      'bsn',
    ];
    const row = [
      'GM-17',
      'control',
      '15-03-2024',
      '1.350,20',
      '2.000',
      'single',
      '1975',
      '4',
      '3',
      'ja',
      'nee',
      'no',
      'low',
      '2025-01-01',
      '123456782',
    ];
    const { rows, errors } = await importParticipants(csvText(';', [header, row]));
    expect(errors).toMatchObject([]);
    expect(rows).toEqual([
      {
        line: 2,
        participantRef: 'GM-17',
        bsnHash: hashBsn('123456782', TEST_KEY),
        fields: {
          arm: 'control',
          intakeDate: '2024-03-15',
          monthlyBenefitCents: 135020,
          guidanceCostCents: 200000,
          household: 'single',
          birthYear: 1975,
          motivation: 4,
          ladderStep: 3,
          hasDebts: true,
          disability: false,
          refugeeStatus: false,
          education: 'low',
          lostToFollowUpDate: '2025-01-01',
        },
      },
    ]);
  });

  it('reports every bad cell of one row, not only the first', async () => {
    const { errors } = await importParticipants(
      csvText(',', [
        ['participant_ref', 'intake_date', 'motivation', 'ladder_step'],
        ['P1', '2024-01-01', '0', '7'],
      ]),
    );
    expect(errors.map((e) => e.column)).toEqual(['motivation', 'ladder_step']);
  });
});

describe('participants.csv: refs', () => {
  it.each(DIALECTS)(
    'in a %j file refuses a participant_ref twice, naming the first line',
    async (d) => {
      const { rows, errors } = await importParticipants(
        csvText(d, [
          ['participant_ref', 'intake_date'],
          ['P1', '2024-01-01'],
          ['P2', '2024-01-01'],
          ['P1', '2024-02-01'],
        ]),
      );
      expect(errors).toMatchObject([
        {
          line: 4,
          column: 'participant_ref',
          message: 'participant_ref "P1" appears twice in this file (first on line 2)',
        },
      ]);
      expect(rows.map((r) => r.participantRef)).toEqual(['P1', 'P2']);
    },
  );

  it('trims refs, so " P1 " and "P1" are the same participant', async () => {
    const { errors } = await importParticipants(
      'participant_ref,intake_date\nP1,2024-01-01\n P1 ,2024-01-01\n',
    );
    expect(errors).toMatchObject([{ line: 3, column: 'participant_ref' }]);
  });
});

describe('participants.csv: BSN', () => {
  const BSNS = ['111222333', '123456782', '11222335'];
  const BAD = ['123456789', '12345', '000000000'];

  it('keeps only the keyed hash of a valid BSN', async () => {
    const file = csvText(',', [
      ['participant_ref', 'intake_date', 'bsn'],
      ...BSNS.map((b, i) => [`P${i}`, '2024-01-01', b]),
    ]);
    const a = await importParticipants(file, { bsnKey: 'key-a' });
    const b = await importParticipants(file, { bsnKey: 'key-b' });
    expect(a.rows.map((r) => r.bsnHash)).toEqual(BSNS.map((n) => hashBsn(n, 'key-a')));
    expect(b.rows.map((r) => r.bsnHash)).toEqual(BSNS.map((n) => hashBsn(n, 'key-b')));
    expect(a.rows[0]?.bsnHash).not.toBe(b.rows[0]?.bsnHash);
  });

  it('gives an empty BSN cell a null hash', async () => {
    const { rows } = await importParticipants('participant_ref,intake_date,bsn\nP1,2024-01-01,\n');
    expect(rows[0]?.bsnHash).toBeNull();
  });

  it('never puts a BSN, valid or not, into any row, error or summary', async () => {
    const cells = [...BSNS, ...BAD];
    const file = csvText(';', [
      ['participant_ref', 'intake_date', 'bsn'],
      ...cells.map((b, i) => [`P${i}`, '2024-01-01', b]),
    ]);
    const outcome = await importParticipants(file);
    expect(outcome.errors).toHaveLength(BAD.length);
    const everything = JSON.stringify(outcome);
    for (const bsn of [...cells, '011222335']) expect(everything).not.toContain(bsn);
  });

  it('does not echo a BSN typed into another column', async () => {
    const { errors } = await importParticipants(
      'participant_ref,intake_date,birth_year\nP1,2024-01-01,123456782\n',
    );
    expect(errors).toMatchObject([
      {
        line: 2,
        column: 'birth_year',
        message:
          'birth year must be a whole number from 1900 to 2100, got (a number that looks like a BSN, not shown)',
      },
    ]);
  });

  it.each(DIALECTS)(
    'in a %j file refuses a bsn column when no key is configured, naming WEGWIJZER_BSN_KEY',
    async (d) => {
      const { rows, errors } = await importParticipants(
        csvText(d, [
          ['participant_ref', 'intake_date', 'bsn'],
          ['P1', '2024-01-01', '111222333'],
        ]),
        { bsnKey: null },
      );
      expect(rows).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ line: 1, column: 'bsn' });
      expect(errors[0]?.message).toContain('WEGWIJZER_BSN_KEY');
    },
  );

  it('accepts a file without a bsn column when no key is configured', async () => {
    const { errors } = await importParticipants('participant_ref,intake_date\nP1,2024-01-01\n', {
      bsnKey: null,
    });
    expect(errors).toMatchObject([]);
  });
});
