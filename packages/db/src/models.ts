import type { Kysely } from 'kysely';
import type { PilotFacts } from '@wegwijzer/domain';
import { deriveParticipant, windowOf, type ModelParticipant } from '@wegwijzer/outcomes';
import { toTimelineEvent } from './repos/events.ts';
import { toBaseline } from './repos/participants.ts';
import type { Database } from './schema.ts';

/**
 * Per participant of one pilot, what the regression models need: baseline, time to first exit
 * and, at window `k`, evaluable and off benefit. Derived by the engine from the participant's
 * events (deriveParticipant), so any whole window works and no rule is restated in SQL; a
 * pilot's participants and events are read in two queries.
 */
export async function modelParticipants(
  db: Kysely<Database>,
  pilotId: string,
  pilot: PilotFacts,
  k: number,
): Promise<ModelParticipant[]> {
  const participants = await db
    .selectFrom('participants')
    .selectAll()
    .where('pilot_id', '=', pilotId)
    .orderBy('id')
    .execute();
  const events = await db
    .selectFrom('events')
    .select(['participant_id', 'type', 'date', 'reason', 'value', 'amount_cents'])
    .where('pilot_id', '=', pilotId)
    .orderBy('participant_id')
    .orderBy('date')
    .orderBy('id')
    .execute();
  const byParticipant = new Map<number, ReturnType<typeof toTimelineEvent>[]>();
  for (const e of events) {
    let list = byParticipant.get(e.participant_id);
    if (!list) byParticipant.set(e.participant_id, (list = []));
    list.push(toTimelineEvent(e));
  }
  return participants.map((row) => {
    const baseline = toBaseline(row);
    const d = deriveParticipant(baseline, byParticipant.get(row.id) ?? [], pilot, [k]);
    const w = windowOf(d, k)!;
    return {
      baseline,
      firstExit: { days: d.firstExit.days, event: !d.firstExit.censored },
      evaluable: w.evaluable,
      offBenefit: w.offBenefit,
    };
  });
}
