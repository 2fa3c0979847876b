import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '@wegwijzer/api';
import { addMonths, fromDay, toDay } from '@wegwijzer/outcomes';
import { importCsv, testApp, type TestApp } from '../support/app.ts';
import { expectDeclared } from '../support/schema.ts';

/** The follow-up worklist (docs/worklist.md): due ladder measurements, baseline gaps, paging, CSV. */
let t: TestApp;
let pilot: string;

const PARTICIPANTS = `participant_ref,arm,intake_date,motivation,birth_year,has_debts,disability,refugee_status,education,household,ladder_step
A1,intervention,2024-01-15,3,1990,no,no,no,mid,single,2
A2,intervention,2024-01-31,3,1990,no,no,no,mid,single,2
A3,control,2024-06-01,3,1990,no,no,no,mid,single,2
A4,intervention,2025-05-01,,1990,no,no,no,mid,single,2
A5,control,2023-01-10,3,1990,no,no,no,mid,couple,1
`;
// A1: measured at intake and at 6 months (inside the window); A2: only at intake.
// A5: measured at 6, 12 (a day before its window closes) and 24 months.
const EVENTS = `participant_ref,type,date,reason,value
A1,ladder,2024-01-15,,2
A1,ladder,2024-08-20,,3
A2,ladder,2024-01-31,,2
A5,ladder,2023-07-10,,2
A5,ladder,2024-03-09,,3
A5,ladder,2025-01-10,,4
`;

beforeAll(async () => {
  t = await testApp();
  pilot = await t.pilot({ dataCompleteThrough: '2025-06-30' });
  expect((await importCsv(t, pilot, 'participants', PARTICIPANTS)).status).toBe(200);
  expect((await importCsv(t, pilot, 'events', EVENTS)).status).toBe(200);
});
afterAll(() => t.close());

async function list(query: string) {
  const reply = await t.json(`/api/pilots/${pilot}/worklist${query}`);
  expect(reply.status).toBe(200);
  expectDeclared(reply, 'GET', '/api/pilots/{id}/worklist');
  return reply.body;
}
const refs = (b: { items: { participantRef: string }[] }) => b.items.map((i) => i.participantRef);

