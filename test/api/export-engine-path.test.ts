import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateShiftDays, pseudonym } from '@wegwijzer/api';
import {
  eventsOf,
  getPilot,
  listVariables,
  participantsByIds,
  pilotArms,
  serverSecret,
  toBaseline,
  toTimelineEvent,
  valuesOf,
} from '@wegwijzer/db';
import {
  cohortCells,
  cohortTable,
  COHORT_WINDOWS,
  csvLine,
  DIALECTS,
  eventCells,
  EVENTS,
  formatValue,
  participantCells,
  PARTICIPANTS,
  variableCells,
  withArms,
  withVariables,
  type CellValue,
  type Dialect,
  type DialectName,
  type ExportParticipant,
  type Table,
} from '@wegwijzer/export';
import { importCsv, testApp, type TestApp } from '../support/app.ts';

/**
 * The export reads each participant once and writes the three participant files in one pass
 * (apps/api/src/usecases/exports.ts). Its files must be, byte for byte, those the engine path
 * gives: every participant read on its own through the plain queries, derived by the engine and
 * each record written as `csvLine` of the formatted cells. The pilot has four arms, a variable
 * of each type and many empty cells; the cells' quoting of hostile text (commas, quotes, line
 * breaks, formula starts, unicode) is checked against the same definition in
 * packages/export/src/writer.test.ts, as no import can put such text into these files.
 */

const ARMS = [
  { code: 'vrijstelling', label: 'Vrijstelling, "zonder" plichten', labelEn: 'Exemption' },
  { code: 'extra_begeleiding', label: 'Extra begeleiding;\nmet coach', labelEn: null },
  { code: 'behoud_inkomsten', label: 'Behoud van inkomsten – Fryslân', labelEn: 'Keep' },
  { code: 'control', label: 'Controlegroep' },
];
const VARIABLES = [
  { code: 'trained', label: 'Getraind, "ja"', type: 'boolean' },
  { code: 'sessions', label: 'Sessies', type: 'integer', min: 0, max: 40 },
  {
    code: 'region',
    label: 'Wijk; ’s-Gravenhage',
    type: 'category',
    levels: [
      { code: 'noord', label: 'Noord, "boven"', labelEn: 'North' },
      { code: 'zuid_oost', label: 'Zuid\noost' },
    ],
  },
];
const SIZE = 2600;

let t: TestApp;
let pilot: string;
let researcher: string;

/** A deterministic pilot: every arm, odd amounts, exits, restarts, work, loss to follow-up. */
function fixture() {
  let seed = 21;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const day = (iso: string, n: number) =>
    new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const people = [
    'participant_ref,arm,intake_date,monthly_benefit,guidance_cost,household,birth_year,motivation,ladder_step,has_debts,disability,refugee_status,education,lost_to_follow_up_date,trained,sessions,region',
  ];
  const events = ['participant_ref,type,date,reason,value'];
  for (let i = 0; i < SIZE; i++) {
    const ref = `R-${i}`;
    const intake = day('2022-06-01', Math.floor(random() * 900));
    people.push(
      [
        ref,
        ARMS[i % ARMS.length]!.code,
        intake,
        random() < 0.3 ? '' : (700 + random() * 900).toFixed(2),
        random() < 0.4 ? '' : (random() * 4000).toFixed(2),
        pick(['single', 'single_parent', 'couple', '']),
        random() < 0.2 ? '' : String(1950 + Math.floor(random() * 50)),
        pick(['1', '2', '3', '4', '5', '']),
        pick(['1', '2', '3', '4', '5', '6', '']),
        pick(['yes', 'no', '']),
        pick(['ja', 'nee', '']),
        pick(['true', 'false', '']),
        pick(['low', 'mid', 'high', '']),
        random() < 0.05 ? day(intake, 100 + Math.floor(random() * 400)) : '',
        pick(['ja', 'nee', '']),
        random() < 0.3 ? '' : String(Math.floor(random() * 41)),
        pick(['noord', 'zuid_oost', '']),
      ].join(','),
    );
    if (random() < 0.6) {
      const end = Math.floor(random() * 600);
      events.push(`${ref},benefit_end,${day(intake, end)},${pick(['regular_work', 'bbz', ''])},`);
      if (random() < 0.3) events.push(`${ref},benefit_restart,${day(intake, end + 40)},,`);
    }
    if (random() < 0.4)
      events.push(`${ref},offset_income,${day(intake, 30)},,${(random() * 900).toFixed(2)}`);
    if (random() < 0.3) events.push(`${ref},work_start,${day(intake, 20)},,${pick([12, 32.5])}`);
    if (random() < 0.5) events.push(`${ref},ladder,${day(intake, 90)},,${pick([2, 3, 4])}`);
  }
  return { participants: `${people.join('\n')}\n`, events: `${events.join('\n')}\n` };
}

