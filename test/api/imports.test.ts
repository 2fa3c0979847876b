import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv, testApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

async function counts(pilot: string) {
  const p = await t.store.db
    .selectFrom('participants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('pilot_id', '=', pilot)
    .executeTakeFirstOrThrow();
  const e = await t.store.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('pilot_id', '=', pilot)
    .executeTakeFirstOrThrow();
  return { participants: Number(p.n), events: Number(e.n) };
}

const PARTICIPANTS_COMMA = `participant_ref,arm,intake_date,monthly_benefit,household,motivation,ladder_step,has_debts
A1,intervention,2024-01-31,1234.56,single,4,2,yes
A2,control,2024-02-29,,couple,2,3,nee
A3,,15-3-2024,1100,,5,,
`;
const EVENTS_COMMA = `participant_ref,type,date,reason,value
A1,benefit_end,2024-06-01,bbz,
A1,offset_income,2024-03-01,,250.50
A2,ladder,2024-05-01,,4
`;

describe('CSV import through the API', () => {
  it('imports a comma file of participants and one of events with the right counts', async () => {
    const pilot = await t.pilot();
    const p = await importCsv(t, pilot, 'participants', PARTICIPANTS_COMMA);
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({
      kind: 'participants',
      delimiter: ',',
      rows: 3,
      inserted: 3,
      updated: 0,
      dryRun: false,
    });
    const e = await importCsv(t, pilot, 'events', EVENTS_COMMA);
    expect(e.status).toBe(200);
    expect(e.body).toMatchObject({ kind: 'events', rows: 3, inserted: 3 });
    expect(await counts(pilot)).toEqual({ participants: 3, events: 3 });
  });

  it('imports the Dutch semicolon dialect with BOM, Dutch dates and decimals', async () => {
    const pilot = await t.pilot();
    const csv =
      '\uFEFFparticipant_ref;intake_date;monthly_benefit;guidance_cost\nB1;31-01-2024;1.234,56;2500\nB2;1-2-2024;1100,5;\n';
    const p = await importCsv(t, pilot, 'participants', csv);
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ delimiter: ';', rows: 2, inserted: 2 });
    const row = await t.store.db
      .selectFrom('participants')
      .selectAll()
      .where('participant_ref', '=', 'B1')
      .where('pilot_id', '=', pilot)
      .executeTakeFirstOrThrow();
    expect(row.monthly_benefit_cents).toBe(123456);
    expect(row.intake_date).toBe('2024-01-31');
    const e = await importCsv(
      t,
      pilot,
      'events',
      'participant_ref;type;date;reason;value\nB1;offset_income;01-03-2024;;1.000,25\n',
    );
    expect(e.status).toBe(200);
    const ev = await t.store.db
      .selectFrom('events')
      .selectAll()
      .where('pilot_id', '=', pilot)
      .executeTakeFirstOrThrow();
    expect(ev.amount_cents).toBe(100025);
  });

  it('updates a participant on re-import, only in the columns the file has', async () => {
    const pilot = await t.pilot();
    await importCsv(t, pilot, 'participants', PARTICIPANTS_COMMA);
    const again = await importCsv(
      t,
      pilot,
      'participants',
      'participant_ref,intake_date,motivation\nA1,2024-01-31,1\nA9,2024-04-01,3\n',
    );
    expect(again.body).toMatchObject({ rows: 2, inserted: 1, updated: 1 });
    const a1 = await t.store.db
      .selectFrom('participants')
      .selectAll()
      .where('participant_ref', '=', 'A1')
      .where('pilot_id', '=', pilot)
      .executeTakeFirstOrThrow();
    expect(a1.motivation).toBe(1);
    expect(a1.household).toBe('single');
  });

  it('rejects a bad file with 422, every error by line and column, and writes nothing', async () => {
    const pilot = await t.pilot();
    await importCsv(t, pilot, 'participants', PARTICIPANTS_COMMA);
    const before = await counts(pilot);
    const bad = `participant_ref,type,date,reason,value
A1,benefit_end,2024-06-01,bbz,
A1,ladder,31-02-2024,,3
A2,ladder,2024-05-01,,7
ZZ,work_start,2024-05-01,,
A1,benefit_end,2024-06-01,regular_work,
`;
    const res = await importCsv(t, pilot, 'events', bad);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_import');
    const details = res.body.error.details as { line: number; column: string | null }[];
    expect(details.map((d) => [d.line, d.column])).toEqual(
      expect.arrayContaining([
        [3, 'date'],
        [4, 'value'],
        [5, 'participant_ref'],
      ]),
    );
    expect(details.some((d) => d.line === 6)).toBe(true);
    expect(await counts(pilot)).toEqual(before);
  });

  it('validates without writing on a dry run', async () => {
    const pilot = await t.pilot();
    const res = await importCsv(t, pilot, 'participants', PARTICIPANTS_COMMA, { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, rows: 3, inserted: 3 });
    expect(await counts(pilot)).toEqual({ participants: 0, events: 0 });
  });

  it('refuses an empty file with 422', async () => {
    const pilot = await t.pilot();
    const res = await importCsv(t, pilot, 'participants', '');
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].line).toBe(1);
  });

  it('refuses a file that is not text with 422', async () => {
    const pilot = await t.pilot();
    const res = await importCsv(
      t,
      pilot,
      'participants',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x00]),
    );
    expect(res.status).toBe(422);
  });

  it('keeps no BSN in clear anywhere in the database file', async () => {
    const pilot = await t.pilot();
    const bsns = ['111222333', '123456782'];
    const res = await importCsv(
      t,
      pilot,
      'participants',
      `participant_ref,intake_date,bsn\nC1,2024-01-01,${bsns[0]}\nC2,2024-01-01,${bsns[1]}\n`,
    );
    expect(res.status).toBe(200);
    if (t.store.kind === 'sqlite') {
      t.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const bytes = readFileSync(t.file).toString('latin1');
      for (const bsn of bsns) expect(bytes).not.toContain(bsn);
    } else {
      const rows = await t.store.db.selectFrom('participants').selectAll().execute();
      for (const bsn of bsns) expect(JSON.stringify(rows)).not.toContain(bsn);
    }
    const row = await t.store.db
      .selectFrom('participants')
      .select('bsn_hash')
      .where('participant_ref', '=', 'C1')
      .executeTakeFirstOrThrow();
    expect(row.bsn_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a BSN column when no BSN key is configured', async () => {
    const keyless = await testApp({ bsnKey: null });
    try {
      const pilot = await keyless.pilot();
      const res = await importCsv(
        keyless,
        pilot,
        'participants',
        'participant_ref,intake_date,bsn\nC1,2024-01-01,111222333\n',
      );
      expect(res.status).toBe(422);
      expect(JSON.stringify(res.body)).toContain('WEGWIJZER_BSN_KEY');
      expect(JSON.stringify(res.body)).not.toContain('111222333');
    } finally {
      await keyless.close();
    }
  });

  it('refuses imports from a researcher with 403', async () => {
    const pilot = await t.pilot();
    const researcher = await t.user('researcher', [pilot]);
    const res = await importCsv(t, pilot, 'participants', PARTICIPANTS_COMMA, { as: researcher });
    expect(res.status).toBe(403);
  });

  it('writes one audit entry per import with its row count', async () => {
    const pilot = await t.pilot();
    await importCsv(t, pilot, 'participants', PARTICIPANTS_COMMA);
    const rows = await t.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('pilot_id', '=', pilot)
      .where('action', '=', 'import.participants')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row_count).toBe(3);
  });
});