describe('GET /api/pilots/{id}/worklist', () => {
  it("counts from the pilot's observation end by default and lists each follow-up with its due date", async () => {
    const body = await list('');
    expect(body).toMatchObject({ asOf: '2025-06-30', basis: 'observationEnd', toleranceMonths: 2 });
    const byRef = Object.fromEntries(
      body.items.map((i: { participantRef: string }) => [i.participantRef, i]),
    );
    // A measurement at intake meets no mark; one in the 6-month window meets the 6-month mark.
    expect(byRef.A1.dueMarks).toEqual([12]);
    expect(byRef.A1.followUps).toEqual([
      {
        mark: 12,
        dueDate: '2025-01-15',
        windowStart: '2024-11-15',
        windowEnd: '2025-03-15',
        overdue: true,
      },
    ]);
    expect(byRef.A2.followUps.map((f: { dueDate: string }) => f.dueDate)).toEqual([
      '2024-07-31',
      '2025-01-31',
    ]);
    // A3's 12-month window (from 2025-04-01) is open, its due date not yet passed.
    expect(byRef.A3.followUps).toEqual([
      expect.objectContaining({ mark: 6, overdue: true }),
      expect.objectContaining({ mark: 12, dueDate: '2025-06-01', overdue: true }),
    ]);
    // A4's first window opens after the observation end: only its baseline gap, due at intake.
    expect(byRef.A4).toMatchObject({
      followUps: [],
      missingFields: ['motivation'],
      nextDueDate: '2025-05-01',
      overdue: true,
    });
    // A5 measured every mark inside its window.
    expect(byRef.A5).toBeUndefined();
  });

  it('puts the overdue first, oldest due date first', async () => {
    const body = await list('');
    expect(refs(body)).toEqual(['A2', 'A3', 'A1', 'A4']);
    expect(body.overdueTotal).toBe(4);
  });

  it('counts as of a chosen date or today', async () => {
    const early = await list('?asOf=2024-06-15');
    expect(early.basis).toBe('date');
    expect(
      early.items.map((i: { participantRef: string; dueMarks: number[] }) => [
        i.participantRef,
        i.dueMarks,
      ]),
    ).toEqual([
      ['A1', [6]],
      ['A2', [6]],
    ]);
    expect(early.items.every((i: { overdue: boolean }) => !i.overdue)).toBe(true);
    const today = await list('?basis=today');
    expect(today.basis).toBe('today');
    expect(today.asOf).toBe(new Date().toISOString().slice(0, 10));
  });

  it('filters by kind and overdue, sorts, and pages', async () => {
    expect(refs(await list('?kind=baseline'))).toEqual(['A4']);
    expect(refs(await list('?kind=followup'))).toEqual(['A2', 'A3', 'A1']);
    expect(refs(await list('?overdue=false'))).toEqual([]);
    // On its due date a follow-up is not overdue yet; the day after it is.
    expect(refs(await list('?overdue=false&asOf=2024-07-31'))).toEqual(['A2']);
    expect(refs(await list('?overdue=true&asOf=2024-07-31'))).toEqual(['A1']);
    expect(refs(await list('?sort=ref'))).toEqual(['A1', 'A2', 'A3', 'A4']);
    const second = await list('?sort=ref&page=2&pageSize=3');
    expect(refs(second)).toEqual(['A4']);
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
  });

  it('refuses an unknown filter with a 400 naming it, and a researcher with a 403', async () => {
    const bad = await t.json(`/api/pilots/${pilot}/worklist?kind=everything`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('kind');
    const researcher = await t.user('researcher', [pilot]);
    expect((await t.json(`/api/pilots/${pilot}/worklist`, { as: researcher })).status).toBe(403);
  });
});

describe('GET /api/pilots/{id}/worklist/export', () => {
  it('writes the filtered list as Excel-NL CSV, one line a task', async () => {
    const res = await t.request(`/api/pilots/${pilot}/worklist/export?overdue=true`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('opvolging-2025-06-30.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toBe(
      'referentie;groep;intakedatum;taak;maanden_na_intake;uiterste_datum;venster_van;venster_tot;te_laat;ontbrekende_gegevens',
    );
    expect(lines.slice(1)).toEqual([
      'A2;intervention;2024-01-31;meting_participatieladder;6;2024-07-31;2024-05-31;2024-09-30;ja;',
      'A2;intervention;2024-01-31;meting_participatieladder;12;2025-01-31;2024-11-30;2025-03-31;ja;',
      'A3;control;2024-06-01;meting_participatieladder;6;2024-12-01;2024-10-01;2025-02-01;ja;',
      'A3;control;2024-06-01;meting_participatieladder;12;2025-06-01;2025-04-01;2025-08-01;ja;',
      'A1;intervention;2024-01-15;meting_participatieladder;12;2025-01-15;2024-11-15;2025-03-15;ja;',
      // Baseline gaps by their import column names, due at intake.
      'A4;intervention;2025-05-01;gegevens_aanvullen;;2025-05-01;;;ja;motivation',
    ]);
  });
});

describe('the worklist of a demo pilot', () => {
  it('lists due follow-ups with their dates, none met by a measurement in its window', async () => {
    const demo = await testApp();
    try {
      await loadDemo(demo.store);
      const pilots = await demo.store.db.selectFrom('pilots').select(['id', 'name']).execute();
      let withDue = 0;
      for (const p of pilots) {
        const { status, body } = await demo.json(`/api/pilots/${p.id}/worklist?pageSize=500`);
        expect(status).toBe(200);
        const ladders = await demo.store.db
          .selectFrom('events')
          .innerJoin('participants', 'participants.id', 'events.participant_id')
          .select(['participants.participant_ref as ref', 'events.date'])
          .where('events.pilot_id', '=', p.id)
          .where('events.type', '=', 'ladder')
          .execute();
        for (const item of body.items) {
          for (const f of item.followUps) {
            withDue++;
            expect(f.dueDate).toBe(fromDay(addMonths(toDay(item.intakeDate), f.mark)));
            expect(f.dueDate <= body.asOf || f.windowStart <= body.asOf).toBe(true);
            const inWindow = ladders.filter(
              (l) =>
                l.ref === item.participantRef &&
                l.date >= f.windowStart &&
                l.date <= f.windowEnd &&
                l.date <= body.asOf,
            );
            expect(inWindow).toEqual([]);
          }
        }
      }
      expect(withDue).toBeGreaterThan(0);
    } finally {
      await demo.close();
    }
  }, 120_000);
});
