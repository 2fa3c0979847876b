import { copyFileSync, existsSync, openSync, readdirSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventIds, participantsCsv, verifyFile, WINDOWS } from './support/data.ts';
import {
  adminToken,
  api,
  backupCli,
  createPilot,
  importCsv,
  startServer,
  tempDir,
  type ServerProcess,
} from './support/server.ts';

/**
 * `backup.ts backup` while writers run, `check`, and `restore` into a new file: the copy is a
 * consistent snapshot (every event with its derived rows, nothing half-written), and a backup
 * taken at rest restores to exactly the same counts and outcome figures.
 */

const tmp = tempDir();
const file = join(tmp.dir, 'db.sqlite');
const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop('SIGKILL')));
  tmp.cleanup();
});

async function allOutcomes(base: string, token: string, pilot: string) {
  const out: Record<number, unknown> = {};
  for (const k of WINDOWS)
    out[k] = (await api(base, token, `/api/pilots/${pilot}/outcomes?window=${k}`)).body;
  return out;
}

describe('backup and restore', () => {
  it('backs up while writers run, and restores into a new file with the same counts and outcomes', async () => {
    const server = await startServer(file);
    servers.push(server);
    const token = await adminToken(server.base);
    const pilot = await createPilot(server.base, token);
    expect(
      (await importCsv(server.base, token, pilot, 'participants', participantsCsv(300))).status,
    ).toBe(200);
    const people = (await api(server.base, token, `/api/pilots/${pilot}/participants?pageSize=500`))
      .body.items as { id: string }[];

    const acked: string[] = [];
    let writing = true;
    const writers = [0, 1, 2].map(async (w) => {
      for (let i = 0; writing && i < 2000; i++) {
        const who = people[(w * 101 + i * 7) % people.length]!;
        const res = await api(server.base, token, `/api/participants/${who.id}/events`, {
          body: {
            type: 'offset_income',
            date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-15`,
            value: 10 + i,
          },
        });
        expect(res.status, res.text).toBe(201);
        acked.push(String(res.body.id));
      }
    });
    await new Promise((r) => setTimeout(r, 500));
    const ackedBefore = acked.length;
    const live = join(tmp.dir, 'live-backup.sqlite');
    const made = await backupCli(['backup', '--db', file, '--out', live]);
    const ackedAfter = acked.length;
    writing = false;
    await Promise.all(writers);
    expect(made.code, made.stderr).toBe(0);
    expect(made.json).toMatchObject({ ok: true, file: live });

    // The live backup is a snapshot from somewhere inside the backup's run: consistent, and
    // holding at least the writes acknowledged before it started and at most those before it ended.
    const checked = await backupCli(['check', '--file', live]);
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    expect(checked.json.ok).toBe(true);
    const liveRestored = join(tmp.dir, 'live-restored.sqlite');
    expect((await backupCli(['restore', '--from', live, '--db', liveRestored])).code).toBe(0);
    const snap = await verifyFile(liveRestored, pilot);
    expect(snap.integrity).toBe('ok');
    expect(snap.totalsMatchWindows && snap.windowsMatchEvents).toBe(true);
    expect(snap.counts.events).toBeGreaterThanOrEqual(ackedBefore);
    expect(snap.counts.events).toBeLessThanOrEqual(ackedAfter + 3);
    const inSnapshot = await eventIds(liveRestored, pilot);
    const ackedSet = new Set(acked);
    expect(inSnapshot.filter((id) => !ackedSet.has(id))).toEqual([]);

    // At rest, a backup restores to the very same figures.
    const quiet = join(tmp.dir, 'quiet-backup.sqlite');
    expect((await backupCli(['backup', '--db', file, '--out', quiet])).code).toBe(0);
    const restored = join(tmp.dir, 'restored.sqlite');
    const restore = await backupCli(['restore', '--from', quiet, '--db', restored]);
    expect(restore.code, restore.stderr).toBe(0);
    const original = await allOutcomes(server.base, token, pilot);
    const second = await startServer(restored);
    servers.push(second);
    expect(await allOutcomes(second.base, token, pilot)).toEqual(original);
    expect((await second.stop('SIGTERM')).code).toBe(0);
    expect((await server.stop('SIGTERM')).code).toBe(0);
    const a = await verifyFile(file, pilot);
    const b = await verifyFile(restored, pilot);
    expect(b.counts).toEqual(a.counts);
    expect(b.counts.events).toBe(acked.length);
    expect(b.totals).toEqual(a.totals);
    console.info(
      `backup: live backup held ${snap.counts.events} events (acknowledged ${ackedBefore} before, ${ackedAfter} after it); at rest ${b.counts.events} of ${acked.length} acknowledged events restored, outcomes equal for windows ${WINDOWS.join('/')}`,
    );
  }, 120_000);

  it('refuses to restore over a database in use, over an existing one without --force, or from a damaged backup', async () => {
    const dir = tempDir();
    try {
      const db = join(dir.dir, 'db.sqlite');
      const server = await startServer(db);
      servers.push(server);
      const backup = join(dir.dir, 'b.sqlite');
      expect((await backupCli(['backup', '--db', db, '--out', backup])).code).toBe(0);
      expect((await backupCli(['backup', '--db', db, '--out', backup])).json.error).toMatch(
        /exists already/,
      );

      const inUse = await backupCli(['restore', '--from', backup, '--db', db, '--force']);
      expect(inUse.code).toBe(1);
      expect(inUse.json.error).toMatch(/in use/);
      expect((await server.stop('SIGTERM')).code).toBe(0);

      const exists = await backupCli(['restore', '--from', backup, '--db', db]);
      expect(exists.code).toBe(1);
      expect(exists.json.error).toMatch(/--force/);
      const forced = await backupCli(['restore', '--from', backup, '--db', db, '--force']);
      expect(forced.code, forced.stderr).toBe(0);
      expect(existsSync(forced.json.replaced)).toBe(true);

      const damaged = join(dir.dir, 'damaged.sqlite');
      copyFileSync(backup, damaged);
      const fd = openSync(damaged, 'r+');
      writeSync(fd, Buffer.alloc(4096 * 3, 0xa5), 0, 4096 * 3, 4096 * 2);
      closeSync(fd);
      const check = await backupCli(['check', '--file', damaged]);
      expect(check.code).toBe(1);
      expect(check.json.ok).toBe(false);
      const refused = await backupCli([
        'restore',
        '--from',
        damaged,
        '--db',
        join(dir.dir, 'new.sqlite'),
      ]);
      expect(refused.code).toBe(1);
      expect(refused.json.error).toMatch(/Refusing to restore/);
      expect(readdirSync(dir.dir).filter((f) => f.startsWith('new.sqlite'))).toEqual([]);

      expect((await backupCli(['restore', '--from', backup])).code).toBe(2);
    } finally {
      dir.cleanup();
    }
  }, 60_000);
});
