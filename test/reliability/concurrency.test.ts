import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventIds, participantsCsv, verifyFile, WINDOWS } from './support/data.ts';
import {
  adminToken,
  api,
  createPilot,
  importCsv,
  startServer,
  tempDir,
  type ServerProcess,
} from './support/server.ts';

/**
 * Writers POST events while readers ask for outcomes and participant lists, through two server
 * processes on one database file (so SQLite's file locks are really contended). Every write
 * acknowledged with 201 must be in the file, nothing else may be, and the kept-current totals must
 * equal a recount.
 */

const PARTICIPANTS = 60;
const WRITERS = 8;
const WRITES_EACH = 60;
const READERS = 4;

const tmp = tempDir();
const file = join(tmp.dir, 'db.sqlite');
const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop('SIGKILL')));
  tmp.cleanup();
});

function eventFor(writer: number, i: number, intake: string) {
  const year = 2024 + (i % 2);
  const date = `${year}-${String(1 + ((writer + i) % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const day = date < intake ? intake : date;
  switch (i % 5) {
    case 0:
      // Two writers may pick the same participant and day: one of them gets 409, never a 5xx.
      return {
        type: 'benefit_end',
        date: day,
        reason: (['regular_work', 'bbz', 'combination', 'other'] as const)[i % 4],
      };
    case 1:
      return { type: 'ladder', date: day, value: 1 + (i % 6) };
    case 2:
      return { type: 'offset_income', date: day, value: 100 + i };
    case 3:
      return { type: 'work_start', date: day, value: 20 };
    default:
      return { type: 'benefit_restart', date: day };
  }
}

describe('concurrent writers and readers', () => {
  it('keeps exactly the acknowledged writes and totals that agree with a recount, with no 5xx', async () => {
    servers.push(await startServer(file));
    // The second process starts on the migrated file, then both serve the same database.
    servers.push(await startServer(file));
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const token = await adminToken(a.base);
    const pilot = await createPilot(a.base, token);
    expect(
      (await importCsv(a.base, token, pilot, 'participants', participantsCsv(PARTICIPANTS))).status,
    ).toBe(200);
    const list = await api(a.base, token, `/api/pilots/${pilot}/participants?pageSize=500`);
    const people = (list.body.items as { id: string; intakeDate: string }[]).map((p) => ({
      id: p.id,
      intake: p.intakeDate,
    }));
    expect(people).toHaveLength(PARTICIPANTS);
    const before = await api(a.base, token, `/api/pilots/${pilot}/outcomes?window=12`);
    expect(before.status).toBe(200);

    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const acked = new Set<string>();
    const note = (status: number, text: string, what: string) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500 || /SQLITE_|database is locked/i.test(text))
        failures.push(`${what}: ${status} ${text.slice(0, 200)}`);
    };
    let writing = true;
    const started = performance.now();

    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < WRITES_EACH; i++) {
        const server = (w + i) % 2 ? a : b;
        const who = people[(w * 7 + i * 13) % people.length]!;
        const res = await api(server.base, token, `/api/participants/${who.id}/events`, {
          body: eventFor(w, i, who.intake),
          timeoutMs: 20_000,
        }).catch((err: Error) => ({ status: 0, text: err.message, body: null as any }));
        note(res.status, res.text, 'write');
        if (res.status === 201) acked.add(String(res.body.id));
        else if (res.status !== 409)
          failures.push(`write: ${res.status} ${res.text.slice(0, 200)}`);
      }
    });
    const readers = Array.from({ length: READERS }, async (_, r) => {
      let n = 0;
      while (writing) {
        const server = (r + n) % 2 ? a : b;
        const path =
          n % 2
            ? `/api/pilots/${pilot}/outcomes?window=${WINDOWS[n % WINDOWS.length]}`
            : `/api/pilots/${pilot}/participants?page=${1 + (n % 2)}&pageSize=50`;
        const res = await api(server.base, token, path, { timeoutMs: 20_000 }).catch(
          (err: Error) => ({ status: 0, text: err.message }),
        );
        note(res.status, res.text, `read ${path}`);
        if (res.status !== 200)
          failures.push(`read ${path}: ${res.status} ${res.text.slice(0, 200)}`);
        n++;
      }
      return n;
    });
    await Promise.all(writers);
    writing = false;
    const reads = (await Promise.all(readers)).reduce((s, n) => s + n, 0);
    const seconds = (performance.now() - started) / 1000;
    const servedAfter = await api(b.base, token, `/api/pilots/${pilot}/outcomes?window=12`);

    if (failures.length) {
      const errors = servers.flatMap((s) =>
        s
          .output()
          .split('\n')
          .filter((l) => l.includes('"level":"error"')),
      );
      console.error(`server errors:\n${errors.slice(0, 5).join('\n')}`);
    }
    expect(failures).toEqual([]);
    for (const s of servers.splice(0)) expect((await s.stop('SIGTERM')).code).toBe(0);
    const checked = await verifyFile(file, pilot);
    console.info(
      `concurrency: ${WRITERS * WRITES_EACH} writes (${acked.size} acknowledged), ${reads} reads in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}; events in file ${checked.counts.events}`,
    );
    expect(failures).toEqual([]);
    expect(checked.integrity).toBe('ok');
    expect(checked.counts.events).toBe(acked.size);
    expect(await eventIds(file, pilot)).toEqual([...acked].sort((x, y) => Number(x) - Number(y)));
    expect(checked.totalsMatchWindows).toBe(true);
    expect(checked.windowsMatchEvents).toBe(true);
    expect(servedAfter.body.arms).toBeDefined();
    expect(
      servedAfter.body.arms.intervention.participants +
        (servedAfter.body.arms.control?.participants ?? 0),
    ).toBe(PARTICIPANTS);
  }, 90_000);
});
