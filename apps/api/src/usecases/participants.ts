import {
  getParticipant as loadParticipant,
  hasEventBefore,
  insertParticipantTx,
  listEvents,
  listParticipants as loadParticipants,
  participantRefTaken,
  pilotArms,
  toBaseline,
  updateParticipantTx,
  type EventRow,
  type ParticipantRow,
} from '@wegwijzer/db';
import {
  BadRequest,
  centsToEuros,
  checkArm,
  Conflict,
  eurosToCents,
  Forbidden,
  isAmountEvent,
  lostToFollowUpAfterIntake,
  NotFound,
  type Arm,
  type Baseline,
  type Event,
  type Participant,
  type ParticipantInput,
  type ParticipantUpdate,
} from '@wegwijzer/domain';
import { hashBsn, isValidBsn } from '@wegwijzer/import';
import { requirePilot } from '../http/access.ts';
import type { UseCaseCtx } from '../http/env.ts';
import { checkValues, withValues, writeValuesTx } from './participant-values.ts';
import { emitAudit, withTransaction, type AuditFields } from './context.ts';
import { requirePersonalData, visiblePilot } from './pilots.ts';
import { byPseudonym, pseudonym } from './pseudonym.ts';

const euros = (c: number | null) => (c === null ? null : centsToEuros(c));
const bool = (v: number | null) => (v === null ? null : v === 1);

const isResearcher = (ctx: UseCaseCtx) => ctx.actor.role === 'researcher';
const nameOf = (ctx: UseCaseCtx, row: { pilot_id: string; id: number }) =>
  pseudonym(ctx.pseudonymKey, ctx.actor.id, row.pilot_id, row.id);

/**
 * A participant as the actor may see it: researchers get their pseudonym instead of the
 * municipal reference and of the internal id, which another researcher would see too (SPEC §6).
 */
export function toParticipantJson(ctx: UseCaseCtx, row: ParticipantRow): Participant {
  const ref = isResearcher(ctx) ? nameOf(ctx, row) : row.participant_ref;
  return {
    id: isResearcher(ctx) ? ref : String(row.id),
    pilotId: row.pilot_id,
    participantRef: ref,
    arm: row.arm as Arm,
    intakeDate: row.intake_date,
    monthlyBenefit: euros(row.monthly_benefit_cents),
    guidanceCost: euros(row.guidance_cost_cents),
    household: row.household as Participant['household'],
    birthYear: row.birth_year,
    motivation: row.motivation,
    ladderStep: row.ladder_step,
    hasDebts: bool(row.has_debts),
    disability: bool(row.disability),
    refugeeStatus: bool(row.refugee_status),
    education: row.education as Participant['education'],
    lostToFollowUpDate: row.lost_to_follow_up_date,
    hasBsn: row.bsn_hash !== null,
  };
}

export function toEventJson(row: EventRow): Event {
  return {
    id: String(row.id),
    participantId: String(row.participant_id),
    type: row.type as Event['type'],
    date: row.date,
    reason: row.reason as Event['reason'],
    value: isAmountEvent(row.type as Event['type']) ? euros(row.amount_cents) : row.value,
    createdAt: row.created_at,
  };
}

function noViewer(ctx: UseCaseCtx) {
  // Viewers see aggregates only (SPEC §1): never a participant row.
  if (ctx.actor.role === 'viewer') throw new Forbidden('Viewers see aggregates only');
}

/** Loads a participant the actor may read, or throws NotFound / Forbidden. */
export async function visibleParticipant(ctx: UseCaseCtx, id: string): Promise<ParticipantRow> {
  noViewer(ctx);
  const n = Number(id);
  const row = Number.isSafeInteger(n) ? await loadParticipant(ctx.store.db, n) : undefined;
  if (!row) throw new NotFound('Participant');
  requirePilot(ctx.actor, row.pilot_id);
  return row;
}

