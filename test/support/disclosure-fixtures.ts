import { addMonths, fromDay, toDay } from '@wegwijzer/outcomes';
import { importCsv, type TestApp } from './app.ts';

/**
 * Pilots for the disclosure tests: small arms, rare subgroup values and every kind of event, so
 * that each viewer figure has small cells behind it. Deterministic (seeded) so a failure repeats.
 */

export interface PilotShape {
  name: string;
  intervention: number;
  control: number;
  seed: number;
  /** Probability of a rare value for the fields that get one (education high, refugee, …). */
  rare?: number;
  /**
   * A multi-arm pilot's declared arms in order, each with its size and exit chance; replaces
   * `intervention` and `control` (issue 17).
   */
  arms?: readonly { code: string; n: number; exit: number }[];
  /** Adds the pilot's own yes/no variable `werkervaring` as a last column. */
  variable?: boolean;
}

/** The own variable of a fixture pilot with `variable: true`. */
export const FIXTURE_VARIABLE = { code: 'werkervaring', label: 'Werkervaring', type: 'boolean' };

const addDays = (iso: string, days: number) => fromDay(toDay(iso) + days);
const addMonthsIso = (iso: string, k: number) => fromDay(addMonths(toDay(iso), k));

/** A small seeded generator (mulberry32): the same seed gives the same pilot. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REASONS = ['regular_work', 'bbz', 'combination', 'other', ''];
const HOUSEHOLDS = ['single', 'single_parent', 'couple'];

/** participants.csv and events.csv of a pilot of the given shape. */
export function pilotCsv(shape: PilotShape): { participants: string; events: string } {
  const rnd = random(shape.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const rare = shape.rare ?? 0.04;
  const people: string[] = [];
  const events: string[] = [];
  const declared = shape.arms ?? [
    { code: 'intervention', n: shape.intervention, exit: 0.5 },
    { code: 'control', n: shape.control, exit: 0.35 },
  ];
  const exitOf = new Map(declared.map((a) => [a.code, a.exit]));
  const arms = declared.flatMap((a) => Array.from({ length: a.n }, () => a.code));
  arms.forEach((arm, i) => {
    const ref = `P${i}`;
    // Intakes over two years, so that some windows are pending at the observation end.
    const intake = addDays('2023-01-02', Math.floor(rnd() * 700));
    const maybe = (v: string) => (rnd() < 0.08 ? '' : v);
    const lost = rnd() < 0.05 ? addDays(intake, 60 + Math.floor(rnd() * 300)) : '';
    people.push(
      [
        ref,
        arm,
        intake,
        maybe(String(1 + Math.floor(rnd() * 5))),
        maybe(String(1 + Math.floor(rnd() * 6))),
        maybe(pick(HOUSEHOLDS)),
        maybe(String(1960 + Math.floor(rnd() * 45))),
        maybe(rnd() < 0.4 ? 'ja' : 'nee'),
        maybe(rnd() < rare ? 'ja' : 'nee'),
        maybe(rnd() < rare ? 'ja' : 'nee'),
        maybe(rnd() < rare ? 'high' : rnd() < 0.5 ? 'low' : 'mid'),
        lost,
        String(900 + Math.floor(rnd() * 600)),
        String(1000 + Math.floor(rnd() * 3000)),
        ...(shape.variable ? [maybe(rnd() < 0.3 ? 'ja' : 'nee')] : []),
      ].join(','),
    );
    const exitChance = exitOf.get(arm)!;
    if (rnd() < exitChance) {
      const exit = addDays(intake, Math.floor(rnd() * 500));
      events.push(`${ref},benefit_end,${exit},${pick(REASONS)},`);
      if (rnd() < 0.2)
        events.push(`${ref},benefit_restart,${addDays(exit, 40 + Math.floor(rnd() * 200))},,`);
      if (rnd() < 0.3)
        events.push(`${ref},offset_income,${addDays(exit, 30)},,${100 + Math.floor(rnd() * 900)}`);
    }
    if (rnd() < 0.5)
      events.push(`${ref},ladder,${addMonthsIso(intake, 6)},,${1 + Math.floor(rnd() * 6)}`);
    if (rnd() < 0.3) {
      const start = addDays(intake, 20 + Math.floor(rnd() * 300));
      events.push(`${ref},work_start,${start},,${8 + Math.floor(rnd() * 30)}`);
      if (rnd() < 0.4)
        events.push(`${ref},work_end,${addDays(start, 30 + Math.floor(rnd() * 200))},,`);
    }
    if (rnd() < 0.35) {
      events.push(`${ref},debt_intake,${addDays(intake, 10)},,${1000 + Math.floor(rnd() * 20000)}`);
      if (rnd() < 0.5)
        events.push(`${ref},debt_stabilised,${addDays(intake, 30 + Math.floor(rnd() * 400))},,`);
      events.push(`${ref},money_stress,${addDays(intake, 11)},,${Math.floor(rnd() * 10)}`);
      if (rnd() < 0.7)
        events.push(`${ref},money_stress,${addMonthsIso(intake, 5)},,${Math.floor(rnd() * 10)}`);
    }
  });
  const header =
    'participant_ref,arm,intake_date,motivation,ladder_step,household,birth_year,has_debts,disability,refugee_status,education,lost_to_follow_up_date,monthly_benefit,guidance_cost' +
    (shape.variable ? `,${FIXTURE_VARIABLE.code}` : '');
  return {
    participants: `${header}\n${people.join('\n')}\n`,
    events: `participant_ref,type,date,reason,value\n${events.join('\n')}\n`,
  };
}

/** Creates the pilot (with a budget line and a reference line) through the API as the admin. */
export async function createPilot(t: TestApp, shape: PilotShape): Promise<string> {
  const pilot = await t.pilot({
    name: shape.name,
    startDate: '2023-01-01',
    dataCompleteThrough: '2025-06-30',
    ...(shape.arms
      ? { arms: shape.arms.map((a) => ({ code: a.code, label: `Arm ${a.code}` })) }
      : {}),
  });
  if (shape.variable) {
    const res = await t.json(`/api/pilots/${pilot}/variables`, {
      method: 'POST',
      body: JSON.stringify(FIXTURE_VARIABLE),
    });
    if (res.status !== 201) throw new Error(`variable: ${JSON.stringify(res.body)}`);
  }
  const csv = pilotCsv(shape);
  for (const [kind, body] of [
    ['participants', csv.participants],
    ['events', csv.events],
  ] as const) {
    const res = await importCsv(t, pilot, kind, body);
    if (res.status !== 200) throw new Error(`${kind}: ${JSON.stringify(res.body)}`);
  }
  const budget = await t.json(`/api/pilots/${pilot}/budget-lines`, {
    method: 'POST',
    body: JSON.stringify({
      amount: 250000,
      periodStart: '2023-01-01',
      periodEnd: '2024-12-31',
      domain: 'participation',
      fundingSource: 'Participatiebudget',
    }),
  });
  if (budget.status !== 201) throw new Error(`budget line: ${JSON.stringify(budget.body)}`);
  return pilot;
}

/** The 12-person pilot of the privacy tests: both arms, exits, restarts, ladder steps, a job. */
export async function twelvePersonPilot(t: TestApp): Promise<string> {
  const pilot = await t.pilot({ name: 'Kleine pilot', dataCompleteThrough: '2025-12-31' });
  const rows = Array.from({ length: 12 }, (_, i) => {
    const arm = i < 7 ? 'intervention' : 'control';
    return `S${i},${arm},2024-0${1 + (i % 6)}-15,${1 + (i % 5)},${1 + (i % 6)},${1960 + i * 3},${i % 2 ? 'ja' : 'nee'}`;
  });
  await importCsv(
    t,
    pilot,
    'participants',
    `participant_ref,arm,intake_date,motivation,ladder_step,birth_year,has_debts\n${rows.join('\n')}\n`,
  );
  const events = [
    'S0,benefit_end,2024-05-01,bbz,',
    'S1,benefit_end,2024-06-01,regular_work,',
    'S2,benefit_end,2024-07-01,combination,',
    'S2,benefit_restart,2024-09-01,,',
    'S3,ladder,2024-10-01,,5',
    'S4,work_start,2024-06-01,,20',
    'S7,benefit_end,2024-08-01,other,',
    'S8,ladder,2024-12-01,,4',
  ];
  await importCsv(
    t,
    pilot,
    'events',
    `participant_ref,type,date,reason,value\n${events.join('\n')}\n`,
  );
  return pilot;
}
