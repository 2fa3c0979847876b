import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, loadDemo } from '@wegwijzer/api';
import {
  addGrant,
  createToken,
  demoRemoved,
  findUserByEmail,
  listPilots,
  openDatabase,
} from '@wegwijzer/db';
import { testApp, type TestApp } from '../support/app.ts';
import { root } from '../support/server.ts';

/** SPEC §6, demo mode: the public demo accounts stay on the synthetic pilots and off administration. */

let t: TestApp;
let real: string;
const demo: Record<string, string> = {};

async function demoToken(role: string): Promise<string> {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
  const user = (await findUserByEmail(t.store.db, account.email))!;
  return (await createToken(t.store.db, user.id, 'test', null)).token;
}

beforeAll(async () => {
  t = await testApp();
  await loadDemo(t.store);
  real = await t.pilot({ name: 'Echte pilot' });
  for (const role of ['admin', 'manager', 'researcher', 'viewer'])
    demo[role] = await demoToken(role);
  // Even a grant on a real pilot does not let a demo account see it.
  const viewer = (await findUserByEmail(
    t.store.db,
    DEMO_ACCOUNTS.find((a) => a.role === 'viewer')!.email,
  ))!;
  await addGrant(t.store.db, viewer.id, real);
}, 120_000);
afterAll(() => t.close());

describe('demo accounts', () => {
  it('see the synthetic pilots only, whatever their role or grants', async () => {
    for (const role of ['admin', 'manager', 'viewer']) {
      const list = await t.json('/api/pilots', { as: demo[role] });
      expect(list.status).toBe(200);
      expect(list.body.items.length, role).toBeGreaterThan(0);
      expect(
        list.body.items.every((p: { synthetic: boolean }) => p.synthetic),
        role,
      ).toBe(true);
      expect((await t.request(`/api/pilots/${real}`, { as: demo[role] })).status, role).toBe(403);
      expect((await t.request(`/api/pilots/${real}/outcomes`, { as: demo[role] })).status).toBe(
        403,
      );
      const compare = await t.json('/api/outcomes', { as: demo[role] });
      expect(compare.body.pilots.map((p: { pilotId: string }) => p.pilotId)).not.toContain(real);
    }
  });

  it('cannot manage users, grants, the audit log or the tokens of others', async () => {
    const as = demo.admin;
    const users = (await t.json('/api/users')).body;
    const someone = (users.items ?? users)[0].id as string;
    expect((await t.request('/api/users', { as })).status).toBe(403);
    const created = await t.request('/api/users', {
      as,
      method: 'POST',
      body: JSON.stringify({
        email: 'nieuw@gemeente.example',
        name: 'Nieuw',
        password: 'een-lang-wachtwoord-1',
        role: 'admin',
      }),
    });
    expect(created.status).toBe(403);
    const granted = await t.request(`/api/users/${someone}`, {
      as,
      method: 'PATCH',
      body: JSON.stringify({ pilots: [real] }),
    });
    expect(granted.status).toBe(403);
    expect((await t.request('/api/audit', { as })).status).toBe(403);
    const others = await t.json('/api/tokens');
    const list = (r: { body: unknown }) =>
      ((r.body as { items?: unknown[] }).items ?? r.body) as { id: string; userId: string }[];
    const foreign = list(others).find((k: { userId: string }) => k.userId === someone);
    const mine = await t.json('/api/tokens', { as });
    expect(list(mine).length).toBeGreaterThan(0);
    expect(list(mine).every((k) => k.userId !== someone)).toBe(true);
    expect(foreign).toBeDefined();
    if (foreign)
      expect((await t.request(`/api/tokens/${foreign.id}`, { as, method: 'DELETE' })).status).toBe(
        403,
      );
    expect((await t.request('/api/demo', { as, method: 'DELETE' })).status).toBe(403);
  });

  it('make synthetic pilots when they create one', async () => {
    const res = await t.json('/api/pilots', {
      as: demo.manager,
      method: 'POST',
      body: JSON.stringify({
        name: 'Proefpilot',
        municipality: 'GM0599',
        theme: 'reintegration',
        startDate: '2024-01-01',
        dataCompleteThrough: '2025-01-01',
        retainUntil: '2027-12-31',
      }),
    });
    expect(res.status).toBe(201);
    expect(res.body.synthetic).toBe(true);
  });
});

describe('removing the demo', () => {
  it('takes the synthetic pilots and the demo accounts away in one audited step, for good', async () => {
    const before = await listPilots(t.store.db, null);
    const res = await t.json('/api/demo', { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(res.body.pilots).toBe(before.filter((p) => p.synthetic).length);
    expect(res.body.accounts).toBe(DEMO_ACCOUNTS.length);
    expect(res.body.participants).toBeGreaterThan(1000);
    const after = await listPilots(t.store.db, null);
    expect(after.map((p) => p.id)).toEqual([real]);
    for (const a of DEMO_ACCOUNTS)
      expect(await findUserByEmail(t.store.db, a.email)).toBeUndefined();
    expect((await t.request('/api/pilots', { as: demo.admin })).status).toBe(401);
    const entries = await t.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'demo.remove')
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actor_email).toMatch(/^admin-/);
    expect((await t.json('/api/demo', { as: '' })).body.accounts).toEqual([]);
    // A database that had its demo removed does not get it back at the next start, even empty.
    expect(await demoRemoved(t.store.db)).toBe(true);
  });

  it('works from the command line too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wegwijzer-demo-'));
    try {
      const file = join(dir, 'db.sqlite');
      const store = await openDatabase(file, { poolSize: 1 });
      await loadDemo(store);
      await store.close();
      const run = spawnSync(
        join(root, 'apps/api/node_modules/.bin/tsx'),
        ['src/cli/remove-demo.ts', '--db', file],
        { cwd: join(root, 'apps/api'), encoding: 'utf8', timeout: 60_000 },
      );
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).removed.accounts).toBe(DEMO_ACCOUNTS.length);
      const again = await openDatabase(file, { poolSize: 1 });
      expect(await listPilots(again.db, null)).toEqual([]);
      expect(await loadDemo(again)).toBe(false);
      const audit = await again.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'demo.remove')
        .execute();
      expect(audit[0]!.actor_email).toMatch(/^cli:/);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
