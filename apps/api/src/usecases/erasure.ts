import { eraseParticipantTx, erasing } from '@wegwijzer/db';
import { NotFound } from '@wegwijzer/domain';
import type { UseCaseCtx } from '../http/env.ts';
import { emitAudit, inTransaction } from './context.ts';
import { visiblePilot } from './pilots.ts';

/**
 * Erases one participant of a pilot (AVG art. 17, SPEC §8): baseline, events, derived rows,
 * export inclusions and BSN hash go, and the pilot totals are recomputed, in one transaction.
 * The audit entry names the participant by internal id only, with the reason; a participant of
 * another pilot is "not found" and nothing changes.
 */
export async function eraseParticipant({
  ctx,
  pilotId,
  participantId,
  reason,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  participantId: string;
  reason: string;
}): Promise<{ participantId: string; events: number }> {
  await visiblePilot(ctx, pilotId);
  const id = Number(participantId);
  const { events } = await erasing(ctx.store, async (tx) => {
    const erased = Number.isSafeInteger(id) ? await eraseParticipantTx(tx, pilotId, id) : null;
    if (!erased) throw new NotFound('Participant');
    await emitAudit(inTransaction(ctx, tx), {
      action: 'participant.erase',
      pilotId,
      participantId: id,
      rowCount: 1 + erased.events,
      details: { reason, events: erased.events },
    });
    return erased;
  });
  return { participantId: String(id), events };
}
