import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv, testApp, type TestApp } from '../support/app.ts';

/** A pilot's own baseline variables (SPEC §2, issue 17): declare, import, edit, refuse. */

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const SUPERVISOR = {
  code: 'supervisor_trained',
  label: 'Begeleider getraind',
  labelEn: 'Supervisor trained',
  type: 'boolean',
  description: 'Of de werkbegeleider de Mentorwijs-training volgde',
};
const SESSIONS = {
  code: 'sessions_attended',
  label: 'Bijgewoonde sessies',
  type: 'integer',
  min: 0,
  max: 40,
};
const REGION = {
  code: 'region',
  label: 'Wijk',
  type: 'category',
  levels: [
    { code: 'noord', label: 'Noord' },
    { code: 'zuid', label: 'Zuid', labelEn: 'South' },
  ],
};

async function declare(pilot: string, body: object, as?: string) {
  return t.json(`/api/pilots/${pilot}/variables`, {
    method: 'POST',
    body: JSON.stringify(body),
    as,
  });
}

async function pilotWithVariables() {
  const pilot = await t.pilot();
  for (const v of [SUPERVISOR, SESSIONS, REGION])
    expect((await declare(pilot, v)).status).toBe(201);
  return pilot;
}

describe('declaring variables', () => {
  it('lists declared variables in order with how many participants have a value', async () => {
    const pilot = await pilotWithVariables();
    const { status, body } = await t.json(`/api/pilots/${pilot}/variables`);
    expect(status).toBe(200);
    expect(body.items.map((v: { code: string }) => v.code)).toEqual([
      'supervisor_trained',
      'sessions_attended',
      'region',
    ]);
    expect(body.items[1]).toMatchObject({ type: 'integer', min: 0, max: 40, values: 0 });
    expect(body.items[2].levels[1]).toEqual({ code: 'zuid', label: 'Zuid', labelEn: 'South' });
  });

  it.each([
    [{ ...SESSIONS, code: 'Sessions' }, 400],
    [{ ...SESSIONS, code: 'motivation' }, 400],
    [{ ...SESSIONS, code: 'evaluable_12m' }, 400],
    [{ ...SESSIONS, min: 10, max: 5 }, 400],
    [{ ...SESSIONS, min: undefined }, 400],
    [{ ...REGION, levels: [] }, 400],
    [{ ...REGION, levels: [REGION.levels[0], REGION.levels[0]] }, 400],
    [{ ...SUPERVISOR, min: 1 }, 400],
  ])('refuses an unsound declaration %j with %i', async (body, status) => {
    const pilot = await t.pilot();
    const res = await declare(pilot, body);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(/\w/);
  });

  it('refuses a second variable with the same code with 409', async () => {
    const pilot = await pilotWithVariables();
    const res = await declare(pilot, SESSIONS);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('sessions_attended');
  });

  it('lets a manager of the pilot declare, but not a researcher or a viewer', async () => {
    const pilot = await t.pilot();
    const manager = await t.user('manager', [pilot]);
    const researcher = await t.user('researcher', [pilot]);
    const viewer = await t.user('viewer', [pilot]);
    expect((await declare(pilot, SESSIONS, manager)).status).toBe(201);
    expect((await declare(pilot, REGION, researcher)).status).toBe(403);
    expect((await declare(pilot, REGION, viewer)).status).toBe(403);
    const seen = await t.json(`/api/pilots/${pilot}/variables`, { as: viewer });
    expect(seen.status).toBe(200);
    expect(seen.body.rounded).toBe(true);
    expect(seen.body.items[0].values).toBeNull();
  });
});

