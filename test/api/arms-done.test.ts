import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPilot, listVariables, valuesOf } from '@wegwijzer/db';
import {
  BASELINE_BALANCE_FIELDS,
  balanceTable,
  baselineBalanceValues,
  logRank,
  logRankK,
  outcomesFor,
  survivalByArm,
  variableBalanceField,
} from '@wegwijzer/outcomes';
import { importCsv, testApp, type TestApp } from '../support/app.ts';
import { deriveInMemory } from '../support/derive.ts';

/**
 * Issue 17's "done when" for arms: a four-arm pilot imports, and its outcomes, survival
 * (pairwise and k-sample), subgroups, balance table and export give, per arm, exactly what the
 * engine computes for that arm alone.
 */

const ARMS = [
  { code: 'vrijstelling', label: 'Vrijstelling van verplichtingen', labelEn: 'Exemption' },
  { code: 'extra_begeleiding', label: 'Extra begeleiding', labelEn: 'Extra guidance' },
  { code: 'bijverdienen', label: 'Behoud van bijverdienste', labelEn: null },
  { code: 'control', label: 'Controlegroep', labelEn: 'Control group' },
];
const CODES = ARMS.map((a) => a.code);
const REGIMES = CODES.slice(0, 3);
const WERKERVARING = {
  code: 'werkervaring',
  label: 'Werkervaring',
  type: 'boolean',
};

let t: TestApp;
let pilot: string;
let researcher: string;

/** 96 people, 24 an arm, with exits, restarts and offset income that differ by arm. */
function files() {
  const people = [
    'participant_ref,arm,intake_date,birth_year,household,motivation,guidance_cost,werkervaring',
  ];
  const events = ['participant_ref,type,date,reason,value'];
  for (let i = 0; i < 96; i++) {
    const a = i % 4;
    const ref = `EXP${String(i).padStart(3, '0')}`;
    const month = String(1 + (i % 12)).padStart(2, '0');
    const household = ['single', 'couple', 'single_parent', ''][(i >> 2) % 4];
    const cost = a === 3 ? '' : String(500 * (a + 1));
    people.push(
      `${ref},${CODES[a]},2023-${month}-10,${1960 + (i % 40)},${household},${1 + (i % 5)},${cost},${i % 3 === 0 ? 'ja' : i % 7 === 0 ? '' : 'nee'}`,
    );
    if ((i * 5 + a) % 7 < 2 + a) {
      const m = String(1 + ((i * 3 + a) % 12)).padStart(2, '0');
      events.push(`${ref},benefit_end,2024-${m}-05,${a === 2 ? 'combination' : 'regular_work'},`);
      if (i % 5 === 0) events.push(`${ref},benefit_restart,2024-${m}-25,,`);
    }
    if (a === 2) events.push(`${ref},offset_income,2023-${month}-28,,${100 + i}`);
  }
  return { people: people.join('\n') + '\n', events: events.join('\n') + '\n' };
}

beforeAll(async () => {
  t = await testApp();
  pilot = await t.pilot({
    dataCompleteThrough: '2025-06-30',
    monthlyBenefit: 1100,
    guidanceCost: 800,
    arms: ARMS,
  });
  const declared = await t.json(`/api/pilots/${pilot}/variables`, {
    method: 'POST',
    body: JSON.stringify(WERKERVARING),
  });
  expect(declared.status).toBe(201);
  const f = files();
  expect((await importCsv(t, pilot, 'participants', f.people)).status).toBe(200);
  expect((await importCsv(t, pilot, 'events', f.events)).status).toBe(200);
  researcher = await t.user('researcher', [pilot]);
});
afterAll(() => t.close());

/** The participants read back and derived, in id order, each with its `werkervaring` value. */
async function people() {
  const rows = await deriveInMemory(t.store, pilot, { windows: [12] });
  const ids = (
    await t.store.db
      .selectFrom('participants')
      .select('id')
      .where('pilot_id', '=', pilot)
      .orderBy('id')
      .execute()
  ).map((r) => Number(r.id));
  const values = await valuesOf(t.store.db, pilot, ids);
  return rows.map((r, i) => ({
    ...r,
    werkervaring: (values.get(ids[i]!)?.werkervaring ?? null) as boolean | null,
  }));
}

const derived = async (k = 12) =>
  (await deriveInMemory(t.store, pilot, { windows: [k] })).map((r) => r.derived);

