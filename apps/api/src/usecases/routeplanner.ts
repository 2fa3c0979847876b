import {
  listPilotRecords,
  matchedExitTimes,
  profileCells,
  type ProfileCell,
  type ProfileMatch,
  type ProfileValue,
} from '@wegwijzer/db';
import {
  EXIT_REASONS,
  type Arm,
  type ExitReason,
  type PilotRecord,
  type Profile,
  type RouteplannerReply,
  type RouteplannerResult,
  type SubgroupField,
} from '@wegwijzer/domain';
import { cochranQ, compareGroups, kaplanMeier, newcombe, wilson } from '@wegwijzer/outcomes';
import { protectRouteplanner, type GroupCounts } from '@wegwijzer/disclosure';
import type { UseCaseCtx } from '../http/env.ts';
import { disclosureRules, isViewer } from './disclosure.ts';

/**
 * The profile fields, most important first: when a profile matches too few participants, the
 * least important given field is dropped first (docs/routeplanner.md says why this order).
 */
export const IMPORTANCE: readonly SubgroupField[] = [
  'motivation',
  'ladderStep',
  'hasDebts',
  'ageBand',
  'household',
  'education',
  'disability',
  'refugeeStatus',
];

interface Sums {
  participants: number;
  evaluable: number;
  off: number;
  routes: Record<ExitReason, number>;
}

const matches = (cell: ProfileCell, match: ProfileMatch) =>
  Object.entries(match).every(([f, v]) => cell.values[f as SubgroupField] === v);

function sum(cells: readonly ProfileCell[], arm: Arm, match: ProfileMatch): Sums {
  const s: Sums = {
    participants: 0,
    evaluable: 0,
    off: 0,
    routes: { regular_work: 0, bbz: 0, combination: 0, other: 0 },
  };
  for (const c of cells) {
    if (c.arm !== arm || !matches(c, match)) continue;
    s.participants += c.participants;
    s.evaluable += c.evaluable;
    s.off += c.off;
    for (const r of EXIT_REASONS) s.routes[r] += c.routes[r];
  }
  return s;
}

const NO_PROPORTION = { count: null, rate: null, ci95: null };
const NO_ROUTES = { regular_work: null, bbz: null, combination: null, other: null };

/** One rung of the widening ladder: the given fields still kept, and the arms they match. */
interface Rung {
  kept: SubgroupField[];
  match: ProfileMatch;
  intervention: Sums;
  control: Sums | null;
}

/**
 * Widens the profile until both arms used have at least `threshold` evaluable participants:
 * rung L keeps the most important given fields and drops the L least important ones.
 */
function widen(
  cells: readonly ProfileCell[],
  profile: Profile,
  given: readonly SubgroupField[],
  hasControl: boolean,
  threshold: number,
) {
  const rungs: Rung[] = [];
  for (let drop = 0; drop <= given.length; drop++) {
    const kept = given.slice(0, given.length - drop);
    const match: ProfileMatch = Object.fromEntries(
      kept.map((f) => [f, profile[f] as ProfileValue]),
    );
    rungs.push({
      kept,
      match,
      intervention: sum(cells, 'intervention', match),
      control: hasControl ? sum(cells, 'control', match) : null,
    });
  }
  const enough = (s: Sums | null) => s === null || s.evaluable >= threshold;
  const both = rungs.find((r) => enough(r.intervention) && enough(r.control));
  if (both) return { rung: both, noteCode: null };
  // Matches only grow as fields are dropped: the control arm is too small even for the whole pilot.
  const alone = rungs.find((r) => enough(r.intervention));
  if (alone) return { rung: alone, noteCode: 'control_too_small' as const };
  return { rung: rungs[rungs.length - 1]!, noteCode: 'too_few_matched' as const };
}

/**
 * Does the pilot's effect (difference in exit rate between arms, whole pilot at the window)
 * differ between the subgroups of `by`? Cochran's Q; the "not recorded" group is listed but
 * not tested: it is not a value of the field.
 */
function heterogeneity(
  cells: readonly ProfileCell[],
  by: SubgroupField,
  threshold: number,
): { result: RouteplannerResult['heterogeneity']; counts: GroupCounts[] } {
  const values = [...new Set(cells.map((c) => c.values[by] ?? null))].sort(compareGroups(by));
  const groups = values.map((value) => {
    const match = { [by]: value } as ProfileMatch;
    return { value, i: sum(cells, 'intervention', match), c: sum(cells, 'control', match) };
  });
  const tested = groups.filter((g) => g.value !== null);
  const test = cochranQ(
    tested.map((g) => ({ x1: g.i.off, n1: g.i.evaluable, x2: g.c.off, n2: g.c.evaluable })),
  );
  const counts = groups.map((g) => ({
    intervention: { off: g.i.off, evaluable: g.i.evaluable },
    control: { off: g.c.off, evaluable: g.c.evaluable },
  }));
  if (!test) return { result: null, counts };
  const large = (g: (typeof groups)[number]) =>
    g.i.evaluable >= threshold && g.c.evaluable >= threshold;
  const supported = tested.filter((g, j) => test.included[j] && large(g)).length >= 2;
  const result = {
    by,
    q: test.q,
    df: test.df,
    p: test.p,
    supportsSubgroupClaim: test.p < 0.05 && supported,
    groups: groups.map((g) => ({
      value: g.value,
      // As everywhere in the planner, no comparison where either side is under the threshold.
      difference: large(g) ? newcombe(g.i.off, g.i.evaluable, g.c.off, g.c.evaluable) : null,
      n: { intervention: g.i.evaluable, control: g.c.evaluable },
      included: g.value !== null && test.included[tested.indexOf(g)] === true,
    })),
  };
  return { result, counts };
}

