import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv, testApp, type TestApp } from '../support/app.ts';
import { invalidBsn, MARKED, peopleFiles, validBsn } from '../support/people.ts';

/** SPEC §8 through the API: erasure, access requests, retention and the processing record. */

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

async function pilotWith(files: { participants: string; events: string }, input = {}) {
  const id = await t.pilot(input);
  expect((await importCsv(t, id, 'participants', files.participants)).status).toBe(200);
  const ev = await importCsv(t, id, 'events', files.events);
  expect(ev.status, JSON.stringify(ev.body)).toBe(200);
  return id;
}

async function participantId(pilot: string, ref: string): Promise<string> {
  const { body } = await t.json(`/api/pilots/${pilot}/participants?ref=${encodeURIComponent(ref)}`);
  const hit = body.items.find((p: { participantRef: string }) => p.participantRef === ref);
  return hit?.id;
}

const erase = (pilot: string, id: string, body: unknown, as?: string) =>
  t.json(`/api/pilots/${pilot}/participants/${id}`, {
    method: 'DELETE',
    body: JSON.stringify(body),
    as,
  });

/** Every figure the dashboard shows of a pilot, without the pilot's id. */
async function figures(pilot: string, as?: string) {
  const get = async (path: string) => {
    const { status, body } = await t.json(`/api/pilots/${pilot}${path}`, { as });
    expect(status, path).toBe(200);
    delete body.pilotId;
    return body;
  };
  return {
    outcomes: await Promise.all([6, 12, 24].map((w) => get(`/outcomes?window=${w}`))),
    survival: await get('/survival'),
    subgroups: await get('/subgroups?by=motivation&window=12'),
    cohorts: await get('/cohorts?window=12'),
  };
}

async function auditOf(action: string) {
  const { body } = await t.json(`/api/audit?action=${action}&pageSize=500`);
  return body.items as { action: string; participantId: string | null; details: unknown }[];
}

