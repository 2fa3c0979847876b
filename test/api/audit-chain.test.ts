import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { entryHash, sql, type ChainedRow } from '@wegwijzer/db';
import { testApp, type TestApp } from '../support/app.ts';
import { root } from '../support/server.ts';

/**
 * The audit log as an attacker with the database in hand would change it: each test tampers with
 * a database of its own (an update through a dropped trigger, a removed entry, a replaced entry,
 * a back-dated entry) and expects the check to name the first broken link.
 */

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

/** A test app whose log holds a handful of entries of different kinds. */
async function withEntries() {
  const t = await testApp();
  apps.push(t);
  await t.pilot();
  for (const name of ['een', 'twee', 'drie', 'vier'])
    await t.json('/api/tokens', { method: 'POST', body: JSON.stringify({ name }) });
  await t.pilot({ name: 'Tweede' });
  return t;
}

const run = (t: TestApp, text: string) => sql.raw(text).execute(t.store.db);

/** Removes the triggers that guard the table, as someone with the database file could. */
async function dropTriggers(t: TestApp) {
  if (t.store.kind === 'sqlite') {
    for (const name of ['audit_log_no_update', 'audit_log_no_delete', 'audit_log_chain'])
      await run(t, `DROP TRIGGER ${name}`);
  } else {
    await run(t, 'DROP TRIGGER audit_log_append_only ON audit_log');
    await run(t, 'DROP TRIGGER audit_log_chain ON audit_log');
  }
}

async function rows(t: TestApp): Promise<(ChainedRow & { prev_hash: string; hash: string })[]> {
  return (await t.store.db.selectFrom('audit_log').selectAll().orderBy('id').execute()) as never;
}

async function verify(t: TestApp) {
  const res = await t.json('/api/audit/verify');
  expect(res.status).toBe(200);
  return res.body;
}

function cli(t: TestApp) {
  const r = spawnSync(
    join(root, 'apps/api/node_modules/.bin/tsx'),
    ['apps/api/src/cli/audit-verify.ts', '--db', t.file],
    { cwd: root, encoding: 'utf8', env: { ...process.env, INIT_CWD: root } },
  );
  return { status: r.status, report: JSON.parse(r.stdout || r.stderr) };
}

function insertRow(t: TestApp, r: ChainedRow & { prev_hash: string; hash: string }) {
  const cols = Object.keys(r) as (keyof typeof r)[];
  return sql`INSERT INTO audit_log (${sql.raw(cols.join(', '))}) VALUES (${sql.join(
    cols.map((c) => r[c]),
  )})`.execute(t.store.db);
}

describe('the audit log’s hash chain', () => {
  it('holds for an untouched log, through the endpoint and the command', async () => {
    const t = await withEntries();
    const all = await rows(t);
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(all[0]!.prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < all.length; i++) expect(all[i]!.prev_hash).toBe(all[i - 1]!.hash);
    const report = await verify(t);
    expect(report).toMatchObject({ ok: true, entries: all.length, broken: null });
    expect(report.head).toEqual({ id: all.at(-1)!.id, hash: all.at(-1)!.hash });
    const { status, report: fromCli } = cli(t);
    expect(status).toBe(0);
    // The endpoint's own check was logged in between: one entry more.
    expect(fromCli).toMatchObject({ ok: true, entries: all.length + 1, broken: null });
  });

  it('finds an entry changed through a dropped trigger', async () => {
    const t = await withEntries();
    await dropTriggers(t);
    await run(t, `UPDATE audit_log SET actor_email = 'niemand@example' WHERE id = 3`);
    expect(await verify(t)).toMatchObject({
      ok: false,
      entries: 2,
      broken: { id: 3, kind: 'content', problem: expect.stringMatching(/content does not match/) },
    });
  });

  it('finds a removed entry, at the entry after it, also from the command line', async () => {
    const t = await withEntries();
    await dropTriggers(t);
    await run(t, 'DELETE FROM audit_log WHERE id = 3');
    expect(await verify(t)).toMatchObject({
      ok: false,
      broken: { id: 4, problem: expect.stringMatching(/does not link/) },
    });
    const { status, report } = cli(t);
    expect(status).toBe(1);
    expect(report.broken.id).toBe(4);
  });

  it('finds an entry replaced by another with a freshly computed hash', async () => {
    const t = await withEntries();
    const original = (await rows(t))[2]!;
    await dropTriggers(t);
    await run(t, `DELETE FROM audit_log WHERE id = ${original.id}`);
    const forged = { ...original, actor_id: null, actor_email: null };
    await insertRow(t, { ...forged, hash: entryHash(original.prev_hash, forged) });
    expect(await verify(t)).toMatchObject({
      ok: false,
      broken: { id: original.id + 1, problem: expect.stringMatching(/does not link/) },
    });
  });

  it('finds a back-dated entry added at the end with a correct link', async () => {
    const t = await withEntries();
    const last = (await rows(t)).at(-1)!;
    await dropTriggers(t);
    const forged: ChainedRow = {
      ...last,
      id: last.id + 1,
      at: '2020-01-01T00:00:00.000Z',
      action: 'import.participants',
      details: null,
      client_request_id: null,
    };
    await insertRow(t, { ...forged, prev_hash: last.hash, hash: entryHash(last.hash, forged) });
    expect(await verify(t)).toMatchObject({
      ok: false,
      broken: { id: last.id + 1, problem: expect.stringMatching(/back-dated/) },
    });
  });

  it('refuses replacing, back-filling, back-dating and unlinked entries while the triggers stand', async () => {
    const t = await withEntries();
    const all = await rows(t);
    const last = all.at(-1)!;
    const third = all[2]!;
    const replace =
      t.store.kind === 'sqlite'
        ? `INSERT OR REPLACE INTO audit_log (id, at, action, prev_hash, hash)
             VALUES (${third.id}, '${third.at}', 'x', '${third.prev_hash}', 'h')`
        : `INSERT INTO audit_log (id, at, action, prev_hash, hash)
             VALUES (${third.id}, '${third.at}', 'x', '${third.prev_hash}', 'h')
             ON CONFLICT (id) DO UPDATE SET action = 'x'`;
    await expect(run(t, replace)).rejects.toThrow(/assigned in order|append-only/);
    const next = { ...last, id: last.id + 1, action: 'x' };
    await expect(insertRow(t, { ...next, id: 0, prev_hash: last.hash, hash: 'h' })).rejects.toThrow(
      /assigned in order/,
    );
    await expect(insertRow(t, { ...next, prev_hash: third.hash, hash: 'h' })).rejects.toThrow(
      /does not link/,
    );
    await expect(
      insertRow(t, { ...next, at: '2020-01-01T00:00:00.000Z', prev_hash: last.hash, hash: 'h' }),
    ).rejects.toThrow(/dated before/);
    expect(await rows(t)).toEqual(all);
    expect((await verify(t)).ok).toBe(true);
  });

  it('keeps appends in one chain when many writers append at once', async () => {
    const t = await withEntries();
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.json('/api/tokens', { method: 'POST', body: JSON.stringify({ name: `p${i}` }) }),
      ),
    );
    expect(await verify(t)).toMatchObject({ ok: true, broken: null });
  });
});
