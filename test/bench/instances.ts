/**
 * Rough capacity of one PostgreSQL server behind one or two API instances (README "Deployment on
 * PostgreSQL"): the demo data, the outcome summary of a pilot read by 20 connections for 10 s,
 * against one instance, then spread over two. And one SQLite instance for comparison.
 *   bash scripts/with-postgres.sh apps/api/node_modules/.bin/tsx test/bench/instances.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createTestDatabase, dropTestDatabase } from '../support/postgres.ts';
import { startServer, tokenFor, type RunningServer } from '../support/server.ts';

const server = process.env.WEGWIJZER_TEST_DATABASE_URL;
if (!server) throw new Error('Run through scripts/with-postgres.sh');
const SECONDS = Number(process.env.SECONDS_EACH ?? 10);
const CONNECTIONS = 20;

async function load(urls: string[], token: string, path: string) {
  const results = await Promise.all(
    urls.map((url) =>
      autocannon({
        url: `${url}${path}`,
        connections: CONNECTIONS / urls.length,
        duration: SECONDS,
        headers: { authorization: `Bearer ${token}` },
      }),
    ),
  );
  return {
    requestsPerSecond: Math.round(results.reduce((s, r) => s + r.requests.average, 0)),
    p99Ms: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((s, r) => s + r.errors + r.non2xx, 0),
  };
}

async function pilotPath(url: string, token: string) {
  const res = await fetch(`${url}/api/pilots`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { id: string }[] | { items: { id: string }[] };
  const list = Array.isArray(body) ? body : body.items;
  return `/api/pilots/${list[0]!.id}/outcomes?window=12`;
}

const env = { WEGWIJZER_DEMO: 'true', WEGWIJZER_PG_POOL_SIZE: '10' };
const report: Record<string, unknown> = {};
const running: RunningServer[] = [];
const dir = mkdtempSync(join(tmpdir(), 'wegwijzer-instances-'));
const { url, name } = await createTestDatabase(server);
try {
  const sqlite = await startServer({ ...env, DATABASE_URL: join(dir, 'bench.sqlite') });
  running.push(sqlite);
  let token = await tokenFor(sqlite.url, 'beheer@demo.wegwijzer.nl', 'demo-beheer-2025');
  let path = await pilotPath(sqlite.url, token);
  report.sqliteOneInstance = await load([sqlite.url], token, path);
  await sqlite.stop();
  running.length = 0;

  const a = await startServer({ ...env, DATABASE_URL: url });
  running.push(a);
  token = await tokenFor(a.url, 'beheer@demo.wegwijzer.nl', 'demo-beheer-2025');
  path = await pilotPath(a.url, token);
  report.postgresOneInstance = await load([a.url], token, path);
  const b = await startServer({ ...env, DATABASE_URL: url });
  running.push(b);
  report.postgresTwoInstances = await load([a.url, b.url], token, path);
  console.log(
    JSON.stringify({ seconds: SECONDS, connections: CONNECTIONS, path, ...report }, null, 2),
  );
} finally {
  await Promise.all(running.map((s) => s.stop()));
  await dropTestDatabase(server, name);
  rmSync(dir, { recursive: true, force: true });
}
