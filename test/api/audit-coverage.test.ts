import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv, testApp, type TestApp } from '../support/app.ts';
import { rowCounts } from '../support/counts.ts';

/**
 * What the audit log must hold (ASVS 7.1, GEMMA Verwerkingenlogging): every read of one person's
 * record, every listing of microdata, the worklist, export counts, dry runs and refused imports,
 * logouts. And what it must not: a participant's reference or any other personal data beyond
 * internal ids, and no request id of the caller's choosing in the server's place.
 */

let t: TestApp;
let pilot: string;
let manager: string;
let researcher: string;
let participantId: number;
beforeAll(async () => {
  t = await testApp();
  pilot = await t.pilot();
  manager = await t.user('manager', [pilot]);
  researcher = await t.user('researcher', [pilot]);
  await importCsv(
    t,
    pilot,
    'participants',
    'participant_ref,intake_date\nREF-GEHEIM-1,2023-01-15\nREF-GEHEIM-2,2023-02-01\n',
  );
  const row = await t.store.db
    .selectFrom('participants')
    .select('id')
    .where('participant_ref', '=', 'REF-GEHEIM-1')
    .executeTakeFirstOrThrow();
  participantId = Number(row.id);
});
afterAll(() => t.close());

async function since(): Promise<number> {
  const r = await t.store.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirstOrThrow();
  return Number(r.max ?? 0);
}

async function entriesAfter(id: number) {
  return t.store.db
    .selectFrom('audit_log')
    .selectAll()
    .where('id', '>', id)
    .orderBy('id')
    .execute();
}

