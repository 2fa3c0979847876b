import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrapAdmin, configFromEnv, createApp, DEMO_ACCOUNTS, loadDemo } from '@wegwijzer/api';
import { findUserByEmail, listPilots, openStore } from '@wegwijzer/db';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function emptyStore() {
  const dir = mkdtempSync(join(tmpdir(), 'wegwijzer-boot-'));
  dirs.push(dir);
  return openStore(join(dir, 'db.sqlite'));
}

describe('start-up', () => {
  it('creates the admin account from the environment in an empty database, once', async () => {
    const store = await emptyStore();
    const config = configFromEnv({
      WEGWIJZER_ADMIN_EMAIL: 'Beheer@Gemeente.example',
      WEGWIJZER_ADMIN_PASSWORD: 'een-lang-wachtwoord',
    });
    expect(await bootstrapAdmin(store, config)).toBe(true);
    expect(await bootstrapAdmin(store, config)).toBe(false);
    const admin = await findUserByEmail(store.db, 'beheer@gemeente.example');
    expect(admin?.role).toBe('admin');
    await store.close();
  });

  it('creates no admin without both variables', async () => {
    const store = await emptyStore();
    expect(
      await bootstrapAdmin(store, configFromEnv({ WEGWIJZER_ADMIN_EMAIL: 'a@b.example' })),
    ).toBe(false);
    await store.close();
  });

  it('loads the synthetic demo pilots and one account per role into an empty database only', async () => {
    const store = await emptyStore();
    expect(await loadDemo(store)).toBe(true);
    const pilots = await listPilots(store.db, null);
    expect(pilots.length).toBeGreaterThanOrEqual(7);
    expect(pilots.every((p) => p.synthetic && p.participants >= 200)).toBe(true);
    expect(pilots.some((p) => p.hasControl)).toBe(true);
    for (const a of DEMO_ACCOUNTS)
      expect((await findUserByEmail(store.db, a.email))?.role).toBe(a.role);
    expect(await loadDemo(store)).toBe(false);

    // The headline of the programme: about 40% of part-time entrepreneurs off benefit after a year.
    const app = await createApp(store, { ...configFromEnv({}), demo: true, webDist: null });
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: DEMO_ACCOUNTS[0]!.email,
        password: DEMO_ACCOUNTS[0]!.password,
      }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const parttime = pilots.filter((p) => /parttime/i.test(p.name));
    expect(parttime.length).toBeGreaterThanOrEqual(2);
    for (const p of parttime) {
      const res = await app.request(`/api/pilots/${p.id}/outcomes?window=12`, {
        headers: { cookie },
      });
      const body = (await res.json()) as any;
      expect(body.arms.intervention.offBenefit.rate).toBeGreaterThan(0.3);
      expect(body.arms.intervention.offBenefit.rate).toBeLessThan(0.5);
      expect(body.arms.intervention.pending).toBeGreaterThan(0);
      expect(body.arms.intervention.routes.bbz).toBeGreaterThan(0);
      expect(body.arms.intervention.routes.regular_work).toBeGreaterThan(0);
      // Issue 11: a general outflow benchmark and a council target to draw beside the rate.
      expect(body.referenceLines.map((r: { kind: string }) => r.kind).sort()).toEqual([
        'council_target',
        'general_outflow',
      ]);
    }
    const get = async (path: string) =>
      (await app.request(path, { headers: { cookie } })).json() as Promise<any>;
    // Binthout is funded from participation, green and liveability budgets.
    const binthout = pilots.find((p) => /Binthout/.test(p.name))!;
    const budget = await get(`/api/pilots/${binthout.id}/budget?window=12`);
    expect(budget.byDomain.map((d: { domain: string }) => d.domain)).toEqual([
      'participation',
      'green',
      'liveability',
    ]);
    expect(budget.byFundingSource.length).toBe(3);
    // Mobility mentoring: debts stabilise more often with the intervention, money stress falls.
    const mobility = pilots.find((p) => /Mobility/.test(p.name))!;
    const debts = (await get(`/api/pilots/${mobility.id}/outcomes?window=18`)).arms;
    expect(debts.intervention.debts.stabilised.rate).toBeGreaterThan(
      debts.control.debts.stabilised.rate,
    );
    expect(debts.intervention.debts.meanMoneyStressChange).toBeLessThan(0);
    const curves = await get(`/api/pilots/${mobility.id}/debts/survival`);
    expect(curves.arms.intervention.median).not.toBeNull();
    await store.close();
    // Ten pilots, about 4,000 people: allow a loaded machine its time.
  }, 60_000);
});
