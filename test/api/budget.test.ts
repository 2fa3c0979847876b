import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { armTotals } from '@wegwijzer/db';
import { summarizeBudget } from '@wegwijzer/outcomes';
import { importCsv, testApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let pilot: string;

const LINE = {
  amount: 125000.5,
  periodStart: '2024-01-01',
  periodEnd: '2025-12-31',
  domain: 'participation',
  fundingSource: 'Participatiebudget',
  description: 'Begeleiding',
};
const post = (path: string, body: unknown, as?: string) =>
  t.json(path, { method: 'POST', body: JSON.stringify(body), as });
const audit = async (action: string) =>
  t.store.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

beforeAll(async () => {
  t = await testApp();
  pilot = await t.pilot({
    monthlyBenefit: 1000,
    guidanceCost: 2000,
    dataCompleteThrough: '2025-12-31',
  });
  await importCsv(
    t,
    pilot,
    'participants',
    'participant_ref,arm,intake_date\nI1,intervention,2024-01-15\nI2,intervention,2024-01-15\nC1,control,2024-01-15\nC2,control,2024-01-15\n',
  );
  // I1 leaves at t0 (366 days off in [t0, m(12)), € 100 offset); C1 leaves on 2024-07-15 (184 days off).
  await importCsv(
    t,
    pilot,
    'events',
    'participant_ref,type,date,reason,value\nI1,benefit_end,2024-01-15,regular_work,\nI1,offset_income,2024-03-01,,100\nC1,benefit_end,2024-07-15,bbz,\n',
  );
});
afterAll(() => t.close());

describe('budget lines: GET/POST /api/pilots/{id}/budget-lines, PATCH/DELETE /api/budget-lines/{id}', () => {
  it('creates, lists, changes and deletes a line, audit-logging every write', async () => {
    const p = await t.pilot();
    const created = await post(`/api/pilots/${p}/budget-lines`, LINE);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...LINE, pilotId: p });
    const id = created.body.id;
    await post(`/api/pilots/${p}/budget-lines`, {
      ...LINE,
      amount: 40000,
      domain: 'green',
      fundingSource: 'Provincie Fryslân',
      description: null,
    });
    const list = await t.json(`/api/pilots/${p}/budget-lines`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(165000.5);
    expect(list.body.items).toHaveLength(2);

    const patched = await t.json(`/api/budget-lines/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ amount: 100000, domain: 'debt' }),
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      amount: 100000,
      domain: 'debt',
      fundingSource: 'Participatiebudget',
    });

    expect((await t.request(`/api/budget-lines/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.json(`/api/pilots/${p}/budget-lines`)).body.total).toBe(40000);
    expect((await t.request(`/api/budget-lines/${id}`, { method: 'DELETE' })).status).toBe(404);

    for (const action of ['budget_line.create', 'budget_line.update', 'budget_line.delete']) {
      expect(
        (await audit(action)).some((e) => e.pilot_id === p),
        action,
      ).toBe(true);
    }
    const deleted = (await audit('budget_line.delete')).find((e) => e.pilot_id === p)!;
    expect(JSON.parse(deleted.details!)).toMatchObject({
      budgetLineId: id,
      amount: 100000,
      domain: 'debt',
    });
  });

  it.each([
    [{ ...LINE, amount: -1 }],
    [{ ...LINE, periodEnd: '2023-12-31' }],
    [{ ...LINE, domain: 'groen' }],
    [{ ...LINE, fundingSource: '  ' }],
    [{ ...LINE, periodStart: '2024-02-30' }],
    [{ amount: 100 }],
  ])('answers 400 to %j', async (body) => {
    const res = await post(`/api/pilots/${pilot}/budget-lines`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
  });

  it('answers 400 to a change that puts the period end before its start', async () => {
    const { body } = await post(`/api/pilots/${pilot}/budget-lines`, LINE);
    const res = await t.json(`/api/budget-lines/${body.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ periodEnd: '2023-06-30' }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/before periodStart/);
    await t.request(`/api/budget-lines/${body.id}`, { method: 'DELETE' });
  });

  it('answers 401, 403 and 404 as the access rules say', async () => {
    const { body } = await post(`/api/pilots/${pilot}/budget-lines`, LINE);
    expect((await t.json(`/api/pilots/${pilot}/budget-lines`, { as: '' })).status).toBe(401);
    for (const role of ['researcher', 'viewer'] as const) {
      const token = await t.user(role, [pilot]);
      expect((await t.json(`/api/pilots/${pilot}/budget-lines`, { as: token })).status, role).toBe(
        200,
      );
      expect((await post(`/api/pilots/${pilot}/budget-lines`, LINE, token)).status, role).toBe(403);
      expect(
        (await t.request(`/api/budget-lines/${body.id}`, { method: 'DELETE', as: token })).status,
        role,
      ).toBe(403);
    }
    const manager = await t.user('manager', [pilot]);
    expect(
      (
        await t.json(`/api/budget-lines/${body.id}`, {
          method: 'PATCH',
          body: '{"amount":5}',
          as: manager,
        })
      ).status,
    ).toBe(200);
    const stranger = await t.user('manager');
    expect((await t.json(`/api/pilots/${pilot}/budget-lines`, { as: stranger })).status).toBe(403);
    expect(
      (
        await t.json(`/api/budget-lines/${body.id}`, {
          method: 'PATCH',
          body: '{"amount":5}',
          as: stranger,
        })
      ).status,
    ).toBe(403);
    expect(
      (await t.json('/api/budget-lines/no-such-line', { method: 'PATCH', body: '{"amount":5}' }))
        .status,
    ).toBe(404);
    expect((await t.json('/api/pilots/no-such-pilot/budget-lines')).status).toBe(404);
    await t.request(`/api/budget-lines/${body.id}`, { method: 'DELETE' });
  });
});

describe('GET /api/pilots/{id}/budget', () => {
  it('gives cost per domain, who funds what and the effect per euro against the control arm', async () => {
    const p = pilot;
    const lines = [
      { ...LINE, amount: 6000, domain: 'participation', fundingSource: 'Participatiebudget' },
      { ...LINE, amount: 3000, domain: 'green', fundingSource: 'Provincie Fryslân' },
      { ...LINE, amount: 1000, domain: 'liveability', fundingSource: 'Provincie Fryslân' },
    ];
    const ids: string[] = [];
    for (const l of lines) ids.push((await post(`/api/pilots/${p}/budget-lines`, l)).body.id);
    const { status, body } = await t.json(`/api/pilots/${p}/budget?window=12`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      pilotId: p,
      windowMonths: 12,
      totalBudget: 10000,
      lines: 3,
      byDomain: [
        { domain: 'participation', amount: 6000, share: 0.6 },
        { domain: 'green', amount: 3000, share: 0.3 },
        { domain: 'liveability', amount: 1000, share: 0.1 },
      ],
      byFundingSource: [
        { fundingSource: 'Participatiebudget', amount: 6000, share: 0.6 },
        {
          fundingSource: 'Provincie Fryslân',
          amount: 4000,
          share: 0.4,
          domains: [
            { domain: 'green', amount: 3000 },
            { domain: 'liveability', amount: 1000 },
          ],
        },
      ],
    });
    // Intervention: I1 366 days off at € 1.000 (12.024,64) + € 100 offset. Control mean: C1 184
    // days off at € 1.000 over two = 3.022,59…; × 2 intervention participants = 6.045,17.
    const avoidedI = (366 * 1000) / 30.4375;
    const counterfactual = ((184 * 1000) / 30.4375 / 2) * 2;
    expect(body.effect.basis).toBe('net_effect');
    expect(body.effect.avoidedBenefit).toBe(Math.round(avoidedI * 100) / 100);
    expect(body.effect.offsetIncome).toBe(100);
    expect(body.effect.counterfactual).toBe(Math.round(counterfactual * 100) / 100);
    expect(body.effect.total).toBe(Math.round((avoidedI + 100 - counterfactual) * 100) / 100);
    expect(body.effect.perEuro).toBeCloseTo((avoidedI + 100 - counterfactual) / 10000, 12);
    expect(body.effect.participantGuidanceCost).toBe(4000);
    // The same figures as the pure function over the kept-current totals.
    const expected = summarizeBudget(
      lines.map((l) => ({
        amountCents: l.amount * 100,
        domain: l.domain as 'green',
        fundingSource: l.fundingSource,
      })),
      await armTotals(t.store.db, p, 12),
      12,
    );
    expect({ ...body, pilotId: undefined }).toEqual({ ...expected, pilotId: undefined });
    // net effect = effect − guidance cost.
    const outcomes = await t.json(`/api/pilots/${p}/outcomes?window=12`);
    expect(body.effect.total - body.effect.participantGuidanceCost).toBeCloseTo(
      outcomes.body.netEffect,
      2,
    );
    for (const id of ids) await t.request(`/api/budget-lines/${id}`, { method: 'DELETE' });
  });

  it('labels the effect gross without a control arm and gives no per-euro figure without a budget', async () => {
    const p = await t.pilot();
    await importCsv(t, p, 'participants', 'participant_ref,intake_date\nA,2024-01-15\n');
    const { body } = await t.json(`/api/pilots/${p}/budget?window=12`);
    expect(body).toMatchObject({ totalBudget: 0, lines: 0, byDomain: [], byFundingSource: [] });
    expect(body.effect).toMatchObject({
      basis: 'gross',
      counterfactual: null,
      total: 0,
      perEuro: null,
    });
  });

  it('shows viewers the budget lines but hides money over fewer than ten participants', async () => {
    const { body: line } = await post(`/api/pilots/${pilot}/budget-lines`, LINE);
    const viewer = await t.user('viewer', [pilot]);
    const { status, body } = await t.json(`/api/pilots/${pilot}/budget?window=12`, { as: viewer });
    expect(status).toBe(200);
    expect(body.totalBudget).toBe(LINE.amount);
    expect(body.effect).toMatchObject({
      avoidedBenefit: null,
      offsetIncome: null,
      total: null,
      perEuro: null,
      evaluable: null,
    });
    expect(body.suppressed).toEqual(
      expect.arrayContaining(['/effect/perEuro', '/effect/total', '/effect/evaluable']),
    );
    await t.request(`/api/budget-lines/${line.id}`, { method: 'DELETE' });
  });

  it('answers 400 to a window outside 1–60, 401 and 404', async () => {
    expect((await t.json(`/api/pilots/${pilot}/budget?window=61`)).status).toBe(400);
    expect((await t.json(`/api/pilots/${pilot}/budget`, { as: '' })).status).toBe(401);
    expect((await t.json('/api/pilots/no-such-pilot/budget')).status).toBe(404);
  });
});

describe('POST /api/pilots/{id}/imports?kind=budget', () => {
  const GOOD = {
    ',': 'amount,period_start,period_end,domain,funding_source,description\n125000.50,2024-01-01,2025-12-31,participation,Participatiebudget,Coaching\n40000,1-1-2024,31-12-2024,green,Provincie Fryslân,\n',
    ';': '\uFEFFamount;period_start;period_end;domain;funding_source;description\r\n125.000,50;2024-01-01;2025-12-31;participation;Participatiebudget;Coaching\r\n40000;1-1-2024;31-12-2024;green;Provincie Fryslân;\r\n',
  };

  it.each([',', ';'] as const)(
    'adds every line of a good %j file, and a dry run adds none',
    async (d) => {
      const p = await t.pilot();
      const dry = await importCsv(t, p, 'budget', GOOD[d], { dryRun: true });
      expect(dry.body).toEqual({
        kind: 'budget',
        dryRun: true,
        delimiter: d,
        rows: 2,
        inserted: 2,
        updated: 0,
      });
      expect((await t.json(`/api/pilots/${p}/budget-lines`)).body.items).toEqual([]);
      const res = await importCsv(t, p, 'budget', GOOD[d]);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        kind: 'budget',
        dryRun: false,
        delimiter: d,
        rows: 2,
        inserted: 2,
        updated: 0,
      });
      const list = await t.json(`/api/pilots/${p}/budget-lines`);
      expect(list.body.total).toBe(165000.5);
      expect(list.body.items.map((l: { fundingSource: string }) => l.fundingSource).sort()).toEqual(
        ['Participatiebudget', 'Provincie Fryslân'],
      );
      expect(
        (await audit('import.budget')).some((e) => e.pilot_id === p && e.row_count === 2),
      ).toBe(true);
    },
  );

  it.each([',', ';'] as const)(
    'writes nothing from a %j file with an error and lists every error',
    async (d) => {
      const p = await t.pilot();
      const bad = GOOD[d]
        .replace('green', 'groen')
        .replace(d === ',' ? '125000.50' : '125.000,50', '-5');
      const res = await importCsv(t, p, 'budget', bad);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('invalid_import');
      expect(res.body.error.details).toMatchObject([
        { line: 2, column: 'amount', message: 'amount must not be negative, got "-5"' },
        {
          line: 3,
          column: 'domain',
          message:
            'domain must be one of participation, debt, care, green, liveability, education, other, got "groen"',
        },
      ]);
      expect((await t.json(`/api/pilots/${p}/budget-lines`)).body.items).toEqual([]);
    },
  );

  it('refuses researchers and viewers', async () => {
    const researcher = await t.user('researcher', [pilot]);
    expect((await importCsv(t, pilot, 'budget', GOOD[','], { as: researcher })).status).toBe(403);
  });
});

describe('reference lines', () => {
  const REF = {
    kind: 'general_outflow',
    rate: 0.22,
    windowMonths: 12,
    period: '2024',
    source: 'Divosa benchmark 2024',
  };

  it('are added, listed, included in the outcomes of their window and deleted', async () => {
    const p = await t.pilot();
    const a = await post(`/api/pilots/${p}/reference-lines`, REF);
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ ...REF, pilotId: p });
    const b = await post(`/api/pilots/${p}/reference-lines`, {
      ...REF,
      kind: 'council_target',
      rate: 0.35,
      source: 'Raadsbesluit 12-03-2024',
    });
    await post(`/api/pilots/${p}/reference-lines`, {
      ...REF,
      windowMonths: 24,
      rate: 0.3,
      source: 'CBS StatLine',
    });
    expect((await t.json(`/api/pilots/${p}/reference-lines`)).body.items).toHaveLength(3);

    const at12 = await t.json(`/api/pilots/${p}/outcomes?window=12`);
    expect(
      at12.body.referenceLines.map((r: { kind: string; rate: number }) => [r.kind, r.rate]),
    ).toEqual([
      ['council_target', 0.35],
      ['general_outflow', 0.22],
    ]);
    const at24 = await t.json(`/api/pilots/${p}/outcomes?window=24`);
    expect(at24.body.referenceLines).toMatchObject([{ source: 'CBS StatLine', rate: 0.3 }]);
    // Viewers see them too: published figures, not about participants.
    const viewer = await t.user('viewer', [p]);
    expect(
      (await t.json(`/api/pilots/${p}/outcomes?window=12`, { as: viewer })).body.referenceLines,
    ).toHaveLength(2);
    const compared = await t.json(`/api/outcomes?pilots=${p}&window=12`);
    expect(compared.body.pilots[0].referenceLines).toHaveLength(2);

    expect(
      (await t.request(`/api/reference-lines/${b.body.id}`, { method: 'DELETE' })).status,
    ).toBe(204);
    expect((await t.json(`/api/pilots/${p}/outcomes?window=12`)).body.referenceLines).toHaveLength(
      1,
    );
    expect(
      (await t.request(`/api/reference-lines/${b.body.id}`, { method: 'DELETE' })).status,
    ).toBe(404);
    for (const action of ['reference_line.create', 'reference_line.delete']) {
      expect(
        (await audit(action)).some((e) => e.pilot_id === p),
        action,
      ).toBe(true);
    }
  });

  it.each([
    [{ ...REF, source: '' }],
    [{ ...REF, source: undefined }],
    [{ ...REF, rate: 1.5 }],
    [{ ...REF, windowMonths: 61 }],
    [{ ...REF, kind: 'landelijk' }],
  ])('answers 400 to %j', async (body) => {
    expect((await post(`/api/pilots/${pilot}/reference-lines`, body)).status).toBe(400);
  });

  it('lets only admins and the pilot’s managers write', async () => {
    const viewer = await t.user('viewer', [pilot]);
    expect((await post(`/api/pilots/${pilot}/reference-lines`, REF, viewer)).status).toBe(403);
    expect((await t.json(`/api/pilots/${pilot}/reference-lines`, { as: viewer })).status).toBe(200);
    const stranger = await t.user('manager');
    expect((await post(`/api/pilots/${pilot}/reference-lines`, REF, stranger)).status).toBe(403);
    expect((await t.json(`/api/pilots/${pilot}/reference-lines`, { as: '' })).status).toBe(401);
  });
});

describe('budget.csv in the researcher export', () => {
  it('holds the pilot’s budget lines with a Table Schema, and imports back as kind=budget', async () => {
    const p = await t.pilot({ name: 'Binthout-achtig' });
    await importCsv(t, p, 'participants', 'participant_ref,intake_date\nA,2024-01-15\n');
    await post(`/api/pilots/${p}/budget-lines`, LINE);
    await post(`/api/pilots/${p}/budget-lines`, {
      ...LINE,
      amount: 40000,
      domain: 'green',
      fundingSource: 'Provincie Fryslân',
      description: null,
    });
    const researcher = await t.user('researcher', [p]);
    for (const format of ['csv', 'excel-nl'] as const) {
      const res = await t.request(`/api/pilots/${p}/export?format=${format}`, { as: researcher });
      expect(res.status).toBe(200);
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      const text = new TextDecoder().decode(files['budget.csv']!).replace(/^\uFEFF/, '');
      const lines = text.split(/\r?\n/).filter(Boolean);
      const sep = format === 'csv' ? ',' : ';';
      expect(lines[0]).toBe(
        ['amount', 'period_start', 'period_end', 'domain', 'funding_source', 'description'].join(
          sep,
        ),
      );
      expect(lines.slice(1)).toEqual(
        format === 'csv'
          ? [
              '125000.50,2024-01-01,2025-12-31,participation,Participatiebudget,Begeleiding',
              '40000.00,2024-01-01,2025-12-31,green,Provincie Fryslân,',
            ]
          : [
              '125000,50;2024-01-01;2025-12-31;participation;Participatiebudget;Begeleiding',
              '40000,00;2024-01-01;2025-12-31;green;Provincie Fryslân;',
            ],
      );
      const dp = JSON.parse(new TextDecoder().decode(files['datapackage.json']!));
      const resource = dp.resources.find((r: { path: string }) => r.path === 'budget.csv');
      expect(resource.schema.fields.map((f: { name: string }) => f.name)).toEqual(
        lines[0]!.split(sep),
      );
      expect(
        resource.schema.fields.find((f: { name: string }) => f.name === 'domain').constraints.enum,
      ).toContain('liveability');

      const copy = await t.pilot();
      const back = await importCsv(t, copy, 'budget', files['budget.csv']!);
      expect(back.status, JSON.stringify(back.body)).toBe(200);
      expect((await t.json(`/api/pilots/${copy}/budget-lines`)).body.total).toBe(165000.5);
    }
  });
});