describe('audit coverage', () => {
  it('logs a search by reference as a read of that one participant, without the reference', async () => {
    const from = await since();
    const res = await t.json(`/api/pilots/${pilot}/participants?ref=REF-GEHEIM-1`, { as: manager });
    expect(res.body.items).toHaveLength(1);
    const [entry, ...rest] = await entriesAfter(from);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      action: 'participant.read',
      pilot_id: pilot,
      participant_id: participantId,
      row_count: 1,
    });
  });

  it('logs a page of participants as a microdata listing with its count, for researchers too', async () => {
    const from = await since();
    await t.json(`/api/pilots/${pilot}/participants`, { as: researcher });
    expect(await entriesAfter(from)).toMatchObject([
      { action: 'participant.list', pilot_id: pilot, row_count: 2 },
    ]);
  });

  it('logs a read of one participant', async () => {
    const from = await since();
    await t.json(`/api/participants/${participantId}`, { as: manager });
    expect(await entriesAfter(from)).toMatchObject([
      { action: 'participant.read', participant_id: participantId },
    ]);
  });

  it('logs the worklist and export counts with their counts', async () => {
    const from = await since();
    await t.json(`/api/pilots/${pilot}/worklist?asOf=2025-06-01`, { as: manager });
    await t.json(`/api/pilots/${pilot}/export/count?arm=intervention`, { as: researcher });
    expect(await entriesAfter(from)).toMatchObject([
      { action: 'worklist.read', pilot_id: pilot, row_count: 2 },
      { action: 'export.count', pilot_id: pilot, row_count: 2 },
    ]);
  });

  it('logs a dry run, and a refused import with its error count', async () => {
    const from = await since();
    await importCsv(t, pilot, 'participants', 'participant_ref,intake_date\nN1,2024-01-01\n', {
      as: manager,
      dryRun: true,
    });
    const bad = await importCsv(
      t,
      pilot,
      'participants',
      'participant_ref,intake_date\nN2,niet-een-datum\nN3,2024-13-01\nN4,2024-01-01\n',
      { as: manager },
    );
    expect(bad.status).toBe(422);
    const entries = await entriesAfter(from);
    expect(entries).toMatchObject([
      { action: 'import.participants.dryrun', row_count: 1 },
      { action: 'import.participants.failed', row_count: 3 },
    ]);
    expect(JSON.parse(entries[1]!.details!)).toEqual({ dryRun: false, errorCount: 2 });
  });

  it('logs a logout of a session', async () => {
    await t.json('/api/users', {
      method: 'POST',
      body: JSON.stringify({
        email: 'uitlogger@gemeente.example',
        name: 'U',
        password: 'Uitloggen-Om-Vijf-Uur',
        role: 'viewer',
        pilots: [],
      }),
    });
    const login = await t.request('/api/auth/login', {
      as: '',
      method: 'POST',
      body: JSON.stringify({
        email: 'uitlogger@gemeente.example',
        password: 'Uitloggen-Om-Vijf-Uur',
      }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const from = await since();
    const out = await t.request('/api/auth/logout', {
      as: '',
      method: 'POST',
      headers: { cookie, origin: 'http://localhost' },
    });
    expect(out.status).toBe(204);
    expect(await entriesAfter(from)).toMatchObject([
      { action: 'logout', actor_email: 'uitlogger@gemeente.example' },
    ]);
  });

  it('uses its own request ids and keeps the caller’s apart, capped', async () => {
    const from = await since();
    const theirs = 'mijn-id-' + 'x'.repeat(500);
    const res = await t.request(`/api/participants/${participantId}`, {
      as: manager,
      headers: { 'x-request-id': theirs },
    });
    const [entry] = await entriesAfter(from);
    expect(entry!.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('x-request-id')).toBe(entry!.request_id);
    expect(entry!.client_request_id).toBe(theirs.slice(0, 100));
  });

  it('holds no participant reference anywhere in the log', async () => {
    const all = await t.store.db.selectFrom('audit_log').selectAll().execute();
    expect(JSON.stringify(all)).not.toContain('REF-GEHEIM');
  });
});

describe('input limits', () => {
  it('refuses a pilot whose start lies after its observation end, naming the field', async () => {
    const res = await t.json('/api/pilots', {
      method: 'POST',
      body: JSON.stringify({
        name: 'Omgekeerd',
        municipality: 'GM0599',
        theme: 'reintegration',
        startDate: '2025-06-01',
        dataCompleteThrough: '2025-01-01',
        retainUntil: '2027-12-31',
      }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^dataCompleteThrough/);
    const patch = await t.json(`/api/pilots/${pilot}`, {
      method: 'PATCH',
      body: JSON.stringify({ startDate: '2030-01-01' }),
    });
    expect(patch.status).toBe(400);
    expect(patch.body.error.message).toMatch(/^dataCompleteThrough/);
  });

  it.each([
    ['startDate', '0001-01-01'],
    ['startDate', '1989-12-31'],
    ['dataCompleteThrough', '2101-01-01'],
    ['dataCompleteThrough', '9999-12-31'],
  ])('refuses %s %s: years run from 1990 to 2100', async (field, date) => {
    const res = await t.json('/api/pilots', {
      method: 'POST',
      body: JSON.stringify({
        name: 'Jaartal',
        municipality: 'GM0599',
        theme: 'reintegration',
        startDate: '2024-01-01',
        dataCompleteThrough: '2025-01-01',
        retainUntil: '2027-12-31',
        [field]: date,
      }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe(field);
  });

  it('answers an import over WEGWIJZER_IMPORT_MAX_BYTES with 413 and writes nothing', async () => {
    const small = await testApp({ importMaxBytes: 1000 });
    try {
      const p = await small.pilot();
      const rows = Array.from({ length: 100 }, (_, i) => `R${i},2024-01-01`).join('\n');
      const body = `participant_ref,intake_date\n${rows}\n`;
      expect(body.length).toBeGreaterThan(1000);
      const before = await rowCounts(small.store);
      const declared = await importCsv(small, p, 'participants', body);
      expect(declared.status).toBe(413);
      expect(declared.body.error.code).toBe('payload_too_large');
      // Streamed without a length: refused when the count passes the limit.
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          for (let i = 0; i < 10; i++)
            c.enqueue(new TextEncoder().encode(body.slice(i * 300, (i + 1) * 300)));
          c.close();
        },
      });
      const streamed = await small.request(`/api/pilots/${p}/imports?kind=participants`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(413);
      expect(await rowCounts(small.store)).toEqual(before);
      const fits = await importCsv(
        small,
        p,
        'participants',
        'participant_ref,intake_date\nK1,2024-01-01\n',
      );
      expect(fits.status).toBe(200);
    } finally {
      await small.close();
    }
  });
});
