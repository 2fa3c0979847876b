/**
 * A quick look at the PostgreSQL import beside the SQLite one, for work on the PostgreSQL write
 * path between full `pnpm bench` runs: the bench dataset's pilots imported through the API into
 * both databases in turn (pilot 0 into SQLite, then into PostgreSQL, then pilot 1 …), so a busy
 * neighbour slows both alike; prints the median rows/s of each and their ratio.
 *   BENCH_PILOTS=4 BENCH_PER_PILOT=5000 bash scripts/with-postgres.sh \
 *     apps/api/node_modules/.bin/tsx test/bench/pg-import.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { configFromEnv, createApp } from '@wegwijzer/api';
import { createToken, insertUser, openDatabase, type Store } from '@wegwijzer/db';
import { createTestDatabase, dropTestDatabase, testDatabaseServer } from '../support/postgres.ts';
import { pilotCsv } from './dataset.ts';
import { sample } from './stats.ts';

const pilots = Number(process.env.BENCH_PILOTS ?? 4);
const perPilot = Number(process.env.BENCH_PER_PILOT ?? 5000);
const serverUrl = testDatabaseServer();
if (!serverUrl) throw new Error('No PostgreSQL server: run through scripts/with-postgres.sh');

async function target(url: string) {
  const store: Store = await openDatabase(url);
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
const sqlite = await target(join(dir, 'bench.sqlite'));
const postgres = await target(pgDb.url);
try {
  for (let i = 0; i < pilots; i++) {
    const files = pilotCsv(i, perPilot);
    await sqlite.importPilot(i, files);
    await postgres.importPilot(i, files);
  }
  const s = sample(sqlite.rates);
  const p = sample(postgres.rates);
  console.log(
    `SQLite ${Math.round(s.median)} rows/s (${Math.round(s.min)}–${Math.round(s.max)}), ` +
      `PostgreSQL ${Math.round(p.median)} rows/s (${Math.round(p.min)}–${Math.round(p.max)}), ` +
      `${(p.median / s.median).toFixed(2)}×`,
  );
} finally {
  await sqlite.store.close();
  await postgres.store.close();
  await dropTestDatabase(serverUrl, pgDb.name);
  rmSync(dir, { recursive: true, force: true });
}
