import type {
  CohortReply,
  OutcomeSummary,
  Pilot,
  SubgroupReply,
  SurvivalReply,
} from '@wegwijzer/domain';
import { cell, isSuppressed, type Cell } from '../suppression.ts';

/** Pure mappers from API replies to rows for charts and tables. No React, no formatting. */

/** An arm code as replies key their `arms`: `intervention`, `control` or a pilot's own code. */
export type ArmKey = string;
type ArmOutcome = OutcomeSummary['arms']['intervention'];
export const ROUTE_KEYS = ['bbz', 'regular_work', 'combination', 'other'] as const;
export type RouteKey = (typeof ROUTE_KEYS)[number];

export interface Headline {
  rate: Cell;
  count: Cell;
  evaluable: Cell;
  pending: Cell;
  ci: readonly [number, number] | null;
}

export function headline(
  o: Pick<OutcomeSummary, 'arms' | 'suppressed'>,
  arm: ArmKey = 'intervention',
): Headline | null {
  const a = o.arms[arm];
  if (!a) return null;
  const p = `/arms/${arm}`;
  const s = o.suppressed;
  return {
    rate: cell(a.offBenefit.rate, `${p}/offBenefit/rate`, s),
    count: cell(a.offBenefit.count, `${p}/offBenefit/count`, s),
    evaluable: cell(a.evaluable, `${p}/evaluable`, s),
    pending: cell(a.pending, `${p}/pending`, s),
    ci: a.offBenefit.ci95,
  };
}

export interface RouteSegment {
  key: RouteKey;
  cell: Cell;
  /** Share of the bar's width, 0–1. Suppressed segments share what is left, drawn hatched; never zero-width. */
  width: number;
}

/**
 * The route split of the off-benefit count as segments of a stacked bar.
 * Known counts take their share of the total; suppressed routes split the remainder evenly
 * (or, when the total is suppressed too, get a small equal share) so that "<10" is never drawn as nothing.
 */
export function routeSegments(
  a: ArmOutcome,
  arm: ArmKey,
  suppressed: readonly string[] | undefined,
): RouteSegment[] {
  const cells = ROUTE_KEYS.map((key) => ({
    key,
    cell: cell(a.routes[key], `/arms/${arm}/routes/${key}`, suppressed),
  }));
  const known = cells.reduce((s, c) => s + (c.cell.kind === 'value' ? c.cell.value : 0), 0);
  const hidden = cells.filter((c) => c.cell.kind === 'suppressed').length;
  const total = a.offBenefit.count;
  let hiddenEach = 0;
  if (hidden)
    hiddenEach =
      total != null && total > known ? (total - known) / hidden : Math.max(known * 0.08, 1);
  const sum = known + hiddenEach * hidden;
  return cells.map(({ key, cell: c }) => ({
    key,
    cell: c,
    width:
      sum <= 0
        ? 0
        : (c.kind === 'value' ? c.value : c.kind === 'suppressed' ? hiddenEach : 0) / sum,
  }));
}

export type SavingsKey = 'avoidedBenefit' | 'offsetIncome' | 'guidanceCost' | 'net';
export interface WaterfallStep {
  key: SavingsKey;
  cell: Cell;
  /** Bar from `from` to `to` in euros; null when the amount is suppressed or missing. */
  from: number | null;
  to: number | null;
  sign: 1 | -1 | 0;
}

/** Vermeden uitkering + verrekende inkomsten − begeleidingskosten = netto, as floating bars. */
export function waterfall(
  a: ArmOutcome,
  arm: ArmKey,
  suppressed: readonly string[] | undefined,
): WaterfallStep[] {
  const s = a.savings;
  const c = (k: SavingsKey) => cell(s[k], `/arms/${arm}/savings/${k}`, suppressed);
  const av = s.avoidedBenefit;
  const off = s.offsetIncome;
  const cost = s.guidanceCost;
  const afterOff = av != null && off != null ? av + off : null;
  return [
    {
      key: 'avoidedBenefit',
      cell: c('avoidedBenefit'),
      from: av != null ? 0 : null,
      to: av,
      sign: 1,
    },
    {
      key: 'offsetIncome',
      cell: c('offsetIncome'),
      from: off != null ? av : null,
      to: afterOff,
      sign: 1,
    },
    {
      key: 'guidanceCost',
      cell: c('guidanceCost'),
      from: cost != null ? afterOff : null,
      to: afterOff != null && cost != null ? afterOff - cost : null,
      sign: -1,
    },
    { key: 'net', cell: c('net'), from: s.net != null ? 0 : null, to: s.net, sign: 0 },
  ];
}

