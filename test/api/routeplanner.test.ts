import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '@wegwijzer/api';
import { RouteplannerReply } from '@wegwijzer/domain';
import { importCsv, testApp, type TestApp } from '../support/app.ts';

/**
 * Synthetic pilots whose truth is known: each (arm, motivation) cell holds 40 participants of
 * whom exactly round(rate × 40) leave bijstand within the year, so every figure is fixed.
 */

type Rates = (motivation: number, arm: 'intervention' | 'control') => number;

interface Synthetic {
  ref: string;
  arm: 'intervention' | 'control';
  motivation: number;
  ladderStep: number;
  hasDebts: boolean;
  household: string;
  ageBand: string;
  education: string;
  disability: boolean;
  refugeeStatus: boolean;
  exitDay: number | null;
}

const HOUSEHOLDS = ['single', 'single_parent', 'couple'];
const EDUCATION = ['low', 'mid', 'high'];
const AGES: [string, number][] = [
  ['<27', 2002],
  ['27-44', 1989],
  ['45-54', 1974],
  ['55+', 1964],
];
const REASONS = ['regular_work', 'bbz', 'combination', ''];

/** `perCell` participants per arm and motivation; the other baseline fields cycle independently of exit. */
function population(rates: Rates, arms: { intervention: number; control: number }): Synthetic[] {
  const people: Synthetic[] = [];
  for (const arm of ['intervention', 'control'] as const) {
    for (let j = 0; j < arms[arm] * 5; j++) {
      const motivation = (j % 5) + 1;
      const q = Math.floor(j / 5);
      const exits = q < Math.round(rates(motivation, arm) * arms[arm]);
      people.push({
        ref: `${arm[0]!.toUpperCase()}${j}`,
        arm,
        motivation,
        ladderStep: (q % 3) + 2,
        hasDebts: q % 2 === 0,
        household: HOUSEHOLDS[q % 3]!,
        ageBand: AGES[q % 4]![0],
        education: EDUCATION[Math.floor(q / 2) % 3]!,
        disability: q % 7 === 0,
        refugeeStatus: q % 5 === 0,
        exitDay: exits ? 20 + q * 7 : null,
      });
    }
  }
  return people;
}

const intake = (p: Synthetic) =>
  `2024-01-${String((Number(p.ref.slice(1)) % 28) + 1).padStart(2, '0')}`;
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
const yn = (b: boolean) => (b ? 'ja' : 'nee');

function participantsCsv(people: Synthetic[]): string {
  const head =
    'participant_ref,arm,intake_date,motivation,ladder_step,has_debts,household,birth_year,education,disability,refugee_status';
  const rows = people.map((p) =>
    [
      p.ref,
      p.arm,
      intake(p),
      p.motivation,
      p.ladderStep,
      yn(p.hasDebts),
      p.household,
      AGES.find(([b]) => b === p.ageBand)![1],
      p.education,
      yn(p.disability),
      yn(p.refugeeStatus),
    ].join(','),
  );
  return [head, ...rows].join('\n') + '\n';
}

function eventsCsv(people: Synthetic[]): string {
  const rows = people
    .filter((p) => p.exitDay !== null)
    .map((p) =>
      [
        p.ref,
        'benefit_end',
        plusDays(intake(p), p.exitDay!),
        REASONS[Math.floor(p.exitDay! / 7) % 4],
        '',
      ].join(','),
    );
  return ['participant_ref,type,date,reason,value', ...rows].join('\n') + '\n';
}

const PILOTS = {
  motivated: {
    name: 'Alleen gemotiveerd',
    rates: ((m, arm) => (arm === 'intervention' && m >= 4 ? 0.6 : 0.2)) as Rates,
    arms: { intervention: 40, control: 40 },
  },
  everyone: {
    name: 'Werkt voor iedereen',
    rates: ((_m, arm) => (arm === 'intervention' ? 0.5 : 0.2)) as Rates,
    arms: { intervention: 40, control: 40 },
  },
  nothing: {
    name: 'Werkt niet',
    rates: (() => 0.2) as Rates,
    arms: { intervention: 40, control: 40 },
  },
  observational: {
    name: 'Zonder controlegroep',
    rates: (() => 0.3) as Rates,
    arms: { intervention: 40, control: 0 },
  },
  smallControl: {
    name: 'Kleine controlegroep',
    rates: (() => 0.4) as Rates,
    arms: { intervention: 8, control: 1 },
  },
  tiny: { name: 'Mini', rates: (() => 0.4) as Rates, arms: { intervention: 1, control: 1 } },
};
type PilotKey = keyof typeof PILOTS;

let t: TestApp;
const ids = {} as Record<PilotKey, string>;
const people = {} as Record<PilotKey, Synthetic[]>;

