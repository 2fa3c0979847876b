/**
 * A quick look at the PostgreSQL import beside the SQLite one, for work on the PostgreSQL write
 * path between full `pnpm bench` runs: the bench dataset's pilots imported through the API into
 * both databases in turn (pilot 0 into SQLite, then into PostgreSQL, then pilot 1 …), so a busy
 * neighbour slows both alike; prints the median rows/s of each and their ratio. A third
 * database takes PostgreSQL's plain write path (INSERT … unnest, what a transaction without its
 * client's COPY writes), the figure before COPY, in the same run.
 *   BENCH_PILOTS=4 BENCH_PER_PILOT=5000 bash scripts/with-postgres.sh \
 *     apps/api/node_modules/.bin/tsx test/bench/pg-import.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { configFromEnv, createApp } from '@wegwijzer/api';
import { createToken, insertUser, openDatabase, txOver, type Store } from '@wegwijzer/db';
import { createTestDatabase, dropTestDatabase, testDatabaseServer } from '../support/postgres.ts';
import { pilotCsv } from './dataset.ts';
import { sample } from './stats.ts';

const pilots = Number(process.env.BENCH_PILOTS ?? 4);
const perPilot = Number(process.env.BENCH_PER_PILOT ?? 5000);
const serverUrl = testDatabaseServer();
if (!serverUrl) throw new Error('No PostgreSQL server: run through scripts/with-postgres.sh');

/** The store with transactions that hide their client: every bulk write takes `unnest`. */
function plainPath(store: Store): Store {
  return {
    ...store,
    transaction: (fn) => store.db.transaction().execute((trx) => fn(txOver(trx, 'postgres'))),
  };
}

async function target(url: string, wrap: (s: Store) => Store = (s) => s) {
  const store = wrap(await openDatabase(url));
  const app = await createApp(store, {
    ...configFromEnv({}),
    databaseUrl: url,
    demo: false,
    webDist: null,
  });
  const user = await insertUser(store.db, {
    email: 'bench@example.org',
    name: 'Bench',
    passwordHash: 'scrypt$16384$8$1$x$y',
    role: 'admin',
    pilots: [],
  });
  const { token } = await createToken(store.db, user.id, 'bench', null);
  const headers = { authorization: `Bearer ${token}` };
  const rates: number[] = [];
  return {
    store,
    rates,
    async importPilot(i: number, files: ReturnType<typeof pilotCsv>) {
      const res = await app.request('/api/pilots', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: `Benchpilot ${i}`,
          municipality: 'GM0599',
          theme: 'reintegration',
          startDate: '2022-01-01',
          dataCompleteThrough: '2025-12-31',
          retainUntil: '2027-12-31',
          monthlyBenefit: 1200,
          guidanceCost: 2500,
        }),
      });
      const pilotId = ((await res.json()) as { id: string }).id;
      const t0 = performance.now();
      for (const kind of ['participants', 'events'] as const) {
        const r = await app.request(`/api/pilots/${pilotId}/imports?kind=${kind}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'text/csv' },
          body: files[kind],
        });
        if (r.status !== 200) throw new Error(`${kind}: ${r.status} ${await r.text()}`);
      }
      rates.push(files.rows / ((performance.now() - t0) / 1000));
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'wegwijzer-pg-import-'));
const pgDb = await createTestDatabase(serverUrl);
const plainDb = await createTestDatabase(serverUrl);
const sqlite = await target(join(dir, 'bench.sqlite'));
const postgres = await target(pgDb.url);
const plain = await target(plainDb.url, plainPath);
try {
  for (let i = 0; i < pilots; i++) {
    const files = pilotCsv(i, perPilot);
    await sqlite.importPilot(i, files);
    await postgres.importPilot(i, files);
    await plain.importPilot(i, files);
  }
  const line = (label: string, rates: number[]) => {
    const x = sample(rates);
    const ratio = (x.median / sample(sqlite.rates).median).toFixed(2);
    return `${label}: ${Math.round(x.median)} rows/s (${Math.round(x.min)}–${Math.round(x.max)}, n=${x.n}), ${ratio}× SQLite`;
  };
  console.log(line('SQLite', sqlite.rates));
  console.log(line('PostgreSQL, COPY', postgres.rates));
  console.log(line('PostgreSQL, INSERT … unnest', plain.rates));
} finally {
  await sqlite.store.close();
  await postgres.store.close();
  await plain.store.close();
  await dropTestDatabase(serverUrl, pgDb.name);
  await dropTestDatabase(serverUrl, plainDb.name);
  rmSync(dir, { recursive: true, force: true });
}
