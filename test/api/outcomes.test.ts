import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGROUP_FIELDS, WINDOWS } from '@wegwijzer/domain';
import { outcomesFor, summarizeSubgroups, survivalByArm } from '@wegwijzer/outcomes';
import { importCsv, testApp, type TestApp } from '../support/app.ts';
import { deriveInMemory } from '../support/derive.ts';
import { expectDeclared, templateOf } from '../support/schema.ts';

/** GET with the body checked against the reply schema its route declares. */
async function checked(url: string, init?: { as?: string }) {
  const reply = await t.json(url, init);
  expectDeclared(reply, 'GET', templateOf(url));
  return reply;
}

let t: TestApp;
let pilot: string;

const PARTICIPANTS = `participant_ref,arm,intake_date,motivation,birth_year,has_debts,ladder_step,guidance_cost
I1,intervention,2024-01-31,5,1990,yes,2,
I2,intervention,2024-02-29,2,1960,no,3,3000
I3,intervention,2025-06-01,,2001,,,
C1,control,2024-03-15,4,1980,yes,1,
C2,control,2024-01-10,1,,no,2,
`;
const EVENTS = `participant_ref,type,date,reason,value
I1,benefit_end,2024-06-01,regular_work,
I1,ladder,2024-09-01,,4
I1,offset_income,2024-03-01,,100.10
I1,work_start,2024-05-20,,32
C1,benefit_end,2024-12-01,bbz,
C1,benefit_restart,2025-02-01,,
C2,benefit_end,2025-01-10,,
C2,ladder,2025-01-10,,1
`;

beforeAll(async () => {
  t = await testApp();
  pilot = await t.pilot({
    monthlyBenefit: 1000,
    guidanceCost: 2000,
    dataCompleteThrough: '2025-12-31',
  });
  expect((await importCsv(t, pilot, 'participants', PARTICIPANTS)).status).toBe(200);
  expect((await importCsv(t, pilot, 'events', EVENTS)).status).toBe(200);
});
afterAll(() => t.close());

/** The same pilot, derived in memory by the pure engine: the reference for the SQL path. */
const inMemory = () =>
  deriveInMemory(t.store, pilot, {
    facts: {
      dataCompleteThrough: '2025-12-31',
      monthlyBenefitCents: 100000,
      guidanceCostCents: 200000,
    },
  });

