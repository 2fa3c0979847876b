import { isStandardWindow, WINDOWS, type WindowMonths } from '@wegwijzer/domain';
import { guidanceCentsFor, type DerivedParticipant } from '@wegwijzer/outcomes';

/**
 * The one table of the derived window rows and of the sums kept over them (ADR 0001). The
 * columns a write stores, the SQL that sums them (`pilot_totals`, subgroups, the route planner,
 * taking old rows out of the totals) and the in-memory sums of a recompute are all generated
 * from these two lists, so a summed field cannot mean one thing in SQL and another in memory.
 */

/**
 * The facts of one participant in one window. They are stored as columns `w<k>_<fact>` of the
 * participant's one `participant_derived` row (migration 010), and read as window rows through
 * `windowRows(k)`.
 */
export const WINDOW_FACTS = [
  'evaluable',
  'off_benefit',
  'route',
  'sustained',
  'benefit_days',
  'off_days',
  'avoided_numerator',
  'offset_cents',
  'guidance_cents',
  'ladder_measured',
  'ladder_up',
  'ladder_change',
  'placements_eligible',
  'placements_sustained',
  'debt_intake',
  'debt_stabilised',
  'stress_measured',
  'stress_change_tenths',
] as const;

export type WindowFact = (typeof WINDOW_FACTS)[number];
export type WindowFacts = { [K in WindowFact]: K extends 'route' ? string | null : number | null };

/** How a summed column is made from one window row. */
type Source =
  | { count: true }
  | { fact: Exclude<WindowFact, 'route'> }
  | { route: 'regular_work' | 'bbz' | 'combination' | 'other' }
  /** Sustained counts only where the window is evaluable (a pending row adds nothing). */
  | { sustainedIfEvaluable: true };

/** The summed columns, in the order of `pilot_totals` (after its key), with their source. */
const TOTALS = [
  ['participants', { count: true }],
  ['evaluable', { fact: 'evaluable' }],
  ['off_benefit', { fact: 'off_benefit' }],
  ['r_regular_work', { route: 'regular_work' }],
  ['r_bbz', { route: 'bbz' }],
  ['r_combination', { route: 'combination' }],
  ['r_other', { route: 'other' }],
  ['sustained', { sustainedIfEvaluable: true }],
  ['benefit_days', { fact: 'benefit_days' }],
  ['avoided_numerator', { fact: 'avoided_numerator' }],
  ['offset_cents', { fact: 'offset_cents' }],
  ['guidance_cents', { fact: 'guidance_cents' }],
  ['ladder_measured', { fact: 'ladder_measured' }],
  ['ladder_up', { fact: 'ladder_up' }],
  ['ladder_change', { fact: 'ladder_change' }],
  ['placements_eligible', { fact: 'placements_eligible' }],
  ['placements_sustained', { fact: 'placements_sustained' }],
  ['debt_intake', { fact: 'debt_intake' }],
  ['debt_stabilised', { fact: 'debt_stabilised' }],
  ['stress_measured', { fact: 'stress_measured' }],
  ['stress_change_tenths', { fact: 'stress_change_tenths' }],
] as const satisfies readonly (readonly [string, Source])[];

export type TotalColumn = (typeof TOTALS)[number][0];
export const TOTAL_COLUMNS: readonly TotalColumn[] = TOTALS.map(([name]) => name);

function sourceSql(s: Source, w: string): string {
  if ('count' in s) return 'COUNT(*)';
  if ('fact' in s) return `SUM(${w}.${s.fact})`;
  if ('route' in s) return `SUM(CASE WHEN ${w}.route = '${s.route}' THEN 1 ELSE 0 END)`;
  return `SUM(CASE WHEN ${w}.evaluable = 1 AND ${w}.sustained = 1 THEN 1 ELSE 0 END)`;
}

/**
 * The select list that sums window rows aliased `w` into the given columns of `pilot_totals`
 * (all of them unless named), each `AS` its own name.
 * @example `SELECT w.arm, ${totalsSelect('w')} FROM ${windowRows(12)} w GROUP BY w.arm`
 */
export function totalsSelect(w: string, only: readonly TotalColumn[] = TOTAL_COLUMNS): string {
  return TOTALS.filter(([name]) => only.includes(name))
    .map(([name, source]) => `${sourceSql(source, w)} AS ${name}`)
    .join(', ');
}

