// A quick look at the serving and export figures alone (`tsx test/bench/focus.ts`), for work on
// those paths between full `pnpm bench` runs: one pilot imported, the warm summary under load
// beside bare Hono, and the cohort export first and repeated.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { buildServer, startServer, tokenFor } from '../support/server.ts';
import { pilotCsv } from './dataset.ts';

const perPilot = Number(process.env.FOCUS_PER_PILOT ?? 5000);
const seconds = Number(process.env.FOCUS_SECONDS ?? 5);
const coldRepeats = Number(process.env.FOCUS_COLD_REPEATS ?? 9);
const ADMIN = { email: 'bench@wegwijzer.test', password: 'bench-wachtwoord-lang' };

async function load(url: string, token: string | null): Promise<number> {
  const r = await autocannon({
    url,
    connections: 50,
    duration: seconds,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx`);
  return r.requests.average;
}

const dir = mkdtempSync(join(tmpdir(), 'wegwijzer-focus-'));
// FOCUS_URL: a server started by hand (e.g. under `node --cpu-prof`), with the bench admin.
const server = process.env.FOCUS_URL
  ? { url: process.env.FOCUS_URL, stop: async () => null }
  : await startServer(
      {
        DATABASE_URL: process.env.FOCUS_DATABASE_URL ?? join(dir, 'focus.sqlite'),
        WEGWIJZER_DEMO: 'false',
        WEGWIJZER_ADMIN_EMAIL: ADMIN.email,
        WEGWIJZER_ADMIN_PASSWORD: ADMIN.password,
      },
      buildServer(),
    );
try {
  const token = await tokenFor(server.url, ADMIN.email, ADMIN.password);
  const auth = { authorization: `Bearer ${token}` };
  const pilot = (await (
    await fetch(`${server.url}/api/pilots`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Focus',
        municipality: 'GM0599',
        theme: 'reintegration',
        startDate: '2022-01-01',
        dataCompleteThrough: '2025-12-31',
        retainUntil: '2027-12-31',
        monthlyBenefit: 1200,
        guidanceCost: 2500,
      }),
    })
  ).json()) as { id: string };
  const files = pilotCsv(0, perPilot);
  for (const kind of ['participants', 'events'] as const) {
    const res = await fetch(`${server.url}/api/pilots/${pilot.id}/imports?kind=${kind}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/csv' },
      body: files[kind],
    });
    if (!res.ok) throw new Error(`import ${kind}: ${res.status}`);
  }
  // Cold: the first summary after a write to the pilot (a ladder measurement, as `pnpm bench`).
  const participant = (
    (await (
      await fetch(`${server.url}/api/pilots/${pilot.id}/participants?pageSize=1`, { headers: auth })
    ).json()) as { items: { id: string }[] }
  ).items[0]!.id;
  const cold: number[] = [];
  for (let day = 1; day <= coldRepeats; day++) {
    const write = await fetch(`${server.url}/api/participants/${participant}/events`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'ladder',
        date: `2025-0${1 + (day % 9)}-${String(1 + (day % 28)).padStart(2, '0')}`,
        value: 3,
      }),
    });
    if (!write.ok) throw new Error(`write: ${write.status}`);
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/pilots/${pilot.id}/outcomes?window=12`, {
      headers: auth,
    });
    await res.arrayBuffer();
    cold.push(performance.now() - t0);
  }
  cold.sort((a, b) => a - b);
  console.log(
    `cold summary: median ${cold[cold.length >> 1]!.toFixed(1)} ms (${cold[0]!.toFixed(1)}–${cold.at(-1)!.toFixed(1)}, n=${cold.length})`,
  );
  if (process.env.FOCUS_SKIP_LOAD !== 'true') {
    // Two rounds: the first runs while the server still settles after the import.
    await load(`${server.url}/api/pilots/${pilot.id}/outcomes?window=12`, token);
    const ours = await load(`${server.url}/api/pilots/${pilot.id}/outcomes?window=12`, token);
    const bare = await startServer({}, '../../test/bench/bare-server.ts');
    const bareRate = await load(`${bare.url}/api/health`, null);
    await bare.stop();
    console.log(
      `warm summary under load: ${Math.round(ours)} req/s, bare Hono ${Math.round(bareRate)} req/s, ${(ours / bareRate).toFixed(2)}x`,
    );
  }
  for (const round of process.env.FOCUS_SKIP_EXPORT === 'true'
    ? []
    : ['first', 'repeated', 'repeated']) {
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/pilots/${pilot.id}/export?format=csv`, {
      headers: auth,
    });
    const bytes = (await res.arrayBuffer()).byteLength;
    const s = (performance.now() - t0) / 1000;
    console.log(`export ${round}: ${Math.round(perPilot / s)} participants/s, ${bytes} bytes`);
  }
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
