import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, migrator, openDatabase, sql, type Store } from '@wegwijzer/db';
import { createTestDatabase, dropTestDatabase, testDatabaseServer } from '../support/postgres.ts';

/**
 * Migration 004 (SPEC §8) on a database made at schema 003 holding a pilot and audit entries of
 * events: on SQLite and, in the PostgreSQL run, on PostgreSQL.
 */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function storeAt003(): Promise<Store> {
  const server = testDatabaseServer();
  let url: string;
  if (server) {
    const db = await createTestDatabase(server);
    url = db.url;
    cleanups.push(() => dropTestDatabase(server, db.name));
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'wegwijzer-m004-'));
    url = join(dir, 'db.sqlite');
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  }
  const store = await openDatabase(url, { migrations: {}, poolSize: 2 });
  const { error } = await migrator(store.db).migrateTo('003_debts_and_budgets');
  expect(error).toBeUndefined();
  const now = '2025-01-01T00:00:00.000Z';
  await sql`INSERT INTO pilots (id, name, municipality, theme, start_date, data_complete_through,
    synthetic, created_at, updated_at)
    VALUES ('p-leap', 'Schrikkel', 'GM0014', 'reintegration', '2022-01-01', '2024-02-29', 0, ${now}, ${now})`.execute(
    store.db,
  );
  const audit = (action: string, details: unknown) =>
    sql`INSERT INTO audit_log (at, actor_id, action, pilot_id, participant_id, row_count, details)
      VALUES (${now}, 'u1', ${action}, 'p-leap', 7, 1, ${JSON.stringify(details)})`.execute(
      store.db,
    );
  await audit('event.create', { eventId: 11, type: 'benefit_end', date: '2024-03-17' });
  await audit('event.delete', {
    eventId: 12,
    type: 'offset_income',
    date: '2024-04-18',
    reason: 'dubbel ingevoerd',
  });
  await audit('participant.update', { fields: ['motivation'] });
  return store;
}

describe('migration 004_personal_data', () => {
  it('gives an existing pilot its observation end plus two years, flagged for review', async () => {
    const store = await storeAt003();
    cleanups.unshift(() => store.close());
    await migrate(store.db);
    const row = await store.db
      .selectFrom('pilots')
      .select(['retain_until', 'retention_review', 'retention_action', 'retention_state'])
      .where('id', '=', 'p-leap')
      .executeTakeFirstOrThrow();
    // 29 February 2024 + 2 years: there is no 29 February 2026.
    expect(row).toEqual({
      retain_until: '2026-02-28',
      retention_review: 1,
      retention_action: 'erase',
      retention_state: null,
    });
  });

  it('keeps only the event id (and a deletion reason) in earlier audit entries of events, and the log stays append-only', async () => {
    const store = await storeAt003();
    cleanups.unshift(() => store.close());
    await migrate(store.db);
    const rows = await store.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.action, JSON.parse(r.details!)])).toEqual([
      ['event.create', { eventId: 11 }],
      ['event.delete', { eventId: 12, reason: 'dubbel ingevoerd' }],
      ['participant.update', { fields: ['motivation'] }],
    ]);
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(store.db)).rejects.toThrow(
      /append-only/,
    );
  });
});
