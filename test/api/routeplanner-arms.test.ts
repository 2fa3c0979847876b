import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RouteplannerReply } from '@wegwijzer/domain';
import { importCsv, testApp, type TestApp } from '../support/app.ts';

/**
 * Issue 17: each intervention arm of a pilot is its own route-planner option, compared with
 * that pilot's control, and pilot variables are profile fields. The oracle for an option is a
 * two-arm pilot holding only that arm (as `intervention`) and the same control participants:
 * the option must give exactly what the planner gives for that pilot.
 */

const REGIMES = [
  { code: 'vrijstelling', label: 'Vrijstelling', labelEn: 'Exemption' },
  { code: 'extra_begeleiding', label: 'Extra begeleiding', labelEn: 'Extra guidance' },
  { code: 'behoud_inkomsten', label: 'Behoud van inkomsten', labelEn: null },
] as const;
const ARMS = [...REGIMES, { code: 'control', label: 'Controlegroep', labelEn: 'Control group' }];

/** Share leaving within the year per arm and motivation: each regime works its own way. */
const RATE: Record<string, (m: number) => number> = {
  vrijstelling: () => 0.5,
  extra_begeleiding: (m) => (m >= 3 ? 0.45 : 0.1),
  behoud_inkomsten: () => 0.25,
  control: () => 0.2,
};
const PER_ARM = 60;
const HOUSEHOLDS = ['single', 'single_parent', 'couple'];

interface Person {
  ref: string;
  arm: string;
  motivation: number;
  household: string;
  hasDebts: boolean;
  trained: boolean | null;
  sessions: number;
  exitDay: number | null;
}

function people(): Person[] {
  const out: Person[] = [];
  ARMS.forEach(({ code }, a) => {
    for (let j = 0; j < PER_ARM; j++) {
      const motivation = (j % 5) + 1;
      const q = Math.floor(j / 5);
      const exits = q < Math.round(RATE[code]!(motivation) * (PER_ARM / 5));
      out.push({
        ref: `${code.slice(0, 3).toUpperCase()}${j}`,
        arm: code,
        motivation,
        household: HOUSEHOLDS[(q + a) % 3]!,
        hasDebts: (q + j) % 2 === 0,
        // Every fifth has no value recorded: never matched by a given value.
        trained: q % 5 === 4 ? null : q % 2 === 0,
        sessions: (q * 7 + a) % 41,
        exitDay: exits ? 15 + q * 9 + a : null,
      });
    }
  });
  return out;
}

const yn = (b: boolean) => (b ? 'ja' : 'nee');
const intake = (p: Person) =>
  `2024-02-${String((Number(p.ref.slice(3)) % 28) + 1).padStart(2, '0')}`;
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

function participantsCsv(list: Person[], armOf: (p: Person) => string, variables: boolean) {
  const head = `participant_ref,arm,intake_date,motivation,has_debts,household${variables ? ',supervisor_trained,sessions_attended' : ''}`;
  const rows = list.map((p) =>
    [
      p.ref,
      armOf(p),
      intake(p),
      p.motivation,
      yn(p.hasDebts),
      p.household,
      ...(variables ? [p.trained === null ? '' : yn(p.trained), p.sessions] : []),
    ].join(','),
  );
  return [head, ...rows].join('\n') + '\n';
}

function eventsCsv(list: Person[]) {
  const rows = list
    .filter((p) => p.exitDay !== null)
    .map((p) =>
      [
        p.ref,
        'benefit_end',
        plusDays(intake(p), p.exitDay!),
        ['regular_work', 'bbz', 'other'][p.exitDay! % 3],
        '',
      ].join(','),
    );
  return ['participant_ref,type,date,reason,value', ...rows].join('\n') + '\n';
}

const VARIABLES = [
  { code: 'supervisor_trained', label: 'Begeleider getraind', type: 'boolean' },
  { code: 'sessions_attended', label: 'Sessies', type: 'integer', min: 0, max: 40 },
];

let t: TestApp;
let multi: string;
let plain: string;
const reference: Record<string, string> = {};
const everyone = people();

