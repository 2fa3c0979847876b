import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { armTotals, recountTotals } from '@wegwijzer/db';
import { WINDOWS } from '@wegwijzer/domain';
import { outcomesFor, stabilisationByArm, wilson } from '@wegwijzer/outcomes';
import { importCsv, testApp, type TestApp } from '../support/app.ts';
import { deriveInMemory } from '../support/derive.ts';

let t: TestApp;
let pilot: string;

// docs/outcomes-debts.md worked by hand at 12 months (see the comments per participant).
const PARTICIPANTS = `participant_ref,arm,intake_date
I1,intervention,2024-01-15
I2,intervention,2024-02-01
I3,intervention,2025-06-01
C1,control,2024-01-10
C2,control,2024-03-01
`;
const EVENTS = `participant_ref;type;date;reason;value
I1;debt_intake;2024-01-20;;15.000
I1;money_stress;2024-01-20;;8,5
I1;money_stress;01-07-2024;;7
I1;debt_settlement_start;2024-09-01;;
I1;money_stress;2025-01-10;;5,5
I2;debt_intake;2024-02-01;;4.000,50
I2;money_stress;2024-02-01;;6
I2;money_stress;2024-11-01;;6,5
I2;debt_stabilised;2025-03-01;;
I3;debt_intake;2025-06-01;;900
C1;debt_intake;2024-01-10;;8000
C1;debt_free;2024-12-01;;
C1;money_stress;2024-01-10;;9
C2;money_stress;2024-03-01;;7
C2;money_stress;2024-09-01;;4
`;

beforeAll(async () => {
  t = await testApp();
  pilot = await t.pilot({ dataCompleteThrough: '2025-12-31' });
  expect((await importCsv(t, pilot, 'participants', PARTICIPANTS)).status).toBe(200);
  const ev = await importCsv(t, pilot, 'events', EVENTS);
  expect(ev.status, JSON.stringify(ev.body)).toBe(200);
});
afterAll(() => t.close());

/** The pilot derived in memory by the pure engine, with the amounts it was created with. */
const inMemory = async (pilotId = pilot) =>
  (
    await deriveInMemory(t.store, pilotId, {
      facts: {
        dataCompleteThrough: '2025-12-31',
        monthlyBenefitCents: 120000,
        guidanceCostCents: 250000,
      },
    })
  ).map((r) => r.derived);

const refId = async (ref: string, pilotId = pilot) =>
  (await t.json(`/api/pilots/${pilotId}/participants?ref=${ref}`)).body.items[0].id as string;

describe('debts in GET /api/pilots/{id}/outcomes', () => {
  it('gives the hand-worked 12-month debt figures per arm', async () => {
    const { status, body } = await t.json(`/api/pilots/${pilot}/outcomes?window=12`);
    expect(status).toBe(200);
    // I1 stabilised (settlement 2024-09-01), stress 8.5 → 5.5; I2 stabilises after its m(12)
    // 2025-02-01, stress 6 → 6.5; I3 is pending.
    expect(body.arms.intervention.debts).toEqual({
      n: 2,
      stabilised: wilson(1, 2),
      moneyStressN: 2,
      meanMoneyStressChange: -1.25,
    });
    // C1 debt-free 2024-12-01 with a single score; C2 has no debts but two scores, 7 → 4.
    expect(body.arms.control.debts).toEqual({
      n: 1,
      stabilised: wilson(1, 1),
      moneyStressN: 1,
      meanMoneyStressChange: -3,
    });
  });

  it.each(WINDOWS.map((k) => [k]))('equals the pure engine for window %i', async (k) => {
    const { body } = await t.json(`/api/pilots/${pilot}/outcomes?window=${k}`);
    const expected = outcomesFor(await inMemory(), k);
    expect(body.arms).toEqual(expected.arms);
  });

  it('stores the total debt in cents and shows it in euros on the timeline', async () => {
    const { body } = await t.json(`/api/participants/${await refId('I2')}`);
    const intake = body.events.find((e: { type: string }) => e.type === 'debt_intake');
    expect(intake.value).toBe(4000.5);
    const row = await t.store.db
      .selectFrom('events')
      .select(['amount_cents', 'value'])
      .where('id', '=', Number(intake.id))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ amount_cents: 400050, value: null });
  });
});

