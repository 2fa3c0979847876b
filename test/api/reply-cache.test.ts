import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@wegwijzer/api';
import { openDatabase, pilotDataVersion, type Store } from '@wegwijzer/db';
import { importCsv, testApp, type TestApp } from '../support/app.ts';

/**
 * The serving caches (docs/adr/0012-serving-caches.md): a cached reply is the fresh reply byte for
 * byte, with the same headers; every write that changes a pilot's figures bumps its data version
 * and so retires the cached replies; a session or token that ends is refused at once; viewers
 * still get only their protected replies.
 */

let t: TestApp;
let pilot: string;

const PARTICIPANTS = `participant_ref,arm,intake_date
${Array.from({ length: 24 }, (_, i) => `P${i},${i % 2 ? 'control' : 'intervention'},2024-0${1 + (i % 6)}-15`).join('\n')}
`;
const EVENTS = `participant_ref,type,date,reason,value
${Array.from({ length: 12 }, (_, i) => `P${i},benefit_end,2024-09-0${1 + (i % 9)},regular_work,`).join('\n')}
`;

const summaryPath = (id: string) => `/api/pilots/${id}/outcomes?window=12`;

/** Headers that are the same on every reply of one request path (the request id is per request). */
function stableHeaders(res: Response): [string, string][] {
  return [...res.headers.entries()].filter(([name]) => name !== 'x-request-id').sort();
}

async function freshPilot(): Promise<string> {
  const id = await t.pilot();
  expect((await importCsv(t, id, 'participants', PARTICIPANTS)).status).toBe(200);
  expect((await importCsv(t, id, 'events', EVENTS)).status).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await testApp();
  pilot = await freshPilot();
});
afterAll(() => t.close());

async function referenceLine(id: string, rate: number): Promise<string> {
  const { status, body } = await t.json(`/api/pilots/${id}/reference-lines`, {
    method: 'POST',
    body: JSON.stringify({
      kind: 'general_outflow',
      rate,
      windowMonths: 12,
      period: '2024',
      source: 'CBS StatLine',
    }),
  });
  expect(status).toBe(201);
  return body.id as string;
}

