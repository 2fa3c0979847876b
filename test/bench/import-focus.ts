/**
 * The validated import beside its raw limits, in one run, without the rest of `pnpm bench`:
 * BENCH_PILOTS pilots (default 4) of BENCH_PER_PILOT participants (default 5,000), the raw
 * prepared INSERT into a lean table and into the migrated schema, then the same files through
 * the built server's API; rows/s, the ratios and the server's peak RSS. On a busy machine the
 * wall clock mostly measures the neighbours, so rows per CPU-second are given too: the server's
 * own CPU time over the import, against this process's over the raw inserts (which includes
 * splitting the lines, so it slightly flatters the import).
 *   apps/api/node_modules/.bin/tsx test/bench/import-focus.ts
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer, startServer, tokenFor } from '../support/server.ts';
import { pilotCsv } from './dataset.ts';
import { importAll, rawInsert, rawInsertReal } from './run.ts';
import { sample } from './stats.ts';

const PILOTS = Number(process.env.BENCH_PILOTS ?? 4);
const PER_PILOT = Number(process.env.BENCH_PER_PILOT ?? 5000);
const ADMIN = { email: 'bench@wegwijzer.test', password: 'bench-wachtwoord-lang' };
const dir = mkdtempSync(join(tmpdir(), 'wegwijzer-import-focus-'));
const files = Array.from({ length: PILOTS }, (_, i) => pilotCsv(i, PER_PILOT));
const rows = files.reduce((n, f) => n + f.rows, 0);
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};
let cpu = process.cpuUsage();
const raw = sample([rawInsert(dir, files), rawInsert(dir, files)]).median;
const rawCpu = (2 * rows) / cpuSeconds(cpu);
cpu = process.cpuUsage();
const rawReal = sample([await rawInsertReal(dir, files), await rawInsertReal(dir, files)]).median;
const rawRealCpu = (2 * rows) / cpuSeconds(cpu);
/** A process's user and system time so far, in seconds (Linux clock ticks of 1/100 s). */
const processCpu = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
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
  const before = processCpu(server.process.pid!);
  const { perPilotRate } = await importAll(server, token, files, () => {});
  const oursCpu = rows / (processCpu(server.process.pid!) - before);
  const ours = sample(perPilotRate).median;
  console.log(
    JSON.stringify({
      pilots: PILOTS,
      perPilot: PER_PILOT,
      importRowsPerSecond: Math.round(ours),
      rawLean: Math.round(raw),
      rawReal: Math.round(rawReal),
      ratioLean: Number((ours / raw).toFixed(3)),
      ratioReal: Number((ours / rawReal).toFixed(3)),
      perCpuSecond: {
        import: Math.round(oursCpu),
        rawLean: Math.round(rawCpu),
        rawReal: Math.round(rawRealCpu),
        ratioLean: Number((oursCpu / rawCpu).toFixed(3)),
        ratioReal: Number((oursCpu / rawRealCpu).toFixed(3)),
      },
      peakRssMb: Math.round(server.peakRss() / 2 ** 20),
    }),
  );
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