describe('importing variables', () => {
  it('imports the variables as columns headed by their codes, typed', async () => {
    const pilot = await pilotWithVariables();
    const csv = `participant_ref,intake_date,supervisor_trained,sessions_attended,region
V1,2024-01-10,ja,12,Noord
V2,2024-01-11,no,0,zuid
V3,2024-01-12,,40,
`;
    const res = await importCsv(t, pilot, 'participants', csv);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 3, inserted: 3 });
    const page = await t.json(`/api/pilots/${pilot}/participants`);
    const byRef = Object.fromEntries(
      page.body.items.map((p: { participantRef: string; variables: object }) => [
        p.participantRef,
        p.variables,
      ]),
    );
    expect(byRef).toEqual({
      V1: { supervisor_trained: true, sessions_attended: 12, region: 'noord' },
      V2: { supervisor_trained: false, sessions_attended: 0, region: 'zuid' },
      V3: { sessions_attended: 40 },
    });
    const list = await t.json(`/api/pilots/${pilot}/variables`);
    expect(list.body.items.map((v: { values: number }) => v.values)).toEqual([2, 3, 2]);
  });

  it('rejects bad values with their line and column and writes nothing', async () => {
    const pilot = await pilotWithVariables();
    const csv = `participant_ref;intake_date;supervisor_trained;sessions_attended;region
W1;2024-01-10;misschien;12;noord
W2;2024-01-11;ja;41;zuid
W3;2024-01-12;nee;3,5;west
`;
    const res = await importCsv(t, pilot, 'participants', csv);
    expect(res.status).toBe(422);
    expect(
      res.body.error.details.map((d: { line: number; column: string; code: string }) => [
        d.line,
        d.column,
        d.code,
      ]),
    ).toEqual([
      [2, 'supervisor_trained', 'unknown_value'],
      [3, 'sessions_attended', 'out_of_range'],
      [4, 'sessions_attended', 'not_whole'],
      [4, 'region', 'unknown_value'],
    ]);
    expect(res.body.error.details[3].message).toContain('noord, zuid');
    const page = await t.json(`/api/pilots/${pilot}/participants`);
    expect(page.body.total).toBe(0);
  });

  it('still refuses a column that is neither a standard field nor a declared variable', async () => {
    const pilot = await pilotWithVariables();
    const res = await importCsv(
      t,
      pilot,
      'participants',
      'participant_ref,intake_date,shoe_size\nX1,2024-01-10,44\n',
    );
    expect(res.status).toBe(422);
    expect(res.body.error.details[0]).toMatchObject({ line: 1, column: 'shoe_size' });
    expect(res.body.error.details[0].message).toContain('sessions_attended');
  });

  it('updates the values a re-import names and clears those it leaves empty', async () => {
    const pilot = await pilotWithVariables();
    await importCsv(
      t,
      pilot,
      'participants',
      'participant_ref,intake_date,sessions_attended,region\nR1,2024-01-10,5,noord\n',
    );
    const again = await importCsv(
      t,
      pilot,
      'participants',
      'participant_ref,intake_date,sessions_attended\nR1,2024-01-10,\n',
    );
    expect(again.body).toMatchObject({ inserted: 0, updated: 1 });
    const page = await t.json(`/api/pilots/${pilot}/participants`);
    expect(page.body.items[0].variables).toEqual({ region: 'noord' });
  });
});

describe('editing a participant', () => {
  it('sets, changes and clears values through PATCH, checked like the import', async () => {
    const pilot = await pilotWithVariables();
    const created = await t.json(`/api/pilots/${pilot}/participants`, {
      method: 'POST',
      body: JSON.stringify({
        participantRef: 'E1',
        intakeDate: '2024-02-01',
        variables: { region: 'zuid' },
      }),
    });
    expect(created.status).toBe(201);
    expect(created.body.variables).toEqual({ region: 'zuid' });
    const id = created.body.id;
    const patched = await t.json(`/api/participants/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ variables: { sessions_attended: 7, region: null } }),
    });
    expect(patched.status).toBe(200);
    expect(patched.body.variables).toEqual({ sessions_attended: 7 });
    const bad = await t.json(`/api/participants/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ variables: { sessions_attended: 41, shoe_size: 3 } }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('sessions_attended');
    expect(bad.body.error.message).toContain('shoe_size');
    const one = await t.json(`/api/participants/${id}`);
    expect(one.body.variables).toEqual({ sessions_attended: 7 });
  });
});

