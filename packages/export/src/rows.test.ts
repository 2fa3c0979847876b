import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Baseline, TimelineEvent } from '@wegwijzer/domain';
import { DIALECTS } from './csv.ts';
import {
  cohortCells,
  budgetCells,
  eventCells,
  participantCells,
  shiftDate,
  type ExportParticipant,
} from './rows.ts';
import { BUDGET, COHORT, EVENTS, PARTICIPANTS } from './tables.ts';
import { TableWriter } from './writer.ts';
import { toReadableStream, zipBytes } from './zip.ts';

const baseline: Baseline = {
  arm: 'intervention',
  intakeDate: '2024-01-31',
  monthlyBenefitCents: null,
  guidanceCostCents: 300000,
  household: 'single',
  birthYear: 1990,
  motivation: 5,
  ladderStep: 2,
  hasDebts: true,
  disability: null,
  refugeeStatus: false,
  education: null,
  lostToFollowUpDate: null,
};
const ev = (
  type: TimelineEvent['type'],
  date: string,
  extra: Partial<TimelineEvent> = {},
): TimelineEvent => ({
  type,
  date,
  reason: null,
  value: null,
  amountCents: null,
  ...extra,
});
const events = [
  ev('offset_income', '2024-03-01', { amountCents: 10010 }),
  ev('benefit_end', '2024-06-01', { reason: 'regular_work' }),
  ev('work_start', '2024-05-20', { value: 32.5 }),
];
const pilot = {
  dataCompleteThrough: '2025-03-31',
  monthlyBenefitCents: 100000,
  guidanceCostCents: 200000,
};
const person: ExportParticipant = { pseudonym: 'PABC', baseline, events, shiftDays: 0 };

const cell = (cells: unknown[], table: typeof COHORT, name: string) =>
  cells[table.fields.findIndex((f) => f.name === name)];

describe('cohortCells', () => {
  const cells = cohortCells(person, pilot);

  it('has one cell per cohort column', () => {
    expect(cells).toHaveLength(COHORT.fields.length);
  });

  it('gives the hand-worked 12-month outcome and savings', () => {
    // Off benefit from 2024-06-01: on benefit 2024-01-31 .. 2024-05-31 = 122 days; m(12) = 2025-01-31.
    expect(cell(cells, COHORT, 'evaluable_12m')).toBe(true);
    expect(cell(cells, COHORT, 'off_benefit_12m')).toBe(true);
    expect(cell(cells, COHORT, 'route_12m')).toBe('regular_work');
    expect(cell(cells, COHORT, 'sustained_12m')).toBe(true);
    expect(cell(cells, COHORT, 'benefit_months_12m')).toBeCloseTo(122 / 30.4375, 12);
    const avoided = (244 / 30.4375) * 1000;
    expect(cell(cells, COHORT, 'savings_avoided_benefit_12m')).toBeCloseTo(avoided, 9);
    expect(cell(cells, COHORT, 'savings_offset_income_12m')).toBe(100.1);
    expect(cell(cells, COHORT, 'savings_guidance_cost_12m')).toBe(3000);
    expect(cell(cells, COHORT, 'savings_net_12m')).toBeCloseTo(avoided + 100.1 - 3000, 9);
    expect(cell(cells, COHORT, 'days_to_first_exit')).toBe(122);
    expect(cell(cells, COHORT, 'first_exit_censored')).toBe(false);
    // The effective amounts the savings use: the pilot's default benefit, the own guidance cost.
    expect(cell(cells, COHORT, 'monthly_benefit')).toBe(1000);
    expect(cell(cells, COHORT, 'guidance_cost')).toBe(3000);
  });

  it('leaves the figures of a window that is not evaluable empty', () => {
    // m(24) = 2026-01-31 lies after the observation end.
    expect(cell(cells, COHORT, 'evaluable_24m')).toBe(false);
    for (const c of ['off_benefit', 'route', 'sustained', 'benefit_months', 'savings_net']) {
      expect(cell(cells, COHORT, `${c}_24m`)).toBeNull();
    }
  });

  it('shifts dates but not figures', () => {
    const moved = cohortCells({ ...person, shiftDays: 100 }, pilot);
    expect(cell(moved, COHORT, 'intake_date')).toBe(shiftDate('2024-01-31', 100));
    const derived = COHORT.fields
      .map((f, i) => [f.name, i] as const)
      .filter(([n]) => /_\d+m$|first_exit/.test(n));
    expect(derived.map(([, i]) => moved[i])).toEqual(derived.map(([, i]) => cells[i]));
  });
});

