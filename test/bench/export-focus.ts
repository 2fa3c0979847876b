// The cohort export figures alone (`tsx test/bench/export-focus.ts`), for work on the export
// between full `pnpm bench` runs: a database of EXPORT_PILOTS × EXPORT_PER_PILOT seeded once
// (kept at EXPORT_DB to be reused), then as `pnpm bench` measures it: a fresh built server, the
// first tenth of the pilots exported once and again, its peak RSS, and `sqlite3 -csv` of the
// participants table in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '@wegwijzer/db';
import { buildServer, startServer, tokenFor } from '../support/server.ts';
import { seed } from './dataset.ts';

const pilots = Number(process.env.EXPORT_PILOTS ?? 200);
const perPilot = Number(process.env.EXPORT_PER_PILOT ?? 5000);
const dbFile =
  process.env.EXPORT_DB ?? join(mkdtempSync(join(tmpdir(), 'wegwijzer-export-')), 'db.sqlite');
const ADMIN = { email: 'bench@wegwijzer.test', password: 'bench-wachtwoord-lang' };

if (!existsSync(dbFile)) {
  const t = performance.now();
  const store = await openStore(dbFile);
  await seed(store, { pilots, perPilot });
  await store.close();
  console.log(`seeded ${pilots} × ${perPilot} in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}
const env = {
  DATABASE_URL: dbFile,
  WEGWIJZER_DEMO: 'false',
  WEGWIJZER_ADMIN_EMAIL: ADMIN.email,
  WEGWIJZER_ADMIN_PASSWORD: ADMIN.password,
};
// EXPORT_SCRIPT: another server entry under apps/api (e.g. an earlier build, for a before/after
// in the same conditions); EXPORT_SAMPLE: how many pilots to export (`pnpm bench`: a tenth).
const server = await startServer(env, process.env.EXPORT_SCRIPT || buildServer());
const sample = Number(process.env.EXPORT_SAMPLE ?? Math.max(1, Math.ceil(pilots / 10)));
try {
  const token = await tokenFor(server.url, ADMIN.email, ADMIN.password);
  const ids = Array.from({ length: sample }, (_, i) => `bench-${i}`);
  const round = async () => {
    const start = performance.now();
    let bytes = 0;
    for (const id of ids) {
      const res = await fetch(`${server.url}/api/pilots/${id}/export?format=csv`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!res.ok) throw new Error(`export ${id}: ${res.status} ${await res.text()}`);
      bytes += (await res.arrayBuffer()).byteLength;
    }
    return { rate: (ids.length * perPilot) / ((performance.now() - start) / 1000), bytes };
  };
  console.log(`server peak RSS before the exports: ${(server.peakRss() / 2 ** 20).toFixed(0)} MB`);
  const first = await round();
  const repeated = [await round(), await round()];
  const rss = server.peakRss() / 2 ** 20;
  const cliStart = performance.now();
  const out = spawnSync('sqlite3', ['-csv', dbFile, 'SELECT * FROM participants'], {
    maxBuffer: 1 << 30,
  });
  const lines = out.stdout.toString().split('\n').length - 1;
  const cli = lines / ((performance.now() - cliStart) / 1000);
  const x = (r: number) => `${Math.round(r)} participants/s (${(r / cli).toFixed(2)} ×)`;
  console.log(`sqlite3 -csv: ${Math.round(cli)} participants/s`);
  console.log(`export first: ${x(first.rate)}, ${first.bytes} bytes`);
  console.log(`export repeated: ${repeated.map((r) => x(r.rate)).join(', ')}`);
  console.log(`server peak RSS: ${rss.toFixed(0)} MB`);
} finally {
  await server.stop();
}