describe('changing a variable that has data', () => {
  async function withData() {
    const pilot = await pilotWithVariables();
    await importCsv(
      t,
      pilot,
      'participants',
      'participant_ref,intake_date,sessions_attended,region,supervisor_trained\nC1,2024-01-10,5,noord,ja\nC2,2024-01-10,30,,\n',
    );
    return pilot;
  }
  const patch = (pilot: string, code: string, body: object) =>
    t.json(`/api/pilots/${pilot}/variables/${code}`, {
      method: 'PATCH',
      body: JSON.stringify(body),
    });

  it('allows the safe changes: labels, a new level, wider bounds', async () => {
    const pilot = await withData();
    expect((await patch(pilot, 'region', { label: 'Stadsdeel' })).status).toBe(200);
    const levels = [...REGION.levels, { code: 'west', label: 'West' }];
    const added = await patch(pilot, 'region', { levels });
    expect(added.status).toBe(200);
    expect(added.body.levels).toHaveLength(3);
    const wider = await patch(pilot, 'sessions_attended', { min: 0, max: 60 });
    expect(wider.body).toMatchObject({ min: 0, max: 60, values: 2 });
    // An unused level can go again; the data do not depend on it.
    expect((await patch(pilot, 'region', { levels: REGION.levels })).status).toBe(200);
  });

  it('refuses what would break stored values with 409 and a message naming them', async () => {
    const pilot = await withData();
    const narrow = await patch(pilot, 'sessions_attended', { max: 20 });
    expect(narrow.status).toBe(409);
    expect(narrow.body.error.message).toContain('from 5 to 30');
    const lost = await patch(pilot, 'region', { levels: [REGION.levels[1]] });
    expect(lost.status).toBe(409);
    expect(lost.body.error.message).toContain('noord');
    const retype = await patch(pilot, 'supervisor_trained', { type: 'integer', min: 0, max: 1 });
    expect(retype.status).toBe(409);
    const renamed = await patch(pilot, 'region', { code: 'district' });
    expect(renamed.status).toBe(409);
    const gone = await t.json(`/api/pilots/${pilot}/variables/region`, { method: 'DELETE' });
    expect(gone.status).toBe(409);
    expect(gone.body.error.message).toContain('1 participant has a value');
  });

  it('deletes a variable without values', async () => {
    const pilot = await withData();
    await importCsv(
      t,
      pilot,
      'participants',
      'participant_ref,intake_date,region\nC1,2024-01-10,\n',
    );
    const res = await t.request(`/api/pilots/${pilot}/variables/region`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    const list = await t.json(`/api/pilots/${pilot}/variables`);
    expect(list.body.items.map((v: { code: string }) => v.code)).not.toContain('region');
    const missing = await t.request(`/api/pilots/${pilot}/variables/region`, { method: 'DELETE' });
    expect(missing.status).toBe(404);
  });
});

describe('erasing a participant', () => {
  it('removes its values with the rest of its data', async () => {
    const pilot = await pilotWithVariables();
    await importCsv(
      t,
      pilot,
      'participants',
      'participant_ref,intake_date,sessions_attended\nX1,2024-01-10,5\nX2,2024-01-10,6\n',
    );
    const page = await t.json(`/api/pilots/${pilot}/participants?ref=X1`);
    const id = page.body.items[0].id;
    const res = await t.json(`/api/pilots/${pilot}/participants/${id}`, {
      method: 'DELETE',
      body: JSON.stringify({ reason: 'verzoek betrokkene' }),
    });
    expect(res.status).toBeLessThan(300);
    const left = await t.store.db
      .selectFrom('participant_values')
      .select('participant_id')
      .where('pilot_id', '=', pilot)
      .execute();
    expect(left.map((r) => Number(r.participant_id))).not.toContain(Number(id));
    expect(left).toHaveLength(1);
  });
});
