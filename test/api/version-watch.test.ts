import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  committedPilotVersion,
  openPostgres,
  pilotDataVersion,
  sql,
  versionWatch,
  type PostgresStore,
} from '@wegwijzer/db';
import {
  createTestDatabase,
  dropTestDatabase,
  testDatabaseServer,
  withDatabase,
} from '../support/postgres.ts';

/**
 * The committed data versions each PostgreSQL instance keeps in memory (migration 012,
 * packages/db/src/version-watch.ts): two stores on one database stand for two instances. A
 * version is remembered only while the instance's listener is current; a commit anywhere is
 * heard and forgets it; without a listener every read asks the database. PostgreSQL run only.
 */
const server = testDatabaseServer()!;

let name = '';
let a: PostgresStore;
let b: PostgresStore;
let pilot: string;

/** Polls `check` until it holds, for at most five seconds: notifications arrive asynchronously. */
async function eventually(check: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached within 5 s');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Bumps the pilot's version through `store`, as every write path does, in its own transaction. */
async function bump(store: PostgresStore): Promise<number> {
  await store.transaction((tx) =>
    tx.run('UPDATE pilots SET data_version = data_version + 1 WHERE id = ?', [pilot]),
  );
  return (await pilotDataVersion(store.db, pilot))!;
}

/** Reads through `store` until its watch remembers the pilot's version, which it then returns. */
async function remembered(store: PostgresStore): Promise<number> {
  const watch = versionWatch(store)!;
  let version: number | null = null;
  await eventually(async () => {
    version = await committedPilotVersion(store, pilot);
    const queries = watch.queries;
    return (await committedPilotVersion(store, pilot)) === version && watch.queries === queries;
  });
  return version!;
}

beforeAll(async () => {
  let url: string;
  ({ url, name } = await createTestDatabase(server));
  a = await openPostgres(url, { poolSize: 2 });
  b = await openPostgres(url, { poolSize: 2 });
  pilot = 'pilot-version-watch';
  await sql`INSERT INTO pilots (id, name, municipality, theme, start_date, data_complete_through,
      created_at, updated_at)
    VALUES (${pilot}, 'Versies', 'GM0599', 'reintegration', '2024-01-01', '2025-12-31',
      '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`.execute(a.db);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  if (name) await dropTestDatabase(server, name);
});

describe('committed pilot versions on PostgreSQL', () => {
  it('answers a read from memory once the listener is current, without a query', async () => {
    const version = await remembered(b);
    const watch = versionWatch(b)!;
    expect(watch.current).toBe(true);
    const queries = watch.queries;
    for (let i = 0; i < 5; i++) expect(await committedPilotVersion(b, pilot)).toBe(version);
    expect(watch.queries).toBe(queries);
  });

  it('hears a commit made through another instance and forgets the old version', async () => {
    const before = await remembered(b);
    const after = await bump(a);
    expect(after).toBe(before + 1);
    await eventually(async () => (await committedPilotVersion(b, pilot)) === after);
    // And remembers the new one again.
    expect(await remembered(b)).toBe(after);
  });

  it("sees the instance's own commit at once, before the notification can arrive", async () => {
    const before = await remembered(b);
    // Nothing awaited between the commit and the read: the read is this instance's next one.
    const after = await bump(b);
    expect(after).toBe(before + 1);
    expect(await committedPilotVersion(b, pilot)).toBe(after);
  });

  it('does not hear of a write that is rolled back', async () => {
    const before = await remembered(b);
    await expect(
      a.transaction(async (tx) => {
        await tx.run('UPDATE pilots SET data_version = data_version + 1 WHERE id = ?', [pilot]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await committedPilotVersion(b, pilot)).toBe(before);
    expect(await pilotDataVersion(a.db, pilot)).toBe(before);
  });

  it('asks the database while its listener is gone, and listens again afterwards', async () => {
    await remembered(b);
    const watch = versionWatch(b)!;
    const pid = watch.listenerPid;
    expect(pid).not.toBeNull();
    await sql`SELECT pg_terminate_backend(${pid})`.execute(a.db);
    await eventually(() => !watch.current);
    // A write no listener of b's hears: b's next read asks, and sees it.
    const after = await bump(a);
    const queries = watch.queries;
    expect(await committedPilotVersion(b, pilot)).toBe(after);
    expect(watch.queries).toBe(queries + 1);
    // Reads start a new listener (after a short pause), which is current again.
    expect(await remembered(b)).toBe(after);
    expect(watch.listenerPid).not.toBe(pid);
  });

  it('opens no listener when the watch is off, and reads every version from the database', async () => {
    const off = await openPostgres(withDatabase(server, name), {
      poolSize: 1,
      versionWatch: false,
    });
    try {
      expect(versionWatch(off)).toBeNull();
      const before = await committedPilotVersion(off, pilot);
      const after = await bump(a);
      // No notification to wait for: the next read asks.
      expect(await committedPilotVersion(off, pilot)).toBe(after);
      expect(after).toBe(before! + 1);
    } finally {
      await off.close();
    }
  });

  it('forgets a removed pilot', async () => {
    const other = 'pilot-version-removed';
    await sql`INSERT INTO pilots (id, name, municipality, theme, start_date, data_complete_through,
        created_at, updated_at)
      VALUES (${other}, 'Weg', 'GM0599', 'reintegration', '2024-01-01', '2025-12-31',
        '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`.execute(a.db);
    await eventually(async () => (await committedPilotVersion(b, other)) === 0);
    await sql`DELETE FROM pilots WHERE id = ${other}`.execute(a.db);
    await eventually(async () => (await committedPilotVersion(b, other)) === null);
  });
});