const NOTES = {
  too_few_matched: (t: number) =>
    `Fewer than ${t} evaluable participants even with every given field relaxed: no figures for this pilot.`,
  control_too_small: (t: number) =>
    `The control arm has fewer than ${t} evaluable participants even with every given field relaxed: no comparison.`,
};

async function pilotResult(
  ctx: UseCaseCtx,
  pilot: PilotRecord,
  cells: readonly ProfileCell[],
  profile: Profile,
  given: readonly SubgroupField[],
  by: SubgroupField,
): Promise<{ result: RouteplannerResult; counts: GroupCounts[] }> {
  const threshold = ctx.config.suppressionThreshold;
  const hasControl = cells.some((c) => c.arm === 'control' && c.participants > 0);
  const { rung, noteCode } = widen(cells, profile, given, hasControl, threshold);
  const { intervention: i, control: c } = rung;
  const figures = noteCode !== 'too_few_matched';
  const compared = figures && c !== null && c.evaluable >= threshold;
  const times = figures
    ? await matchedExitTimes(ctx.store.db, pilot.id, 'intervention', rung.match)
    : [];
  const het = hasControl ? heterogeneity(cells, by, threshold) : null;
  const result: RouteplannerResult = {
    pilotId: pilot.id,
    pilotName: pilot.name,
    synthetic: pilot.synthetic,
    observational: !hasControl,
    matched: { intervention: i.evaluable, control: c?.evaluable ?? null },
    relaxed: given.slice(rung.kept.length).reverse(),
    offBenefit: figures ? wilson(i.off, i.evaluable) : NO_PROPORTION,
    offBenefitControl: c === null ? null : compared ? wilson(c.off, c.evaluable) : NO_PROPORTION,
    difference: compared ? newcombe(i.off, i.evaluable, c.off, c.evaluable) : null,
    medianDaysToExit: figures ? kaplanMeier(times).median : null,
    routes: figures ? i.routes : NO_ROUTES,
    heterogeneity: het?.result ?? null,
    note: noteCode ? NOTES[noteCode](threshold) : null,
    noteCode,
  };
  return { result, counts: het?.counts ?? [] };
}

/** Best first: the lower bound of the difference, else of the exit rate; controlled before observational on a tie. */
/**
 * Best first: results with a comparison against a control group before those without one (an
 * exit rate and a difference are on different scales, and only a comparison says what the
 * pilot added); within each, by the lower bound of the interval, not the point estimate.
 */
function rank(a: RouteplannerResult, b: RouteplannerResult): number {
  const controlled = (r: RouteplannerResult) => (r.difference?.ci95 ? 0 : 1);
  const key = (r: RouteplannerResult) =>
    r.difference?.ci95?.[0] ?? r.offBenefit.ci95?.[0] ?? -Infinity;
  return (
    controlled(a) - controlled(b) || key(b) - key(a) || a.pilotName.localeCompare(b.pilotName, 'nl')
  );
}

/**
 * The route planner: for every pilot the actor may see, the results of the intervention
 * participants who match `profile` (widened where too few), ranked best first.
 */
export async function routeplanner({
  ctx,
  profile,
  k,
  by,
}: {
  ctx: UseCaseCtx;
  profile: Profile;
  k: number;
  by: SubgroupField;
}): Promise<RouteplannerReply> {
  const pilots = await listPilotRecords(
    ctx.store.db,
    ctx.actor.role === 'admin' ? null : [...ctx.actor.pilots],
  );
  const given = IMPORTANCE.filter((f) => profile[f] !== undefined);
  const fields = given.includes(by) ? given : [...given, by];
  const cellsByPilot = new Map<string, ProfileCell[]>(pilots.map((p) => [p.id, []]));
  for (const cell of await profileCells(
    ctx.store.db,
    pilots.map((p) => p.id),
    k,
    fields,
  ))
    cellsByPilot.get(cell.pilotId)?.push(cell);

  const results = [];
  for (const p of pilots)
    results.push(await pilotResult(ctx, p, cellsByPilot.get(p.id)!, profile, given, by));
  const echo = Object.fromEntries(given.map((f) => [f, profile[f]])) as Profile;
  const reply = (list: RouteplannerResult[]): RouteplannerReply => ({
    profile: echo,
    window: k,
    threshold: ctx.config.suppressionThreshold,
    results: list,
  });
  if (!isViewer(ctx)) return reply(results.map((r) => r.result).sort(rank));
  const shown = protectRouteplanner(
    reply(results.map((r) => r.result)),
    results.map((r) => r.result),
    results.map((r) => r.counts),
    disclosureRules(ctx),
  );
  // Ranked on the figures the viewer sees, so the order reveals nothing that is protected.
  const order = shown.results
    .map((r, i) => i)
    .sort((a, b) => rank(shown.results[a]!, shown.results[b]!));
  const pointer = new Map(order.map((from, to) => [`/results/${from}`, `/results/${to}`]));
  return {
    ...shown,
    results: order.map((i) => shown.results[i]!),
    suppressed: shown.suppressed.map((p) => {
      const [, , from, ...rest] = p.split('/');
      return [pointer.get(`/results/${from}`), ...rest].join('/');
    }),
  };
}
