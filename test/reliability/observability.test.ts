import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testApp } from '../support/app.ts';
import {
  ADMIN,
  adminToken,
  api,
  createPilot,
  importCsv,
  startServer,
  tempDir,
} from './support/server.ts';

/**
 * One JSON line per request on stdout (id, method, route pattern, status, duration), and nothing
 * a caller sent: no body, no query value, no BSN, no participant data. Silent in tests. And
 * `/api/health` says 503 when the database cannot be queried.
 */

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const SECRET_REF = 'Ĳsselmonde-geheim-4711';
const BSN = '111222333';

async function exercise(env: Record<string, string>) {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  const server = await startServer(join(tmp.dir, 'db.sqlite'), env);
  cleanups.push(() => server.stop('SIGKILL'));
  const token = await adminToken(server.base);
  const pilot = await createPilot(server.base, token);
  const imported = await importCsv(
    server.base,
    token,
    pilot,
    'participants',
    `participant_ref,intake_date,bsn\n${SECRET_REF},2024-01-02,${BSN}\n`,
  );
  expect(imported.status, imported.text).toBe(200);
  const listed = await fetch(
    `${server.base}/api/pilots/${pilot}/participants?ref=${encodeURIComponent(SECRET_REF)}`,
    {
      headers: { authorization: `Bearer ${token}` },
    },
  );
  expect(listed.status).toBe(200);
  const requestId = listed.headers.get('x-request-id');
  const created = await api(server.base, token, `/api/pilots/${pilot}/participants`, {
    body: { participantRef: `${SECRET_REF}-2`, intakeDate: '2024-02-01', bsn: BSN },
  });
  expect(created.status, created.text).toBe(201);
  expect(
    (
      await api(server.base, token, `/api/participants/${created.body.id}/events`, {
        body: { type: 'ladder', date: '2024-03-01', value: 9 },
      })
    ).status,
  ).toBe(400);
  expect((await api(server.base, token, '/api/nothing-here?ref=' + SECRET_REF)).status).toBe(404);
  expect((await server.stop('SIGTERM')).code).toBe(0);
  return { stdout: server.stdout(), output: server.output(), token, requestId, pilot };
}

describe('request logs', () => {
  it('writes one JSON line per request with id, method, route, status and duration, and no caller data', async () => {
    const { stdout, output, token, requestId, pilot } = await exercise({ NODE_ENV: 'production' });
    const lines = stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l))
      .filter((l) => l.msg === 'request');
    // health probes while starting, login, token, pilot, import, list, create, event, 404
    expect(lines.length).toBeGreaterThanOrEqual(8);
    for (const l of lines) {
      expect(Object.keys(l).sort()).toEqual([
        'durationMs',
        'level',
        'method',
        'msg',
        'requestId',
        'route',
        'status',
        'time',
      ]);
      expect(typeof l.durationMs).toBe('number');
      expect(l.route).not.toContain('?');
      expect(l.route).not.toContain(pilot);
    }
    const list = lines.find((l) => l.requestId === requestId);
    expect(list).toMatchObject({
      method: 'GET',
      route: '/api/pilots/:id/participants',
      status: 200,
      level: 'info',
    });
    expect(lines.find((l) => l.status === 400)).toMatchObject({
      method: 'POST',
      route: '/api/participants/:id/events',
      level: 'warn',
    });
    expect(lines.find((l) => l.status === 404)).toBeDefined();
    for (const secret of [SECRET_REF, 'geheim', BSN, ADMIN.password, token, 'ref='])
      expect(output).not.toContain(secret);
    console.info(
      `observability: ${lines.length} request lines, none with a reference, BSN, password or token`,
    );
  }, 60_000);

  it('writes no request lines with WEGWIJZER_LOG=off', async () => {
    const { stdout } = await exercise({ NODE_ENV: 'production', WEGWIJZER_LOG: 'off' });
    expect(stdout).not.toContain('"msg":"request"');
  }, 60_000);

  it('keeps in-process test runs silent', async () => {
    const t = await testApp();
    cleanups.push(() => t.close());
    const write = vi.spyOn(process.stdout, 'write');
    try {
      expect((await t.json('/api/health', { as: '' })).status).toBe(200);
      expect((await t.json('/api/pilots')).status).toBe(200);
      expect(
        write.mock.calls.filter(([chunk]) => String(chunk).includes('"msg":"request"')),
      ).toEqual([]);
    } finally {
      write.mockRestore();
    }
  });
});

describe('health', () => {
  it('answers 503 with database unreachable once the store is closed', async () => {
    const t = await testApp();
    cleanups.push(() => t.close());
    expect((await t.json('/api/health', { as: '' })).status).toBe(200);
    await t.store.close();
    const { status, body } = await t.json('/api/health', { as: '' });
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'unavailable', database: 'unreachable' });
  });

  it('answers 503 when the SQLite handle under the store has gone', async () => {
    const t = await testApp();
    cleanups.push(() => t.close());
    if (t.store.kind !== 'sqlite') return;
    t.store.sqlite.close();
    const { status, body } = await t.json('/api/health', { as: '' });
    expect(status).toBe(503);
    expect(body.database).toBe('unreachable');
  });
});