beforeAll(async () => {
  t = await testApp();
  for (const [key, def] of Object.entries(PILOTS) as [PilotKey, (typeof PILOTS)[PilotKey]][]) {
    ids[key] = await t.pilot({ name: def.name, dataCompleteThrough: '2025-12-31' });
    people[key] = population(def.rates, def.arms);
    expect(
      (await importCsv(t, ids[key], 'participants', participantsCsv(people[key]))).status,
    ).toBe(200);
    expect((await importCsv(t, ids[key], 'events', eventsCsv(people[key]))).status).toBe(200);
  }
}, 60_000);
afterAll(() => t.close());

async function plan(query: string, as?: string) {
  const { status, body } = await t.json(`/api/routeplanner?${query}`, { as });
  expect(status, JSON.stringify(body)).toBe(200);
  return RouteplannerReply.parse(body);
}

const position = (reply: RouteplannerReply, key: PilotKey) =>
  reply.results.findIndex((r) => r.pilotId === ids[key]);
const resultOf = (reply: RouteplannerReply, key: PilotKey) =>
  reply.results.find((r) => r.pilotId === ids[key])!;

describe('GET /api/routeplanner: ranking', () => {
  it('ranks the pilots that work for motivated participants above the one that does nothing, for a motivated profile', async () => {
    const reply = await plan('motivation=5');
    expect(reply.profile).toEqual({ motivation: 5 });
    expect(reply.window).toBe(12);
    expect(position(reply, 'motivated')).toBeLessThan(position(reply, 'nothing'));
    expect(position(reply, 'everyone')).toBeLessThan(position(reply, 'nothing'));
    const m = resultOf(reply, 'motivated');
    expect(m.relaxed).toEqual([]);
    expect(m.matched).toEqual({ intervention: 40, control: 40 });
    expect(m.offBenefit.count).toBe(24);
    expect(m.offBenefitControl?.count).toBe(8);
    expect(m.difference!.rate).toBeCloseTo(0.4, 12);
    expect(m.difference!.ci95![0]).toBeGreaterThan(0);
    expect(resultOf(reply, 'nothing').difference!.ci95![0]).toBeLessThan(0);
  });

  it('ranks the pilot that works for everyone first for an unmotivated profile', async () => {
    const reply = await plan('motivation=1');
    expect(reply.results[0]!.pilotId).toBe(ids.everyone);
    const motivated = resultOf(reply, 'motivated').difference!;
    const nothing = resultOf(reply, 'nothing').difference!;
    // Identical truth (20% vs 20%): the same figures, so neither is above the other by much.
    expect(Math.abs(motivated.ci95![0] - nothing.ci95![0])).toBeLessThan(0.05);
    expect(motivated.rate).toBeCloseTo(0, 12);
  });

  it('orders comparisons with a control group first, each part by the lower bound, null figures last', async () => {
    const reply = await plan('motivation=3');
    const controlled = reply.results.filter((r) => r.difference?.ci95);
    const rest = reply.results.filter((r) => !r.difference?.ci95);
    expect(reply.results).toEqual([...controlled, ...rest]);
    const bounds = (list: typeof reply.results) =>
      list.map((r) => r.difference?.ci95?.[0] ?? r.offBenefit.ci95?.[0] ?? -Infinity);
    for (const part of [controlled, rest]) {
      expect([...bounds(part)].sort((a, b) => b - a)).toEqual(bounds(part));
    }
    expect(reply.results.at(-1)!.pilotId).toBe(ids.tiny);
  });

  it('marks the pilot without a control arm observational, without a comparison or heterogeneity test', async () => {
    const r = resultOf(await plan('motivation=4'), 'observational');
    expect(r.observational).toBe(true);
    expect(r.difference).toBeNull();
    expect(r.offBenefitControl).toBeNull();
    expect(r.matched.control).toBeNull();
    expect(r.heterogeneity).toBeNull();
    expect(r.offBenefit.count).toBe(12);
    expect(resultOf(await plan('motivation=4'), 'everyone').observational).toBe(false);
  });

  it('gives the route split and the Kaplan–Meier median of the matched intervention participants', async () => {
    const r = resultOf(await plan('motivation=5'), 'motivated');
    // 24 of 40 leave on days 20, 27, …, 181; the 20th exit (q = 19, day 153) brings S to 0.5.
    expect(r.medianDaysToExit).toBe(153);
    expect(r.routes).toEqual({ regular_work: 6, bbz: 6, combination: 6, other: 6 });
    expect(resultOf(await plan('motivation=1'), 'nothing').medianDaysToExit).toBeNull();
  });
});

