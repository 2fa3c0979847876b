import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, configFromEnv, type Config } from '@wegwijzer/api';
import { addGrant, createToken, insertUser, openDatabase, type Store } from '@wegwijzer/db';
import type { PilotInput, Role } from '@wegwijzer/domain';
import { createTestDatabase, dropTestDatabase, testDatabaseServer } from './postgres.ts';

/**
 * A real app on a real temporary database, with helpers to act as users of each role: an SQLite
 * file, or, when WEGWIJZER_TEST_DATABASE_URL names a PostgreSQL server, a database
 * `wegwijzer_test_<random>` of its own, dropped again by `close`.
 */
export interface TestApp {
  store: Store;
  config: Config;
  /** The SQLite file, or the PostgreSQL database's URL. */
  file: string;
  request(path: string, init?: RequestInit & { as?: string }): Promise<Response>;
  json<T = any>(
    path: string,
    init?: RequestInit & { as?: string },
  ): Promise<{ status: number; body: T }>;
  /** Creates a user of `role` with grants on `pilots` and returns a bearer token. */
  user(role: Role, pilots?: string[]): Promise<string>;
  pilot(input?: Partial<PilotInput>): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;

/**
 * A test app on a database of its own. `options.sqliteFile` opens (and migrates) that SQLite
 * file instead, on either test run, and leaves it in place on close: for tests of upgrades.
 * `options.wrapStore` gives the app another view of the opened store (e.g. another write path).
 */
export async function testApp(
  overrides: Partial<Config> = {},
  options: { sqliteFile?: string; wrapStore?: (store: Store) => Store } = {},
): Promise<TestApp> {
  const server = options.sqliteFile ? null : testDatabaseServer();
  const dir = server || options.sqliteFile ? null : mkdtempSync(join(tmpdir(), 'wegwijzer-test-'));
  const pgDatabase = server ? await createTestDatabase(server) : null;
  const file = options.sqliteFile ?? (pgDatabase ? pgDatabase.url : join(dir!, 'test.sqlite'));
  const opened = await openDatabase(file, { poolSize: 4 });
  const store = options.wrapStore ? options.wrapStore(opened) : opened;
  const config: Config = {
    ...configFromEnv({}),
    databaseUrl: file,
    demo: false,
    webDist: null,
    bsnKey: 'test-bsn-key',
    ...overrides,
  };
  const app = await createApp(store, config);
  const adminToken = await makeUser('admin', []);

  async function makeUser(role: Role, pilots: string[]): Promise<string> {
    const user = await insertUser(store.db, {
      email: `${role}-${++counter}@test.example`,
      name: `${role} ${counter}`,
      // Tests act through bearer tokens; the hash is never checked.
      passwordHash: 'scrypt$16384$8$1$x$y',
      role,
      pilots: [],
    });
    for (const p of pilots) await addGrant(store.db, user.id, p);
    return (await createToken(store.db, user.id, 'test', null)).token;
  }

  async function request(path: string, init: RequestInit & { as?: string } = {}) {
    const headers = new Headers(init.headers);
    const token = init.as === undefined ? adminToken : init.as;
    if (token) headers.set('authorization', `Bearer ${token}`);
    if (typeof init.body === 'string' && !headers.has('content-type'))
      headers.set('content-type', 'application/json');
    return app.request(path, { ...init, headers });
  }

  return {
    store,
    config,
    file,
    request,
    async json(path, init) {
      const res = await request(path, init);
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    user: (role, pilots = []) => makeUser(role, pilots),
    async pilot(input = {}) {
      const res = await request('/api/pilots', {
        method: 'POST',
        body: JSON.stringify({
          name: 'Testpilot',
          municipality: 'GM0599',
          theme: 'reintegration',
          startDate: '2024-01-01',
          dataCompleteThrough: '2025-12-31',
          retainUntil: '2027-12-31',
          monthlyBenefit: 1200,
          guidanceCost: 2500,
          ...input,
        }),
      });
      if (res.status !== 201) throw new Error(`pilot: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
    async close() {
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
      if (server && pgDatabase) await dropTestDatabase(server, pgDatabase.name);
    },
  };
}

/** POSTs a CSV body to the import endpoint. */
export function importCsv(
  t: TestApp,
  pilotId: string,
  kind: 'participants' | 'events' | 'budget',
  csv: string | Uint8Array,
  opts: { dryRun?: boolean; as?: string } = {},
) {
  return t.json(`/api/pilots/${pilotId}/imports?kind=${kind}${opts.dryRun ? '&dryRun=true' : ''}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csv as BodyInit,
    as: opts.as,
  });
}
