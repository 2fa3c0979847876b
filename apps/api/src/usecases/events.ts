import { deleteEventTx, getEvent, hasBenefitEndTx, insertEventTx } from '@wegwijzer/db';
import {
  BadRequest,
  Conflict,
  eurosToCents,
  eventDate,
  isAmountEvent,
  NotFound,
  type EventInput,
  type TimelineEvent,
} from '@wegwijzer/domain';
import type { UseCaseCtx } from '../http/env.ts';
import { emitAudit, withTransaction } from './context.ts';
import { toEventJson, visibleParticipant } from './participants.ts';
import { visiblePilot } from './pilots.ts';

export function toTimelineEvent(input: EventInput): TimelineEvent {
  const amount = isAmountEvent(input.type);
  return {
    type: input.type,
    date: input.date,
    reason: input.type === 'benefit_end' ? (input.reason ?? null) : null,
    value: amount ? null : (input.value ?? null),
    amountCents: amount && input.value != null ? eurosToCents(input.value) : null,
  };
}

export async function addEvent({
  ctx,
  participantId,
  input,
}: {
  ctx: UseCaseCtx;
  participantId: string;
  input: EventInput;
}) {
  const participant = await visibleParticipant(ctx, participantId);
  const pilot = await visiblePilot(ctx, participant.pilot_id);
  const date = eventDate(input.date, participant.intake_date);
  if (!date.ok) {
    const message = `The event is dated before the intake date ${participant.intake_date}`;
    throw new BadRequest(message, [{ path: 'date', message, ...date.error }]);
  }
  const event = toTimelineEvent(input);
  const id = await withTransaction(ctx, async (ctx) => {
    await ctx.tx.lockPilot(participant.pilot_id);
    if (event.type === 'benefit_end') {
      if (await hasBenefitEndTx(ctx.tx, participant.id, event.date))
        throw new Conflict(`There is already a benefit_end on ${event.date}`);
    }
    const newId = await insertEventTx(ctx.tx, participant.pilot_id, pilot, participant.id, event);
    await emitAudit(ctx, {
      action: 'event.create',
      pilotId: participant.pilot_id,
      participantId: participant.id,
      rowCount: 1,
      // Ids only: the event's type and date are the participant's data and go at erasure.
      details: { eventId: newId },
    });
    return newId;
  });
  return toEventJson((await getEvent(ctx.store.db, id))!);
}

/** Deletes an event; the reason goes to the audit log, since events are facts and a deletion is one too. */
export async function deleteEvent({
  ctx,
  eventId,
  reason,
}: {
  ctx: UseCaseCtx;
  eventId: string;
  reason: string;
}) {
  const n = Number(eventId);
  const event = Number.isSafeInteger(n) ? await getEvent(ctx.store.db, n) : undefined;
  if (!event) throw new NotFound('Event');
  const participant = await visibleParticipant(ctx, String(event.participant_id));
  const pilot = await visiblePilot(ctx, participant.pilot_id);
  await withTransaction(ctx, async (ctx) => {
    await deleteEventTx(ctx.tx, participant.pilot_id, pilot, participant.id, event.id);
    await emitAudit(ctx, {
      action: 'event.delete',
      pilotId: participant.pilot_id,
      participantId: participant.id,
      rowCount: 1,
      details: { eventId: event.id, reason },
    });
  });
}