/** The importance order, least important first: the order in which fields are dropped. */
const DROP_ORDER = [
  'refugeeStatus',
  'disability',
  'education',
  'household',
  'ageBand',
  'hasDebts',
  'ladderStep',
  'motivation',
] as const;

describe('GET /api/routeplanner: widening', () => {
  const profile = {
    motivation: 5,
    ladderStep: 3,
    hasDebts: true,
    ageBand: '<27',
    household: 'couple',
    education: 'high',
    disability: true,
    refugeeStatus: true,
  };
  const query = new URLSearchParams(
    Object.entries(profile).map(([k, v]) => [k, String(v)]),
  ).toString();

  /** The oracle: drop fields in order until both arms have ≥ 10 participants (all are evaluable). */
  function expectedRelaxed(key: PilotKey): string[] {
    for (let drop = 0; drop <= DROP_ORDER.length; drop++) {
      const kept = DROP_ORDER.slice(drop);
      const match = (p: Synthetic) => kept.every((f) => p[f] === profile[f]);
      const n = (arm: string) => people[key].filter((p) => p.arm === arm && match(p)).length;
      if (n('intervention') >= 10 && n('control') >= 10)
        return DROP_ORDER.slice(0, drop) as unknown as string[];
    }
    throw new Error('no rung is large enough');
  }

  it('drops the least important fields first and reports them in that order', async () => {
    const reply = await plan(query);
    for (const key of ['motivated', 'everyone', 'nothing'] as const) {
      const r = resultOf(reply, key);
      const expected = expectedRelaxed(key);
      expect(expected.length).toBeGreaterThan(0);
      expect(r.relaxed).toEqual(expected);
      expect(r.matched.intervention).toBeGreaterThanOrEqual(10);
      expect(r.matched.control).toBeGreaterThanOrEqual(10);
    }
    // motivation 5, ladder step 3: q ≡ 1 (mod 3), 13 of 40; adding debts leaves 6.
    expect(resultOf(reply, 'motivated').relaxed).toEqual([
      'refugeeStatus',
      'disability',
      'education',
      'household',
      'ageBand',
      'hasDebts',
    ]);
    expect(resultOf(reply, 'motivated').matched).toEqual({ intervention: 13, control: 13 });
  });

  it('widens only as far as needed, keeping every field when the match is large enough', async () => {
    const r = resultOf(await plan('motivation=2&hasDebts=nee'), 'everyone');
    expect(r.relaxed).toEqual([]);
    expect(r.matched).toEqual({ intervention: 20, control: 20 });
  });

  it('gives no comparison where the control arm is under the threshold even fully relaxed', async () => {
    const r = resultOf(await plan('motivation=5&household=single'), 'smallControl');
    expect(r.matched.intervention).toBeGreaterThanOrEqual(10);
    expect(r.matched.control).toBeLessThan(10);
    expect(r.difference).toBeNull();
    expect(r.offBenefitControl).toEqual({ count: null, rate: null, ci95: null });
    expect(r.noteCode).toBe('control_too_small');
    expect(r.note).toMatch(/no comparison/);
    expect(r.offBenefit.rate).not.toBeNull();
  });

  it('lists a pilot too small even fully relaxed with null figures and a note', async () => {
    const r = resultOf(await plan('motivation=5&household=single'), 'tiny');
    expect(r.relaxed).toEqual(['household', 'motivation']);
    expect(r.offBenefit).toEqual({ count: null, rate: null, ci95: null });
    expect(r.difference).toBeNull();
    expect(r.medianDaysToExit).toBeNull();
    expect(r.routes).toEqual({ regular_work: null, bbz: null, combination: null, other: null });
    expect(r.noteCode).toBe('too_few_matched');
  });
});

describe('GET /api/routeplanner: heterogeneity', () => {
  it('finds that the effect differs by motivation only where it does', async () => {
    const reply = await plan('motivation=5');
    const m = resultOf(reply, 'motivated').heterogeneity!;
    expect(m.by).toBe('motivation');
    expect(m.df).toBe(4);
    expect(m.p).toBeLessThan(0.05);
    expect(m.supportsSubgroupClaim).toBe(true);
    expect(m.groups.map((g) => g.value)).toEqual([1, 2, 3, 4, 5]);
    expect(m.groups[4]!.difference!.rate).toBeCloseTo(0.4, 12);
    const e = resultOf(reply, 'everyone').heterogeneity!;
    expect(e.p).toBeGreaterThan(0.05);
    expect(e.q).toBeCloseTo(0, 12);
    expect(e.supportsSubgroupClaim).toBe(false);
    expect(resultOf(reply, 'nothing').heterogeneity!.supportsSubgroupClaim).toBe(false);
  });

  it('tests another field when asked, and not the group of participants missing it', async () => {
    const m = resultOf(
      await plan('motivation=5&heterogeneityBy=household'),
      'motivated',
    ).heterogeneity!;
    expect(m.by).toBe('household');
    expect(m.groups.map((g) => g.value)).toEqual(['single', 'single_parent', 'couple']);
    expect(m.p).toBeGreaterThan(0.05);
  });

  it('makes no subgroup claim where the subgroups are under the threshold', async () => {
    const r = resultOf(await plan('motivation=1'), 'smallControl');
    expect(r.heterogeneity?.supportsSubgroupClaim ?? false).toBe(false);
    for (const g of r.heterogeneity?.groups ?? []) expect(g.difference).toBeNull();
  });
});