export async function listParticipants({
  ctx,
  pilotId,
  query,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  query: { ref?: string; arm?: Arm; page: number; pageSize: number };
}) {
  noViewer(ctx);
  await visiblePilot(ctx, pilotId);
  // Researchers search by pseudonym only in exports; a municipal reference filter would reveal it.
  if (isResearcher(ctx)) {
    // In the order of the researcher's pseudonyms: the municipal reference order is shared.
    const all = await loadParticipants(ctx.store.db, pilotId, {
      arm: query.arm,
      page: 1,
      pageSize: Number.MAX_SAFE_INTEGER,
    });
    const rows = byPseudonym(all.rows, (r) => nameOf(ctx, r)).slice(
      (query.page - 1) * query.pageSize,
      query.page * query.pageSize,
    );
    await auditRead(ctx, pilotId, query, rows, undefined);
    return {
      items: await withValues(
        ctx,
        pilotId,
        rows,
        rows.map((r) => toParticipantJson(ctx, r)),
      ),
      total: all.total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
  const { rows, total } = await loadParticipants(ctx.store.db, pilotId, query);
  await auditRead(ctx, pilotId, query, rows, query.ref);
  return {
    items: await withValues(
      ctx,
      pilotId,
      rows,
      rows.map((r) => toParticipantJson(ctx, r)),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * Logs a page of participants: a search by reference reads one person's record (one entry per
 * match, by internal id); a plain page is a listing of microdata (one entry with its count). The
 * reference searched for is personal data and is not logged.
 */
async function auditRead(
  ctx: UseCaseCtx,
  pilotId: string,
  query: { arm?: Arm; page: number; pageSize: number },
  rows: readonly ParticipantRow[],
  ref: string | undefined,
) {
  await withTransaction(ctx, async (ctx) => {
    if (ref !== undefined) {
      for (const r of rows) await emitAudit(ctx, readEntry(r.pilot_id, r.id));
      if (rows.length === 0)
        await emitAudit(ctx, { ...readEntry(pilotId, null), action: 'participant.search' });
      return;
    }
    await emitAudit(ctx, {
      ...readEntry(pilotId, null),
      action: 'participant.list',
      rowCount: rows.length,
      details: { page: query.page, pageSize: query.pageSize, arm: query.arm ?? null },
    });
  });
}

/** The audit entry of a read of participant `participantId` (or of none found) in `pilotId`. */
function readEntry(pilotId: string, participantId: number | null): AuditFields {
  return {
    action: 'participant.read',
    pilotId,
    participantId,
    rowCount: participantId === null ? 0 : 1,
  };
}

export async function getParticipant({ ctx, id }: { ctx: UseCaseCtx; id: string }) {
  const row = await visibleParticipant(ctx, id);
  const events = await listEvents(ctx.store.db, row.id);
  await emitAudit(ctx, readEntry(row.pilot_id, row.id));
  const [shown] = await withValues(ctx, row.pilot_id, [row], [toParticipantJson(ctx, row)]);
  if (!shown) throw new NotFound('Participant');
  if (!isResearcher(ctx)) return { ...shown, events: events.map(toEventJson) };
  // Event ids and the participant id are internal keys: a researcher gets keyed names instead.
  return {
    ...shown,
    events: events.map((e) => ({
      ...toEventJson(e),
      id: pseudonym(ctx.pseudonymKey, ctx.actor.id, row.pilot_id, e.id, 'views').replace(/^P/, 'E'),
      participantId: shown.id,
    })),
  };
}

function toBaselinePatch(input: ParticipantUpdate): Partial<Baseline> {
  const cents = (e: number | null | undefined) => (e == null ? e : eurosToCents(e));
  return {
    arm: input.arm,
    intakeDate: input.intakeDate,
    monthlyBenefitCents: cents(input.monthlyBenefit),
    guidanceCostCents: cents(input.guidanceCost),
    household: input.household,
    birthYear: input.birthYear,
    motivation: input.motivation,
    ladderStep: input.ladderStep,
    hasDebts: input.hasDebts,
    disability: input.disability,
    refugeeStatus: input.refugeeStatus,
    education: input.education,
    lostToFollowUpDate: input.lostToFollowUpDate,
  };
}

function checkDates(b: Pick<Baseline, 'intakeDate' | 'lostToFollowUpDate'>) {
  const lost = lostToFollowUpAfterIntake(b.lostToFollowUpDate, b.intakeDate);
  if (!lost.ok) {
    const message = 'lostToFollowUpDate lies before intakeDate';
    throw new BadRequest(message, [{ path: 'lostToFollowUpDate', message, ...lost.error }]);
  }
}

/**
 * The arm of a participant written through the API, checked against the pilot's declared arms
 * by the import's rule (SPEC §2): an unknown code is a 400 naming the field, with the rule's
 * code and the allowed codes, which the screens word in Dutch or English. Without one, a new
 * participant joins the pilot's first intervention arm, as in an import.
 */
async function armOf(
  ctx: UseCaseCtx,
  pilotId: string,
  arm: string | undefined,
  isNew: boolean,
): Promise<string | undefined> {
  if (arm === undefined && !isNew) return undefined;
  const declared = (await pilotArms(ctx.store.db, pilotId)).map((a) => a.code);
  const checked = checkArm(arm ?? '', declared);
  if (checked.ok) return checked.value;
  const message = `arm ${JSON.stringify(arm)} is not one of the pilot's arms: ${declared.join(', ')}`;
  throw new BadRequest(message, [{ path: 'arm', message, ...checked.error }]);
}

export async function createParticipant({
  ctx,
  pilotId,
  input,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  input: ParticipantInput;
}) {
  const pilot = await visiblePilot(ctx, pilotId);
  requirePersonalData(pilot);
  const baseline = {
    ...toBaselinePatch(input),
    arm: await armOf(ctx, pilotId, input.arm, true),
    intakeDate: input.intakeDate,
  };
  checkDates({
    intakeDate: input.intakeDate,
    lostToFollowUpDate: baseline.lostToFollowUpDate ?? null,
  });
  const values = await checkValues(ctx, pilotId, input.variables);
  let bsnHash: string | null = null;
  if (input.bsn !== undefined && input.bsn !== '') {
    if (!ctx.config.bsnKey)
      throw new BadRequest('A BSN can only be accepted when WEGWIJZER_BSN_KEY is set');
    if (!isValidBsn(input.bsn)) throw new BadRequest('The BSN fails the elfproef');
    bsnHash = hashBsn(input.bsn, ctx.config.bsnKey);
  }
  const id = await withTransaction(ctx, async (ctx) => {
    await ctx.tx.lockPilot(pilotId);
    if (await participantRefTaken(ctx.store.db, pilotId, input.participantRef))
      throw new Conflict(`Participant ${input.participantRef} already exists in this pilot`);
    const newId = await insertParticipantTx(
      ctx.tx,
      pilotId,
      pilot,
      input.participantRef,
      baseline,
      bsnHash,
    );
    await writeValuesTx(ctx.tx, pilotId, newId, values, false);
    await emitAudit(ctx, {
      action: 'participant.create',
      pilotId,
      participantId: newId,
      rowCount: 1,
    });
    return newId;
  });
  const row = (await loadParticipant(ctx.store.db, id))!;
  return (await withValues(ctx, pilotId, [row], [toParticipantJson(ctx, row)]))[0]!;
}

export async function updateParticipant({
  ctx,
  id,
  input,
}: {
  ctx: UseCaseCtx;
  id: string;
  input: ParticipantUpdate;
}) {
  const row = await visibleParticipant(ctx, id);
  const pilot = await visiblePilot(ctx, row.pilot_id);
  const patch = {
    ...toBaselinePatch(input),
    arm: await armOf(ctx, row.pilot_id, input.arm, false),
  };
  const values = await checkValues(ctx, row.pilot_id, input.variables);
  const current = toBaseline(row);
  const intakeDate = patch.intakeDate ?? current.intakeDate;
  checkDates({
    intakeDate,
    lostToFollowUpDate:
      patch.lostToFollowUpDate === undefined
        ? current.lostToFollowUpDate
        : patch.lostToFollowUpDate,
  });
  await withTransaction(ctx, async (ctx) => {
    await ctx.tx.lockPilot(row.pilot_id);
    if (patch.intakeDate) {
      if (await hasEventBefore(ctx.store.db, row.id, intakeDate))
        throw new BadRequest('The participant has events dated before this intake date');
    }
    await writeValuesTx(ctx.tx, row.pilot_id, row.id, values, true);
    await updateParticipantTx(ctx.tx, row.pilot_id, pilot, row.id, patch);
    await emitAudit(ctx, {
      action: 'participant.update',
      pilotId: row.pilot_id,
      participantId: row.id,
      rowCount: 1,
      details: { fields: Object.keys(input) },
    });
  });
  const updated = (await loadParticipant(ctx.store.db, row.id))!;
  return (await withValues(ctx, row.pilot_id, [updated], [toParticipantJson(ctx, updated)]))[0]!;
}
