import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail, flushAnonymousFailures } from '@wegwijzer/db';
import { testApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

async function createUser(role: string, pilots: string[] = []) {
  const email = `${role}-${Math.random().toString(36).slice(2)}@gemeente.example`;
  const res = await t.json('/api/users', {
    method: 'POST',
    body: JSON.stringify({
      email,
      name: 'Iemand',
      password: 'lang-genoeg-wachtwoord',
      role,
      pilots,
    }),
  });
  return { email, ...res };
}

describe('accounts and sessions', () => {
  it('creates a user as admin and logs in with a session cookie that is HttpOnly and SameSite', async () => {
    const { email, status } = await createUser('manager');
    expect(status).toBe(201);
    const res = await t.request('/api/auth/login', {
      as: '',
      method: 'POST',
      body: JSON.stringify({ email, password: 'lang-genoeg-wachtwoord' }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/ww_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await t.json('/api/auth/me', { as: '', headers: { cookie: cookie.split(';')[0]! } });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(email);
  });

  it('stores the password only as a scrypt hash', async () => {
    const { email } = await createUser('viewer');
    const row = await findUserByEmail(t.store.db, email);
    expect(row?.password_hash).toMatch(/^scrypt\$/);
    expect(row?.password_hash).not.toContain('lang-genoeg-wachtwoord');
  });

  it('refuses a wrong password with 401', async () => {
    const { email } = await createUser('viewer');
    const { status, body } = await t.json('/api/auth/login', {
      as: '',
      method: 'POST',
      body: JSON.stringify({ email, password: 'verkeerd-wachtwoord' }),
    });
    expect(status).toBe(401);
    expect(body.error.code).toBe('unauthorized');
  });

  it('refuses a short password for a new user with 400', async () => {
    const { status } = await t.json('/api/users', {
      method: 'POST',
      body: JSON.stringify({
        email: 'kort@gemeente.example',
        name: 'Kort',
        password: 'kort',
        role: 'viewer',
        pilots: [],
      }),
    });
    expect(status).toBe(400);
  });

  it('lets only an admin create users', async () => {
    const manager = await t.user('manager');
    const { status } = await t.json('/api/users', {
      as: manager,
      method: 'POST',
      body: JSON.stringify({
        email: 'x@gemeente.example',
        name: 'X',
        password: 'lang-genoeg-wachtwoord',
        role: 'admin',
        pilots: [],
      }),
    });
    expect(status).toBe(403);
  });

  it('issues a bearer token that carries the caller’s rights', async () => {
    const viewer = await t.user('viewer');
    const { status, body } = await t.json('/api/tokens', {
      as: viewer,
      method: 'POST',
      body: JSON.stringify({ name: 'script' }),
    });
    expect(status).toBe(201);
    expect(body.token).toMatch(/^ww_/);
    const me = await t.json('/api/auth/me', { as: body.token });
    expect(me.body.role).toBe('viewer');
  });

  it('ends a session on logout', async () => {
    const { email } = await createUser('viewer');
    const login = await t.request('/api/auth/login', {
      as: '',
      method: 'POST',
      body: JSON.stringify({ email, password: 'lang-genoeg-wachtwoord' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const out = await t.request('/api/auth/logout', {
      as: '',
      method: 'POST',
      headers: { cookie, origin: 'http://localhost' },
    });
    expect(out.status).toBe(204);
    const me = await t.json('/api/auth/me', { as: '', headers: { cookie } });
    expect(me.status).toBe(401);
  });

  it('refuses a cross-site form POST', async () => {
    const res = await t.request('/api/auth/logout', {
      as: '',
      method: 'POST',
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'a=1',
    });
    expect(res.status).toBe(403);
  });

  it('counts failed logins per address and minute, and logs no e-mail address a caller typed', async () => {
    const own = await testApp();
    try {
      for (let i = 0; i < 3; i++)
        await own.json('/api/auth/login', {
          as: '',
          method: 'POST',
          body: JSON.stringify({ email: 'onbekend@gemeente.example', password: 'wat-dan-ook-123' }),
        });
      // The minute is over: its count enters the log as one entry.
      await flushAnonymousFailures(own.store, new Date(Date.now() + 61_000));
      const rows = await own.store.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'login.failed')
        .execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ row_count: 3, actor_id: null, actor_email: null });
      expect(JSON.parse(rows[0]!.details!)).toMatchObject({ address: 'unknown' });
      expect(JSON.stringify(rows)).not.toContain('onbekend');
    } finally {
      await own.close();
    }
  });
});

describe('login throttling', () => {
  it('throttles an account after 10 failed logins, also for the right password, with 429', async () => {
    const own = await testApp();
    try {
      const email = 'doelwit@gemeente.example';
      await own.json('/api/users', {
        method: 'POST',
        body: JSON.stringify({
          email,
          name: 'D',
          password: 'lang-genoeg-wachtwoord',
          role: 'viewer',
          pilots: [],
        }),
      });
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const r = await own.json('/api/auth/login', {
          as: '',
          method: 'POST',
          body: JSON.stringify({ email, password: `fout-${i}-wachtwoord` }),
        });
        statuses.push(r.status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses[10]).toBe(429);
      const right = await own.json('/api/auth/login', {
        as: '',
        method: 'POST',
        body: JSON.stringify({ email, password: 'lang-genoeg-wachtwoord' }),
      });
      expect(right.status).toBe(429);
      await flushAnonymousFailures(own.store, new Date(Date.now() + 61_000));
      const logged = await own.store.db
        .selectFrom('audit_log')
        .select(['action', 'row_count'])
        .where('action', 'like', 'login.%')
        .execute();
      const count = (action: string) =>
        logged.filter((r) => r.action === action).reduce((n, r) => n + Number(r.row_count), 0);
      expect(count('login.failed')).toBe(10);
      expect(count('login.throttled')).toBe(2);
    } finally {
      await own.close();
    }
  });
});

describe('tokens and users', () => {
  it('revokes a token so it no longer works', async () => {
    const viewer = await t.user('viewer');
    const created = await t.json('/api/tokens', {
      as: viewer,
      method: 'POST',
      body: JSON.stringify({ name: 'kort', expiresInDays: 1 }),
    });
    const listed = await t.json('/api/tokens', { as: viewer });
    expect(
      listed.body.items.some(
        (x: { id: string; expiresAt: string | null }) => x.id === created.body.id && x.expiresAt,
      ),
    ).toBe(true);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    const del = await t.request(`/api/tokens/${created.body.id}`, { as: viewer, method: 'DELETE' });
    expect(del.status).toBe(204);
    expect((await t.json('/api/auth/me', { as: created.body.token })).status).toBe(401);
  });

  it('refuses to revoke someone else’s token unless admin', async () => {
    const a = await t.user('manager');
    const b = await t.user('manager');
    const created = await t.json('/api/tokens', {
      as: a,
      method: 'POST',
      body: JSON.stringify({ name: 'x' }),
    });
    expect(
      (await t.request(`/api/tokens/${created.body.id}`, { as: b, method: 'DELETE' })).status,
    ).toBe(403);
    expect((await t.request(`/api/tokens/${created.body.id}`, { method: 'DELETE' })).status).toBe(
      204,
    );
  });

  it('changes a user’s role and grants, and a disabled user’s token stops working', async () => {
    const pilot = await t.pilot();
    const { body: user } = await t.json('/api/users', {
      method: 'POST',
      body: JSON.stringify({
        email: 'wissel@gemeente.example',
        name: 'W',
        password: 'lang-genoeg-wachtwoord',
        role: 'viewer',
        pilots: [],
      }),
    });
    const changed = await t.json(`/api/users/${user.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ role: 'manager', pilots: [pilot] }),
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'manager', pilots: [pilot] });
    const { createToken } = await import('@wegwijzer/db');
    const { token } = await createToken(t.store.db, user.id, 'x', null);
    expect((await t.json('/api/auth/me', { as: token })).status).toBe(200);
    await t.json(`/api/users/${user.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ disabled: true }),
    });
    expect((await t.json('/api/auth/me', { as: token })).status).toBe(401);
  });
});

describe('audit log', () => {
  it('answers who imported into a pilot in a period, in one query, and exports it as CSV', async () => {
    const pilot = await t.pilot();
    const manager = await t.user('manager', [pilot]);
    const { importCsv } = await import('../support/app.ts');
    await importCsv(t, pilot, 'participants', 'participant_ref,intake_date\nX1,2024-01-01\n', {
      as: manager,
    });
    const today = new Date().toISOString().slice(0, 10);
    const { status, body } = await t.json(
      `/api/audit?action=import&pilot=${pilot}&from=${today}&to=${today}`,
    );
    expect(status).toBe(200);
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({
      action: 'import.participants',
      pilotId: pilot,
      rowCount: 1,
    });
    expect(body.items[0].actorEmail).toMatch(/^manager-/);
    const csv = await t.request(`/api/audit/export?pilot=${pilot}`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('import.participants');
  });

  it("names the participant an entry is about by the participant's own reference", async () => {
    const pilot = await t.pilot();
    const manager = await t.user('manager', [pilot]);
    const { importCsv } = await import('../support/app.ts');
    await importCsv(t, pilot, 'participants', 'participant_ref,intake_date\nREF-77,2024-01-01\n', {
      as: manager,
    });
    const list = await t.json(`/api/pilots/${pilot}/participants`, { as: manager });
    const id = list.body.items[0].id;
    expect((await t.json(`/api/participants/${id}`, { as: manager })).status).toBe(200);
    const { body } = await t.json(`/api/audit?action=participant.read&pilot=${pilot}`);
    expect(body.items[0]).toMatchObject({ participantId: String(id), participantRef: 'REF-77' });
  });

  it('is for admins only', async () => {
    expect((await t.json('/api/audit', { as: await t.user('manager') })).status).toBe(403);
  });
});