describe('serialized-reply cache', () => {
  it('answers a repeated summary with the bytes and headers of the fresh reply', async () => {
    // A pilot of its own, so that its first summary is this test's.
    pilot = await freshPilot();
    // The first is made, the second answered inside the route (its headers not yet stored),
    // the third before the router from the stored headers.
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(await t.request(summaryPath(pilot)));
    const [first, ...later] = replies;
    const body = await first!.text();
    expect(JSON.parse(body).pilotId).toBe(pilot);
    for (const res of later) {
      expect(res.status).toBe(200);
      expect(stableHeaders(res)).toEqual(stableHeaders(first!));
      expect(res.headers.get('x-request-id')).not.toBe(first!.headers.get('x-request-id'));
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await res.text()).toBe(body);
    }
  });

  it('serves the cached bytes while the data version holds, and fresh ones once it moves', async () => {
    const before = await t.json(summaryPath(pilot));
    // A write behind the application's back that does not bump the version: the cache does not
    // see it (which is why every write path bumps it), until the version moves.
    const raw = `INSERT INTO reference_lines (id, pilot_id, kind, rate, window_months, period, source, created_at)
      VALUES ('raw-line', '${pilot}', 'general_outflow', 0.31, 12, '2023', 'direct', '2026-01-01T00:00:00Z')`;
    await t.store.transaction((tx) => tx.run(raw));
    expect((await t.json(summaryPath(pilot))).body).toEqual(before.body);
    await t.store.transaction((tx) =>
      tx.run('UPDATE pilots SET data_version = data_version + 1 WHERE id = ?', [pilot]),
    );
    const after = await t.json(summaryPath(pilot));
    expect(after.body.referenceLines.map((r: { id: string }) => r.id)).toContain('raw-line');
    await t.store.transaction(async (tx) => {
      await tx.run(`DELETE FROM reference_lines WHERE id = 'raw-line'`);
      await tx.run('UPDATE pilots SET data_version = data_version + 1 WHERE id = ?', [pilot]);
    });
  });

  it('shows a new or deleted reference line in the next summary', async () => {
    await t.json(summaryPath(pilot));
    const id = await referenceLine(pilot, 0.27);
    const withLine = await t.json(summaryPath(pilot));
    expect(withLine.body.referenceLines.map((r: { id: string }) => r.id)).toContain(id);
    expect((await t.request(`/api/reference-lines/${id}`, { method: 'DELETE' })).status).toBe(204);
    const without = await t.json(summaryPath(pilot));
    expect(without.body.referenceLines.map((r: { id: string }) => r.id)).not.toContain(id);
  });

  it('bumps the data version on every write that changes a pilot reply', async () => {
    const own = await t.pilot();
    const version = async () => (await pilotDataVersion(t.store.db, own))!;
    const bumps = async (what: string, write: () => Promise<number>) => {
      const v = await version();
      expect(await write(), what).toBeLessThan(300);
      expect(await version(), what).toBeGreaterThan(v);
    };
    await bumps('participants import', async () => {
      return (
        await importCsv(t, own, 'participants', 'participant_ref,intake_date\nA1,2024-03-01\n')
      ).status;
    });
    await bumps('new participant', async () => {
      return (
        await t.request(`/api/pilots/${own}/participants`, {
          method: 'POST',
          body: JSON.stringify({ participantRef: 'A2', intakeDate: '2024-02-01' }),
        })
      ).status;
    });
    await bumps('pilot observation end', async () => {
      return (
        await t.request(`/api/pilots/${own}`, {
          method: 'PATCH',
          body: JSON.stringify({ dataCompleteThrough: '2025-11-30' }),
        })
      ).status;
    });
    let line = '';
    await bumps('new reference line', async () => {
      line = await referenceLine(own, 0.2);
      return 201;
    });
    await bumps('deleted reference line', async () => {
      return (await t.request(`/api/reference-lines/${line}`, { method: 'DELETE' })).status;
    });
    let budgetLine = '';
    await bumps('new budget line', async () => {
      const res = await t.json(`/api/pilots/${own}/budget-lines`, {
        method: 'POST',
        body: JSON.stringify({
          amount: 1000,
          periodStart: '2024-01-01',
          periodEnd: '2024-12-31',
          domain: 'green',
          fundingSource: 'Provincie',
        }),
      });
      budgetLine = res.body.id;
      return res.status;
    });
    await bumps('changed budget line', async () => {
      return (
        await t.request(`/api/budget-lines/${budgetLine}`, {
          method: 'PATCH',
          body: JSON.stringify({ amount: 2000 }),
        })
      ).status;
    });
    await bumps('deleted budget line', async () => {
      return (await t.request(`/api/budget-lines/${budgetLine}`, { method: 'DELETE' })).status;
    });
    await bumps('budget import', async () => {
      const csv =
        'amount,period_start,period_end,domain,funding_source\n500,2024-01-01,2024-06-30,green,Gemeente\n';
      return (await importCsv(t, own, 'budget', csv)).status;
    });
    await bumps('relabelled arms', async () => {
      const { body } = await t.json(`/api/pilots/${own}`);
      const arms = (body.arms as { code: string; label: string }[]).map((a) => ({
        code: a.code,
        label: `${a.label} (nieuw)`,
      }));
      return (
        await t.request(`/api/pilots/${own}`, { method: 'PATCH', body: JSON.stringify({ arms }) })
      ).status;
    });
  });

  it('gives a viewer the protected summary even when the full one is cached', async () => {
    const full = await t.json(summaryPath(pilot));
    expect(full.body.rounded).toBeUndefined();
    const viewer = await t.user('viewer', [pilot]);
    const first = await t.json(summaryPath(pilot), { as: viewer });
    const again = await t.json(summaryPath(pilot), { as: viewer });
    expect(first.body.rounded).toBe(true);
    expect(again.body).toEqual(first.body);
    expect(first.body).not.toEqual(full.body);
    // And a cached full reply never reaches a caller without a grant on the pilot.
    const stranger = await t.user('manager', []);
    expect((await t.request(summaryPath(pilot), { as: stranger })).status).toBe(403);
    expect((await t.request(summaryPath(pilot), { as: '' })).status).toBe(401);
  });
});