describe('debt events and budget lines', () => {
  it('write the total debt in euros and the money-stress score as it is', () => {
    const rows = eventCells({
      ...person,
      events: [
        ev('debt_intake', '2024-02-01', { amountCents: 1_234_550 }),
        ev('money_stress', '2024-02-01', { value: 7.5 }),
        ev('debt_free', '2025-01-01'),
      ],
    });
    expect(rows).toEqual([
      ['PABC', 'debt_intake', '2024-02-01', null, 12345.5],
      ['PABC', 'money_stress', '2024-02-01', null, 7.5],
      ['PABC', 'debt_free', '2025-01-01', null, null],
    ]);
  });

  it('write a budget line in the import columns of kind=budget, in both dialects', () => {
    const cells = budgetCells({
      amountCents: 12_500_050,
      periodStart: '2024-01-01',
      periodEnd: '2025-12-31',
      domain: 'green',
      fundingSource: 'Provincie Fryslân',
      description: null,
    });
    expect(cells).toHaveLength(BUDGET.fields.length);
    expect(new TableWriter(BUDGET, DIALECTS.csv).row(cells)).toBe(
      '125000.50,2024-01-01,2025-12-31,green,Provincie Fryslân,\n',
    );
    expect(new TableWriter(BUDGET, DIALECTS['excel-nl']).row(cells)).toBe(
      '125000,50;2024-01-01;2025-12-31;green;Provincie Fryslân;\r\n',
    );
  });
});

describe('participantCells and eventCells', () => {
  it('keep the stored baseline (no defaults) and write amounts in euros', () => {
    const cells = participantCells(person);
    expect(cells).toHaveLength(PARTICIPANTS.fields.length);
    expect(cell(cells, PARTICIPANTS, 'monthly_benefit')).toBeNull();
    expect(cell(cells, PARTICIPANTS, 'participant_ref')).toBe('PABC');
    const rows = eventCells({ ...person, shiftDays: 1 });
    expect(rows).toEqual([
      ['PABC', 'offset_income', '2024-03-02', null, 100.1],
      ['PABC', 'benefit_end', '2024-06-02', 'regular_work', null],
      ['PABC', 'work_start', '2024-05-21', null, 32.5],
    ]);
  });

  it('write in the excel-nl dialect with a BOM, semicolons and decimal commas', () => {
    const w = new TableWriter(EVENTS, DIALECTS['excel-nl']);
    const out =
      w.header() +
      eventCells(person)
        .map((r) => w.row(r))
        .join('');
    expect(out).toBe(
      '\uFEFFparticipant_ref;type;date;reason;value\r\n' +
        'PABC;offset_income;2024-03-01;;100,1\r\n' +
        'PABC;benefit_end;2024-06-01;regular_work;\r\n' +
        'PABC;work_start;2024-05-20;;32,5\r\n',
    );
  });

  it('refuses a row of the wrong width', () => {
    expect(() => new TableWriter(EVENTS, DIALECTS.csv).row(['x'])).toThrow(/1 cells for 5 columns/);
  });
});

describe('shiftDate', () => {
  it.each([
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-03-01', 364, '2024-02-28'],
    ['2024-05-05', 0, '2024-05-05'],
  ])('moves %s by %i days to %s', (iso, n, expected) => {
    expect(shiftDate(iso, n)).toBe(expected);
  });
});

describe('zipBytes', () => {
  it('zips entries produced piece by piece, as a stream', async () => {
    async function* pieces() {
      yield 'a,b\n';
      for (let i = 0; i < 2000; i++) yield `${i},é${i}\n`;
    }
    const stream = toReadableStream(
      zipBytes([
        { name: 'x.csv', content: pieces() },
        { name: 'y.json', content: ['{}'] },
      ]),
    );
    const chunks: Uint8Array[] = [];
    for await (const c of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(1);
    const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    const files = unzipSync(all);
    const x = new TextDecoder().decode(files['x.csv']);
    expect(x.split('\n')).toHaveLength(2002);
    expect(x).toContain('1999,é1999\n');
    expect(new TextDecoder().decode(files['y.json'])).toBe('{}');
  });
});
