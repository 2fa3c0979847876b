import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BulkInsert,
  getPilot,
  sql,
  txOver,
  writeEvents,
  type StagedEvent,
  type Store,
  type Tx,
} from '@wegwijzer/db';
import { importCsv, testApp, type TestApp } from '../support/app.ts';

/**
 * On PostgreSQL the bulk writes go in by COPY on the transaction's own connection (pg-copy.ts).
 * They must write exactly what the plain `INSERT … unnest` path writes: the same rows, the same
 * ids, the same derived figures and replies; and an import whose COPY fails half way must leave
 * nothing. The plain path is what a `Tx` without the connection's client takes. Runs in the
 * PostgreSQL run of the suite only (vitest.postgres.config.ts).
 */

/** The store with transactions that hide their client: every bulk write takes `unnest`. */
function plainPath(store: Store): Store {
  return {
    ...store,
    transaction: (fn) => store.db.transaction().execute((trx) => fn(txOver(trx, 'postgres'))),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `n` people (over a COPY batch and a recompute chunk) and their events. */
function files(n: number) {
  const participants = ['participant_ref,arm,intake_date,motivation,birth_year,has_debts'];
  const events = ['participant_ref,type,date,reason,value'];
  for (let i = 1; i <= n; i++) {
    const m = 1 + (i % 12);
    participants.push(
      `R${i},${i % 3 ? 'intervention' : 'control'},2023-${pad(m)}-10,${1 + (i % 5)},${1960 + (i % 40)},${i % 2 ? 'yes' : 'no'}`,
    );
    events.push(`R${i},ladder,2023-${pad(m)}-20,,${1 + ((i + 1) % 6)}`);
    events.push(`R${i},offset_income,2024-${pad(m)}-01,,${100 + (i % 50)}.25`);
    if (i % 2) events.push(`R${i},benefit_end,2024-${pad(m)}-20,regular_work,`);
    else events.push(`R${i},money_stress,2024-${pad(m)}-21,,${1 + (i % 10)}`);
    if (i % 5 === 0) events.push(`R${i},debt_intake,2023-${pad(m)}-25,,${1000 + i}`);
  }
  return { participants: participants.join('\n') + '\n', events: events.join('\n') + '\n' };
}

/** Every row an import writes, ids included; the pilot's own id and the clock left out. */
async function dump(t: TestApp, pilotId: string) {
  const rows = async (query: string) =>
    (await sql.raw<Record<string, unknown>>(query).execute(t.store.db)).rows.map(
      ({ pilot_id: _p, created_at: _c, updated_at: _u, ...rest }) => rest,
    );
  const where = `WHERE pilot_id = '${pilotId}'`;
  return {
    participants: await rows(`SELECT * FROM participants ${where} ORDER BY id`),
    events: await rows(`SELECT * FROM events ${where} ORDER BY id`),
    derived: await rows(`SELECT * FROM participant_derived ${where} ORDER BY participant_id`),
    totals: await rows(`SELECT * FROM pilot_totals ${where} ORDER BY window_months, arm`),
  };
}

/** The replies a dashboard reads, with the pilot's id made neutral. */
async function replies(t: TestApp, pilotId: string) {
  const out: Record<string, string> = {};
  for (const path of ['outcomes?window=12', 'outcomes?window=24', 'survival']) {
    const res = await t.request(`/api/pilots/${pilotId}/${path}`);
    expect(res.status, path).toBe(200);
    out[path] = (await res.text()).replaceAll(pilotId, 'PILOT');
  }
  return out;
}

let copy: TestApp;
let plain: TestApp;

beforeAll(async () => {
  copy = await testApp();
  plain = await testApp({}, { wrapStore: plainPath });
});
afterAll(async () => {
  await copy?.close();
  await plain?.close();
});

describe('the COPY write path on PostgreSQL', () => {
  it('writes the same rows, ids, derived figures and replies as INSERT … unnest', async () => {
    const f = files(2_300);
    // Every third person again with another arm and intake: updates and a recompute of stored
    // rows, and 33 references past the first file's: new participants among known ones.
    const again = [
      'participant_ref,arm,intake_date',
      ...Array.from({ length: 800 }, (_, i) => i * 3 + 1).map(
        (i) => `R${i},${i % 2 ? 'control' : 'intervention'},2023-${pad(1 + (i % 9))}-03`,
      ),
    ].join('\n');
    const pilots: Record<'copy' | 'plain', string> = { copy: '', plain: '' };
    for (const [name, t] of [
      ['copy', copy],
      ['plain', plain],
    ] as const) {
      const pilot = await t.pilot({ dataCompleteThrough: '2025-12-31' });
      pilots[name] = pilot;
      for (const [kind, csv] of [
        ['participants', f.participants],
        ['events', f.events],
        ['participants', again],
      ] as const) {
        const res = await importCsv(t, pilot, kind, csv);
        expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
      }
    }
    const viaCopy = await dump(copy, pilots.copy);
    expect(viaCopy.participants).toHaveLength(2_333);
    expect(viaCopy.derived).toHaveLength(2_333);
    expect(viaCopy.events.length).toBeGreaterThan(3 * 2_300);
    expect(viaCopy).toEqual(await dump(plain, pilots.plain));
    expect(await replies(copy, pilots.copy)).toEqual(await replies(plain, pilots.plain));
  }, 120_000);

  it('round-trips hostile text, numbers and bytes exactly as the plain path does', async () => {
    const hostile: unknown[][] = [
      ['tab\there', 1, 1.5, Buffer.from([0, 1, 255])],
      ['new\nline and\r\ncarriage return\r', -1, -0.25, Buffer.from('\\N\t\n')],
      ['back\\slash \\N \\. \\t literal', 0, 1e-7, Buffer.alloc(0)],
      ['\\N', 2 ** 53 - 1, -1e300, null],
      ['\\.', -(2 ** 53 - 1), Number.NaN, Buffer.from('x')],
      ['quote\'s "double" ,comma; semi', 42, Number.POSITIVE_INFINITY, null],
      ['ünïcödé — 🎉 中文 \u00a0 \u2028', 7, 0, null],
      ['', null, null, null],
      [null, 3, 2.5, null],
      [' leading and trailing ', 5, 3, null],
      ['x'.repeat(20_000), 9, 9.75, null],
    ];
    await sql`CREATE TABLE copy_probe (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      t TEXT, n BIGINT, d DOUBLE PRECISION, b BYTEA)`.execute(copy.store.db);
    const write = (tx: Tx) => async () => {
      const bulk = new BulkInsert(tx, 'copy_probe', ['t', 'n', 'd', 'b'], 4, ' RETURNING id, t');
      const returned: unknown[] = [];
      for (const row of hostile) returned.push(...(await bulk.add(row)));
      returned.push(...(await bulk.flush()));
      return returned;
    };
    const viaCopy = await copy.store.transaction((tx) => {
      expect(tx.pg).toBeDefined();
      return write(tx)();
    });
    const viaPlain = await plainPath(copy.store).transaction((tx) => {
      expect(tx.pg).toBeUndefined();
      return write(tx)();
    });
    const n = hostile.length;
    expect(viaCopy).toEqual(hostile.map((r, i) => ({ id: i + 1, t: r[0] })));
    expect(viaPlain).toEqual(hostile.map((r, i) => ({ id: n + i + 1, t: r[0] })));
    const { rows } = await sql<{ id: number; t: string | null; n: number | null }>`
      SELECT * FROM copy_probe ORDER BY id`.execute(copy.store.db);
    const strip = (r: Record<string, unknown>) => ({ ...r, id: undefined });
    expect(rows.slice(0, n).map(strip)).toEqual(rows.slice(n).map(strip));
    expect(rows.slice(0, n).map((r) => [r.t, r.n])).toEqual(hostile.map((r) => [r[0], r[1]]));
  });

  it('leaves nothing when a COPY fails half way through an import, and says why', async () => {
    const pilot = await copy.pilot({ dataCompleteThrough: '2025-12-31' });
    const f = files(1_200);
    expect((await importCsv(copy, pilot, 'participants', f.participants)).status).toBe(200);
    const before = await dump(copy, pilot);
    const facts = (await getPilot(copy.store.db, pilot))!;
    // 3,000 events: the first COPYs are sent before the bad row, late in the file, is reached.
    const staged: StagedEvent[] = Array.from({ length: 3_000 }, (_, i) => ({
      participantRef: `R${1 + (i % 1_200)}`,
      event: {
        type: 'ladder',
        // A date the database refuses (NOT NULL), as no validated file has.
        date: (i === 2_700 ? null : `2024-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`) as string,
        reason: null,
        value: 1 + (i % 6),
        amountCents: null,
      } as StagedEvent['event'],
    }));
    await expect(
      copy.store.transaction((tx) => writeEvents(tx, pilot, facts, staged)),
    ).rejects.toThrow(/null value in column "date"/);
    expect(await dump(copy, pilot)).toEqual(before);
    // The connection went back to the pool clean: the next import lands whole.
    const ok = await importCsv(copy, pilot, 'events', f.events);
    expect(ok.status, JSON.stringify(ok.body).slice(0, 300)).toBe(200);
    expect((await dump(copy, pilot)).events.length).toBeGreaterThan(3 * 1_200);
  }, 60_000);
});
