import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { routeTable } from '@wegwijzer/api';
import type { Role } from '@wegwijzer/domain';
import { importCsv, testApp, type TestApp } from '../support/app.ts';

/**
 * The authorization matrix, generated from the route table: every declared route, called as
 * nobody, as each role with a grant on the pilot, and as each role without one.
 */

let t: TestApp;
let pilot: string;
let participant: string;
let event: string;
let budgetLine: string;
let referenceLine: string;
const tokens = {} as Record<
  Role | 'ungranted-manager' | 'ungranted-researcher' | 'ungranted-viewer',
  string
>;

beforeAll(async () => {
  t = await testApp();
  pilot = await t.pilot();
  await importCsv(t, pilot, 'participants', 'participant_ref,intake_date\nA1,2024-01-15\n');
  const list = await t.json(`/api/pilots/${pilot}/participants`);
  participant = list.body.items[0].id;
  const ev = await t.json(`/api/participants/${participant}/events`, {
    method: 'POST',
    body: JSON.stringify({ type: 'ladder', date: '2024-03-01', value: 3 }),
  });
  event = ev.body.id;
  for (const role of ['admin', 'manager', 'researcher', 'viewer'] as const)
    tokens[role] = await t.user(role, [pilot]);
  tokens['ungranted-manager'] = await t.user('manager');
  tokens['ungranted-researcher'] = await t.user('researcher');
  tokens['ungranted-viewer'] = await t.user('viewer');
});
afterAll(() => t.close());

// A DELETE with an empty body succeeds for budget and reference lines, so each test gets new ones.
beforeEach(async () => {
  const line = await t.json(`/api/pilots/${pilot}/budget-lines`, {
    method: 'POST',
    body: JSON.stringify({
      amount: 1000,
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      domain: 'green',
      fundingSource: 'Provincie',
    }),
  });
  budgetLine = line.body.id;
  const ref = await t.json(`/api/pilots/${pilot}/reference-lines`, {
    method: 'POST',
    body: JSON.stringify({
      kind: 'general_outflow',
      rate: 0.2,
      windowMonths: 12,
      period: '2024',
      source: 'CBS StatLine',
    }),
  });
  referenceLine = ref.body.id;
});

function concretePath(path: string) {
  return path
    .replace('/api/pilots/{id}', `/api/pilots/${pilot}`)
    .replace('/api/participants/{id}', `/api/participants/${participant}`)
    .replace('/api/events/{id}', `/api/events/${event}`)
    .replace('/api/budget-lines/{id}', `/api/budget-lines/${budgetLine}`)
    .replace('/api/reference-lines/{id}', `/api/reference-lines/${referenceLine}`);
}

describe('authorization matrix', () => {
  it('knows every route, and every route has a rule', () => {
    expect(routeTable.length).toBeGreaterThan(15);
    for (const r of routeTable) expect(r.access, `${r.method} ${r.path}`).toBeDefined();
  });

  const privateRoutes = () => routeTable.filter((r) => !('public' in r.access));

  it('answers 401 to an anonymous caller on every non-public route', async () => {
    for (const r of privateRoutes()) {
      const res = await t.request(concretePath(r.path), {
        as: '',
        method: r.method,
        body: r.method === 'GET' ? undefined : '{}',
      });
      expect(res.status, `${r.method} ${r.path}`).toBe(401);
    }
  });

  it('answers 403 to a role the route does not admit, and never 403 to one it does', async () => {
    for (const r of privateRoutes()) {
      if ('public' in r.access) continue;
      for (const role of ['admin', 'manager', 'researcher', 'viewer'] as const) {
        const res = await t.request(concretePath(r.path), {
          as: tokens[role],
          method: r.method,
          body: r.method === 'GET' ? undefined : '{}',
        });
        const allowed = r.access.roles.includes(role);
        if (allowed) expect(res.status, `${role} ${r.method} ${r.path}`).not.toBe(403);
        else expect(res.status, `${role} ${r.method} ${r.path}`).toBe(403);
      }
    }
  });

  it('answers 403 on pilot routes to roles without a grant on that pilot', async () => {
    const pilotRoutes = privateRoutes().filter(
      (r) => 'roles' in r.access && r.access.pilot !== undefined,
    );
    for (const r of pilotRoutes) {
      for (const role of ['manager', 'researcher', 'viewer'] as const) {
        const res = await t.request(concretePath(r.path), {
          as: tokens[`ungranted-${role}`],
          method: r.method,
          body: r.method === 'GET' ? undefined : '{}',
        });
        expect(res.status, `${role} ${r.method} ${r.path}`).toBe(403);
      }
    }
  });

  it('never gives a viewer a participant row or an event', async () => {
    for (const path of [`/api/pilots/${pilot}/participants`, `/api/participants/${participant}`]) {
      const res = await t.request(path, { as: tokens.viewer });
      expect(res.status).toBe(403);
    }
  });

  it('lists only granted pilots to a manager', async () => {
    const mine = await t.json('/api/pilots', { as: tokens.manager });
    expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual([pilot]);
    const none = await t.json('/api/pilots', { as: tokens['ungranted-manager'] });
    expect(none.body.items).toEqual([]);
  });

  it('shows researchers pseudonyms, stable per researcher and different between researchers', async () => {
    const a = await t.json(`/api/pilots/${pilot}/participants`, { as: tokens.researcher });
    const again = await t.json(`/api/pilots/${pilot}/participants`, { as: tokens.researcher });
    const other = await t.user('researcher', [pilot]);
    const b = await t.json(`/api/pilots/${pilot}/participants`, { as: other });
    const ref = a.body.items[0].participantRef;
    expect(ref).not.toBe('A1');
    expect(ref).toMatch(/^P[0-9A-F]{12}$/);
    expect(again.body.items[0].participantRef).toBe(ref);
    expect(b.body.items[0].participantRef).not.toBe(ref);
  });
});
