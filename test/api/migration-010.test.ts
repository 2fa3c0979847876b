import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  allWindowRows,
  getPilot,
  migrate,
  migrator,
  openDatabase,
  pilotFigures,
  recomputePilot,
  sql,
  WIDE_COLUMNS,
  type Store,
} from '@wegwijzer/db';
import { createTestDatabase, dropTestDatabase, testDatabaseServer } from '../support/postgres.ts';

/**
 * Migration 010 (issue 21) moves the five window rows of every participant into columns of its
 * one derived row. On a database at schema 009 holding derived window rows, every figure the
 * API serves from them and every window fact must read the same after it: on SQLite and, in the
 * PostgreSQL run, on PostgreSQL.
 */

const PILOT = 'p-wide';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function storeAt009(): Promise<Store> {
  const server = testDatabaseServer();
  let url: string;
  if (server) {
    const db = await createTestDatabase(server);
    url = db.url;
    cleanups.push(() => dropTestDatabase(server, db.name));
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'wegwijzer-m010-'));
    url = join(dir, 'db.sqlite');
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  }
  const store = await openDatabase(url, { migrations: {}, poolSize: 2 });
  cleanups.unshift(() => store.close());
  const { error } = await migrator(store.db).migrateTo('009_pilot_variables');
  expect(error).toBeUndefined();
  return store;
}

/** Participants of both arms with every kind of event a window fact is made from. */
async function fill(store: Store): Promise<void> {
  const now = '2025-01-01T00:00:00.000Z';
  const pad = (n: number) => String(n).padStart(2, '0');
  await sql`INSERT INTO pilots (id, name, municipality, theme, start_date, data_complete_through,
    monthly_benefit_cents, guidance_cost_cents, synthetic, retain_until, created_at, updated_at)
    VALUES (${PILOT}, 'Breed', 'GM0014', 'reintegration', '2023-01-01', '2026-06-30', 125000,
    300000, 0, '2028-12-31', ${now}, ${now})`.execute(store.db);
  for (let i = 1; i <= 60; i++) {
    const m = pad(1 + (i % 12));
    const { rows } = await sql<{ id: number }>`INSERT INTO participants (pilot_id, participant_ref,
      arm, intake_date, motivation, ladder_step, birth_year, has_debts, created_at, updated_at)
      VALUES (${PILOT}, ${`R${i}`}, ${i % 3 ? 'intervention' : 'control'}, ${`2023-${m}-10`},
      ${1 + (i % 5)}, ${1 + (i % 6)}, ${1960 + (i % 40)}, ${i % 2}, ${now}, ${now})
      RETURNING id`.execute(store.db);
    const id = Number(rows[0]!.id);
    const event = (
      type: string,
      date: string,
      reason: string | null,
      value: number | null,
      cents: number | null,
    ) =>
      sql`INSERT INTO events (participant_id, pilot_id, type, date, reason, value, amount_cents, created_at)
        VALUES (${id}, ${PILOT}, ${type}, ${date}, ${reason}, ${value}, ${cents}, ${now})`.execute(
        store.db,
      );
    await event('ladder', `2023-${m}-20`, null, 1 + ((i + 1) % 6), null);
    await event('offset_income', `2024-${m}-01`, null, null, 10_000 + i);
    await event('money_stress', `2023-${m}-21`, null, 1 + (i % 10), null);
    await event('money_stress', `2024-${m}-21`, null, 1 + ((i * 7) % 10), null);
    if (i % 4 === 0) await event('debt_intake', `2023-${m}-25`, null, null, 100_000 + i);
    if (i % 8 === 0) await event('debt_stabilised', `2024-${m}-25`, null, null, null);
    if (i % 2)
      await event(
        'benefit_end',
        `2024-${m}-20`,
        ['regular_work', 'bbz', 'combination', 'other'][i % 4]!,
        null,
        null,
      );
    if (i % 10 === 1) await event('benefit_restart', `2025-${m}-02`, null, null, null);
  }
}

/** The window rows and the figures read from them, without the recompute stamps. */
async function state(store: Store) {
  const { rows } = await sql<Record<string, unknown>>`
    SELECT * FROM ${sql.raw(allWindowRows())} w WHERE pilot_id = ${PILOT}
    ORDER BY participant_id, window_months`.execute(store.db);
  return {
    windows: rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          v === null ? null : typeof v === 'string' ? v : Number(v),
        ]),
      ),
    ),
    figures: await pilotFigures(store.db, PILOT),
  };
}

describe('migration 010_wide_derived_rows', () => {
  it('carries every window row into the one derived row, every figure unchanged', async () => {
    const store = await storeAt009();
    await fill(store);
    // Today's recompute writes the wide columns: it runs against temporary copies of them, the
    // window rows of schema 009 are made from those, and the copies are dropped again. It also
    // reads each arm's guidance cost (migration 011), empty here as in every schema-009 pilot.
    const type = (c: string) => (c.endsWith('_route') ? 'TEXT' : 'BIGINT');
    for (const c of WIDE_COLUMNS)
      await sql.raw(`ALTER TABLE participant_derived ADD COLUMN ${c} ${type(c)}`).execute(store.db);
    await sql.raw('ALTER TABLE pilot_arms ADD COLUMN guidance_cost_cents BIGINT').execute(store.db);
    const facts = (await getPilot(store.db, PILOT))!;
    await store.transaction((tx) => recomputePilot(tx, PILOT, facts));
    await sql
      .raw(`INSERT INTO participant_windows SELECT * FROM ${allWindowRows()} w`)
      .execute(store.db);
    const before = await state(store);
    expect(before.windows).toHaveLength(60 * 5);
    // Something in every kind of fact, so a column moved to the wrong place would show.
    for (const f of [
      'off_benefit',
      'sustained',
      'debt_intake',
      'debt_stabilised',
      'stress_measured',
      'ladder_up',
    ])
      expect(
        before.windows.some((w) => w[f] === 1),
        f,
      ).toBe(true);
    for (const c of WIDE_COLUMNS)
      await sql.raw(`ALTER TABLE participant_derived DROP COLUMN ${c}`).execute(store.db);
    await sql.raw('ALTER TABLE pilot_arms DROP COLUMN guidance_cost_cents').execute(store.db);

    await migrate(store.db);
    expect(await state(store)).toEqual(before);
    await expect(sql`SELECT COUNT(*) FROM participant_windows`.execute(store.db)).rejects.toThrow();
    // And a recompute with today's code writes exactly what the migration carried over.
    await store.transaction((tx) => recomputePilot(tx, PILOT, facts));
    expect(await state(store)).toEqual(before);
  });
});
