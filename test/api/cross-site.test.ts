import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '@wegwijzer/api';
import { importCsv, testApp, type TestApp } from '../support/app.ts';
import { rowCounts } from '../support/counts.ts';

/**
 * Cross-site request forgery, as an attacker's page would try it: every state-changing route of
 * the route table, called with the admin's session cookie and a body the route accepts, from a
 * foreign origin. Each must be refused with 403 before anything is read or written; the same
 * request from the application's own origin succeeds, which shows the body was a valid one.
 */

const OWN = 'http://localhost';
const PASSWORD = 'Kruispunt-Vlieland-2031';

let t: TestApp;
let cookie: string;
let adminEmail: string;
const ids = {} as Record<
  | 'pilot'
  | 'participant'
  | 'erasable'
  | 'duePilot'
  | 'event'
  | 'budgetLine'
  | 'referenceLine'
  | 'token'
  | 'user',
  string
>;

interface Sample {
  path: string;
  body?: string;
  contentType?: string;
}

/** A request each state-changing route accepts; `{id}` and friends come from `ids`. */
function sample(method: string, path: string): Sample {
  const p = ids.pilot;
  const samples: Record<string, Sample> = {
    'POST /api/auth/login': {
      path,
      body: JSON.stringify({ email: adminEmail, password: PASSWORD }),
    },
    'POST /api/auth/logout': { path },
    'POST /api/auth/password': {
      path,
      body: JSON.stringify({ currentPassword: PASSWORD, newPassword: PASSWORD }),
    },
    'POST /api/tokens': { path, body: JSON.stringify({ name: 'script' }) },
    'DELETE /api/tokens/{id}': { path: `/api/tokens/${ids.token}` },
    'POST /api/users': {
      path,
      body: JSON.stringify({
        email: `nieuw-${Date.now()}@gemeente.example`,
        name: 'Nieuw',
        password: 'Waddenzee-Eemshaven-77',
        role: 'admin',
        pilots: [],
      }),
    },
    'PATCH /api/users/{id}': {
      path: `/api/users/${ids.user}`,
      body: JSON.stringify({ name: 'Ander' }),
    },
    'POST /api/users/{id}/password': {
      path: `/api/users/${ids.user}/password`,
      body: JSON.stringify({ newPassword: 'Waddenzee-Eemshaven-78' }),
    },
    'POST /api/pilots': {
      path,
      body: JSON.stringify({
        name: 'Pilot',
        municipality: 'GM0599',
        theme: 'reintegration',
        startDate: '2024-01-01',
        dataCompleteThrough: '2025-12-31',
        retainUntil: '2027-12-31',
      }),
    },
    'PATCH /api/pilots/{id}': { path: `/api/pilots/${p}`, body: JSON.stringify({ name: 'Nieuw' }) },
    'POST /api/pilots/{id}/participants': {
      path: `/api/pilots/${p}/participants`,
      body: JSON.stringify({ participantRef: `N${Date.now()}`, intakeDate: '2024-02-01' }),
    },
    'PATCH /api/participants/{id}': {
      path: `/api/participants/${ids.participant}`,
      body: JSON.stringify({ motivation: 4 }),
    },
    'POST /api/participants/{id}/events': {
      path: `/api/participants/${ids.participant}/events`,
      body: JSON.stringify({ type: 'ladder', date: '2024-04-01', value: 4 }),
    },
    'DELETE /api/events/{id}': { path: `/api/events/${ids.event}?reason=typefout` },
    'POST /api/pilots/{id}/imports': {
      path: `/api/pilots/${p}/imports?kind=participants`,
      body: 'participant_ref,intake_date\nZ9,2024-03-01\n',
      contentType: 'text/csv',
    },
    'POST /api/pilots/{id}/budget-lines': {
      path: `/api/pilots/${p}/budget-lines`,
      body: JSON.stringify({
        amount: 1000,
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
        domain: 'green',
        fundingSource: 'Provincie',
      }),
    },
    'PATCH /api/budget-lines/{id}': {
      path: `/api/budget-lines/${ids.budgetLine}`,
      body: JSON.stringify({ amount: 2000 }),
    },
    'DELETE /api/budget-lines/{id}': { path: `/api/budget-lines/${ids.budgetLine}` },
    'POST /api/pilots/{id}/reference-lines': {
      path: `/api/pilots/${p}/reference-lines`,
      body: JSON.stringify({
        kind: 'general_outflow',
        rate: 0.2,
        windowMonths: 12,
        period: '2024',
        source: 'CBS StatLine',
      }),
    },
    'DELETE /api/reference-lines/{id}': { path: `/api/reference-lines/${ids.referenceLine}` },
    'DELETE /api/pilots/{id}/participants/{participantId}': {
      path: `/api/pilots/${p}/participants/${ids.erasable}`,
      body: JSON.stringify({ reason: 'verzoek betrokkene' }),
    },
    'POST /api/access-requests': { path, body: JSON.stringify({ ref: 'A1' }) },
    // Declared, changed and deleted in this order: the route table lists them so.
    'POST /api/pilots/{id}/variables': {
      path: `/api/pilots/${p}/variables`,
      body: JSON.stringify({ code: 'cross_site', label: 'Kruis', type: 'boolean' }),
    },
    'PATCH /api/pilots/{id}/variables/{code}': {
      path: `/api/pilots/${p}/variables/cross_site`,
      body: JSON.stringify({ label: 'Kruispunt' }),
    },
    'DELETE /api/pilots/{id}/variables/{code}': { path: `/api/pilots/${p}/variables/cross_site` },
    'POST /api/pilots/{id}/retention': {
      path: `/api/pilots/${ids.duePilot}/retention`,
      body: JSON.stringify({ action: 'reduce', confirm: '2025-12-31' }),
    },
  };
  // A route added later without a sample is still walked, with an empty JSON body: the origin
  // check comes before validation, so it must answer 403 all the same.
  return samples[`${method} ${path}`] ?? { path: path.replace('{id}', p), body: '{}' };
}

