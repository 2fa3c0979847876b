import { unzipSync, type Unzipped } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pseudonym } from '@wegwijzer/api';
import { serverSecret } from '@wegwijzer/db';
import { hashBsn } from '@wegwijzer/import';
import { importCsv, testApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let pilot: string;
let researcher: string;
let otherResearcher: string;

const BSN = '111222333';
const FILES = ['cohort.csv', 'participants.csv', 'events.csv', 'budget.csv', 'datapackage.json'];
const REASONS = ['regular_work', 'bbz', 'combination', ''];

/** A deterministic pilot of 40 participants: both arms, exits and restarts, money, loss to follow-up. */
function fixture() {
  const day = (iso: string, n: number) =>
    new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const people = [
    'participant_ref,arm,intake_date,monthly_benefit,guidance_cost,household,birth_year,motivation,ladder_step,has_debts,disability,refugee_status,education,lost_to_follow_up_date,bsn',
  ];
  const events = ['participant_ref,type,date,reason,value'];
  for (let i = 0; i < 40; i++) {
    const ref = `GEM-REF-${String(i).padStart(4, '0')}`;
    const intake = day('2024-01-15', i * 17);
    people.push(
      [
        ref,
        i % 2 === 0 ? 'intervention' : 'control',
        intake,
        i % 3 === 0 ? '1234.56' : '',
        i % 4 === 0 ? '3100' : '',
        ['single', 'single_parent', 'couple', ''][i % 4],
        i % 7 === 0 ? '' : String(1960 + i),
        String((i % 5) + 1),
        String((i % 6) + 1),
        i % 3 === 0 ? 'yes' : 'no',
        i % 5 === 0 ? 'ja' : 'nee',
        i % 8 === 0 ? 'true' : '',
        ['low', 'mid', 'high'][i % 3],
        i % 9 === 4 ? day(intake, 200) : '',
        i === 1 ? BSN : '',
      ].join(','),
    );
    if (i % 3 !== 2)
      events.push(`${ref},benefit_end,${day(intake, 30 + i * 7)},${REASONS[i % 4]},`);
    if (i % 6 === 0) events.push(`${ref},benefit_restart,${day(intake, 250)},,`);
    if (i % 4 === 1) events.push(`${ref},offset_income,${day(intake, 40)},,215.35`);
    if (i % 5 === 2) events.push(`${ref},work_start,${day(intake, 20)},,32.5`);
    if (i % 5 === 2 && i % 2 === 0) events.push(`${ref},work_end,${day(intake, 100)},,`);
    events.push(`${ref},ladder,${day(intake, 120)},,${Math.min(6, (i % 6) + 2)}`);
  }
  return { participants: `${people.join('\n')}\n`, events: `${events.join('\n')}\n` };
}

const FIXTURE = fixture();
const REFS = FIXTURE.participants
  .split('\n')
  .slice(1, -1)
  .map((l) => l.split(',')[0]!);

beforeAll(async () => {
  t = await testApp();
  pilot = await t.pilot({
    name: 'Exportpilot',
    monthlyBenefit: 1000,
    guidanceCost: 2000,
    dataCompleteThrough: '2025-12-31',
  });
  expect((await importCsv(t, pilot, 'participants', FIXTURE.participants)).status).toBe(200);
  expect((await importCsv(t, pilot, 'events', FIXTURE.events)).status).toBe(200);
  researcher = await t.user('researcher', [pilot]);
  otherResearcher = await t.user('researcher', [pilot]);
});
afterAll(() => t.close());

async function download(query = '', as?: string) {
  const res = await t.request(`/api/pilots/${pilot}/export${query}`, { as });
  expect(res.status).toBe(200);
  return { res, files: unzipSync(new Uint8Array(await res.arrayBuffer())) };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The records of an export CSV as objects (export CSVs hold no quoted cells). */
function table(files: Unzipped, name: string, delimiter = ',') {
  const body = text(files[name]!).replace(/^\uFEFF/, '');
  expect(body).not.toContain('"');
  const [header, ...lines] = body.split(/\r?\n/).filter((l) => l !== '');
  const columns = header!.split(delimiter);
  return {
    columns,
    rows: lines.map((l) => Object.fromEntries(l.split(delimiter).map((v, i) => [columns[i]!, v]))),
  };
}

/** Plain pseudonym → date-shifted pseudonym of one researcher, computed with the server's key. */
async function shiftedNames(token: string): Promise<Map<string, string>> {
  const me = (await t.json('/api/auth/me', { as: token })).body;
  const key = await serverSecret(t.store.db, 'pseudonym_key');
  const admin = await t.json(`/api/pilots/${pilot}/participants?pageSize=100`);
  const id = (me.user ?? me).id as string;
  return new Map(
    admin.body.items.map((p: { id: string }) => [
      pseudonym(key, id, pilot, Number(p.id)),
      pseudonym(key, id, pilot, Number(p.id), 'date-shifted'),
    ]),
  );
}

const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

describe('GET /api/pilots/{id}/export', () => {
  it('streams a zip of the five files with an attachment name', async () => {
    const res = await t.request(`/api/pilots/${pilot}/export`, { as: researcher });
    expect(res.status).toBe(200);
    expect(res.body).toBeInstanceOf(ReadableStream);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="wegwijzer-Exportpilot-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([...FILES].sort());
    expect(table(files, 'cohort.csv').rows).toHaveLength(40);
    expect(table(files, 'participants.csv').columns).toEqual([
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
    ]);
    expect(table(files, 'events.csv').columns).toEqual([
      'participant_ref',
      'type',
      'date',
      'reason',
      'value',
    ]);
  });

  it('describes every column of every CSV, with a type, in datapackage.json', async () => {
    const { files } = await download('', researcher);
    const dp = JSON.parse(text(files['datapackage.json']!));
    expect(dp.profile).toBe('tabular-data-package');
    expect(dp.resources.map((r: any) => r.path).sort()).toEqual([
      'budget.csv',
      'cohort.csv',
      'events.csv',
      'participants.csv',
    ]);
    for (const r of dp.resources) {
      expect(r).toMatchObject({ format: 'csv', encoding: 'utf-8', dialect: { delimiter: ',' } });
      const names = r.schema.fields.map((f: any) => f.name);
      expect(names).toEqual(table(files, r.path).columns);
      for (const f of r.schema.fields) {
        expect(['string', 'integer', 'number', 'boolean', 'date']).toContain(f.type);
        expect(f.description.length).toBeGreaterThan(10);
      }
    }
    expect(dp.wegwijzer).toMatchObject({
      pilot: { id: pilot, name: 'Exportpilot' },
      observationEnd: '2025-12-31',
      softwareVersion: t.config.version,
      dateShift: false,
      participants: 40,
      dialect: { name: 'csv' },
    });
    expect(dp.wegwijzer.exportedBy).toMatch(/^researcher-\d+@test\.example$/);
  });

  it('reproduces the 12-month exit rate, evaluable counts and routes of GET /outcomes per arm', async () => {
    const { files } = await download('', researcher);
    const { rows } = table(files, 'cohort.csv');
    const { body } = await t.json(`/api/pilots/${pilot}/outcomes?window=12`);
    for (const arm of ['intervention', 'control'] as const) {
      const mine = rows.filter((r) => r.arm === arm);
      const evaluable = mine.filter((r) => r.evaluable_12m === 'true');
      const off = evaluable.filter((r) => r.off_benefit_12m === 'true');
      const expected = body.arms[arm];
      expect(mine).toHaveLength(expected.participants);
      expect(evaluable).toHaveLength(expected.evaluable);
      expect(off).toHaveLength(expected.offBenefit.count);
      expect(off.length / evaluable.length).toBeCloseTo(expected.offBenefit.rate, 12);
      expect(evaluable.filter((r) => r.sustained_12m === 'true')).toHaveLength(
        expected.sustained.count,
      );
      for (const route of ['regular_work', 'bbz', 'combination', 'other']) {
        expect(off.filter((r) => r.route_12m === route)).toHaveLength(expected.routes[route]);
      }
      const months =
        evaluable.reduce((s, r) => s + Number(r.benefit_months_12m), 0) / evaluable.length;
      expect(months).toBeCloseTo(expected.meanBenefitMonths, 4);
      const net = evaluable.reduce((s, r) => s + Number(r.savings_net_12m), 0);
      expect(Math.abs(net - expected.savings.net)).toBeLessThan(0.01 * evaluable.length);
      // A window that is not evaluable has no figures.
      for (const r of mine.filter((r) => r.evaluable_12m === 'false')) {
        expect([
          r.off_benefit_12m,
          r.route_12m,
          r.sustained_12m,
          r.benefit_months_12m,
          r.savings_net_12m,
        ]).toEqual(['', '', '', '', '']);
      }
    }
    expect(rows.some((r) => r.evaluable_12m === 'false')).toBe(true);
  });

  it('gives pseudonyms that are stable for one researcher and differ between researchers', async () => {
    const pseudonyms = async (as: string) =>
      table((await download('', as)).files, 'cohort.csv').rows.map((r) => r.pseudonym);
    const first = await pseudonyms(researcher);
    const again = await pseudonyms(researcher);
    const other = await pseudonyms(otherResearcher);
    expect(new Set(first).size).toBe(40);
    expect(again).toEqual(first);
    expect(other.filter((p) => first.includes(p))).toEqual([]);
  });

  it('leaves out every municipal reference, the BSN and its hash', async () => {
    for (const query of ['', '?format=excel-nl&dateShift=true']) {
      const { files } = await download(query, researcher);
      const all = Object.values(files).map(text).join('\n');
      for (const ref of REFS) expect(all).not.toContain(ref);
      expect(all).not.toContain(BSN);
      expect(all).not.toContain(hashBsn(BSN, 'test-bsn-key'));
      expect(all.toLowerCase()).not.toContain('bsn');
    }
  });

  it('shifts all dates of a participant by one offset of −182…+182 days and keeps every interval and figure', async () => {
    const plain = (await download('', researcher)).files;
    const shifted = (await download('?dateShift=true', researcher)).files;
    // The shifted export has pseudonyms of its own: only the server's key links the two.
    const link = await shiftedNames(researcher);
    const byPseudonym = (files: Unzipped) =>
      new Map(table(files, 'cohort.csv').rows.map((r) => [r.pseudonym!, r]));
    const before = byPseudonym(plain);
    const after = byPseudonym(shifted);
    const offsets = new Map<string, number>();
    for (const [p, row] of before) {
      const moved = after.get(link.get(p)!)!;
      const offset = days(row.intake_date!, moved.intake_date!);
      expect(offset).toBeGreaterThanOrEqual(-182);
      expect(offset).toBeLessThanOrEqual(182);
      offsets.set(p, offset);
      if (row.lost_to_follow_up_date)
        expect(days(row.lost_to_follow_up_date, moved.lost_to_follow_up_date!)).toBe(offset);
      const derived = Object.keys(row).filter((c) => /_(6|12|24)m$|first_exit/.test(c));
      expect(derived.map((c) => moved[c])).toEqual(derived.map((c) => row[c]));
    }
    expect(new Set(offsets.values()).size).toBeGreaterThan(10);
    expect([...offsets.values()].some((o) => o < 0)).toBe(true);
    expect([...offsets.values()].some((o) => o > 0)).toBe(true);
    const unlink = new Map([...link].map(([a, b]) => [b, a]));
    const plainEvents = table(plain, 'events.csv').rows;
    const shiftedEvents = table(shifted, 'events.csv').rows;
    expect(shiftedEvents).toHaveLength(plainEvents.length);
    for (const s of shiftedEvents) {
      const p = unlink.get(s.participant_ref!)!;
      const e = plainEvents.filter((x) => x.participant_ref === p);
      // Intake → event stays the same number of days, for one of that participant's events.
      expect(e.map((x) => days(before.get(p)!.intake_date!, x.date!))).toContain(
        days(after.get(s.participant_ref!)!.intake_date!, s.date!),
      );
      expect(e.map((x) => days(x.date!, s.date!))).toContain(offsets.get(p));
    }
    expect(JSON.parse(text(shifted['datapackage.json']!)).wegwijzer.dateShift).toBe(true);
  });

  it('gives a date-shifted export pseudonyms of its own, so it cannot be joined to the plain one', async () => {
    const plain = table((await download('', researcher)).files, 'cohort.csv').rows;
    const shifted = table((await download('?dateShift=true', researcher)).files, 'cohort.csv').rows;
    const names = new Set(plain.map((r) => r.pseudonym));
    expect(shifted.filter((r) => names.has(r.pseudonym))).toEqual([]);
  });

  it('gives two researchers exports that share no column linking them row by row', async () => {
    const a = table((await download('', researcher)).files, 'cohort.csv');
    const b = table((await download('', otherResearcher)).files, 'cohort.csv');
    expect(a.rows).toHaveLength(40);
    expect(b.columns).toEqual(a.columns);
    // A column links the files row by row when its values line up; with the rows in each
    // researcher's pseudonym order, none does, not even the order of intake.
    const linking = a.columns.filter((c) => {
      const va = a.rows.map((r) => r[c]);
      const vb = b.rows.map((r) => r[c]);
      return new Set(va).size > 2 && va.join('\u0000') === vb.join('\u0000');
    });
    expect(linking).toEqual([]);
    const sorted = (rows: Record<string, string>[]) => rows.map((r) => r.pseudonym!);
    expect(sorted(a.rows)).toEqual([...sorted(a.rows)].sort());
  });

  it('shows a researcher pseudonyms instead of internal ids, in pseudonym order', async () => {
    const admin = await t.json(`/api/pilots/${pilot}/participants?pageSize=100`);
    const ids = new Set(admin.body.items.map((p: { id: string }) => p.id));
    const mine = await t.json(`/api/pilots/${pilot}/participants?pageSize=100`, { as: researcher });
    const theirs = await t.json(`/api/pilots/${pilot}/participants?pageSize=100`, {
      as: otherResearcher,
    });
    for (const list of [mine, theirs]) {
      expect(list.status).toBe(200);
      const items = list.body.items as { id: string; participantRef: string }[];
      expect(items.filter((p) => ids.has(p.id))).toEqual([]);
      expect(items.every((p) => p.id === p.participantRef)).toBe(true);
      expect(items.map((p) => p.id)).toEqual(items.map((p) => p.id).sort());
    }
    const exported = table((await download('', researcher)).files, 'cohort.csv').rows;
    expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual(
      exported.map((r) => r.pseudonym),
    );
    const other = new Set(theirs.body.items.map((p: { id: string }) => p.id));
    expect(mine.body.items.filter((p: { id: string }) => other.has(p.id))).toEqual([]);
  });

  it('writes Excel-NL: a BOM on every CSV, ";" between cells, decimal commas, CRLF', async () => {
    const { files } = await download('?format=excel-nl', researcher);
    for (const name of ['cohort.csv', 'participants.csv', 'events.csv']) {
      expect([...files[name]!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const body = text(files[name]!);
      expect(body.split('\r\n')[0]).toContain(';');
      expect(body.replaceAll('\r\n', '')).not.toContain('\n');
    }
    expect(text(files['participants.csv']!)).toMatch(/;1234,56;/);
    expect(text(files['events.csv']!)).toMatch(/;215,35\r\n/);
    expect(text(files['cohort.csv']!)).toMatch(/;\d+,\d{2};/);
    expect(text(files['datapackage.json']!).charCodeAt(0)).toBe(0x7b);
    const dp = JSON.parse(text(files['datapackage.json']!));
    const money = dp.resources[0].schema.fields.find((f: any) => f.name === 'savings_net_12m');
    expect(money).toMatchObject({ type: 'number', decimalChar: ',', unit: 'EUR' });
    expect(dp.resources[0].dialect.delimiter).toBe(';');
  });

  it.each([['csv'], ['excel-nl']])(
    'round-trips %s: participants.csv and events.csv import into a new pilot with equal outcomes',
    async (format) => {
      const { files } = await download(`?format=${format}`, researcher);
      const copy = await t.pilot({
        name: 'Kopie',
        monthlyBenefit: 1000,
        guidanceCost: 2000,
        dataCompleteThrough: '2025-12-31',
      });
      expect((await importCsv(t, copy, 'participants', files['participants.csv']!)).status).toBe(
        200,
      );
      const ev = await importCsv(t, copy, 'events', files['events.csv']!);
      expect(ev.status).toBe(200);
      expect(ev.body.rows).toBe(
        table(files, 'events.csv', format === 'csv' ? ',' : ';').rows.length,
      );
      for (const k of [6, 12, 24]) {
        const a = (await t.json(`/api/pilots/${pilot}/outcomes?window=${k}`)).body;
        const b = (await t.json(`/api/pilots/${copy}/outcomes?window=${k}`)).body;
        expect({ ...b, pilotId: null }).toEqual({ ...a, pilotId: null });
      }
    },
  );

  it('exports only the participants its filters select, and counts them the same', async () => {
    const query = '?arm=intervention&motivation=4,5&hasDebts=true&intakeFrom=2024-02-01';
    const { files } = await download(query, researcher);
    const { rows } = table(files, 'cohort.csv');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.arm).toBe('intervention');
      expect(['4', '5']).toContain(r.motivation);
      expect(r.has_debts).toBe('true');
      expect(r.intake_date! >= '2024-02-01').toBe(true);
    }
    const count = await t.json(`/api/pilots/${pilot}/export/count${query}`, { as: researcher });
    expect(count).toEqual({ status: 200, body: { participants: rows.length } });
    const pseudonyms = new Set(rows.map((r) => r.pseudonym));
    expect(table(files, 'events.csv').rows.every((e) => pseudonyms.has(e.participant_ref))).toBe(
      true,
    );
    expect(JSON.parse(text(files['datapackage.json']!)).wegwijzer.filters).toEqual({
      arm: 'intervention',
      intakeFrom: '2024-02-01',
      motivation: [4, 5],
      hasDebts: [true],
    });
  });

  it('selects participants missing a field with null, and by age band', async () => {
    const missing = await t.json(`/api/pilots/${pilot}/export/count?household=null`, {
      as: researcher,
    });
    expect(missing.body.participants).toBe(10);
    const bands = await Promise.all(
      ['<27', '27-44', '45-54', '55+', 'null'].map(
        async (b) =>
          (await t.json(`/api/pilots/${pilot}/export/count?ageBand=${encodeURIComponent(b)}`)).body
            .participants,
      ),
    );
    expect(bands.reduce((a, b) => a + b, 0)).toBe(40);
    expect(bands[4]).toBe(6);
  });

  it('answers 400 to an unknown format or filter value', async () => {
    expect(
      (await t.json(`/api/pilots/${pilot}/export?format=xlsx`, { as: researcher })).status,
    ).toBe(400);
    expect(
      (await t.json(`/api/pilots/${pilot}/export/count?motivation=6`, { as: researcher })).status,
    ).toBe(400);
    expect(
      (await t.json(`/api/pilots/${pilot}/export/count?intakeFrom=2024-02-30`, { as: researcher }))
        .status,
    ).toBe(400);
  });

  it('refuses viewers, managers, researchers without a grant, and anonymous callers', async () => {
    const viewer = await t.user('viewer', [pilot]);
    const manager = await t.user('manager', [pilot]);
    const stranger = await t.user('researcher', []);
    for (const path of [`/api/pilots/${pilot}/export`, `/api/pilots/${pilot}/export/count`]) {
      for (const as of [viewer, manager, stranger])
        expect((await t.json(path, { as })).status).toBe(403);
      expect((await t.json(path, { as: '' })).status).toBe(401);
    }
    expect((await t.json('/api/pilots/no-such-pilot/export')).status).toBe(404);
  });

  it('writes one export.cohort audit entry with the row count and filters', async () => {
    const entries = () =>
      t.store.db
        .selectFrom('audit_log')
        .selectAll()
        .where('pilot_id', '=', pilot)
        .where('action', '=', 'export.cohort')
        .execute();
    const before = (await entries()).length;
    await download('?arm=control&format=excel-nl', otherResearcher);
    const after = await entries();
    expect(after).toHaveLength(before + 1);
    const entry = after[after.length - 1]!;
    expect(entry.row_count).toBe(20);
    expect(entry.actor_email).toMatch(/^researcher-/);
    expect(JSON.parse(entry.details!)).toEqual({
      filters: { arm: 'control' },
      format: 'excel-nl',
      dateShift: false,
      windows: [6, 12, 24],
    });
  });
});
