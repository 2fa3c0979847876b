import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '@wegwijzer/api';
import { openPostgres, openStore, pilotFigures } from '@wegwijzer/db';
import { createTestDatabase, dropTestDatabase, testDatabaseServer } from '../support/postgres.ts';
import { root } from '../support/server.ts';

const server = testDatabaseServer();

function cli(args: string[]) {
  const r = spawnSync(
    join(root, 'apps/api/node_modules/.bin/tsx'),
    ['src/cli/sqlite-to-postgres.ts', ...args],
    { cwd: join(root, 'apps/api'), encoding: 'utf8' },
  );
  return { status: r.status, out: r.stdout ? JSON.parse(r.stdout) : null, err: r.stderr };
}

describe('sqlite-to-postgres', () => {
  let dir = '';
  let file = '';
  const databases: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wegwijzer-copy-'));
    file = join(dir, 'source.sqlite');
    const store = await openStore(file);
    await loadDemo(store);
    await store.close();
  }, 60_000);
  afterAll(async () => {
    for (const name of databases) await dropTestDatabase(server!, name);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('copies every table with its ids and the same figures for every pilot', async () => {
    const { url, name } = await createTestDatabase(server!);
    databases.push(name);
    const r = cli(['--from', file, '--to', url]);
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    expect(r.out.ok).toBe(true);
    expect(r.out.mismatches).toEqual([]);
    expect(r.out.pilots).toBeGreaterThan(1);

    const source = await openStore(file);
    const target = await openPostgres(url);
    try {
      for (const table of [
        'participants',
        'events',
        'participant_derived',
        'audit_log',
        'users',
      ] as const)
        expect(r.out.tables[table]).toBe(
          Number(source.sqlite.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get()),
        );
      const ids = async (db: typeof source.db) =>
        (
          await db
            .selectFrom('events')
            .select(['id', 'participant_id', 'date'])
            .orderBy('id')
            .execute()
        ).map((e) => `${e.id}:${e.participant_id}:${e.date}`);
      expect(await ids(target.db)).toEqual(await ids(source.db));
      const pilot = (await source.db.selectFrom('pilots').select('id').executeTakeFirstOrThrow())
        .id;
      expect(await pilotFigures(target.db, pilot)).toEqual(await pilotFigures(source.db, pilot));
      // The identity sequences continue after the copied ids.
      const maxId = Number(source.sqlite.prepare('SELECT MAX(id) FROM participants').pluck().get());
      const created = await target.transaction((tx) =>
        tx.get<{ id: number }>(
          `INSERT INTO participants (pilot_id, participant_ref, arm, intake_date, created_at, updated_at)
           VALUES (?, 'NEW-1', 'intervention', '2024-01-01', 'now', 'now') RETURNING id`,
          [pilot],
        ),
      );
      expect(created!.id).toBe(maxId + 1);
    } finally {
      await source.close();
      await target.close();
    }
  }, 120_000);

  it('refuses a database that is not empty, and wrong usage', async () => {
    const { url, name } = await createTestDatabase(server!);
    databases.push(name);
    expect(cli(['--from', file, '--to', url]).status).toBe(0);
    const again = cli(['--from', file, '--to', url]);
    expect(again.status).toBe(1);
    expect(again.out.error).toMatch(/not empty/);
    expect(cli(['--from', file]).status).toBe(2);
  }, 120_000);
});