async function counts() {
  const n = async (table: 'participants' | 'events' | 'pilot_totals' | 'audit_log' | 'pilots') =>
    Number(
      (
        await t.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const totals = await t.store.db
    .selectFrom('pilot_totals')
    .selectAll()
    .orderBy('pilot_id')
    .orderBy('window_months')
    .orderBy('arm')
    .execute();
  return {
    participants: await n('participants'),
    events: await n('events'),
    audit: await n('audit_log'),
    pilots: await n('pilots'),
    totals,
  };
}

describe('erasure of one participant', () => {
  it('removes the person and leaves every figure as if they had never been imported', async () => {
    const withThem = await pilotWith(peopleFiles(60, { marked: true }));
    const without = await pilotWith(peopleFiles(60, { bsnOffset: 10_000 }));
    const manager = await t.user('manager', [withThem]);
    const id = await participantId(withThem, MARKED.ref);
    const before = await figures(withThem);
    expect(before).not.toEqual(await figures(without));

    const res = await erase(
      withThem,
      id,
      { reason: 'Verzoek betrokkene (art. 17), zaak 2025-118' },
      manager,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ participantId: id, events: 3 });

    expect(await figures(withThem)).toEqual(await figures(without));
    expect((await t.json(`/api/participants/${id}`)).status).toBe(404);
    const left = await t.store.db
      .selectFrom('participants')
      .select('id')
      .where('participant_ref', '=', MARKED.ref)
      .execute();
    expect(left).toEqual([]);
    for (const table of ['events', 'participant_derived'] as const) {
      const rows = await t.store.db
        .selectFrom(table)
        .select('participant_id')
        .where('participant_id', '=', Number(id))
        .execute();
      expect(rows, table).toEqual([]);
    }

    // The audit log keeps who erased whom (internal id) and why, and nothing of the person.
    const [entry] = await auditOf('participant.erase');
    expect(entry).toMatchObject({
      participantId: id,
      details: { reason: 'Verzoek betrokkene (art. 17), zaak 2025-118', events: 3 },
    });
    const { body: all } = await t.json(`/api/audit?pilot=${withThem}&pageSize=500`);
    const text = JSON.stringify(all);
    for (const v of [MARKED.ref, MARKED.intake, MARKED.exit, MARKED.offset, MARKED.offsetAmount])
      expect(text).not.toContain(v);
  });

  it('lets the reference be imported again, as a new person', async () => {
    const pilot = await pilotWith(peopleFiles(5, { marked: true }));
    const old = await participantId(pilot, MARKED.ref);
    expect((await erase(pilot, old, { reason: 'dubbel' })).status).toBe(200);
    const again = await importCsv(
      t,
      pilot,
      'participants',
      peopleFiles(0, { marked: true }).participants,
    );
    expect(again.body).toMatchObject({ inserted: 1, updated: 0 });
    const fresh = await participantId(pilot, MARKED.ref);
    expect(fresh).not.toBe(old);
    expect((await t.json(`/api/participants/${fresh}`)).body.events).toEqual([]);
  });

  it('answers 404 for a participant of another pilot, and changes nothing', async () => {
    const mine = await pilotWith(peopleFiles(5));
    const theirs = await pilotWith(peopleFiles(5, { marked: true, bsnOffset: 500 }));
    const manager = await t.user('manager', [mine]);
    const id = await participantId(theirs, MARKED.ref);
    const before = await counts();
    const res = await erase(mine, id, { reason: 'vergissing' }, manager);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expect(await counts()).toEqual(before);
  });

  it('refuses without a reason (400), to a researcher or viewer (403) and to a manager of another pilot (403)', async () => {
    const pilot = await pilotWith(peopleFiles(3));
    const id = await participantId(pilot, 'P0001');
    const before = await counts();
    expect((await erase(pilot, id, {})).status).toBe(400);
    expect((await erase(pilot, id, { reason: '   ' })).status).toBe(400);
    expect(
      (await erase(pilot, id, { reason: 'x' }, await t.user('researcher', [pilot]))).status,
    ).toBe(403);
    expect((await erase(pilot, id, { reason: 'x' }, await t.user('viewer', [pilot]))).status).toBe(
      403,
    );
    expect((await erase(pilot, id, { reason: 'x' }, await t.user('manager', []))).status).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

describe('access request', () => {
  it('finds a person by BSN in two pilots and lists the export that included them', async () => {
    // A BSN of their own: the person is in these two pilots and no other of this file's.
    const bsn = validBsn(777_001);
    const first = await pilotWith(
      peopleFiles(8, { marked: true, markedBsn: bsn, bsnOffset: 2000 }),
      {
        name: 'Eerste pilot',
      },
    );
    const second = await pilotWith(
      peopleFiles(4, { marked: true, markedBsn: bsn, bsnOffset: 3000 }),
      {
        name: 'Tweede pilot',
      },
    );
    const researcher = await t.user('researcher', [first]);
    const exported = await t.request(`/api/pilots/${first}/export`, { as: researcher });
    expect(exported.status).toBe(200);
    await exported.arrayBuffer();

    const res = await t.json('/api/access-requests', {
      method: 'POST',
      body: JSON.stringify({ bsn }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.foundBy).toBe('bsn');
    const records = res.body.records as any[];
    expect(records.map((r) => r.pilot.name).sort()).toEqual(['Eerste pilot', 'Tweede pilot']);
    for (const r of records) {
      expect(r.participant).toMatchObject({
        participantRef: MARKED.ref,
        intakeDate: MARKED.intake,
      });
      expect(r.events.map((e: { date: string }) => e.date)).toEqual([
        MARKED.exit,
        MARKED.offset,
        MARKED.ladder,
      ]);
    }
    const inFirst = records.find((r) => r.pilot.id === first);
    expect(inFirst.exports).toHaveLength(1);
    expect(inFirst.exports[0].researcherEmail).toMatch(/^researcher-\d+@test\.example$/);
    expect(records.find((r) => r.pilot.id === second).exports).toEqual([]);
    // The BSN is neither stored nor echoed nor audited.
    expect(JSON.stringify(res.body)).not.toContain(bsn);
    const audit = await auditOf('participant.access_request');
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain(bsn);
  });

  it('shows a manager only the pilots granted to them, found by reference', async () => {
    const granted = await pilotWith(peopleFiles(3, { marked: true, bsnOffset: 4000 }));
    await pilotWith(peopleFiles(3, { marked: true, bsnOffset: 5000 }));
    const manager = await t.user('manager', [granted]);
    const res = await t.json('/api/access-requests', {
      method: 'POST',
      body: JSON.stringify({ ref: MARKED.ref }),
      as: manager,
    });
    expect(res.status).toBe(200);
    expect(res.body.records.map((r: any) => r.pilot.id)).toEqual([granted]);
  });

  it('refuses a BSN that fails the elfproef, or neither or both of ref and bsn, with 400 and no audit entry', async () => {
    const before = await counts();
    for (const body of [{ bsn: invalidBsn(42) }, {}, { ref: 'P0001', bsn: validBsn(1) }]) {
      const res = await t.json('/api/access-requests', {
        method: 'POST',
        body: JSON.stringify(body),
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const res = await t.json('/api/access-requests', {
      method: 'POST',
      body: JSON.stringify({ bsn: invalidBsn(42) }),
    });
    expect(res.body.error.message).toMatch(/elfproef/);
    expect(await counts()).toEqual(before);
  });

  it('is not for researchers or viewers', async () => {
    for (const role of ['researcher', 'viewer'] as const) {
      const res = await t.json('/api/access-requests', {
        method: 'POST',
        body: JSON.stringify({ ref: 'P0001' }),
        as: await t.user(role, []),
      });
      expect(res.status).toBe(403);
    }
  });
});

describe('retention', () => {
  it('refuses a retention date before the start date, on create and on update, changing nothing', async () => {
    const before = await counts();
    const res = await t.json('/api/pilots', {
      method: 'POST',
      body: JSON.stringify({
        name: 'Te kort',
        municipality: 'GM0599',
        theme: 'reintegration',
        startDate: '2024-01-01',
        dataCompleteThrough: '2025-12-31',
        retainUntil: '2023-12-31',
      }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/retainUntil .* before startDate/);
    expect(await counts()).toEqual(before);

    const pilot = await t.pilot();
    const patch = await t.json(`/api/pilots/${pilot}`, {
      method: 'PATCH',
      body: JSON.stringify({ retainUntil: '2023-06-30' }),
    });
    expect(patch.status).toBe(400);
    expect((await t.json(`/api/pilots/${pilot}`)).body.retainUntil).toBe('2027-12-31');
  });

  it('requires a retention date for a new pilot', async () => {
    const res = await t.json('/api/pilots', {
      method: 'POST',
      body: JSON.stringify({
        name: 'Zonder datum',
        municipality: 'GM0599',
        theme: 'reintegration',
        startDate: '2024-01-01',
        dataCompleteThrough: '2025-12-31',
      }),
    });
    expect(res.status).toBe(400);
  });

  it('reduces exactly the pilot past its date to its aggregate figures, audited, and the viewer still sees its summary', async () => {
    const past = await pilotWith(peopleFiles(40), { retainUntil: '2025-12-31' });
    const current = await pilotWith(peopleFiles(40, { bsnOffset: 6000 }));
    const viewer = await t.user('viewer', [past]);
    const summary = (await t.json(`/api/pilots/${past}/outcomes?window=12`, { as: viewer })).body;
    const currentBefore = await figures(current);

    const preview = await t.json(`/api/pilots/${past}/retention`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      retainUntil: '2025-12-31',
      retention: { status: 'due', state: null },
      participants: 40,
    });
    expect(preview.body.events).toBeGreaterThan(0);
    expect(preview.body.remains.reduce).toContain('outcomeSummary');

    const wrong = await t.json(`/api/pilots/${past}/retention`, {
      method: 'POST',
      body: JSON.stringify({ action: 'reduce', confirm: '2025-12-30' }),
    });
    expect(wrong.status).toBe(400);

    const done = await t.json(`/api/pilots/${past}/retention`, {
      method: 'POST',
      body: JSON.stringify({ action: 'reduce', confirm: '2025-12-31' }),
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ state: 'reduced', participants: 40 });

    expect((await t.json(`/api/pilots/${past}/outcomes?window=12`, { as: viewer })).body).toEqual(
      summary,
    );
    expect((await t.json(`/api/pilots/${past}/participants`)).body.total).toBe(0);
    for (const path of [
      '/survival',
      '/debts/survival',
      '/subgroups?by=motivation&window=12',
      '/cohorts?window=12',
      '/status-by-month',
      // Windows outside the stored ones are derived from per-person rows.
      '/outcomes?window=9',
    ]) {
      const res = await t.json(`/api/pilots/${past}${path}`);
      expect(res.status, path).toBe(409);
      expect(res.body.error.code).toBe('personal_data_gone');
    }
    expect((await importCsv(t, past, 'participants', peopleFiles(1).participants)).status).toBe(
      409,
    );
    expect(await figures(current)).toEqual(currentBefore);
    const [entry] = await auditOf('pilot.retention');
    expect(entry).toMatchObject({ action: 'pilot.retention.reduce' });
    expect((await t.json(`/api/pilots/${past}`)).body.retention).toMatchObject({
      state: 'reduced',
    });

    const again = await t.json(`/api/pilots/${past}/retention`, {
      method: 'POST',
      body: JSON.stringify({ action: 'erase', confirm: '2025-12-31' }),
    });
    expect(again.status).toBe(409);
  });

  it('refuses to act before the retention date, and only admins may', async () => {
    const pilot = await pilotWith(peopleFiles(3));
    const before = await counts();
    const early = await t.json(`/api/pilots/${pilot}/retention`, {
      method: 'POST',
      body: JSON.stringify({ action: 'erase', confirm: '2027-12-31' }),
    });
    expect(early.status).toBe(409);
    const manager = await t.user('manager', [pilot]);
    expect((await t.json(`/api/pilots/${pilot}/retention`, { as: manager })).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('warns from 90 days before the date', async () => {
    const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const pilot = await t.pilot({ retainUntil: soon });
    expect((await t.json(`/api/pilots/${pilot}`)).body.retention.status).toBe('soon');
    const due = await t.json('/api/retention');
    expect(due.body.items.map((i: { pilotId: string }) => i.pilotId)).toContain(pilot);
  });
});

describe('processing record', () => {
  const record = {
    purpose: 'Evaluatie van de pilot parttime ondernemen',
    legalBasis: 'Art. 6 lid 1 sub e AVG; art. 7 Participatiewet',
    agreementRef: 'VWO-2025-014',
    department: 'Werk en Inkomen',
    contact: 'privacy@gemeente.example',
  };

  it('is edited through the pilot, listed in the register (JSON and CSV) and written into the export', async () => {
    const pilot = await pilotWith(peopleFiles(4, { bsnOffset: 7000 }), { name: 'Register' });
    const patched = await t.json(`/api/pilots/${pilot}`, {
      method: 'PATCH',
      body: JSON.stringify({ processing: record }),
    });
    expect(patched.status).toBe(200);
    expect(patched.body.processing).toEqual(record);

    const register = await t.json('/api/processing-register');
    const row = register.body.items.find((r: { pilotId: string }) => r.pilotId === pilot);
    expect(row).toMatchObject({ name: 'Register', processing: record, missing: [] });
    const bytes = new Uint8Array(
      await (await t.request('/api/processing-register.csv')).arrayBuffer(),
    );
    // With a byte order mark, so Excel reads it as UTF-8.
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(csv.startsWith('\uFEFFpilot;gemeente;doel;grondslag')).toBe(true);
    expect(csv).toContain('Register;GM0599;Evaluatie van de pilot parttime ondernemen');

    const researcher = await t.user('researcher', [pilot]);
    const res = await t.request(`/api/pilots/${pilot}/export`, { as: researcher });
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const pkg = JSON.parse(new TextDecoder().decode(files['datapackage.json']!));
    expect(pkg.wegwijzer.processing).toEqual({ ...record, retainUntil: '2027-12-31' });
    expect((await t.json('/api/processing-register', { as: researcher })).status).toBe(403);
  });

  it('refuses an over-long field with 400', async () => {
    const pilot = await t.pilot();
    const res = await t.json(`/api/pilots/${pilot}`, {
      method: 'PATCH',
      body: JSON.stringify({ processing: { agreementRef: 'x'.repeat(201) } }),
    });
    expect(res.status).toBe(400);
    expect((await t.json(`/api/pilots/${pilot}`)).body.processing.agreementRef).toBeNull();
  });
});