describe('session and token cache', () => {
  async function loginAs(role: string, pilots: string[]) {
    const email = `${role}-${Math.random().toString(36).slice(2)}@gemeente.example`;
    const created = await t.json('/api/users', {
      method: 'POST',
      body: JSON.stringify({
        email,
        name: 'Iemand',
        password: 'lang-genoeg-wachtwoord',
        role,
        pilots,
      }),
    });
    expect(created.status).toBe(201);
    const res = await t.request('/api/auth/login', {
      as: '',
      method: 'POST',
      body: JSON.stringify({ email, password: 'lang-genoeg-wachtwoord' }),
    });
    expect(res.status).toBe(200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    return { id: created.body.id as string, cookie };
  }
  const asCookie = (cookie: string, init: RequestInit = {}) => ({
    ...init,
    as: '',
    headers: { cookie, origin: 'http://localhost' },
  });

  it('refuses a session at once after its logout', async () => {
    const { cookie } = await loginAs('manager', [pilot]);
    expect((await t.request(summaryPath(pilot), asCookie(cookie))).status).toBe(200);
    const out = await t.request('/api/auth/logout', asCookie(cookie, { method: 'POST' }));
    expect(out.status).toBeLessThan(300);
    expect((await t.request(summaryPath(pilot), asCookie(cookie))).status).toBe(401);
  });

  it('applies a revoked grant, a new role and a disabled account at once', async () => {
    const { id, cookie } = await loginAs('manager', [pilot]);
    expect((await t.json(summaryPath(pilot), asCookie(cookie))).body.rounded).toBeUndefined();
    const patch = (body: object) =>
      t.request(`/api/users/${id}`, { method: 'PATCH', body: JSON.stringify(body) });
    expect((await patch({ role: 'viewer' })).status).toBe(200);
    expect((await t.json(summaryPath(pilot), asCookie(cookie))).body.rounded).toBe(true);
    expect((await patch({ pilots: [] })).status).toBe(200);
    expect((await t.request(summaryPath(pilot), asCookie(cookie))).status).toBe(403);
    expect((await patch({ pilots: [pilot] })).status).toBe(200);
    expect((await t.request(summaryPath(pilot), asCookie(cookie))).status).toBe(200);
    expect((await patch({ disabled: true })).status).toBe(200);
    expect((await t.request(summaryPath(pilot), asCookie(cookie))).status).toBe(401);
  });

  it('ends the other sessions at once when an admin sets a new password', async () => {
    const { id, cookie } = await loginAs('researcher', [pilot]);
    expect((await t.request(summaryPath(pilot), asCookie(cookie))).status).toBe(200);
    const reset = await t.request(`/api/users/${id}/password`, {
      method: 'POST',
      body: JSON.stringify({ newPassword: 'Waddenzee-Eemshaven-78' }),
    });
    expect(reset.status).toBeLessThan(300);
    expect((await t.request(summaryPath(pilot), asCookie(cookie))).status).toBe(401);
  });

  it('refuses a revoked token at once', async () => {
    const made = await t.json('/api/tokens', {
      method: 'POST',
      body: JSON.stringify({ name: 'script' }),
    });
    expect(made.status).toBe(201);
    const token = made.body.token as string;
    expect((await t.request(summaryPath(pilot), { as: token })).status).toBe(200);
    expect((await t.request(`/api/tokens/${made.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.request(summaryPath(pilot), { as: token })).status).toBe(401);
  });
});

describe('two instances on one database', () => {
  let other: Awaited<ReturnType<typeof createApp>>;
  let otherStore: Store;
  beforeAll(async () => {
    otherStore = await openDatabase(t.file, { poolSize: 2 });
    other = await createApp(otherStore, t.config);
  });
  afterAll(() => otherStore.close());

  it('sees a reference line written through the other instance in its next summary', async () => {
    const token = await t.user('manager', [pilot]);
    const get = () =>
      other.request(summaryPath(pilot), { headers: { authorization: `Bearer ${token}` } });
    const before = await (await get()).json();
    expect(await (await get()).json()).toEqual(before);
    const id = await referenceLine(pilot, 0.33);
    // On SQLite the next read sees it; on PostgreSQL once the database's notification of the
    // commit has reached the other instance (a bounded poll: it arrives within milliseconds).
    const deadline = Date.now() + 5_000;
    let after = await (await get()).json();
    while (
      !after.referenceLines.some((r: { id: string }) => r.id === id) &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 10));
      after = await (await get()).json();
    }
    expect(after.referenceLines.map((r: { id: string }) => r.id)).toContain(id);
  });
});