/** One time of a survival chart: per arm code its value (`<code>`) and band (`<code>Band`). */
export interface KmRow {
  t: number;
  [arm: string]: number | [number, number] | undefined;
}
/** A KM row's value of one arm, and its band. */
export const kmValue = (r: KmRow | undefined, arm: ArmKey) => r?.[arm] as number | undefined;
export const kmBand = (r: KmRow | undefined, arm: ArmKey) =>
  r?.[`${arm}Band`] as [number, number] | undefined;

/** Merges every arm's Kaplan–Meier steps on one time axis (days), starting at 1 at t = 0, carrying values forward. */
export function kmRows(s: SurvivalReply): KmRow[] {
  const arms = Object.keys(s.arms);
  const times = new Set<number>([0]);
  for (const k of arms) for (const p of s.arms[k]!.points) times.add(p.t);
  const sorted = [...times].sort((a, b) => a - b);
  const idx: Record<ArmKey, number> = Object.fromEntries(arms.map((a) => [a, 0]));
  const last: Record<ArmKey, { s: number; lo: number; hi: number }> = Object.fromEntries(
    arms.map((a) => [a, { s: 1, lo: 1, hi: 1 }]),
  );
  return sorted.map((t) => {
    const row: KmRow = { t };
    for (const k of arms) {
      const pts = s.arms[k]!.points;
      while (idx[k]! < pts.length && pts[idx[k]!]!.t <= t) {
        const p = pts[idx[k]!]!;
        last[k] = { s: p.survival, lo: p.lower ?? p.survival, hi: p.upper ?? p.survival };
        idx[k]!++;
      }
      row[k] = last[k]!.s;
      row[`${k}Band`] = [last[k]!.lo, last[k]!.hi];
    }
    return row;
  });
}

/**
 * Numbers at risk per arm at the given days, as the API tabled them (the engine's
 * `numbersAtRisk`); null where the reply has none for that day (a viewer's curve, or a day the
 * API did not table).
 */
export function atRiskAt(
  s: SurvivalReply,
  arm: ArmKey,
  ticks: readonly number[],
): (number | null)[] {
  const table = s.arms[arm]?.riskTable ?? [];
  return ticks.map((tick) => table.find((r) => r.t === tick)?.atRisk ?? null);
}

export interface WindowRow {
  window: number;
  /** Per arm code its exit rate (`<code>`, null when not known) and interval (`<code>Band`). */
  [arm: string]: number | [number, number] | null;
}
/** A window row's rate of one arm, and its interval. */
export const windowRate = (r: WindowRow, arm: ArmKey) => (r[arm] ?? null) as number | null;
export const windowBand = (r: WindowRow, arm: ArmKey) =>
  (r[`${arm}Band`] ?? null) as [number, number] | null;

/** Exit rate per outcome window (6/12/18/24/36 months) for the line chart with intervals. */
export function windowRows(list: Pick<OutcomeSummary, 'windowMonths' | 'arms'>[]): WindowRow[] {
  const arms = [...new Set(list.flatMap((o) => Object.keys(o.arms)))];
  return [...list]
    .sort((a, b) => a.windowMonths - b.windowMonths)
    .map((o) => {
      const row: WindowRow = { window: o.windowMonths };
      for (const a of arms) {
        const rate = o.arms[a]?.offBenefit;
        row[a] = rate?.rate ?? null;
        row[`${a}Band`] = rate?.ci95 ? [rate.ci95[0], rate.ci95[1]] : null;
      }
      return row;
    });
}

export interface ForestRow {
  value: string;
  diff: number | null;
  lo: number | null;
  hi: number | null;
  /** The evaluable n of every arm of the reply, in `subgroupArms` order. */
  n: { arm: ArmKey; n: Cell }[];
  suppressed: boolean;
}

/** Every arm any subgroup has, in the reply's order (intervention arms as declared, then control). */
export function subgroupArms(r: SubgroupReply): ArmKey[] {
  const seen = new Set<ArmKey>();
  for (const g of r.groups)
    for (const [a, v] of Object.entries(g.arms)) if (v !== undefined) seen.add(a);
  return [...seen];
}

