/**
 * A quick look at the PostgreSQL import beside the SQLite one, for work on the PostgreSQL write
 * path between full `pnpm bench` runs: the bench dataset's pilots imported through the API into
 * both databases in turn (each pilot into every database before the next pilot), so a busy
 * neighbour slows both alike; prints the median rows/s of each and their ratio. A third
 * database takes PostgreSQL's plain write path (INSERT … unnest, what a transaction without its
 * client's COPY writes), the figure before COPY, in the same run. On a machine others share the
 * wall clock mostly measures the neighbours, so it also prints the CPU time per row, of this
 * process and of the PostgreSQL server's processes (read from /proc).
 *   BENCH_PILOTS=4 BENCH_PER_PILOT=5000 bash scripts/with-postgres.sh \
 *     apps/api/node_modules/.bin/tsx test/bench/pg-import.ts
 */
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
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

/** Fields of /proc/<pid>/stat after the command name (state, ppid, …), or null once it is gone. */
function stat(pid: number | string): string[] | null {
  try {
    const line = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return line.slice(line.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * CPU milliseconds the PostgreSQL server has used so far: its own, its live children's (the
 * backends), and those of children that have ended (a pool closes idle connections).
 */
function serverCpuMs(postmaster: number): number {
  const own = stat(postmaster);
  let ticks = own ? Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]) : 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const f = stat(pid);
    if (f && Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks * 10; // 100 clock ticks a second
}

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
  const cpu = { self: 0, server: 0, rows: 0 };
  // The server process of this database's connections, whose children do the work.
  const postmaster =
    store.kind === 'postgres'
      ? await store.pool
          .query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
          .then((r) => Number(stat(r.rows[0]!.pid)![1]))
      : null;
  return {
    store,
    rates,
    cpu,
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
      const self0 = process.cpuUsage();
      const server0 = postmaster ? serverCpuMs(postmaster) : 0;
      for (const kind of ['participants', 'events'] as const) {
        const r = await app.request(`/api/pilots/${pilotId}/imports?kind=${kind}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'text/csv' },
          body: files[kind],
        });
        if (r.status !== 200) throw new Error(`${kind}: ${r.status} ${await r.text()}`);
      }
      rates.push(files.rows / ((performance.now() - t0) / 1000));
      const used = process.cpuUsage(self0);
      cpu.self += (used.user + used.system) / 1000;
      cpu.server += postmaster ? serverCpuMs(postmaster) - server0 : 0;
      cpu.rows += files.rows;
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
    // Each pilot in another order, so none of the three always runs on the warmest code.
    const order = [sqlite, postgres, plain];
    for (let k = 0; k < order.length; k++)
      await order[(i + k) % order.length]!.importPilot(i, files);
  }
  const line = (label: string, t: typeof sqlite) => {
    const x = sample(t.rates);
    const ratio = (x.median / sample(sqlite.rates).median).toFixed(2);
    const us = (ms: number) => Math.round((ms * 1000) / t.cpu.rows);
    return (
      `${label}: ${Math.round(x.median)} rows/s (${Math.round(x.min)}–${Math.round(x.max)}, n=${x.n}), ` +
      `${ratio}× SQLite; CPU per row ${us(t.cpu.self)} µs here + ${us(t.cpu.server)} µs server`
    );
  };
  console.log(line('SQLite', sqlite));
  console.log(line('PostgreSQL, COPY', postgres));
  console.log(line('PostgreSQL, INSERT … unnest', plain));
} finally {
  await sqlite.store.close();
  await postgres.store.close();
  await plain.store.close();
  await dropTestDatabase(serverUrl, pgDb.name);
  await dropTestDatabase(serverUrl, plainDb.name);
  rmSync(dir, { recursive: true, force: true });
}
