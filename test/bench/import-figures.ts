/**
 * Times a participants import (5,000 rows) and an events import (20,000 rows) through the API,
 * on a fresh SQLite file, or on PostgreSQL when DATABASE_URL=postgres://… names a server (a
 * database of its own is created and dropped there).
 *   apps/api/node_modules/.bin/tsx test/bench/import-figures.ts
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnv, createApp } from '@wegwijzer/api';
import * as dbmod from '@wegwijzer/db';
import { createTestDatabase, dropTestDatabase } from '../support/postgres.ts';

const PARTICIPANTS = Number(process.env.PARTICIPANTS ?? 5000);
const EVENTS_EACH = 4;
const server = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : null;
const dir = mkdtempSync(join(tmpdir(), 'wegwijzer-import-bench-'));
const pgDb = server ? await createTestDatabase(server) : null;
const target = pgDb ? pgDb.url : join(dir, 'bench.sqlite');
const open = (dbmod as { openDatabase?: (u: string) => Promise<dbmod.Store> }).openDatabase;
const store = open ? await open(target) : await dbmod.openStore(target);
const app = await createApp(store, {
  ...configFromEnv({}),
  databaseUrl: target,
  demo: false,
  webDist: null,
});
const user = await dbmod.insertUser(store.db, {
  email: 'bench@example.org',
  name: 'Bench',
  passwordHash: 'scrypt$16384$8$1$x$y',
  role: 'admin',
  pilots: [],
});
const { token } = await dbmod.createToken(store.db, user.id, 'bench', null);
const headers = { authorization: `Bearer ${token}` };
const pilot = await app.request('/api/pilots', {
  method: 'POST',
  headers: { ...headers, 'content-type': 'application/json' },
  body: JSON.stringify({
    name: 'Bench',
    municipality: 'GM0599',
    theme: 'reintegration',
    startDate: '2023-01-01',
    dataCompleteThrough: '2025-12-31',
    retainUntil: '2027-12-31',
    monthlyBenefit: 1200,
    guidanceCost: 2500,
  }),
});
const pilotId = ((await pilot.json()) as { id: string }).id;

const pad = (n: number) => String(n).padStart(2, '0');
let participants = 'participant_ref,intake_date,arm,motivation,ladder_step\n';
let events = 'participant_ref,type,date,reason,value\n';
for (let i = 1; i <= PARTICIPANTS; i++) {
  const month = 1 + (i % 12);
  participants += `R${i},2023-${pad(month)}-10,${i % 3 ? 'intervention' : 'control'},${1 + (i % 5)},${1 + (i % 6)}\n`;
  events += `R${i},ladder,2023-${pad(month)}-20,,${1 + ((i + 1) % 6)}\n`;
  events += `R${i},offset_income,2024-${pad(month)}-01,,${100 + (i % 50)}\n`;
  events += `R${i},ladder,2024-${pad(month)}-15,,${1 + ((i + 2) % 6)}\n`;
  events +=
    i % 2
      ? `R${i},benefit_end,2024-${pad(month)}-20,regular_work,\n`
      : `R${i},money_stress,2024-${pad(month)}-21,,${1 + (i % 10)}\n`;
}

// CPU time of this process as well as wall time: on a shared machine the wall clock mostly
// measures the neighbours.
let cpuMs = 0;
async function timed(kind: string, csv: string): Promise<number> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const res = await app.request(`/api/pilots/${pilotId}/imports?kind=${kind}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv' },
    body: csv,
  });
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  cpuMs += (used.user + used.system) / 1000;
  const body = (await res.json()) as { inserted?: number };
  if (res.status !== 200)
    throw new Error(`${kind}: ${res.status} ${JSON.stringify(body).slice(0, 400)}`);
  return ms;
}

/** This process's peak resident set (VmHWM), in MB. */
function peakRssMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

const p = await timed('participants', participants);
const e = await timed('events', events);
const rows = PARTICIPANTS * (1 + EVENTS_EACH);
console.log(
  JSON.stringify({
    database: server ? 'postgres' : 'sqlite',
    participants: { rows: PARTICIPANTS, ms: Math.round(p) },
    events: { rows: PARTICIPANTS * EVENTS_EACH, ms: Math.round(e) },
    totalMs: Math.round(p + e),
    usPerRow: Math.round(((p + e) * 1000) / rows),
    cpuUsPerRow: Math.round((cpuMs * 1000) / rows),
    peakRssMb: peakRssMb(),
  }),
);
await store.close();
rmSync(dir, { recursive: true, force: true });
if (server && pgDb) await dropTestDatabase(server, pgDb.name);
