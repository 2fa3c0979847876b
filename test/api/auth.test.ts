import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '@wegwijzer/db';
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
    body: JSON.stringify({ email, name: 'Iemand', password: 'lang-genoeg-wachtwoord', role, pilots }),
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
      body: JSON.stringify({ email: 'kort@gemeente.example', name: 'Kort', password: 'kort', role: 'viewer', pilots: [] }),
    });
    expect(status).toBe(400);
  });

  it('lets only an admin create users', async () => {
    const manager = await t.user('manager');
    const { status } = await t.json('/api/users', {
      as: manager,
      method: 'POST',
      body: JSON.stringify({ email: 'x@gemeente.example', name: 'X', password: 'lang-genoeg-wachtwoord', role: 'admin', pilots: [] }),
    });
    expect(status).toBe(403);
  });

  it('issues a bearer token that carries the caller’s rights', async () => {
    const viewer = await t.user('viewer');
    const { status, body } = await t.json('/api/tokens', { as: viewer, method: 'POST', body: JSON.stringify({ name: 'script' }) });
    expect(status).toBe(201);
    expect(body.token).toMatch(/^ww_/);
    const me = await t.json('/api/auth/me', { as: body.token });
    expect(me.body.role).toBe('viewer');
  });

  it('ends a session on logout', async () => {
    const { email } = await createUser('viewer');
    const login = await t.request('/api/auth/login', { as: '', method: 'POST', body: JSON.stringify({ email, password: 'lang-genoeg-wachtwoord' }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const out = await t.request('/api/auth/logout', { as: '', method: 'POST', headers: { cookie, origin: 'http://localhost' } });
    expect(out.status).toBe(204);
    const me = await t.json('/api/auth/me', { as: '', headers: { cookie } });
    expect(me.status).toBe(401);
  });

  it('refuses a cross-site form POST', async () => {
    const res = await t.request('/api/auth/logout', {
      as: '',
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(res.status).toBe(403);
  });

  it('writes an audit entry for a failed login', async () => {
    await t.json('/api/auth/login', { as: '', method: 'POST', body: JSON.stringify({ email: 'onbekend@gemeente.example', password: 'wat-dan-ook-123' }) });
    const rows = await t.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'login.failed').where('actor_email', '=', 'onbekend@gemeente.example').execute();
    expect(rows).toHaveLength(1);
  });
});