beforeAll(async () => {
  t = await testApp();
  pilot = await t.pilot({
    name: 'Gelijk, "exact"',
    monthlyBenefit: 1187.33,
    guidanceCost: 2417.09,
    dataCompleteThrough: '2025-06-30',
    arms: ARMS,
  });
  for (const v of VARIABLES) {
    const res = await t.json(`/api/pilots/${pilot}/variables`, {
      method: 'POST',
      body: JSON.stringify(v),
    });
    expect(res.status).toBe(201);
  }
  const f = fixture();
  expect((await importCsv(t, pilot, 'participants', f.participants)).status).toBe(200);
  expect((await importCsv(t, pilot, 'events', f.events)).status).toBe(200);
  researcher = await t.user('researcher', [pilot]);
}, 120_000);
afterAll(() => t.close());

const BOM = '\uFEFF';

/** A file as the engine path writes it: the header, then `csvLine` of each formatted record. */
function plainFile(table: Table, dialect: Dialect, records: readonly CellValue[][]): string {
  let out =
    (dialect.bom ? BOM : '') +
    csvLine(
      table.fields.map((f) => f.name),
      dialect,
    );
  for (const cells of records) {
    expect(cells).toHaveLength(table.fields.length);
    out += csvLine(
      cells.map((v, i) => formatValue(v, table.fields[i]!.format ?? {}, dialect)),
      dialect,
    );
  }
  return out;
}

/** The three participant files of an export, made one participant at a time by the engine. */
async function enginePath(opts: {
  format: DialectName;
  dateShift: boolean;
  windows: readonly number[];
  arm?: string;
}) {
  const me = (await t.json('/api/auth/me', { as: researcher })).body;
  const actor = (me.user ?? me).id as string;
  const key = await serverSecret(t.store.db, 'pseudonym_key');
  const facts = (await getPilot(t.store.db, pilot))!;
  const variables = await listVariables(t.store.db, pilot);
  const arms = await pilotArms(t.store.db, pilot);
  let query = t.store.db.selectFrom('participants').select('id').where('pilot_id', '=', pilot);
  if (opts.arm) query = query.where('arm', '=', opts.arm);
  const ids = (await query.execute()).map((r) => Number(r.id));
  const domain = opts.dateShift ? 'date-shifted' : 'views';
  const named = ids
    .map((id) => ({ id, name: pseudonym(key, actor, pilot, id, domain) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const values = await valuesOf(t.store.db, pilot, ids);
  const people: ExportParticipant[] = [];
  for (const { id, name } of named) {
    const [row] = await participantsByIds(t.store.db, [id]);
    people.push({
      pseudonym: name,
      baseline: toBaseline(row!),
      events: (await eventsOf(t.store.db, [id])).map(toTimelineEvent),
      shiftDays: opts.dateShift ? dateShiftDays(key, actor, pilot, id) : 0,
      variables: values.get(id),
    });
  }
  const dialect = DIALECTS[opts.format];
  const cohort = withVariables(withArms(cohortTable(opts.windows), arms), variables);
  const participants = withVariables(withArms(PARTICIPANTS, arms), variables);
  return {
    'cohort.csv': plainFile(
      cohort,
      dialect,
      people.map((p) => [
        ...cohortCells(p, facts, opts.windows),
        ...variableCells(p.variables, variables),
      ]),
    ),
    'participants.csv': plainFile(
      participants,
      dialect,
      people.map((p) => [...participantCells(p), ...variableCells(p.variables, variables)]),
    ),
    'events.csv': plainFile(EVENTS, dialect, people.flatMap(eventCells)),
  };
}

describe('the one-pass export', () => {
  it.each([
    { format: 'csv', dateShift: false, windows: COHORT_WINDOWS },
    { format: 'excel-nl', dateShift: true, windows: [3, 9, 12] },
    { format: 'csv', dateShift: true, windows: [18], arm: 'extra_begeleiding' },
  ] as const)(
    'writes the engine path’s files byte for byte ($format, date shift $dateShift, windows $windows, arm $arm)',
    async (opts) => {
      const query = new URLSearchParams({
        format: opts.format,
        dateShift: String(opts.dateShift),
        windows: opts.windows.join(','),
        ...('arm' in opts ? { arm: opts.arm } : {}),
      });
      const res = await t.request(`/api/pilots/${pilot}/export?${query}`, { as: researcher });
      expect(res.status).toBe(200);
      const zip = unzipSync(new Uint8Array(await res.arrayBuffer()));
      const expected = await enginePath(opts);
      for (const [name, text] of Object.entries(expected)) {
        const bytes = Buffer.from(zip[name]!);
        expect(bytes.equals(Buffer.from(text, 'utf8')), name).toBe(true);
      }
      const lines = expected['cohort.csv'].split(DIALECTS[opts.format].lineTerminator);
      expect(lines.length).toBeGreaterThan('arm' in opts ? SIZE / 4 : SIZE);
      expect(expected['events.csv'].length).toBeGreaterThan(SIZE * 20);
    },
    120_000,
  );
});
