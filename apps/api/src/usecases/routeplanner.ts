import {
  listPilotRecords,
  listVariables,
  loadPilotArms,
  matchedExitTimes,
  profileCells,
  type ProfileCell,
  type ProfileMatch,
  type StoredVariable,
} from '@wegwijzer/db';
import {
  CONTROL_ARM,
  EXIT_REASONS,
  type Arm,
  type ExitReason,
  type PilotArm,
  type PilotRecord,
  type Profile,
  type RouteplannerReply,
  type RouteplannerResult,
  type SubgroupField,
} from '@wegwijzer/domain';
import { cochranQ, compareGroups, kaplanMeier, newcombe, wilson } from '@wegwijzer/outcomes';
import { protectRouteplanner, type GroupCounts } from '@wegwijzer/disclosure';
import { pilotScope } from '../http/access.ts';
import type { UseCaseCtx } from '../http/env.ts';
import { disclosureRules, isViewer } from './disclosure.ts';
import {
  parseVariableParams,
  pilotVariableMatch,
  profileVariables,
} from './routeplanner-variables.ts';

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
  Object.entries(match).every(([f, v]) => cell.values[f] === v);

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
  kept: string[];
  match: ProfileMatch;
  intervention: Sums;
  control: Sums | null;
}

/**
 * Widens the profile until both arms used (intervention arm `arm` and, where there is one, the
 * control arm) have at least `threshold` evaluable participants: rung L keeps the most
 * important given fields and drops the L least important ones.
 */
function widen(
  cells: readonly ProfileCell[],
  wanted: ProfileMatch,
  given: readonly string[],
  arm: Arm,
  hasControl: boolean,
  threshold: number,
) {
  const rungs: Rung[] = [];
  for (let drop = 0; drop <= given.length; drop++) {
    const kept = given.slice(0, given.length - drop);
    const match: ProfileMatch = Object.fromEntries(kept.map((f) => [f, wanted[f]!]));
    rungs.push({
      kept,
      match,
      intervention: sum(cells, arm, match),
      control: hasControl ? sum(cells, CONTROL_ARM, match) : null,
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
 * Does the effect of intervention arm `arm` (difference in exit rate against control, whole
 * pilot at the window) differ between the subgroups of `by`? Cochran's Q; the "not recorded"
 * group is listed but not tested: it is not a value of the field.
 */
function heterogeneity(
  cells: readonly ProfileCell[],
  by: SubgroupField,
  arm: Arm,
  threshold: number,
): { result: RouteplannerResult['heterogeneity']; counts: GroupCounts[] } {
  const values = [...new Set(cells.map((c) => c.values[by] ?? null))].sort(compareGroups(by));
  const groups = values.map((value) => {
    const match: ProfileMatch = { [by]: value };
    return { value, i: sum(cells, arm, match), c: sum(cells, CONTROL_ARM, match) };
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

/** One option of the planner: an intervention arm of a pilot, and what its profile matches. */
interface OptionInput {
  pilot: PilotRecord;
  arm: PilotArm;
  hasControl: boolean;
  cells: readonly ProfileCell[];
  /** The values to match, by field name or variable code. */
  wanted: ProfileMatch;
  /** The fields of `wanted`, most important first. */
  given: readonly string[];
  variables: readonly StoredVariable[];
  notComparable: string[];
}

/** The result of one option: the arm alone against the pilot's control, as a two-arm pilot. */
async function optionResult(
  ctx: UseCaseCtx,
  { pilot, arm, hasControl, cells, wanted, given, variables, notComparable }: OptionInput,
  by: SubgroupField,
): Promise<{ result: RouteplannerResult; counts: GroupCounts[] }> {
  const threshold = ctx.config.suppressionThreshold;
  const { rung, noteCode } = widen(cells, wanted, given, arm.code, hasControl, threshold);
  const { intervention: i, control: c } = rung;
  const figures = noteCode !== 'too_few_matched';
  const compared = figures && c !== null && c.evaluable >= threshold;
  const times = figures
    ? await matchedExitTimes(ctx.store.db, pilot.id, arm.code, rung.match, variables)
    : [];
  const het = hasControl ? heterogeneity(cells, by, arm.code, threshold) : null;
  const result: RouteplannerResult = {
    pilotId: pilot.id,
    pilotName: pilot.name,
    synthetic: pilot.synthetic,
    arm: arm.code,
    armLabel: arm.label,
    armLabelEn: arm.labelEn,
    notComparable,
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
    controlled(a) - controlled(b) ||
    key(b) - key(a) ||
    a.pilotName.localeCompare(b.pilotName, 'nl') ||
    a.armLabel.localeCompare(b.armLabel, 'nl')
  );
}

/**
 * The route planner: for every intervention arm of every pilot the actor may see, the results
 * of its participants who match `profile` (widened where too few) against the pilot's
 * control, ranked best first.
 */
export async function routeplanner({
  ctx,
  profile,
  variable,
  k,
  by,
}: {
  ctx: UseCaseCtx;
  profile: Profile;
  /** `code:value` of pilot variables, as the query gives them. */
  variable?: readonly string[];
  k: number;
  by: SubgroupField;
}): Promise<RouteplannerReply> {
  const wantedVariables = parseVariableParams(variable);
  const db = ctx.store.db;
  const pilots = await listPilotRecords(db, pilotScope(ctx.actor));
  const ids = pilots.map((p) => p.id);
  const declared = new Map<string, StoredVariable[]>();
  for (const id of ids) declared.set(id, await listVariables(db, id));
  const catalogue = profileVariables(declared, wantedVariables);
  const given = IMPORTANCE.filter((f) => profile[f] !== undefined);
  const fields = given.includes(by) ? given : [...given, by];
  const pilotMatch = new Map(
    pilots.map((p) => [p.id, pilotVariableMatch(p.name, declared.get(p.id)!, wantedVariables)]),
  );
  const cellsByPilot = new Map<string, ProfileCell[]>(ids.map((id) => [id, []]));
  const variablesByPilot = new Map(ids.map((id) => [id, pilotMatch.get(id)!.declared]));
  for (const cell of await profileCells(db, ids, k, fields, variablesByPilot))
    cellsByPilot.get(cell.pilotId)?.push(cell);
  const armsByPilot = await loadPilotArms(db, ids);

  const results = [];
  for (const pilot of pilots) {
    const cells = cellsByPilot.get(pilot.id)!;
    const arms = armsByPilot.get(pilot.id)!;
    const hasControl =
      arms.some((a) => a.code === CONTROL_ARM) &&
      cells.some((c) => c.arm === CONTROL_ARM && c.participants > 0);
    const own = pilotMatch.get(pilot.id)!;
    // A pilot variable given in the profile is kept longest: it is what the question is about.
    const input = {
      pilot,
      hasControl,
      cells,
      wanted: { ...own.values, ...Object.fromEntries(given.map((f) => [f, profile[f]!])) },
      given: [...own.declared.map((v) => v.code), ...given],
      variables: own.declared,
      notComparable: own.missing,
    };
    for (const arm of arms)
      if (arm.code !== CONTROL_ARM) results.push(await optionResult(ctx, { ...input, arm }, by));
  }
  const echo = Object.fromEntries(given.map((f) => [f, profile[f]])) as Profile;
  const reply = (list: RouteplannerResult[]): RouteplannerReply => ({
    profile: echo,
    ...(wantedVariables.size > 0 ? { variables: Object.fromEntries(wantedVariables) } : {}),
    profileVariables: catalogue,
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
