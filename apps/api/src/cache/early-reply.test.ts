import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { committedPilotVersion, insertPilot, openStore, type SqliteStore } from '@wegwijzer/db';
import { ActorCache } from '../auth/actor-cache.ts';
import { configFromEnv } from '../config.ts';
import type { Actor, Deps } from '../http/env.ts';
import type { RequestLog } from '../http/logging.ts';
// Declares the cached summary route in the route table, as the app does.
import '../routes/outcomes.ts';
import { answerCachedFirst } from './early-reply.ts';
import { ExportFileCache } from './export-files.ts';
import { ReplyCache, replyKeyOf } from './replies.ts';

/**
 * The replies answered in front of the app (real SQLite file, the real caches): only a stored
 * reply with its headers, for a caller the actor cache knows and the route admits, at the pilot's
 * current version; anything else goes to the app. The API suite checks such replies equal the
 * fresh ones byte for byte (test/api/reply-cache.test.ts).
 */

const TOKEN = 'ww_test-token';
let dir: string;
let store: SqliteStore;
let deps: Deps;
let pilotId: string;
let lines: unknown[][];
let plainCalls: number;
let fetch: (request: Request) => Response | Promise<Response>;

const actor = (pilots: string[], role: Actor['role'] = 'manager'): Actor => ({
  id: 'u1',
  email: 'm@example.nl',
  name: 'M',
  role,
  pilots: new Set(pilots),
  demo: false,
  via: 'token',
});
const summary = () => `/api/pilots/${pilotId}/outcomes?window=12`;
const get = (path: string, token: string | null = TOKEN, language?: string) =>
  fetch(
    new Request(`http://localhost${path}`, {
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(language ? { 'accept-language': language } : {}),
      },
    }),
  );

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wegwijzer-early-'));
  store = await openStore(join(dir, 'early.sqlite'));
  pilotId = (
    await insertPilot(store.db, {
      name: 'Samen',
      municipality: 'GM0599',
      theme: 'reintegration',
      startDate: '2024-01-01',
      dataCompleteThrough: '2025-12-31',
      monthlyBenefitCents: 120000,
      guidanceCostCents: 250000,
      targetGroup: null,
      description: null,
      synthetic: false,
      retainUntil: '2027-12-31',
      retentionAction: 'erase',
      processing: {},
    })
  ).id;
  deps = {
    store,
    config: configFromEnv({}),
    pseudonymKey: 'test-key',
    actors: new ActorCache(),
    replies: new ReplyCache(),
    exportFiles: new ExportFileCache(),
  };
  const key = 'token:' + createHash('sha256').update(TOKEN).digest('hex');
  deps.actors.put(key, actor([pilotId]), deps.actors.generation, Date.now(), null);
  const version = (await committedPilotVersion(store, pilotId))!;
  deps.replies.put(replyKeyOf(version, 'manager', '', summary()), {
    body: '{"stored":true}',
    contentType: 'application/json',
    headers: [
      ['content-type', 'application/json'],
      ['x-frame-options', 'SAMEORIGIN'],
    ],
  });
  lines = [];
  plainCalls = 0;
  const log: RequestLog = { enabled: true, write: (...line) => lines.push(line) };
  fetch = answerCachedFirst(deps, log, () => {
    plainCalls++;
    return new Response('plain', { status: 299 });
  });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('answerCachedFirst', () => {
  it('answers a stored reply with its stored headers, a request id of its own and a log line', async () => {
    const res = await get(summary());
    expect(plainCalls).toBe(0);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"stored":true}');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toEqual([[id, 'GET', '/api/pilots/:id/outcomes', 200, expect.any(Number)]]);
  });

  it('leaves to the app a caller it does not know, without a grant, or of a role the route refuses', async () => {
    await get(summary(), null);
    await get(summary(), 'ww_other-token');
    const key = 'token:' + createHash('sha256').update(TOKEN).digest('hex');
    deps.actors.put(key, actor([]), deps.actors.generation, Date.now(), null);
    await get(summary());
    deps.actors.put(key, actor([pilotId], 'viewer'), deps.actors.generation, Date.now(), null);
    await get(summary());
    expect(plainCalls).toBe(4);
  });

  it('leaves to the app another language, another query, a percent-encoded path and a moved version', async () => {
    await get(summary(), TOKEN, 'en');
    await get(`/api/pilots/${pilotId}/outcomes?window=24`);
    await get(`/api/pilots/${pilotId}/outcome%73?window=12`);
    await store.transaction((tx) =>
      tx.run('UPDATE pilots SET data_version = data_version + 1 WHERE id = ?', [pilotId]),
    );
    await get(summary());
    expect(plainCalls).toBe(4);
    expect(lines).toEqual([]);
  });
});
