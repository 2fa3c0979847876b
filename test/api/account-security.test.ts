import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, insertUser, sql, throttleKey } from '@wegwijzer/db';
import { testApp, type TestApp } from '../support/app.ts';

/** Accounts as an attacker tries them (ASVS V2, V3): guessing, weak passwords, tokens, sessions. */

const PASSWORD = 'Harlingen-Terschelling-42';
const OWN = 'http://localhost';

let t: TestApp;
beforeAll(async () => {
  // Behind a proxy the caller's address is the proxy's X-Forwarded-For entry.
  t = await testApp({ trustProxy: true, sessionIdleMs: 30 * 60_000 });
});
afterAll(() => t.close());

let n = 0;
async function account(role = 'viewer') {
  const email = `persoon-${++n}-${Date.now()}@gemeente.example`;
  const res = await t.json('/api/users', {
    method: 'POST',
    body: JSON.stringify({ email, name: 'Persoon', password: PASSWORD, role, pilots: [] }),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { email, id: res.body.id as string };
}

function login(email: string, password: string, from = '192.0.2.10') {
  return t.request('/api/auth/login', {
    as: '',
    method: 'POST',
    headers: { 'x-forwarded-for': from },
    body: JSON.stringify({ email, password }),
  });
}

async function sessionOf(email: string, password = PASSWORD, from = '192.0.2.77') {
  const res = await login(email, password, from);
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

function asSession(cookie: string, path: string, init: RequestInit = {}) {
  return t.request(path, {
    ...init,
    as: '',
    headers: { cookie, origin: OWN, ...(init.headers as Record<string, string> | undefined) },
  });
}

describe('login throttling', () => {
  it('checks at most 10 of a burst of 40 concurrent wrong passwords', async () => {
    const { email } = await account();
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(email, `geraden-wachtwoord-${i}`, '198.51.100.7')),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
  });

  it('lets the owner log in from another address while the attacker’s address is locked out', async () => {
    const { email } = await account();
    for (let i = 0; i < 10; i++)
      expect((await login(email, `fout-${i}-wachtwoord`, '203.0.113.5')).status).toBe(401);
    expect((await login(email, PASSWORD, '203.0.113.5')).status).toBe(429);
    expect((await login(email, PASSWORD, '192.0.2.200')).status).toBe(200);
    // And the attacker's address is not locked out of other accounts by this pair.
    const other = await account();
    expect((await login(other.email, PASSWORD, '203.0.113.5')).status).toBe(200);
  });

  it('doubles the lock with each failure after the limit', async () => {
    const { email } = await account();
    const from = '203.0.113.9';
    for (let i = 0; i < 10; i++) await login(email, `fout-${i}-wachtwoord`, from);
    const key = throttleKey('pair', email, from);
    const lockOf = async () => {
      const row = await t.store.db
        .selectFrom('login_throttle')
        .selectAll()
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      return Date.parse(row.locked_until!) - Date.parse(row.last_failure_at);
    };
    expect(await lockOf()).toBe(60_000);
    // The lock runs out (moved into the past here); the next wrong guess locks for twice as long.
    for (const expected of [120_000, 240_000]) {
      await t.store.db
        .updateTable('login_throttle')
        .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
        .where('key', '=', key)
        .execute();
      expect((await login(email, 'weer-fout-wachtwoord', from)).status).toBe(401);
      expect(await lockOf()).toBe(expected);
      expect((await login(email, PASSWORD, from)).status).toBe(429);
    }
  });
});

describe('passwords', () => {
  it.each(['password1234', '123456789012', 'qwertyuiop12', 'welkom123456'])(
    'refuses the common password %s with 400 naming the field',
    async (password) => {
      const res = await t.json('/api/users', {
        method: 'POST',
        body: JSON.stringify({
          email: `zwak-${Date.now()}@gemeente.example`,
          name: 'Zwak',
          password,
          role: 'viewer',
          pilots: [],
        }),
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^password: .*too common/);
    },
  );

  it('lets every user change their own password with the current one; other sessions end', async () => {
    const { email } = await account('viewer');
    const here = await sessionOf(email);
    const elsewhere = await sessionOf(email);
    const wrong = await asSession(here, '/api/auth/password', {
      method: 'POST',
      body: JSON.stringify({
        currentPassword: 'niet-het-goede',
        newPassword: 'Nieuw-Ameland-2032',
      }),
    });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as any).error.message).toMatch(/^currentPassword/);
    const weak = await asSession(here, '/api/auth/password', {
      method: 'POST',
      body: JSON.stringify({ currentPassword: PASSWORD, newPassword: 'password1234' }),
    });
    expect(weak.status).toBe(400);
    const ok = await asSession(here, '/api/auth/password', {
      method: 'POST',
      body: JSON.stringify({ currentPassword: PASSWORD, newPassword: 'Nieuw-Ameland-2032' }),
    });
    expect(ok.status).toBe(204);
    expect((await asSession(here, '/api/auth/me')).status).toBe(200);
    expect((await asSession(elsewhere, '/api/auth/me')).status).toBe(401);
    expect((await login(email, PASSWORD, '192.0.2.78')).status).toBe(401);
    expect((await login(email, 'Nieuw-Ameland-2032', '192.0.2.78')).status).toBe(200);
  });

  it('lets an admin set a new password, which ends the user’s sessions', async () => {
    const { email, id } = await account('manager');
    const session = await sessionOf(email);
    const res = await t.request(`/api/users/${id}/password`, {
      method: 'POST',
      body: JSON.stringify({ newPassword: 'Beheerder-Zette-Dit-99' }),
    });
    expect(res.status).toBe(204);
    expect((await asSession(session, '/api/auth/me')).status).toBe(401);
    expect((await login(email, 'Beheerder-Zette-Dit-99', '192.0.2.79')).status).toBe(200);
    const asManager = await t.user('manager');
    const refused = await t.request(`/api/users/${id}/password`, {
      as: asManager,
      method: 'POST',
      body: JSON.stringify({ newPassword: 'Beheerder-Zette-Dit-98' }),
    });
    expect(refused.status).toBe(403);
  });
});

describe('tokens', () => {
  const days = (iso: string) => (Date.parse(iso) - Date.now()) / 86_400_000;

  it('lives 90 days by default and at most 365', async () => {
    const viewer = await t.user('viewer');
    const made = await t.json('/api/tokens', {
      as: viewer,
      method: 'POST',
      body: JSON.stringify({ name: 'script' }),
    });
    expect(made.status).toBe(201);
    expect(days(made.body.expiresAt)).toBeCloseTo(90, 1);
    const tooLong = await t.json('/api/tokens', {
      as: viewer,
      method: 'POST',
      body: JSON.stringify({ name: 'lang', expiresInDays: 3650 }),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toMatch(/^expiresInDays/);
  });

  it('cannot mint a longer-lived token, and a token made with one is revoked with it', async () => {
    const { id: userId } = await account('manager');
    const short = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const { id: parentId, token: parent } = await createToken(t.store.db, userId, 'kort', short);
    const child = await t.json('/api/tokens', {
      as: parent,
      method: 'POST',
      body: JSON.stringify({ name: 'langer', expiresInDays: 365 }),
    });
    expect(child.status).toBe(201);
    expect(child.body.expiresAt).toBe(short);
    const grandchild = await t.json('/api/tokens', {
      as: child.body.token,
      method: 'POST',
      body: JSON.stringify({ name: 'nog-langer' }),
    });
    expect(grandchild.body.expiresAt).toBe(short);
    expect((await t.json('/api/auth/me', { as: grandchild.body.token })).body.role).toBe('manager');
    expect((await t.request(`/api/tokens/${parentId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.json('/api/auth/me', { as: child.body.token })).status).toBe(401);
    expect((await t.json('/api/auth/me', { as: grandchild.body.token })).status).toBe(401);
  });

  it('revokes a disabled user’s tokens for good: enabling the user again does not bring them back', async () => {
    const user = await insertUser(t.store.db, {
      email: `uit-${Date.now()}@gemeente.example`,
      name: 'Uit',
      passwordHash: 'scrypt$16384$8$1$x$y',
      role: 'viewer',
      pilots: [],
    });
    const { token } = await createToken(t.store.db, user.id, 'x', null);
    expect((await t.json('/api/auth/me', { as: token })).status).toBe(200);
    const patch = (disabled: boolean) =>
      t.json(`/api/users/${user.id}`, { method: 'PATCH', body: JSON.stringify({ disabled }) });
    expect((await patch(true)).status).toBe(200);
    expect((await patch(false)).status).toBe(200);
    expect((await t.json('/api/auth/me', { as: token })).status).toBe(401);
  });
});

describe('sessions', () => {
  it('end after 30 minutes without use, well within their absolute lifetime', async () => {
    const { email } = await account();
    const cookie = await sessionOf(email);
    expect((await asSession(cookie, '/api/auth/me')).status).toBe(200);
    // 29 minutes of quiet: still alive, and the use moves the deadline on.
    const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();
    const user = await t.store.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const idle = (min: number) =>
      sql`UPDATE sessions SET last_seen_at = ${ago(min)} WHERE user_id = ${user.id}`.execute(
        t.store.db,
      );
    await idle(29);
    expect((await asSession(cookie, '/api/auth/me')).status).toBe(200);
    const seen = await t.store.db
      .selectFrom('sessions')
      .select('last_seen_at')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(Date.now() - Date.parse(seen.last_seen_at!)).toBeLessThan(10_000);
    await idle(31);
    expect((await asSession(cookie, '/api/auth/me')).status).toBe(401);
  });
});