async function makePilot(
  input: Record<string, unknown>,
  list: Person[],
  armOf: (p: Person) => string,
  variables = true,
): Promise<string> {
  const id = await t.pilot({ dataCompleteThrough: '2025-12-31', ...input });
  if (variables)
    for (const body of VARIABLES) {
      const res = await t.json(`/api/pilots/${id}/variables`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(201);
    }
  const imported = await importCsv(t, id, 'participants', participantsCsv(list, armOf, variables));
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  expect((await importCsv(t, id, 'events', eventsCsv(list))).status).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await testApp();
  multi = await makePilot({ name: 'Bijstandsexperiment', arms: ARMS }, everyone, (p) => p.arm);
  for (const { code } of REGIMES)
    reference[code] = await makePilot(
      { name: `Referentie ${code}` },
      everyone.filter((p) => p.arm === code || p.arm === 'control'),
      (p) => (p.arm === 'control' ? 'control' : 'intervention'),
    );
  plain = await makePilot(
    { name: 'Zonder variabelen' },
    everyone.filter((p) => p.arm === 'vrijstelling' || p.arm === 'control'),
    (p) => (p.arm === 'control' ? 'control' : 'intervention'),
    false,
  );
}, 120_000);
afterAll(() => t.close());

async function plan(query: string, as?: string) {
  const { status, body } = await t.json(`/api/routeplanner?${query}`, { as });
  expect(status, JSON.stringify(body)).toBe(200);
  return RouteplannerReply.parse(body);
}

type Result = RouteplannerReply['results'][number];
const option = (reply: RouteplannerReply, pilotId: string, arm: string) =>
  reply.results.find((r) => r.pilotId === pilotId && r.arm === arm)!;
/** A result without what names its option: the figures an arm alone must reproduce. */
const figures = ({ pilotId, pilotName, arm, armLabel, armLabelEn, ...rest }: Result) => {
  void [pilotId, pilotName, arm, armLabel, armLabelEn];
  return rest;
};

const QUERIES = [
  '',
  'motivation=4',
  'motivation=1&hasDebts=ja',
  'motivation=3&household=single&hasDebts=nee',
  'motivation=5&heterogeneityBy=household',
  'variable=supervisor_trained:ja',
  'motivation=4&variable=sessions_attended:12&variable=supervisor_trained:nee',
  'window=9&motivation=4&variable=supervisor_trained:ja',
  'window=9&hasDebts=ja',
];

describe('GET /api/routeplanner: one option per intervention arm', () => {
  it('lists each regime of the four-arm pilot as its own option, labelled by its arm, and never the control arm', async () => {
    const reply = await plan('motivation=4');
    const options = reply.results.filter((r) => r.pilotId === multi);
    expect(options.map((r) => r.arm).sort()).toEqual(REGIMES.map((a) => a.code).sort());
    expect(option(reply, multi, 'vrijstelling')).toMatchObject({
      pilotName: 'Bijstandsexperiment',
      armLabel: 'Vrijstelling',
      armLabelEn: 'Exemption',
      observational: false,
    });
    expect(option(reply, multi, 'behoud_inkomsten').armLabelEn).toBeNull();
  });

  it.each(QUERIES)(
    'gives each option exactly what its arm alone gives against control (%s)',
    async (query) => {
      const reply = await plan(query);
      for (const { code } of REGIMES) {
        const got = option(reply, multi, code);
        const alone = option(reply, reference[code]!, 'intervention');
        expect(figures(got), code).toEqual(figures(alone));
      }
    },
  );

  it('counts each option from its own arm: a hand count of the matched participants', async () => {
    const reply = await plan('variable=supervisor_trained:ja');
    for (const { code } of REGIMES) {
      const got = option(reply, multi, code);
      expect(got.relaxed).toEqual([]);
      const n = (arm: string) => everyone.filter((p) => p.arm === arm && p.trained === true).length;
      const off = everyone.filter(
        (p) => p.arm === code && p.trained === true && p.exitDay !== null,
      ).length;
      expect(got.matched).toEqual({ intervention: n(code), control: n('control') });
      expect(got.offBenefit.count).toBe(off);
    }
  });

  it('ranks the regime that works for the motivated above the one that works for nobody', async () => {
    const reply = await plan('motivation=5');
    const at = (arm: string) =>
      reply.results.findIndex((r) => r.pilotId === multi && r.arm === arm);
    expect(at('extra_begeleiding')).toBeLessThan(at('behoud_inkomsten'));
    // Motivation 5, 12 an arm: 5 of 12 leave against 2 of 12 in control.
    expect(option(reply, multi, 'extra_begeleiding').difference!.rate).toBeCloseTo(3 / 12, 12);
  });

  it('keeps a two-arm pilot to one option, its intervention arm, with the default label', async () => {
    const reply = await plan('motivation=4');
    const options = reply.results.filter((r) => r.pilotId === plain);
    expect(options).toHaveLength(1);
    expect(options[0]).toMatchObject({
      arm: 'intervention',
      armLabel: 'Interventie',
      armLabelEn: 'Intervention',
      notComparable: [],
    });
  });
});