/**
 * One row per subgroup value: the difference of the primary arm against control with its
 * interval, and n per arm.
 */
export function forestRows(
  r: SubgroupReply,
  label: (v: string | number | boolean | null) => string,
): ForestRow[] {
  const arms = subgroupArms(r);
  return r.groups.map((g, i) => {
    const p = `/groups/${i}`;
    return {
      value: label(g.value),
      diff: g.difference?.rate ?? null,
      lo: g.difference?.ci95?.[0] ?? null,
      hi: g.difference?.ci95?.[1] ?? null,
      n: arms.map((arm) => {
        const a = g.arms[arm];
        return {
          arm,
          n: a
            ? cell(a.evaluable, `${p}/arms/${arm}/evaluable`, r.suppressed)
            : ({ kind: 'missing' } as Cell),
        };
      }),
      suppressed:
        isSuppressed(`${p}/difference`, r.suppressed) ||
        isSuppressed(`${p}/difference/rate`, r.suppressed),
    };
  });
}

export interface CohortArmCell {
  rate: Cell;
  ci: [number, number] | null;
  participants: Cell;
  evaluable: Cell;
}

export interface CohortRow {
  /** Intake month, YYYY-MM. */
  month: string;
  cells: Partial<Record<ArmKey, CohortArmCell>>;
  /**
   * Per arm code the rate for the line (`<code>`; null: nothing to draw, e.g. suppressed or no
   * one evaluable yet) and its interval (`<code>Band`).
   */
  [arm: string]: string | number | [number, number] | null | Partial<Record<ArmKey, CohortArmCell>>;
}
/** A cohort row's rate of one arm, and its interval. */
export const cohortRate = (r: CohortRow, arm: ArmKey) => (r[arm] ?? null) as number | null;
export const cohortBand = (r: CohortRow, arm: ArmKey) =>
  (r[`${arm}Band`] ?? null) as [number, number] | null;

/** One row per intake month with every arm side by side; months without a row for an arm leave it out. */
export function cohortRows(r: CohortReply): CohortRow[] {
  const byMonth = new Map<string, CohortRow>();
  r.cohorts.forEach((c, i) => {
    const arm: ArmKey = c.arm;
    const p = `/cohorts/${i}`;
    const row: CohortRow = byMonth.get(c.month) ?? { month: c.month, cells: {} };
    const rate = cell(c.offBenefit.rate, `${p}/offBenefit/rate`, r.suppressed);
    const ci = c.offBenefit.ci95
      ? ([c.offBenefit.ci95[0], c.offBenefit.ci95[1]] as [number, number])
      : null;
    row[arm] = rate.kind === 'value' ? rate.value : null;
    row[`${arm}Band`] = rate.kind === 'value' ? ci : null;
    row.cells[arm] = {
      rate,
      ci: rate.kind === 'value' ? ci : null,
      participants: cell(c.participants, `${p}/participants`, r.suppressed),
      evaluable: cell(c.evaluable, `${p}/evaluable`, r.suppressed),
    };
    byMonth.set(c.month, row);
  });
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}

export interface MyPilotRow {
  id: string;
  name: string;
  municipality: string;
  participants: number | null;
  pending: Cell;
  rate: Cell;
  ci: readonly [number, number] | null;
  followUps: number | null;
}

/** The manager's "Mijn pilots" table: pilot list + 12-month outcomes + worklist totals, by start date. */
export function myPilotRows(
  pilots: readonly Pick<Pilot, 'id' | 'name' | 'municipality' | 'participants' | 'startDate'>[],
  outcomes: readonly Pick<OutcomeSummary, 'pilotId' | 'arms' | 'suppressed'>[],
  followUps: ReadonlyMap<string, number>,
): MyPilotRow[] {
  const byId = new Map(outcomes.map((o) => [o.pilotId, o]));
  return [...pilots]
    .sort((a, b) => a.startDate.localeCompare(b.startDate))
    .map((p) => {
      const o = byId.get(p.id);
      const h = o ? headline(o, 'intervention') : null;
      return {
        id: p.id,
        name: p.name,
        municipality: p.municipality,
        participants: p.participants,
        pending: h?.pending ?? { kind: 'missing' },
        rate: h?.rate ?? { kind: 'missing' },
        ci: h?.ci ?? null,
        followUps: followUps.get(p.id) ?? null,
      };
    });
}