describe('arms on re-import', () => {
  it('keeps a control participant in the control arm when a re-import has no arm column', async () => {
    const t2 = await testApp();
    try {
      const pilot = await t2.pilot();
      await importCsv(
        t2,
        pilot,
        'participants',
        'participant_ref,arm,intake_date\nK1,control,2024-01-01\n',
      );
      const res = await importCsv(
        t2,
        pilot,
        'participants',
        'participant_ref,intake_date,motivation\nK1,2024-01-01,3\nK2,2024-01-01,4\n',
      );
      expect(res.status).toBe(200);
      const rows = await t2.store.db
        .selectFrom('participants')
        .select(['participant_ref', 'arm'])
        .where('pilot_id', '=', pilot)
        .orderBy('participant_ref')
        .execute();
      expect(rows).toEqual([
        { participant_ref: 'K1', arm: 'control' },
        { participant_ref: 'K2', arm: 'intervention' },
      ]);
    } finally {
      await t2.close();
    }
  });
});

describe('participant search', () => {
  it('lists an exact reference first, then every reference containing it', async () => {
    const t3 = await testApp();
    try {
      const pilot = await t3.pilot();
      await importCsv(
        t3,
        pilot,
        'participants',
        'participant_ref,intake_date\n0A1,2024-01-01\nA1,2024-01-01\nA10,2024-01-01\nB2,2024-01-01\n',
      );
      const { body } = await t3.json(`/api/pilots/${pilot}/participants?ref=A1`);
      expect(body.total).toBe(3);
      expect(body.items.map((p: { participantRef: string }) => p.participantRef)).toEqual([
        'A1',
        '0A1',
        'A10',
      ]);
    } finally {
      await t3.close();
    }
  });
});
