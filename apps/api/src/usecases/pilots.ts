import {
  addGrant,
  armGuidanceCosts,
  getPilot as loadPilot,
  pilotArms,
  insertPilot,
  listPilots as loadPilots,
  recomputePilot,
  updatePilot as savePilot,
  type PilotListItem,
} from '@wegwijzer/db';
import {
  BadRequest,
  centsToEuros,
  PersonalDataGone,
  eurosToCents,
  NotFound,
  pilotDatesProblem,
  retentionStatus,
  todayIso,
  type Pilot,
  type PilotInput,
  type PilotRecord,
  type PilotUpdate,
} from '@wegwijzer/domain';
import { pilotScope, requirePilot } from '../http/access.ts';
import type { UseCaseCtx } from '../http/env.ts';
import { emitAudit, withTransaction } from './context.ts';
import { protectPilot } from '@wegwijzer/disclosure';
import { disclosureRules, isViewer } from './disclosure.ts';
import { armsOfInput, changePilotArms, withArms } from './pilot-arms.ts';

const cents = (e: number | null | undefined) => (e == null ? e : eurosToCents(e));
const euros = (c: number | null) => (c === null ? null : centsToEuros(c));

export function toPilotJson(p: PilotListItem): Pilot {
  return {
    id: p.id,
    name: p.name,
    municipality: p.municipality,
    theme: p.theme,
    startDate: p.startDate,
    dataCompleteThrough: p.dataCompleteThrough,
    monthlyBenefit: euros(p.monthlyBenefitCents),
    guidanceCost: euros(p.guidanceCostCents),
    targetGroup: p.targetGroup,
    description: p.description,
    synthetic: p.synthetic,
    participants: p.participants,
    hasControl: p.hasControl,
    retainUntil: p.retainUntil,
    retention: {
      status: retentionStatus(p.retainUntil, todayIso()),
      review: p.retentionReview,
      action: p.retentionAction,
      state: p.retentionState,
      appliedAt: p.retentionAppliedAt,
    },
    processing: p.processing,
  };
}

/** SPEC §8: a pilot keeps its data at least as long as it runs. */
function checkRetainUntil(startDate: string, retainUntil: string): void {
  if (retainUntil < startDate)
    throw new BadRequest(`retainUntil ${retainUntil} lies before startDate ${startDate}`, [
      { path: 'retainUntil', message: 'not before startDate' },
    ]);
}

/**
 * Refuses new participant data once a pilot was erased or reduced at its retention date: new
 * people would mix with totals whose people are gone.
 */
export function requirePersonalData(pilot: PilotRecord): void {
  if (pilot.retentionState)
    throw new PersonalDataGone(
      `This pilot's participant data were ${pilot.retentionState === 'erased' ? 'erased' : 'reduced to aggregate figures'} on ${pilot.retentionAppliedAt?.slice(0, 10)} (retention date ${pilot.retainUntil}); it holds no per-person data`,
      { retentionState: pilot.retentionState },
    );
}

/** A viewer sees the participant count protected like every count (SPEC §6). */
function forActor(ctx: UseCaseCtx, pilot: Pilot): Pilot {
  return isViewer(ctx) ? protectPilot(pilot, disclosureRules(ctx)) : pilot;
}

/** The pilots the actor may see, oldest start first. */
export async function listPilots({ ctx }: { ctx: UseCaseCtx }): Promise<Pilot[]> {
  const ids = pilotScope(ctx.actor);
  return withArms(
    ctx,
    (await loadPilots(ctx.store.db, ids)).map((p) => forActor(ctx, toPilotJson(p))),
  );
}

export async function getPilot({ ctx, id }: { ctx: UseCaseCtx; id: string }): Promise<Pilot> {
  requirePilot(ctx.actor, id);
  const [pilot] = await loadPilots(ctx.store.db, [id]);
  if (!pilot) throw new NotFound('Pilot');
  return (await withArms(ctx, [forActor(ctx, toPilotJson(pilot))]))[0]!;
}