describe('GET /api/routeplanner: access and disclosure', () => {
  /** Every count-like number of a result: matched sizes, numerators, routes, subgroup sizes. */
  function counts(reply: RouteplannerReply): number[] {
    return reply.results.flatMap((r) =>
      [
        r.matched.intervention,
        r.matched.control,
        r.offBenefit.count,
        r.offBenefitControl?.count ?? null,
        ...Object.values(r.routes),
        ...(r.heterogeneity?.groups.flatMap((g) => [g.n.intervention, g.n.control]) ?? []),
      ].filter((v): v is number => v !== null),
    );
  }

  it('never shows a viewer a count from 1 to 9, and names every hidden figure', async () => {
    const viewer = await t.user('viewer', Object.values(ids));
    for (const query of [
      'motivation=5',
      'motivation=1&hasDebts=ja',
      'ageBand=55%2B&education=low',
      '',
    ]) {
      const reply = await plan(query, viewer);
      for (const v of counts(reply)) expect(v === 0 || v >= 10, `${query}: ${v}`).toBe(true);
      const root = reply as unknown as Record<string, unknown>;
      for (const pointer of reply.suppressed ?? []) {
        const value = pointer
          .split('/')
          .slice(1)
          .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
        expect(value, pointer).toBeNull();
      }
    }
    // "Werkt niet" for a motivated profile: 8 of 40 controls leave, so their count, rate and the difference go.
    const reply = await plan('motivation=5', viewer);
    const i = position(reply, 'nothing');
    expect(reply.suppressed).toContain(`/results/${i}/offBenefitControl/count`);
    expect(reply.results[i]!.difference).toEqual({ rate: null, ci95: null });
    // The same call by an admin shows them.
    expect(resultOf(await plan('motivation=5'), 'nothing').offBenefitControl!.count).toBe(8);
  });

  it('lists only the pilots the caller may see', async () => {
    const manager = await t.user('manager', [ids.everyone]);
    const reply = await plan('motivation=5', manager);
    expect(reply.results.map((r) => r.pilotId)).toEqual([ids.everyone]);
    const nobody = await t.user('researcher');
    expect((await plan('motivation=5', nobody)).results).toEqual([]);
  });

  it('answers 400 to a value outside its domain and 401 without a login', async () => {
    for (const q of [
      'motivation=7',
      'hasDebts=misschien',
      'household=villa',
      'window=61',
      'heterogeneityBy=shoeSize',
    ]) {
      expect((await t.json(`/api/routeplanner?${q}`)).status, q).toBe(400);
    }
    expect((await t.json('/api/routeplanner', { as: '' })).status).toBe(401);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await t.json('/api/openapi.json', { as: '' });
    const op = doc.body.paths['/api/routeplanner'].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['motivation', 'ladderStep', 'hasDebts', 'window', 'heterogeneityBy']),
    );
  });
});

describe('GET /api/routeplanner on the demo data', () => {
  let demo: TestApp;
  beforeAll(async () => {
    demo = await testApp();
    await loadDemo(demo.store);
  }, 120_000);
  afterAll(() => demo.close());

  it('answers well within a second (measured, not asserted)', async () => {
    const participants = await demo.store.db
      .selectFrom('participants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const queries = [
      'motivation=4&hasDebts=ja',
      'motivation=2&ladderStep=2&household=single&ageBand=27-44&education=low',
      '',
    ];
    const timings: string[] = [];
    for (const q of queries) {
      await demo.json(`/api/routeplanner?${q}`); // warm-up
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        const { status, body } = await demo.json(`/api/routeplanner?${q}`);
        runs.push(performance.now() - start);
        expect(status).toBe(200);
        expect(body.results.length).toBeGreaterThan(0);
      }
      runs.sort((a, b) => a - b);
      timings.push(
        `"${q || '(no profile)'}": median ${runs[2]!.toFixed(1)} ms, max ${runs[4]!.toFixed(1)} ms`,
      );
    }
    console.log(
      `routeplanner on the demo data (${participants.n} participants):\n  ${timings.join('\n  ')}`,
    );
  });
});