/** Adds `sign` × one window row's contribution to `into`, a vector in `TOTAL_COLUMNS` order. */
export function addContribution(into: number[], row: WindowFacts, sign: 1 | -1): void {
  for (let i = 0; i < TOTALS.length; i++) {
    const s: Source = TOTALS[i]![1];
    let v: number;
    if ('count' in s) v = 1;
    else if ('fact' in s) v = Number(row[s.fact] ?? 0);
    else if ('route' in s) v = row.route === s.route ? 1 : 0;
    else v = row.evaluable === 1 && row.sustained === 1 ? 1 : 0;
    into[i]! += sign * v;
  }
}

/** The window rows of one derived participant, one per standard window, in `WINDOW_FACTS` terms. */
export function windowFacts(d: DerivedParticipant): { months: number; facts: WindowFacts }[] {
  return Object.values(d.windows).map((w) => {
    const ladder = w.evaluable ? w.ladder : null;
    const offDays = w.evaluable ? (w.offDays ?? 0) : 0;
    return {
      months: w.months,
      facts: {
        evaluable: w.evaluable ? 1 : 0,
        off_benefit: w.offBenefit ? 1 : 0,
        route: w.route,
        sustained: w.sustained === null ? null : w.sustained ? 1 : 0,
        benefit_days: w.evaluable ? (w.benefitDays ?? 0) : 0,
        off_days: offDays,
        avoided_numerator: offDays * d.monthlyBenefitCents,
        offset_cents: w.evaluable ? (w.offsetCents ?? 0) : 0,
        guidance_cents: w.evaluable ? guidanceCentsFor(d.arm, d.guidanceCostCents) : 0,
        ladder_measured: ladder ? 1 : 0,
        ladder_up: ladder && ladder.latest > ladder.intake ? 1 : 0,
        ladder_change: ladder ? ladder.latest - ladder.intake : 0,
        placements_eligible: d.placements.eligible,
        placements_sustained: d.placements.sustained,
        // Null unless evaluable, so a pending row adds nothing.
        debt_intake: w.debts?.intake ? 1 : 0,
        debt_stabilised: w.debts?.stabilised ? 1 : 0,
        stress_measured: w.moneyStressChangeTenths === null ? 0 : 1,
        stress_change_tenths: w.moneyStressChangeTenths ?? 0,
      },
    };
  });
}

/** The column of `participant_derived` that holds one fact of window `k`. */
export function wideColumn(k: WindowMonths, fact: WindowFact): string {
  return `w${k}_${fact}`;
}

/** Every window column of `participant_derived`, window by window, in `WINDOW_FACTS` order. */
export const WIDE_COLUMNS: readonly string[] = WINDOWS.flatMap((k) =>
  WINDOW_FACTS.map((f) => wideColumn(k, f)),
);

/**
 * The window rows of window `k` as a subquery in the shape of one row per participant and
 * window (`participant_id, pilot_id, arm, window_months` and the facts by their own names), so
 * the sums of `totalsSelect` read the same from it on either database. A plain projection of one
 * table: SQLite and PostgreSQL flatten it into the surrounding query.
 * @example `SELECT w.arm, ${totalsSelect('w')} FROM ${windowRows(12)} w GROUP BY w.arm`
 */
export function windowRows(k: number): string {
  // `k` becomes SQL text: only the five standard windows have columns.
  if (!isStandardWindow(k)) throw new Error(`No stored window rows for ${k} months`);
  const facts = WINDOW_FACTS.map((f) => `${wideColumn(k, f)} AS ${f}`).join(', ');
  return `(SELECT participant_id, pilot_id, arm, ${k} AS window_months, ${facts} FROM participant_derived)`;
}

/** The window rows of every standard window as one row set, e.g. to compare whole states. */
export function allWindowRows(): string {
  return `(${WINDOWS.map((k) => `SELECT * FROM ${windowRows(k)} w${k}`).join(' UNION ALL ')})`;
}

/** A participant's window rows (`windowFacts`) as the values of `WIDE_COLUMNS`, in order. */
export function wideValues(windows: readonly { months: number; facts: WindowFacts }[]): unknown[] {
  const out: unknown[] = [];
  for (const k of WINDOWS) {
    const facts = windows.find((w) => w.months === k)?.facts;
    if (!facts) throw new Error(`Derived participant lacks the ${k}-month window`);
    for (const f of WINDOW_FACTS) out.push(facts[f]);
  }
  return out;
}
