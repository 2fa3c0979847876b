import {
  armTotals,
  armTotalsByPilot,
  cohortCounts,
  debtStabilisationTimes,
  listPilotRecords,
  listReferenceLines,
  ladderMoveCounts,
  listVariables,
  subgroupTotals,
  variableSubgroupTotals,
  survivalTimes,
} from '@wegwijzer/db';
import {
  BadRequest,
  Forbidden,
  isStandardWindow,
  NotFound,
  SubgroupField,
  variableGroupOrder,
  type ReferenceLineRecord,
} from '@wegwijzer/domain';
import {
  cochranQ,
  compareGroups,
  rateHomogeneity,
  compareInOrder,
  curvesByArm,
  summarizeLadderMovesByArm,
  summarizeOutcomes,
  survivalByArm,
  wilson,
} from '@wegwijzer/outcomes';
import { canSeePilot, pilotScope } from '../http/access.ts';
import type { UseCaseCtx } from '../http/env.ts';
import {
  protectCohorts,
  protectOutcomes,
  protectSubgroups,
  protectSurvival,
} from '@wegwijzer/disclosure';
import { disclosureRules, isViewer } from './disclosure.ts';
import { requirePersonalData, visiblePilot } from './pilots.ts';

/** Viewers get protected figures (SPEC §6); everyone else the figures as computed. */
const forViewer = isViewer;

/** Reference lines as the API sends them (the record is already the reply shape). */
const referenceJson = (r: ReferenceLineRecord) => ({ ...r });

export async function pilotOutcomes({
  ctx,
  pilotId,
  k,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  k: number;
}) {
  const pilot = await visiblePilot(ctx, pilotId);
  // A reduced pilot keeps the totals of the standard windows only; any other window is derived
  // from per-person rows it no longer has.
  if (!isStandardWindow(k)) requirePersonalData(pilot);
  const summary = summarizeOutcomes(await armTotals(ctx.store.db, pilotId, k), k);
  // Reference lines are published municipal figures, not about participants: never suppressed.
  const referenceLines = (await listReferenceLines(ctx.store.db, [pilotId], k)).map(referenceJson);
  // The distribution of steps moved is counted from per-person rows, which a reduced pilot lacks.
  const ladderMoves = pilot.retentionState
    ? null
    : summarizeLadderMovesByArm(
        await ladderMoveCounts(ctx.store.db, pilotId, k, Object.keys(summary.arms)),
      );
  const reply = {
    pilotId,
    observationEnd: pilot.dataCompleteThrough,
    ...summary,
    referenceLines,
    ladderMoves,
  };
  return forViewer(ctx) ? protectOutcomes(reply, disclosureRules(ctx)) : reply;
}

/**
 * Time to debt stabilisation per arm (docs/outcomes-debts.md): Kaplan–Meier among participants
 * with a debt_intake, with the log-rank test. The control curve is there when the pilot has a
 * control arm, even if none of its participants has debts.
 */
export async function pilotDebtSurvival({ ctx, pilotId }: { ctx: UseCaseCtx; pilotId: string }) {
  const pilot = await visiblePilot(ctx, pilotId);
  requirePersonalData(pilot);
  const times = await debtStabilisationTimes(ctx.store.db, pilotId);
  const arms = Object.keys(await armSizes(ctx, pilotId));
  const reply = {
    pilotId,
    observationEnd: pilot.dataCompleteThrough,
    ...curvesByArm(times, arms),
  };
  if (!forViewer(ctx)) return reply;
  const sizes: Record<string, number> = Object.fromEntries(arms.map((a) => [a, 0]));
  for (const r of times) if (r.arm in sizes) sizes[r.arm]!++;
  return protectSurvival(reply, sizes, disclosureRules(ctx));
}

export async function pilotSurvival({ ctx, pilotId }: { ctx: UseCaseCtx; pilotId: string }) {
  const pilot = await visiblePilot(ctx, pilotId);
  // Curves, subgroups and cohorts read per-person rows, which a reduced pilot no longer has.
  requirePersonalData(pilot);
  const sizes = await armSizes(ctx, pilotId);
  const reply = {
    pilotId,
    observationEnd: pilot.dataCompleteThrough,
    ...survivalByArm(await survivalTimes(ctx.store.db, pilotId), Object.keys(sizes)),
  };
  return forViewer(ctx) ? protectSurvival(reply, sizes, disclosureRules(ctx)) : reply;
}

/** Participants per arm code, for the arms the pilot's replies show, in their order. */
async function armSizes(ctx: UseCaseCtx, pilotId: string): Promise<Record<string, number>> {
  const totals = await armTotals(ctx.store.db, pilotId, 12);
  return Object.fromEntries(Object.entries(totals).map(([a, t]) => [a, t.participants]));
}

