import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGROUP_FIELDS, WINDOWS } from '@wegwijzer/domain';
import { importCsv, testApp, type TestApp } from '../support/app.ts';
import { twelvePersonPilot } from '../support/disclosure-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

/** Every count-like number in a reply: the value of a key that names a count of people or events. */
function counts(value: unknown, path = ''): { path: string; n: number }[] {
  const COUNT_KEYS =
    /^(participants|evaluable|pending|count|n|atRisk|events|intervention|control|regular_work|bbz|combination|other|total|rows)$/;
  if (Array.isArray(value)) return value.flatMap((v, i) => counts(v, `${path}/${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      typeof v === 'number' && COUNT_KEYS.test(k)
        ? [{ path: `${path}/${k}`, n: v }]
        : counts(v, `${path}/${k}`),
    );
  }
  return [];
}

describe('a viewer on a pilot of 12 participants', () => {
  it('sees no count from 1 to 9 in any reply a viewer can reach', async () => {
    const pilot = await twelvePersonPilot(t);
    const viewer = await t.user('viewer', [pilot]);
    const paths = [
      '/api/pilots',
      `/api/pilots/${pilot}`,
      `/api/pilots/${pilot}/survival`,
      `/api/outcomes?pilots=${pilot}`,
      ...WINDOWS.flatMap((k) => [
        `/api/pilots/${pilot}/outcomes?window=${k}`,
        `/api/pilots/${pilot}/cohorts?window=${k}`,
      ]),
      ...SUBGROUP_FIELDS.map((by) => `/api/pilots/${pilot}/subgroups?by=${by}&window=12`),
      '/api/routeplanner?window=12',
      '/api/routeplanner?motivation=3&window=12',
    ];
    for (const path of paths) {
      const { status, body } = await t.json(path, { as: viewer });
      expect(status, path).toBe(200);
      const small = counts(body).filter((c) => c.n >= 1 && c.n <= 9);
      expect(small, path).toEqual([]);
    }
  });

  it('cannot reach a participant, an event or an export', async () => {
    const pilot = await twelvePersonPilot(t);
    const viewer = await t.user('viewer', [pilot]);
    const list = await t.json(`/api/pilots/${pilot}/participants`);
    const id = list.body.items[0].id;
    for (const path of [
      `/api/pilots/${pilot}/participants`,
      `/api/participants/${id}`,
      `/api/pilots/${pilot}/export`,
      `/api/pilots/${pilot}/worklist`,
    ]) {
      expect((await t.request(path, { as: viewer })).status, path).toBe(403);
    }
  });
});

describe('the audit log', () => {
  it('records each kind of action exactly once, with actor, pilot and row count', async () => {
    const pilot = await t.pilot({ name: 'Auditpilot' });
    const manager = await t.user('manager', [pilot]);
    const researcher = await t.user('researcher', [pilot]);
    const before = await t.store.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirstOrThrow();
    const since = Number(before.max ?? 0);

    await importCsv(
      t,
      pilot,
      'participants',
      'participant_ref,intake_date\nQ1,2024-01-01\nQ2,2024-01-01\n',
      { as: manager },
    );
    await importCsv(
      t,
      pilot,
      'events',
      'participant_ref,type,date,reason,value\nQ1,ladder,2024-02-01,,3\n',
      { as: manager },
    );
    const id = (await t.json(`/api/pilots/${pilot}/participants?ref=Q1`, { as: manager })).body
      .items[0].id;
    await t.json(`/api/participants/${id}`, { as: manager });
    await t.json(`/api/participants/${id}`, {
      as: manager,
      method: 'PATCH',
      body: JSON.stringify({ motivation: 4 }),
    });
    const ev = await t.json(`/api/participants/${id}/events`, {
      as: manager,
      method: 'POST',
      body: JSON.stringify({ type: 'ladder', date: '2024-03-01', value: 4 }),
    });
    await t.request(`/api/events/${ev.body.id}?reason=dubbel`, { as: manager, method: 'DELETE' });
    await t.json(`/api/pilots/${pilot}/participants`, {
      as: manager,
      method: 'POST',
      body: JSON.stringify({ participantRef: 'Q3', intakeDate: '2024-04-01' }),
    });
    await t.json(`/api/pilots/${pilot}`, {
      as: manager,
      method: 'PATCH',
      body: JSON.stringify({ description: 'bijgewerkt' }),
    });
    await (await t.request(`/api/pilots/${pilot}/export`, { as: researcher })).arrayBuffer();

    const rows = await t.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', since)
      .where('pilot_id', '=', pilot)
      .execute();
    const byAction = new Map<string, typeof rows>();
    for (const r of rows) byAction.set(r.action, [...(byAction.get(r.action) ?? []), r]);
    for (const action of [
      'import.participants',
      'import.events',
      'participant.update',
      'event.create',
      'event.delete',
      'participant.create',
      'pilot.update',
      'export.cohort',
    ]) {
      expect(byAction.get(action)?.length, action).toBe(1);
      const [entry] = byAction.get(action)!;
      expect(entry!.actor_email, action).toMatch(/^(manager|researcher)-/);
      expect(entry!.request_id, action).toBeTruthy();
    }
    // The search by reference and the opening of the record: two reads of the one participant.
    expect(byAction.get('participant.read')?.map((r) => r.participant_id)).toEqual([
      Number(id),
      Number(id),
    ]);
    expect(byAction.get('import.participants')![0]!.row_count).toBe(2);
    expect(JSON.parse(byAction.get('event.delete')![0]!.details!).reason).toBe('dubbel');
  });
});

describe('expiry', () => {
  it('refuses an expired session and an expired token', async () => {
    const { createSession, createToken, insertUser } = await import('@wegwijzer/db');
    const user = await insertUser(t.store.db, {
      email: 'verlopen@gemeente.example',
      name: 'V',
      passwordHash: 'x',
      role: 'viewer',
      pilots: [],
    });
    const session = await createSession(t.store.db, user.id, -1000);
    expect(
      (
        await t.json('/api/auth/me', {
          as: '',
          headers: { cookie: `ww_session=${session.secret}` },
        })
      ).status,
    ).toBe(401);
    const { token } = await createToken(
      t.store.db,
      user.id,
      'oud',
      new Date(Date.now() - 1000).toISOString(),
    );
    expect((await t.json('/api/auth/me', { as: token })).status).toBe(401);
  });
});