describe('debt events through POST /api/participants/{id}/events', () => {
  it.each([
    [{ type: 'debt_intake', date: '2024-03-01', value: 12500.75 }, 201],
    [{ type: 'money_stress', date: '2024-03-01', value: 7.5 }, 201],
    [{ type: 'money_stress', date: '2024-03-01', value: 0 }, 201],
    [{ type: 'debt_free', date: '2024-03-01' }, 201],
    [{ type: 'debt_intake', date: '2024-03-01' }, 400],
    [{ type: 'debt_intake', date: '2024-03-01', value: -1 }, 400],
    [{ type: 'money_stress', date: '2024-03-01', value: 7.25 }, 400],
    [{ type: 'money_stress', date: '2024-03-01', value: 10.5 }, 400],
    [{ type: 'money_stress', date: '2024-03-01' }, 400],
    [{ type: 'debt_stabilised', date: '2024-03-01', value: 1 }, 400],
    [{ type: 'debt_settlement_start', date: '2024-03-01', reason: 'other' }, 400],
  ])('answers %j with %i', async (input, status) => {
    const p = await t.pilot();
    await importCsv(t, p, 'participants', 'participant_ref,intake_date\nX1,2024-01-01\n');
    const res = await t.json(`/api/participants/${await refId('X1', p)}/events`, {
      method: 'POST',
      body: JSON.stringify(input),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status === 201 && 'value' in input) expect(res.body.value).toBe(input.value);
  });
});

describe('kept-current pilot totals with debt events', () => {
  it('equal the sums of the window rows after debt imports, event writes and deletes, and pilot changes', async () => {
    const p = await t.pilot({ dataCompleteThrough: '2025-06-30' });
    await importCsv(t, p, 'participants', PARTICIPANTS);
    await importCsv(t, p, 'events', EVENTS);
    const check = async () => {
      for (const k of WINDOWS)
        expect(await armTotals(t.store.db, p, k)).toEqual(await recountTotals(t.store.db, p, k));
    };
    await check();
    const before = await armTotals(t.store.db, p, 12);
    const i2 = await refId('I2', p);
    const added = await t.json(`/api/participants/${i2}/events`, {
      method: 'POST',
      body: JSON.stringify({ type: 'debt_settlement_start', date: '2024-05-01' }),
    });
    expect(added.status).toBe(201);
    await check();
    expect((await armTotals(t.store.db, p, 12)).intervention!.debts.stabilised).toBe(
      before.intervention!.debts.stabilised + 1,
    );
    const stress = await t.json(`/api/participants/${i2}/events`, {
      method: 'POST',
      body: JSON.stringify({ type: 'money_stress', date: '2024-12-01', value: 2 }),
    });
    await check();
    await t.json(`/api/participants/${i2}`, {
      method: 'PATCH',
      body: JSON.stringify({ arm: 'control' }),
    });
    await check();
    await t.request(`/api/events/${added.body.id}?reason=fout`, { method: 'DELETE' });
    await t.request(`/api/events/${stress.body.id}?reason=fout`, { method: 'DELETE' });
    await check();
    await t.json(`/api/pilots/${p}`, {
      method: 'PATCH',
      body: JSON.stringify({ dataCompleteThrough: '2026-12-31' }),
    });
    await check();
    await importCsv(
      t,
      p,
      'events',
      'participant_ref,type,date,reason,value\nC2,debt_intake,2024-04-01,,100\nC2,debt_free,2024-06-01,,\n',
    );
    await check();
    expect((await armTotals(t.store.db, p, 12)).control?.debts.n).toBeGreaterThan(0);
  });
});

describe('GET /api/pilots/{id}/debts/survival', () => {
  it('equals the pure Kaplan–Meier of participants with a debt_intake', async () => {
    const { status, body } = await t.json(`/api/pilots/${pilot}/debts/survival`);
    expect(status).toBe(200);
    const expected = stabilisationByArm(await inMemory());
    expect(body.arms).toEqual(expected.arms);
    expect(body.logRank).toEqual(expected.logRank);
    // I1: 2024-01-15 → settlement 2024-09-01 is 230 days. I3 (intake 2025-06-01) is censored at
    // the observation end after 213 days, so I1 and I2 are at risk; I2 stabilises after 394.
    expect(body.arms.intervention.points).toMatchObject([
      { t: 230, survival: 0.5, atRisk: 2, events: 1 },
      { t: 394, survival: 0, atRisk: 1, events: 1 },
    ]);
  });

  it('answers 401 without a login, 403 without a grant and 404 for an unknown pilot', async () => {
    expect((await t.json(`/api/pilots/${pilot}/debts/survival`, { as: '' })).status).toBe(401);
    const other = await t.user('manager');
    expect((await t.json(`/api/pilots/${pilot}/debts/survival`, { as: other })).status).toBe(403);
    expect((await t.json('/api/pilots/does-not-exist/debts/survival')).status).toBe(404);
  });

  it('gives viewers only arms with at least the threshold of participants with debts', async () => {
    const viewer = await t.user('viewer', [pilot]);
    const { status, body } = await t.json(`/api/pilots/${pilot}/debts/survival`, { as: viewer });
    expect(status).toBe(200);
    expect(body.arms).toEqual({});
    expect(body.suppressed).toEqual([
      '/arms/intervention',
      '/arms/control',
      '/logRank',
      '/comparisons/intervention/logRank',
    ]);
  });
});

describe('debts for viewers (disclosure control)', () => {
  it('suppresses small debt counts, their rates and a mean over fewer than ten participants', async () => {
    const viewer = await t.user('viewer', [pilot]);
    const { body } = await t.json(`/api/pilots/${pilot}/outcomes?window=12`, { as: viewer });
    expect(body.arms.intervention.debts).toEqual({
      n: null,
      stabilised: { count: null, rate: null, ci95: null },
      moneyStressN: null,
      meanMoneyStressChange: null,
    });
    for (const p of [
      '/arms/intervention/debts/n',
      '/arms/intervention/debts/stabilised/rate',
      '/arms/intervention/debts/meanMoneyStressChange',
    ]) {
      expect(body.suppressed).toContain(p);
    }
  });

  it('shows n and the mean change over ten or more, but hides a small stabilised count and its rate', async () => {
    const p = await t.pilot();
    const refs = Array.from({ length: 12 }, (_, i) => `D${i}`);
    await importCsv(
      t,
      p,
      'participants',
      `participant_ref,intake_date\n${refs.map((r) => `${r},2024-01-15`).join('\n')}\n`,
    );
    const events = refs.flatMap((r, i) => [
      `${r},debt_intake,2024-01-15,,5000`,
      `${r},money_stress,2024-01-15,,8`,
      `${r},money_stress,2024-12-01,,6`,
      ...(i < 3 ? [`${r},debt_stabilised,2024-06-01,,`] : []),
    ]);
    await importCsv(
      t,
      p,
      'events',
      `participant_ref,type,date,reason,value\n${events.join('\n')}\n`,
    );
    const viewer = await t.user('viewer', [p]);
    const shown = await t.json(`/api/pilots/${p}/outcomes?window=12`, { as: viewer });
    expect(shown.body.arms.intervention.debts).toEqual({
      n: 10,
      stabilised: { count: null, rate: null, ci95: null },
      moneyStressN: 10,
      meanMoneyStressChange: -2,
    });
    const full = await t.json(`/api/pilots/${p}/outcomes?window=12`);
    expect(full.body.arms.intervention.debts.stabilised).toEqual(wilson(3, 12));
  });
});