export async function pilotSubgroups({
  ctx,
  pilotId,
  k,
  by,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  k: number;
  by: SubgroupField | string;
}) {
  requirePersonalData(await visiblePilot(ctx, pilotId));
  const { order, totals } = await subgroupSource(ctx, pilotId, k, by);
  const groups = totals
    .sort((a, b) => order(a.value, b.value))
    .map(({ value, totals }) => {
      const s = summarizeOutcomes(totals, k);
      // Within a group the reply compares rates only (its schema): no net effect per group.
      const comparisons = Object.fromEntries(
        Object.entries(s.comparisons).map(([code, c]) => [code, { difference: c.difference }]),
      );
      return { value, arms: s.arms, difference: s.difference, comparisons };
    });
  const reply = { pilotId, windowMonths: k, by, groups, heterogeneity: subgroupTest(groups) };
  return forViewer(ctx) ? protectSubgroups(reply, disclosureRules(ctx)) : reply;
}

type SubgroupRow = {
  value: unknown;
  arms: ReturnType<typeof summarizeOutcomes>['arms'];
};

/** The heterogeneity test of the subgroups (SubgroupReply.heterogeneity), on exact counts. */
function subgroupTest(groups: readonly SubgroupRow[]) {
  const tested = groups.filter((g) => g.value !== null);
  const off = (a: SubgroupRow['arms']['intervention'] | undefined) => ({
    x: a?.offBenefit.count ?? 0,
    n: a?.evaluable ?? 0,
  });
  if (tested.some((g) => g.arms.control)) {
    const q = cochranQ(
      tested.map((g) => {
        const i = off(g.arms.intervention);
        const c = off(g.arms.control);
        return { x1: i.x, n1: i.n, x2: c.x, n2: c.n };
      }),
    );
    return q && { method: 'cochran_q' as const, statistic: q.q, df: q.df, p: q.p };
  }
  const r = rateHomogeneity(tested.map((g) => off(g.arms.intervention)));
  return r && { method: 'chi_square' as const, statistic: r.chi2, df: r.df, p: r.p };
}

/** The totals and group order of a standard field, or of one of the pilot's own variables. */
async function subgroupSource(ctx: UseCaseCtx, pilotId: string, k: number, by: string) {
  const standard = SubgroupField.safeParse(by);
  if (standard.success)
    return {
      order: compareGroups(standard.data),
      totals: await subgroupTotals(ctx.store.db, pilotId, k, standard.data),
    };
  const vars = await listVariables(ctx.store.db, pilotId);
  const variable = vars.find((v) => v.code === by);
  if (!variable)
    throw new BadRequest(
      `by must be one of ${[...SubgroupField.options, ...vars.map((v) => v.code)].join(', ')}; got ${JSON.stringify(by)}`,
      [{ path: 'by', message: 'not a baseline field nor a variable of this pilot' }],
    );
  return {
    order: compareInOrder(variableGroupOrder(variable)),
    totals: await variableSubgroupTotals(ctx.store.db, pilotId, k, variable),
  };
}

/** Pilots side by side on the same definitions. */
export async function compareOutcomes({
  ctx,
  pilotIds,
  k,
}: {
  ctx: UseCaseCtx;
  pilotIds: string[] | null;
  k: number;
}) {
  const visible = (await listPilotRecords(ctx.store.db, pilotScope(ctx.actor))).filter(
    (p) => pilotIds === null || pilotIds.includes(p.id),
  );
  for (const id of pilotIds ?? []) {
    if (!canSeePilot(ctx.actor, id))
      throw new Forbidden('You have no access to one of these pilots');
    if (!visible.some((p) => p.id === id)) throw new NotFound(`Pilot ${id}`);
  }
  const ids = visible.map((p) => p.id);
  const totals = await armTotalsByPilot(ctx.store.db, ids, k);
  const references = await listReferenceLines(ctx.store.db, ids, k);
  const pilots = [];
  for (const p of visible) {
    const summary = summarizeOutcomes(totals.get(p.id)!, k);
    const referenceLines = references.filter((r) => r.pilotId === p.id).map(referenceJson);
    const reply = {
      pilotId: p.id,
      observationEnd: p.dataCompleteThrough,
      ...summary,
      referenceLines,
    };
    const shown = forViewer(ctx) ? protectOutcomes(reply, disclosureRules(ctx)) : reply;
    pilots.push({ ...shown, name: p.name, municipality: p.municipality, synthetic: p.synthetic });
  }
  return forViewer(ctx)
    ? { windowMonths: k, pilots, rounded: true as const }
    : { windowMonths: k, pilots };
}

/** Exit rate at `k` months per intake month and arm: is the pilot getting better over time? */
export async function pilotCohorts({
  ctx,
  pilotId,
  k,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  k: number;
}) {
  requirePersonalData(await visiblePilot(ctx, pilotId));
  const cohorts = (await cohortCounts(ctx.store.db, pilotId, k)).map((r) => ({
    month: r.month,
    arm: r.arm as 'intervention' | 'control',
    participants: r.participants,
    evaluable: r.evaluable,
    offBenefit: wilson(r.off, r.evaluable),
  }));
  const reply = { pilotId, windowMonths: k, cohorts };
  return forViewer(ctx) ? protectCohorts(reply, disclosureRules(ctx)) : reply;
}