const stateChanging = () => routeTable.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');

function send(s: Sample, method: string, headers: Record<string, string>) {
  return t.request(s.path, {
    as: '',
    method,
    headers: { 'content-type': s.contentType ?? 'application/json', cookie, ...headers },
    body: s.body,
  });
}

beforeAll(async () => {
  t = await testApp();
  adminEmail = `beheer-${Date.now()}@gemeente.example`;
  const admin = await t.json('/api/users', {
    method: 'POST',
    body: JSON.stringify({
      email: adminEmail,
      name: 'Beheer',
      password: PASSWORD,
      role: 'admin',
      pilots: [],
    }),
  });
  expect(admin.status).toBe(201);
  const login = await t.request('/api/auth/login', {
    as: '',
    method: 'POST',
    body: JSON.stringify({ email: adminEmail, password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  ids.pilot = await t.pilot();
  await importCsv(
    t,
    ids.pilot,
    'participants',
    'participant_ref,intake_date\nA1,2024-01-15\nA2,2024-01-16\n',
  );
  const people = (await t.json(`/api/pilots/${ids.pilot}/participants`)).body.items;
  ids.participant = people.find((x: { participantRef: string }) => x.participantRef === 'A1').id;
  ids.erasable = people.find((x: { participantRef: string }) => x.participantRef === 'A2').id;
  ids.duePilot = await t.pilot({ retainUntil: '2025-12-31' });
  ids.event = (
    await t.json(`/api/participants/${ids.participant}/events`, {
      method: 'POST',
      body: JSON.stringify({ type: 'ladder', date: '2024-03-01', value: 3 }),
    })
  ).body.id;
  ids.budgetLine = (
    await t.json(`/api/pilots/${ids.pilot}/budget-lines`, {
      method: 'POST',
      body: sample('POST', '/api/pilots/{id}/budget-lines').body!,
    })
  ).body.id;
  ids.referenceLine = (
    await t.json(`/api/pilots/${ids.pilot}/reference-lines`, {
      method: 'POST',
      body: sample('POST', '/api/pilots/{id}/reference-lines').body!,
    })
  ).body.id;
  ids.token = (
    await t.json('/api/tokens', { method: 'POST', body: JSON.stringify({ name: 'x' }) })
  ).body.id;
  ids.user = (
    await t.json('/api/users', {
      method: 'POST',
      body: JSON.stringify({
        email: `ander-${Date.now()}@gemeente.example`,
        name: 'Ander',
        password: 'Waddenzee-Eemshaven-76',
        role: 'viewer',
        pilots: [],
      }),
    })
  ).body.id;
});
afterAll(() => t.close());

const BAD: [string, Record<string, string>][] = [
  ['a foreign Origin', { origin: 'https://evil.example' }],
  ['Origin: null', { origin: 'null' }],
  ['no Origin or Referer', {}],
  ['Sec-Fetch-Site: cross-site', { origin: OWN, 'sec-fetch-site': 'cross-site' }],
  ['a foreign Referer and no Origin', { referer: 'https://evil.example/page' }],
];

describe('cross-site requests with a session cookie', () => {
  it('walks at least the 18 state-changing routes there were when this test was written', () => {
    expect(stateChanging().length).toBeGreaterThanOrEqual(18);
  });

  for (const [what, headers] of BAD) {
    it(`refuses every state-changing route with 403 and writes nothing: ${what}`, async () => {
      for (const r of stateChanging()) {
        const before = await rowCounts(t.store);
        const res = await send(sample(r.method, r.path), r.method, headers);
        const label = `${r.method} ${r.path} with ${what}`;
        expect(res.status, label).toBe(403);
        expect(((await res.json()) as { error: { code: string } }).error.code, label).toBe(
          'forbidden',
        );
        expect(await rowCounts(t.store), label).toEqual(before);
      }
    });
  }

  it('lets the same requests through from the application’s own origin', async () => {
    // Logging out ends the session the other requests ride on, so it goes last.
    const routes = stateChanging().sort(
      (a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'),
    );
    for (const r of routes) {
      const res = await send(sample(r.method, r.path), r.method, {
        origin: OWN,
        'sec-fetch-site': 'same-origin',
      });
      expect(res.status, `${r.method} ${r.path}: ${await res.clone().text()}`).toBeLessThan(300);
    }
  });

  it('also accepts a same-origin Referer when the browser sends no Origin', async () => {
    const res = await send({ path: '/api/tokens', body: '{"name":"r"}' }, 'POST', {
      referer: `${OWN}/beheer`,
    });
    // The session ended with the logout above: the request passed the origin check and met 401.
    expect(res.status).toBe(401);
  });

  it('leaves bearer-token requests alone: another site cannot send one', async () => {
    const res = await t.request('/api/tokens', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ name: 'script' }),
    });
    expect(res.status).toBe(201);
  });

  it('behind a proxy accepts only the configured public origin (WEGWIJZER_ORIGIN)', async () => {
    const proxied = await testApp({ origins: ['https://wegwijzer.gemeente.example'] });
    try {
      const post = (origin: string) =>
        proxied.request('/api/auth/logout', {
          as: '',
          method: 'POST',
          headers: { origin, cookie: 'ww_session=x' },
        });
      expect((await post('http://localhost')).status).toBe(403);
      expect((await post('https://wegwijzer.gemeente.example')).status).toBe(204);
    } finally {
      await proxied.close();
    }
  });
});