describe('GET /api/routeplanner: pilot variables as profile fields', () => {
  it('lists the variables the visible pilots declare, with the pilots that declare them', async () => {
    const reply = await plan('');
    const codes = reply.profileVariables.map((v) => v.code);
    expect(codes).toEqual(['supervisor_trained', 'sessions_attended']);
    const sessions = reply.profileVariables[1]!;
    expect(sessions).toMatchObject({ type: 'integer', min: 0, max: 40 });
    expect(sessions.pilotIds.sort()).toEqual([multi, ...Object.values(reference)].sort());
    expect(sessions.pilotIds).not.toContain(plain);
  });

  it('matches an integer variable on its subgroup band, as the subgroup split has it', async () => {
    // 0–40 splits in bands 0-10, 11-21, 22-32, 33-40: 12 falls in 11-21.
    const reply = await plan('variable=sessions_attended:12');
    const got = option(reply, multi, 'vrijstelling');
    const n = (arm: string) =>
      everyone.filter((p) => p.arm === arm && p.sessions >= 11 && p.sessions <= 21).length;
    expect(got.matched).toEqual({ intervention: n('vrijstelling'), control: n('control') });
    expect(reply.variables).toEqual({ sessions_attended: '12' });
  });

  it('calls a pilot that lacks a given variable not comparable on it, and matches it without', async () => {
    const withVariable = await plan('motivation=4&variable=supervisor_trained:ja');
    const without = await plan('motivation=4');
    const r = option(withVariable, plain, 'intervention');
    expect(r.notComparable).toEqual(['supervisor_trained']);
    expect(figures(r)).toEqual({
      ...figures(option(without, plain, 'intervention')),
      notComparable: ['supervisor_trained'],
    });
    expect(option(withVariable, multi, 'vrijstelling').notComparable).toEqual([]);
  });

  it('drops a given variable last when widening: it is what the question is about', async () => {
    const reply = await plan(
      'motivation=2&household=couple&hasDebts=ja&variable=supervisor_trained:nee',
    );
    for (const { code } of REGIMES) {
      const r = option(reply, multi, code);
      expect(r.relaxed.length).toBeGreaterThan(0);
      if (r.relaxed.includes('supervisor_trained'))
        expect(r.relaxed.at(-1)).toBe('supervisor_trained');
    }
  });

  it('answers 400 naming what is wrong with a variable parameter', async () => {
    for (const [q, words] of [
      ['variable=supervisor_trained', /code:value/],
      ['variable=Bad-Code:1', /code:value/],
      ['variable=shoe_size:42', /shoe_size.*no pilot/],
      ['variable=sessions_attended:99', /sessions_attended.*whole number from 0 to 40/],
      ['variable=supervisor_trained:misschien', /supervisor_trained.*ja or nee/],
      ['variable=supervisor_trained:ja&variable=supervisor_trained:nee', /twice/],
    ] as const) {
      const { status, body } = await t.json(`/api/routeplanner?${q}`);
      expect(status, q).toBe(400);
      expect(body.error.message, q).toMatch(words);
    }
  });
});

describe('GET /api/routeplanner: viewers and the new options', () => {
  it('never shows a viewer a count from 1 to 9 in any option, and names every hidden figure', async () => {
    const viewer = await t.user('viewer', [multi, plain, ...Object.values(reference)]);
    for (const query of QUERIES) {
      const reply = await plan(query, viewer);
      expect(reply.rounded).toBe(true);
      for (const r of reply.results) {
        const counts = [
          r.matched.intervention,
          r.matched.control,
          r.offBenefit.count,
          r.offBenefitControl?.count ?? null,
          ...Object.values(r.routes),
          ...(r.heterogeneity?.groups.flatMap((g) => [g.n.intervention, g.n.control]) ?? []),
        ];
        for (const v of counts)
          expect(v === null || v === 0 || v >= 10, `${query} ${r.arm}: ${v}`).toBe(true);
      }
      const root = reply as unknown as Record<string, unknown>;
      for (const pointer of reply.suppressed ?? []) {
        const value = pointer
          .split('/')
          .slice(1)
          .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
        expect(value, pointer).toBeNull();
      }
      // Each option is protected like the two-arm pilot holding that arm alone.
      for (const { code } of REGIMES)
        expect(figures(option(reply, multi, code)), `${query} ${code}`).toEqual(
          figures(option(reply, reference[code]!, 'intervention')),
        );
    }
  });
});
