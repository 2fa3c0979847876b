import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGROUP_FIELDS } from '@wegwijzer/domain';
import { fromDay, outcomesFor, summarizeSubgroups } from '@wegwijzer/outcomes';
import { importCsv, type TestApp } from '../support/app.ts';
import { demoApp } from '../support/demo.ts';
import { deriveInMemory } from '../support/derive.ts';

// Any window 1–60 (issue 18): windows without derived rows come from the engine on demand and
// must equal the engine's per-participant derivation summed in memory, on every demo pilot.

const ODD_WINDOWS = [1, 3, 9, 13, 30, 60];

let t: TestApp;
let pilots: string[];

beforeAll(async () => {
  ({ t, pilots } = await demoApp());
}, 120_000);
afterAll(() => t.close());

const withoutIds = (body: Record<string, unknown>) => ({
  ...body,
  pilotId: undefined,
  observationEnd: undefined,
  referenceLines: undefined,
  // Counted from the window rows beside the totals; held to the engine in ladder-moves.test.ts.
  ladderMoves: undefined,
});

describe('a window other than 6, 12, 18, 24 or 36', () => {
  it('has demo pilots to test on', () => {
    expect(pilots.length).toBeGreaterThan(2);
  });

  it('gives every figure of outcomes and subgroups as the engine does, on every demo pilot', async () => {
    for (const id of pilots) {
      const rows = await deriveInMemory(t.store, id, { windows: ODD_WINDOWS });
      // The pilot's declared intervention arms (the multi-arm demo experiment has no
      // `intervention`), and control when someone is in it.
      const declared: string[] = (await t.json(`/api/pilots/${id}`)).body.arms.map(
        (a: { code: string }) => a.code,
      );
      const arms = declared.filter(
        (a) => a !== 'control' || rows.some((r) => r.derived.arm === 'control'),
      );
      for (const k of ODD_WINDOWS) {
        const outcomes = await t.json(`/api/pilots/${id}/outcomes?window=${k}`);
        expect(outcomes.status).toBe(200);
        expect(outcomes.body.windowMonths).toBe(k);
        expect(withoutIds(outcomes.body)).toEqual({
          ...outcomesFor(
            rows.map((r) => r.derived),
            k,
            arms,
          ),
          pilotId: undefined,
          observationEnd: undefined,
        });
        for (const by of SUBGROUP_FIELDS) {
          const sub = await t.json(`/api/pilots/${id}/subgroups?by=${by}&window=${k}`);
          expect(sub.status).toBe(200);
          expect(sub.body.groups).toEqual(summarizeSubgroups(rows, by, k, arms).groups);
        }
      }
    }
  }, 120_000);

  it('gives the same figures as the kept-current totals at a standard window', async () => {
    // The on-demand path and the SQL path meet at 12: the engine's figures both ways.
    const id = pilots[0]!;
    const rows = await deriveInMemory(t.store, id, { windows: [12] });
    const { body } = await t.json(`/api/pilots/${id}/outcomes?window=12`);
    expect(withoutIds(body)).toEqual({
      ...outcomesFor(
        rows.map((r) => r.derived),
        12,
      ),
      pilotId: undefined,
      observationEnd: undefined,
    });
  });

  it('splits cohorts by intake month as the engine does', async () => {
    const id = pilots[0]!;
    const rows = await deriveInMemory(t.store, id, { windows: [9] });
    const { status, body } = await t.json(`/api/pilots/${id}/cohorts?window=9`);
    expect(status).toBe(200);
    const expected = new Map<string, { participants: number; evaluable: number; off: number }>();
    for (const { derived } of rows) {
      const key = `${fromDay(derived.t0).slice(0, 7)}|${derived.arm}`;
      const c = expected.get(key) ?? { participants: 0, evaluable: 0, off: 0 };
      c.participants++;
      if (derived.windows[0]!.evaluable) c.evaluable++;
      if (derived.windows[0]!.offBenefit) c.off++;
      expected.set(key, c);
    }
    expect(body.cohorts).toHaveLength(expected.size);
    for (const c of body.cohorts) {
      const e = expected.get(`${c.month}|${c.arm}`)!;
      expect({
        participants: c.participants,
        evaluable: c.evaluable,
        off: c.offBenefit.count,
      }).toEqual(e);
    }
  });

  it('answers compare, routeplanner and budget', async () => {
    const compare = await t.json(`/api/outcomes?window=9`);
    expect(compare.status).toBe(200);
    expect(compare.body.windowMonths).toBe(9);
    expect(compare.body.pilots).toHaveLength(pilots.length);
    for (const p of compare.body.pilots) {
      const one = await t.json(`/api/pilots/${p.pilotId}/outcomes?window=9`);
      expect(p.arms).toEqual(one.body.arms);
    }
    const planner = await t.json('/api/routeplanner?motivation=4&window=9');
    expect(planner.status).toBe(200);
    expect(planner.body.window).toBe(9);
    expect(planner.body.results.length).toBeGreaterThan(0);
    const budget = await t.json(`/api/pilots/${pilots[0]}/budget?window=9`);
    expect(budget.status).toBe(200);
  });

  it('exports cohort.csv with the derived columns of the windows a researcher chooses', async () => {
    const id = pilots[0]!;
    const researcher = await t.user('researcher', [id]);
    const res = await t.request(`/api/pilots/${id}/export?windows=9,3`, { as: researcher });
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const [header, ...lines] = new TextDecoder().decode(files['cohort.csv']!).trim().split(/\r?\n/);
    const columns = header!.split(',');
    expect(columns).toEqual(
      expect.arrayContaining(['evaluable_3m', 'off_benefit_9m', 'savings_net_9m']),
    );
    expect(columns.some((c) => c.endsWith('_12m'))).toBe(false);
    // Summed over the rows, the 9-month columns give the 9-month outcome.
    const at = (name: string) => columns.indexOf(name);
    const { body } = await t.json(`/api/pilots/${id}/outcomes?window=9`);
    const arms = Object.keys(body.arms) as ('intervention' | 'control')[];
    for (const arm of arms) {
      const mine = lines.map((l) => l.split(',')).filter((c) => c[at('arm')] === arm);
      expect(mine.filter((c) => c[at('evaluable_9m')] === 'true').length).toBe(
        body.arms[arm].evaluable,
      );
      expect(mine.filter((c) => c[at('off_benefit_9m')] === 'true').length).toBe(
        body.arms[arm].offBenefit.count,
      );
    }
    const pkg = JSON.parse(new TextDecoder().decode(files['datapackage.json']!));
    const cohort = pkg.resources.find((r: { name: string }) => r.name === 'cohort');
    expect(cohort.schema.fields.map((f: { name: string }) => f.name)).toEqual(columns);
    const bad = await t.json(`/api/pilots/${id}/export?windows=9,61`, { as: researcher });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('from 1 to 60');
  });

  it('follows a write at once', async () => {
    const id = await t.pilot({ dataCompleteThrough: '2025-12-31' });
    await importCsv(t, id, 'participants', 'participant_ref,intake_date\nA,2024-01-31\n');
    const before = await t.json(`/api/pilots/${id}/outcomes?window=9`);
    expect(before.body.arms.intervention.offBenefit.count).toBe(0);
    // 2024-01-31 + 9 months = 2024-10-31: an exit on that day is in force at m(9).
    await importCsv(
      t,
      id,
      'events',
      'participant_ref,type,date,reason,value\nA,benefit_end,2024-10-31,bbz,\n',
    );
    const after = await t.json(`/api/pilots/${id}/outcomes?window=9`);
    expect(after.body.arms.intervention.offBenefit.count).toBe(1);
    expect(after.body.arms.intervention.routes.bbz).toBe(1);
    const list = await t.json(`/api/pilots/${id}/participants?ref=A`);
    await t.json(`/api/participants/${list.body.items[0].id}`, {
      method: 'PATCH',
      body: JSON.stringify({ lostToFollowUpDate: '2024-06-01' }),
    });
    const lost = await t.json(`/api/pilots/${id}/outcomes?window=9`);
    expect(lost.body.arms.intervention).toMatchObject({ evaluable: 0, pending: 1 });
    // A new participant joins the pack refreshed in part; so does a new control arm.
    await importCsv(
      t,
      id,
      'participants',
      'participant_ref,arm,intake_date\nB,control,2024-03-31\n',
    );
    const joined = await t.json(`/api/pilots/${id}/outcomes?window=9`);
    expect(joined.body.arms.control).toMatchObject({ participants: 1, evaluable: 1 });
    await t.json(`/api/pilots/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ dataCompleteThrough: '2024-11-30' }),
    });
    const rows = await deriveInMemory(t.store, id, { windows: [9] });
    const { body } = await t.json(`/api/pilots/${id}/outcomes?window=9`);
    expect(withoutIds(body)).toEqual({
      ...outcomesFor(
        rows.map((r) => r.derived),
        9,
      ),
      pilotId: undefined,
      observationEnd: undefined,
    });
    // 2024-03-31 + 9 months = 2024-12-31, after the new observation end.
    expect(body.arms.control).toMatchObject({ evaluable: 0, pending: 1 });
  });
});

describe('a window outside 1–60', () => {
  const endpoints = () => {
    const id = pilots[0]!;
    return [
      `/api/pilots/${id}/outcomes?window=`,
      `/api/pilots/${id}/subgroups?by=motivation&window=`,
      `/api/pilots/${id}/cohorts?window=`,
      `/api/outcomes?window=`,
      `/api/routeplanner?window=`,
      `/api/pilots/${id}/budget?window=`,
    ];
  };

  it.each(['0', '61', '1.5', 'abc', '-3', '1e1', ''])(
    'answers 400 naming the allowed range to window=%s',
    async (bad) => {
      for (const path of endpoints()) {
        const { status, body } = await t.json(`${path}${encodeURIComponent(bad)}`);
        expect(status, path).toBe(400);
        expect(body.error.code).toBe('bad_request');
        expect(body.error.message).toContain('from 1 to 60');
      }
    },
  );

  it('refuses a reference line for window 61 and takes one for window 9', async () => {
    const id = pilots[0]!;
    const line = { kind: 'council_target', rate: 0.3, period: '2025', source: 'Raadsbesluit' };
    const bad = await t.json(`/api/pilots/${id}/reference-lines`, {
      method: 'POST',
      body: JSON.stringify({ ...line, windowMonths: 61 }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('from 1 to 60');
    const good = await t.json(`/api/pilots/${id}/reference-lines`, {
      method: 'POST',
      body: JSON.stringify({ ...line, windowMonths: 9 }),
    });
    expect(good.status).toBe(201);
    const { body } = await t.json(`/api/pilots/${id}/outcomes?window=9`);
    expect(body.referenceLines.map((r: { windowMonths: number }) => r.windowMonths)).toEqual([9]);
  });
});