describe('GET /api/pilots/{id}/outcomes', () => {
  it('gives the hand-worked 12-month figures', async () => {
    const { status, body } = await checked(`/api/pilots/${pilot}/outcomes?window=12`);
    expect(status).toBe(200);
    expect(body.windowMonths).toBe(12);
    expect(body.observationEnd).toBe('2025-12-31');
    const i = body.arms.intervention;
    expect(i).toMatchObject({ participants: 3, evaluable: 2, pending: 1 });
    expect(i.offBenefit.count).toBe(1);
    expect(i.offBenefit.rate).toBe(0.5);
    expect(i.routes).toEqual({ regular_work: 1, bbz: 0, combination: 0, other: 0 });
    expect(i.sustained.count).toBe(1);
    // I1 is on benefit 2024-01-31 .. 2024-05-31 (122 days); I2 its whole window, which ends on
    // 2025-02-28 because a leap-day intake's m(12) is clamped (365 days).
    expect(i.meanBenefitMonths).toBeCloseTo((122 + 365) / 30.4375 / 2, 9);
    // Avoided benefit: I1's 244 days off × € 1.000 / 30,4375; offset € 100,10; guidance € 2.000 + € 3.000.
    expect(i.savings.avoidedBenefit).toBeCloseTo(Math.round((244 / 30.4375) * 1000 * 100) / 100, 2);
    expect(i.savings.offsetIncome).toBe(100.1);
    expect(i.savings.guidanceCost).toBe(5000);
    const c = body.arms.control;
    expect(c).toMatchObject({ participants: 2, evaluable: 2, pending: 0 });
    // C1 restarted before m(12); C2's exit lies exactly on m(12) and has no reason.
    expect(c.offBenefit.count).toBe(1);
    expect(c.routes).toEqual({ regular_work: 0, bbz: 0, combination: 0, other: 1 });
    expect(c.sustained.count).toBe(0);
    expect(c.savings.guidanceCost).toBe(0);
    expect(body.difference.rate).toBeCloseTo(0, 12);
    expect(body.savingsBasis).toBe('net_effect');
  });

  it.each(WINDOWS.map((k) => [k]))('equals the pure engine for window %i', async (k) => {
    const { body } = await checked(`/api/pilots/${pilot}/outcomes?window=${k}`);
    const expected = outcomesFor(
      (await inMemory()).map((r) => r.derived),
      k,
    );
    expect(body.referenceLines).toEqual([]);
    expect({
      ...body,
      pilotId: undefined,
      observationEnd: undefined,
      referenceLines: undefined,
      // Held to the engine's distribution in ladder-moves.test.ts.
      ladderMoves: undefined,
    }).toEqual({
      ...expected,
      pilotId: undefined,
      observationEnd: undefined,
    });
  });

  it('answers 400 to a window that is not a whole number of months from 1 to 60', async () => {
    const { status } = await checked(`/api/pilots/${pilot}/outcomes?window=61`);
    expect(status).toBe(400);
  });

  it('answers 404 for an unknown pilot', async () => {
    const { status } = await t.json('/api/pilots/does-not-exist/outcomes');
    expect(status).toBe(404);
  });

  it('follows a new event at once', async () => {
    const pilot = await t.pilot({ dataCompleteThrough: '2025-12-31' });
    await importCsv(t, pilot, 'participants', PARTICIPANTS);
    await importCsv(t, pilot, 'events', EVENTS);
    const list = await t.json(`/api/pilots/${pilot}/participants?ref=I2`);
    const id = list.body.items[0].id;
    const added = await t.json(`/api/participants/${id}/events`, {
      method: 'POST',
      body: JSON.stringify({ type: 'benefit_end', date: '2024-03-01', reason: 'combination' }),
    });
    expect(added.status).toBe(201);
    const { body } = await checked(`/api/pilots/${pilot}/outcomes?window=12`);
    expect(body.arms.intervention.offBenefit.count).toBe(2);
    expect(body.arms.intervention.routes.combination).toBe(1);
    const removed = await t.request(
      `/api/events/${added.body.id}?reason=${encodeURIComponent('ingevoerd bij de verkeerde deelnemer')}`,
      { method: 'DELETE' },
    );
    expect(removed.status).toBe(204);
    const after = await checked(`/api/pilots/${pilot}/outcomes?window=12`);
    expect(after.body.arms.intervention.offBenefit.count).toBe(1);
  });
});

describe('GET /api/pilots/{id}/survival', () => {
  it('equals the pure Kaplan–Meier and log-rank of the same participants', async () => {
    const { status, body } = await checked(`/api/pilots/${pilot}/survival`);
    expect(status).toBe(200);
    const expected = survivalByArm((await inMemory()).map((r) => r.derived));
    expect(body.arms).toEqual(expected.arms);
    expect(body.logRank).toEqual(expected.logRank);
    // I1 leaves after 122 days: the intervention curve's first point.
    expect(body.arms.intervention.points[0]).toMatchObject({ t: 122, atRisk: 3, events: 1 });
  });
});

describe('GET /api/pilots/{id}/subgroups', () => {
  it.each([...SUBGROUP_FIELDS])('equals the pure subgroup split by %s', async (by) => {
    const { status, body } = await checked(`/api/pilots/${pilot}/subgroups?by=${by}&window=12`);
    expect(status).toBe(200);
    const expected = summarizeSubgroups(await inMemory(), by, 12);
    expect(body.groups).toEqual(expected.groups);
  });

  it('lists the group of participants missing the field last, as null', async () => {
    const { body } = await checked(`/api/pilots/${pilot}/subgroups?by=motivation&window=12`);
    expect(body.groups.at(-1).value).toBeNull();
  });
});

describe('GET /api/outcomes', () => {
  it('compares the pilots the caller may see on the same definitions', async () => {
    const other = await t.pilot({ name: 'Tweede pilot' });
    const { status, body } = await t.json(`/api/outcomes?pilots=${pilot},${other}&window=12`);
    expect(status).toBe(200);
    expect(body.pilots.map((p: { pilotId: string }) => p.pilotId).sort()).toEqual(
      [pilot, other].sort(),
    );
    const manager = await t.user('manager', [other]);
    const denied = await t.json(`/api/outcomes?pilots=${pilot}`, { as: manager });
    expect(denied.status).toBe(403);
  });
});