/** Loads a pilot the actor may see, or throws NotFound / Forbidden. */
export async function visiblePilot(ctx: UseCaseCtx, id: string): Promise<PilotRecord> {
  requirePilot(ctx.actor, id);
  const pilot = await loadPilot(ctx.store.db, id);
  if (!pilot) throw new NotFound('Pilot');
  return pilot;
}

export async function createPilot({
  ctx,
  input,
}: {
  ctx: UseCaseCtx;
  input: PilotInput;
}): Promise<Pilot> {
  const problem = pilotDatesProblem(input.startDate, input.dataCompleteThrough);
  if (problem) throw new BadRequest(problem);
  checkRetainUntil(input.startDate, input.retainUntil);
  const pilot = await insertPilot(
    ctx.store.db,
    {
      name: input.name,
      municipality: input.municipality,
      theme: input.theme,
      startDate: input.startDate,
      dataCompleteThrough: input.dataCompleteThrough,
      monthlyBenefitCents: cents(input.monthlyBenefit) ?? null,
      guidanceCostCents: cents(input.guidanceCost) ?? null,
      targetGroup: input.targetGroup ?? null,
      description: input.description ?? null,
      // What the public demo accounts create is demo data: confined and removed with the rest.
      synthetic: ctx.actor.demo,
      retainUntil: input.retainUntil,
      retentionAction: input.retentionAction,
      processing: input.processing,
    },
    input.arms && armsOfInput(input.arms),
  );
  // A manager who starts a pilot manages it.
  if (ctx.actor.role !== 'admin' || ctx.actor.demo)
    await addGrant(ctx.store.db, ctx.actor.id, pilot.id);
  await emitAudit(ctx, { action: 'pilot.create', pilotId: pilot.id, rowCount: 1 });
  return (await withArms(ctx, [toPilotJson({ ...pilot, participants: 0, hasControl: false })]))[0]!;
}

export async function updatePilot({
  ctx,
  id,
  input,
}: {
  ctx: UseCaseCtx;
  id: string;
  input: PilotUpdate;
}): Promise<Pilot> {
  const current = await visiblePilot(ctx, id);
  const problem = pilotDatesProblem(
    input.startDate ?? current.startDate,
    input.dataCompleteThrough ?? current.dataCompleteThrough,
  );
  if (problem) throw new BadRequest(problem);
  // An arm's own guidance cost feeds its participants' savings as the pilot default does.
  const armCosts = input.arms
    ? JSON.stringify(armGuidanceCosts(await pilotArms(ctx.store.db, id))) !==
      JSON.stringify(armGuidanceCosts(armsOfInput(input.arms)))
    : false;
  const feedsFigures =
    input.dataCompleteThrough !== undefined ||
    input.monthlyBenefit !== undefined ||
    input.guidanceCost !== undefined ||
    armCosts;
  // The totals of an erased or reduced pilot can no longer be recomputed from its people.
  if (feedsFigures) requirePersonalData(current);
  checkRetainUntil(input.startDate ?? current.startDate, input.retainUntil ?? current.retainUntil);
  const updated = await savePilot(ctx.store.db, id, {
    name: input.name,
    municipality: input.municipality,
    theme: input.theme,
    startDate: input.startDate,
    dataCompleteThrough: input.dataCompleteThrough,
    monthlyBenefitCents: cents(input.monthlyBenefit),
    guidanceCostCents: cents(input.guidanceCost),
    targetGroup: input.targetGroup,
    description: input.description,
    retainUntil: input.retainUntil,
    // A date chosen by someone is a reviewed date.
    retentionReview: input.retainUntil === undefined ? undefined : false,
    retentionAction: input.retentionAction,
    processing: input.processing,
  });
  if (!updated) throw new NotFound('Pilot');
  if (input.arms) await changePilotArms(ctx, id, input.arms);
  // The observation end and the default amounts (the arms' included) feed every derived figure
  // of the pilot; the processing record or the retention date feed none.
  if (feedsFigures) await withTransaction(ctx, (ctx) => recomputePilot(ctx.tx, id, updated));
  await emitAudit(ctx, {
    action: 'pilot.update',
    pilotId: id,
    rowCount: 1,
    details: { fields: Object.keys(input) },
  });
  return getPilot({ ctx, id });
}