describe('a four-arm pilot gives, per arm, what the engine computes for that arm alone', () => {
  it('in its outcome summary, with every regime compared with control', async () => {
    const { status, body } = await t.json(`/api/pilots/${pilot}/outcomes?window=12`);
    expect(status).toBe(200);
    expect(Object.keys(body.arms)).toEqual(CODES);
    const all = await derived();
    for (const code of CODES)
      expect(body.arms[code]).toEqual(
        outcomesFor(
          all.filter((r) => r.arm === code),
          12,
          [code],
        ).arms[code],
      );
    for (const code of REGIMES) {
      const pair = outcomesFor(
        all.filter((r) => r.arm === code || r.arm === 'control'),
        12,
        [code, 'control'],
      );
      expect(body.comparisons[code]).toEqual(pair.comparisons[code]);
    }
  });

  it('in its survival curves, pairwise log-rank tests and the k-sample test', async () => {
    const { body } = await t.json(`/api/pilots/${pilot}/survival`);
    const all = await derived();
    const times = (code: string) => all.filter((r) => r.arm === code).map((r) => r.firstExit);
    for (const code of CODES)
      expect(body.arms[code].points).toEqual(
        survivalByArm(
          all.filter((r) => r.arm === code),
          [code],
        ).arms[code]!.points,
      );
    for (const code of REGIMES)
      expect(body.comparisons[code].logRank).toEqual(logRank(times(code), times('control')));
    expect(body.logRankK).toEqual(logRankK(CODES.map(times)));
    expect(body.logRankK.df).toBe(3);
  });

  it.each(['household', 'werkervaring'])('in its subgroups by %s', async (by) => {
    const { status, body } = await t.json(`/api/pilots/${pilot}/subgroups?by=${by}&window=12`);
    expect(status).toBe(200);
    const everyone = await people();
    const valueOf = (p: (typeof everyone)[number]) =>
      by === 'household' ? p.baseline.household : p.werkervaring;
    expect(body.groups.length).toBeGreaterThan(1);
    for (const g of body.groups) {
      expect(Object.keys(g.arms)).toEqual(CODES);
      for (const code of CODES) {
        const mine = everyone
          .filter((p) => valueOf(p) === g.value && p.derived.arm === code)
          .map((p) => p.derived);
        expect(g.arms[code]).toEqual(outcomesFor(mine, 12, [code]).arms[code]);
      }
    }
  });

  it('in its balance table, per arm and per regime against control', async () => {
    const { status, body } = await t.json(`/api/pilots/${pilot}/balance`, { as: researcher });
    expect(status).toBe(200);
    expect(body.arms).toEqual(CODES);
    const variables = await listVariables(t.store.db, pilot);
    const fields = [...BASELINE_BALANCE_FIELDS, ...variables.map(variableBalanceField)];
    const rows = (await people()).map((p) => ({
      arm: p.derived.arm,
      values: { ...baselineBalanceValues(p.baseline), werkervaring: p.werkervaring },
    }));
    for (const code of CODES) {
      const alone = balanceTable(
        rows.filter((r) => r.arm === code),
        fields,
      );
      expect(body.sizes[code]).toBe(alone.sizes[code]);
      body.fields.forEach((f: any, i: number) => {
        const mine = alone.fields[i]!;
        if (f.kind === 'numeric' && mine.kind === 'numeric')
          expect(f.arms[code]).toEqual(mine.arms[code]);
        else if (f.kind === 'categorical' && mine.kind === 'categorical')
          for (const level of f.levels) {
            const same = mine.levels.find((l) => l.value === level.value);
            expect(level.arms[code]).toEqual(same?.arms[code] ?? { count: 0, share: 0 });
          }
        else throw new Error(`field ${f.field} has another kind`);
      });
    }
    for (const code of REGIMES) {
      const pair = balanceTable(
        rows.filter((r) => r.arm === code || r.arm === 'control'),
        fields,
      );
      body.fields.forEach((f: any, i: number) => {
        const mine = pair.fields[i]!;
        if (f.kind === 'numeric' && mine.kind === 'numeric')
          expect(f.smd[code]).toEqual(mine.smd[code]);
        else if (mine.kind === 'categorical')
          for (const level of mine.levels)
            expect(f.levels.find((l: any) => l.value === level.value).smd[code]).toEqual(
              level.smd[code],
            );
      });
    }
  });

  it('in its export: the declared codes with labels in the Table Schema, each arm’s rows adding up to its summary', async () => {
    const res = await t.request(`/api/pilots/${pilot}/export`, { as: researcher });
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const text = (name: string) => new TextDecoder().decode(files[name]!);
    const dp = JSON.parse(text('datapackage.json'));
    for (const resource of ['cohort', 'participants']) {
      const arm = dp.resources
        .find((r: { name: string }) => r.name === resource)
        .schema.fields.find((f: { name: string }) => f.name === 'arm');
      expect(arm.constraints.enum).toEqual(CODES);
      expect(arm.categories).toEqual([
        { value: 'vrijstelling', label: 'Vrijstelling van verplichtingen / Exemption' },
        { value: 'extra_begeleiding', label: 'Extra begeleiding / Extra guidance' },
        { value: 'bijverdienen', label: 'Behoud van bijverdienste' },
        { value: 'control', label: 'Controlegroep / Control group' },
      ]);
    }
    const [header, ...lines] = text('cohort.csv').trim().split(/\r?\n/);
    const columns = header!.split(',');
    const cohort = lines.map((l) =>
      Object.fromEntries(l.split(',').map((v, i) => [columns[i]!, v])),
    );
    const facts = (await getPilot(t.store.db, pilot))!;
    const all = await deriveInMemory(t.store, pilot, { facts, windows: [12] });
    for (const code of CODES) {
      const mine = cohort.filter((r) => r.arm === code);
      const engine = outcomesFor(
        all.filter((p) => p.derived.arm === code).map((p) => p.derived),
        12,
        [code],
      ).arms[code]!;
      expect(mine).toHaveLength(engine.participants);
      expect(mine.filter((r) => r.evaluable_12m === 'true')).toHaveLength(engine.evaluable);
      expect(mine.filter((r) => r.off_benefit_12m === 'true')).toHaveLength(
        engine.offBenefit.count,
      );
      const net = mine
        .filter((r) => r.evaluable_12m === 'true')
        .reduce((s, r) => s + Number(r.savings_net_12m), 0);
      expect(Math.round(net * 100) / 100).toBe(engine.savings.net);
    }
  });

  it('in its models: each regime against control as a two-arm pilot of those people alone', async () => {
    const f = files();
    const [head, ...rows] = f.people.trim().split('\n');
    for (const code of REGIMES) {
      // The same people, the regime's relabelled `intervention`, in a pilot of two arms.
      const kept = rows.filter((r) => [code, 'control'].includes(r.split(',')[1]!));
      const refs = new Set(kept.map((r) => r.split(',')[0]));
      const two = await t.pilot({
        dataCompleteThrough: '2025-06-30',
        monthlyBenefit: 1100,
        guidanceCost: 800,
      });
      const twoVar = await t.json(`/api/pilots/${two}/variables`, {
        method: 'POST',
        body: JSON.stringify(WERKERVARING),
      });
      expect(twoVar.status).toBe(201);
      const people = [head, ...kept.map((r) => r.replace(`,${code},`, ',intervention,'))];
      const events = f.events
        .trim()
        .split('\n')
        .filter((e, i) => i === 0 || refs.has(e.split(',')[0]));
      expect((await importCsv(t, two, 'participants', people.join('\n') + '\n')).status).toBe(200);
      expect((await importCsv(t, two, 'events', events.join('\n') + '\n')).status).toBe(200);
      for (const path of [
        'models/cox?covariates=motivation',
        'models/adjusted-difference?window=12&covariates=motivation',
      ]) {
        const mine = await t.json(`/api/pilots/${pilot}/${path}&arm=${code}`);
        const alone = await t.json(`/api/pilots/${two}/${path}`);
        expect(mine.status).toBe(200);
        expect({ ...mine.body, pilotId: undefined }).toEqual({ ...alone.body, pilotId: undefined });
      }
    }
    // Unasked, the first declared regime; an arm the pilot lacks, or control, is refused.
    const first = await t.json(`/api/pilots/${pilot}/models/cox`);
    const asked = await t.json(`/api/pilots/${pilot}/models/cox?arm=${REGIMES[0]}`);
    expect(first.body).toEqual(asked.body);
    for (const arm of ['intervention', 'control']) {
      const refused = await t.json(`/api/pilots/${pilot}/models/cox?arm=${arm}`);
      expect(refused.status).toBe(400);
      expect(refused.body.error.details[0]).toMatchObject({ path: 'arm', code: 'unknown_value' });
    }
  });
});
