/**
 * Peak RSS of the server during a national-like import (issue 21), without the rest of
 * `pnpm bench`: the built server on plain node, BENCH_PILOTS pilots (default 20) of
 * BENCH_PER_PILOT participants (default 5,000) imported one after another through the API, the
 * server's peak RSS (VmHWM) printed as it grows.
 * SHOW_SERVER_OUTPUT=1 prints what the server wrote (with NODE_OPTIONS=--trace-gc, its GCs).
 *   apps/api/node_modules/.bin/tsx test/bench/import-memory.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer, startServer, tokenFor } from '../support/server.ts';
import { pilotCsv } from './dataset.ts';
import { importAll } from './run.ts';

const PILOTS = Number(process.env.BENCH_PILOTS ?? 20);
const PER_PILOT = Number(process.env.BENCH_PER_PILOT ?? 5000);
const ADMIN = { email: 'bench@wegwijzer.test', password: 'bench-wachtwoord-lang' };
const dir = mkdtempSync(join(tmpdir(), 'wegwijzer-import-memory-'));
const server = await startServer(
  {
    DATABASE_URL: join(dir, 'national.sqlite'),
    WEGWIJZER_DEMO: 'false',
    WEGWIJZER_ADMIN_EMAIL: ADMIN.email,
    WEGWIJZER_ADMIN_PASSWORD: ADMIN.password,
  },
  buildServer(),
);
try {
  const token = await tokenFor(server.url, ADMIN.email, ADMIN.password);
  const mb = (b: number) => Math.round(b / 2 ** 20);
  const startRss = server.peakRss();
  const rates: number[] = [];
  // Files are made a few pilots at a time, so this process's own memory stays small.
  for (let i = 0; i < PILOTS; i += 5) {
    const files = Array.from({ length: Math.min(5, PILOTS - i) }, (_, j) =>
      pilotCsv(i + j, PER_PILOT),
    );
    const { perPilotRate } = await importAll(server, token, files, () => {});
    rates.push(...perPilotRate);
    console.log(`${i + files.length} pilots: peak RSS ${mb(server.peakRss())} MB`);
  }
  rates.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      pilots: PILOTS,
      perPilot: PER_PILOT,
      startPeakRssMb: mb(startRss),
      peakRssMb: mb(server.peakRss()),
      medianRowsPerSecond: Math.round(rates[Math.floor(rates.length / 2)]!),
    }),
  );
} finally {
  await server.stop();
  if (process.env.SHOW_SERVER_OUTPUT) setTimeout(() => console.log(server.output()), 500);
  rmSync(dir, { recursive: true, force: true });
}