describe('GET /api/pilots/{id}/worklist', () => {
  it('lists participants past a mark without a ladder measurement, and baseline gaps', async () => {
    const { status, body } = await t.json(`/api/pilots/${pilot}/worklist?asOf=2025-12-31`);
    expect(status).toBe(200);
    const byRef = Object.fromEntries(
      body.items.map((i: { participantRef: string }) => [i.participantRef, i]),
    );
    // I2 has no ladder measurement; its 6- and 12-month marks have passed, and the window of
    // its 24-month mark (due 2026-02-28) opened two months before, on 2025-12-29.
    expect(byRef.I2.dueMarks).toEqual([6, 12, 24]);
    expect(byRef.I2.followUps.map((f: { overdue: boolean }) => f.overdue)).toEqual([
      true,
      true,
      false,
    ]);
    // I3 misses motivation and more.
    expect(byRef.I3.missingFields).toContain('motivation');
  });
});

describe('disclosure control for viewers', () => {
  it('suppresses every count from 1 to 9 and lists it as a JSON pointer', async () => {
    const viewer = await t.user('viewer', [pilot]);
    const { body } = await checked(`/api/pilots/${pilot}/outcomes?window=12`, { as: viewer });
    expect(body.arms.intervention.participants).toBeNull();
    expect(body.arms.intervention.offBenefit.rate).toBeNull();
    expect(body.netEffect).toBeNull();
    expect(body.suppressed).toContain('/arms/intervention/participants');
    const numbers = JSON.stringify(body).match(
      /"(count|participants|evaluable|pending|n)":\s*([1-9])\b/g,
    );
    expect(numbers).toBeNull();
  });

  it('gives viewers survival only for arms of at least the threshold', async () => {
    const viewer = await t.user('viewer', [pilot]);
    const { body } = await checked(`/api/pilots/${pilot}/survival`, { as: viewer });
    expect(body.arms.intervention).toBeUndefined();
    expect(body.logRank).toBeNull();
  });
});

describe('kept-current pilot totals', () => {
  it('equal the sums of the window rows after imports, event writes and deletes, and pilot changes', async () => {
    const { armTotals, recountTotals } = await import('@wegwijzer/db');
    const p = await t.pilot({ dataCompleteThrough: '2025-06-30' });
    await importCsv(t, p, 'participants', PARTICIPANTS);
    await importCsv(t, p, 'events', EVENTS);
    const check = async () => {
      for (const k of WINDOWS)
        expect(await armTotals(t.store.db, p, k)).toEqual(await recountTotals(t.store.db, p, k));
    };
    await check();
    const list = await t.json(`/api/pilots/${p}/participants?ref=I2`);
    const id = list.body.items[0].id;
    const added = await t.json(`/api/participants/${id}/events`, {
      method: 'POST',
      body: JSON.stringify({ type: 'benefit_end', date: '2024-04-01', reason: 'bbz' }),
    });
    await check();
    await t.json(`/api/participants/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ arm: 'control', monthlyBenefit: 1500 }),
    });
    await check();
    await t.request(`/api/events/${added.body.id}?reason=fout`, { method: 'DELETE' });
    await check();
    await t.json(`/api/pilots/${p}`, {
      method: 'PATCH',
      body: JSON.stringify({ dataCompleteThrough: '2026-12-31', monthlyBenefit: 900 }),
    });
    await check();
    await importCsv(
      t,
      p,
      'participants',
      'participant_ref,arm,intake_date\nI1,control,2024-01-31\nN1,intervention,2024-05-05\n',
    );
    await check();
  });
});

describe('GET /api/pilots/{id}/cohorts', () => {
  it('gives the exit rate per intake month and arm', async () => {
    const { status, body } = await t.json(`/api/pilots/${pilot}/cohorts?window=12`);
    expect(status).toBe(200);
    const jan = body.cohorts.find(
      (c: { month: string; arm: string }) => c.month === '2024-01' && c.arm === 'intervention',
    );
    expect(jan).toMatchObject({ participants: 1, evaluable: 1, offBenefit: { count: 1, rate: 1 } });
    const total = body.cohorts
      .filter((c: { arm: string }) => c.arm === 'intervention')
      .reduce((s: number, c: { participants: number }) => s + c.participants, 0);
    expect(total).toBe(3);
  });

  it('suppresses small cohorts for viewers', async () => {
    const viewer = await t.user('viewer', [pilot]);
    const { body } = await t.json(`/api/pilots/${pilot}/cohorts?window=12`, { as: viewer });
    expect(
      body.cohorts.every((c: { participants: number | null }) => c.participants === null),
    ).toBe(true);
    expect(body.suppressed.length).toBeGreaterThan(0);
  });
});
