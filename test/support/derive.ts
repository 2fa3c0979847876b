import { getPilot, toBaseline, toTimelineEvent, type Store } from '@wegwijzer/db';
import type { Baseline, PilotFacts } from '@wegwijzer/domain';
import { deriveParticipant, type DerivedParticipant } from '@wegwijzer/outcomes';

/**
 * A pilot's participants read back from the store and derived by the pure engine, in id order:
 * the reference the SQL aggregation and the API's figures are checked against. `facts` default
 * to the pilot's own; `windows` to the engine's default windows.
 */
export async function deriveInMemory(
  store: Store,
  pilotId: string,
  options: { windows?: readonly number[]; facts?: PilotFacts } = {},
): Promise<{ baseline: Baseline; derived: DerivedParticipant }[]> {
  const facts = options.facts ?? (await getPilot(store.db, pilotId))!;
  const participants = await store.db
    .selectFrom('participants')
    .selectAll()
    .where('pilot_id', '=', pilotId)
    .orderBy('id')
    .execute();
  const events = await store.db
    .selectFrom('events')
    .selectAll()
    .where('pilot_id', '=', pilotId)
    .orderBy('participant_id')
    .orderBy('date')
    .orderBy('id')
    .execute();
  const byParticipant = new Map<number, typeof events>();
  for (const e of events) {
    const list = byParticipant.get(e.participant_id);
    if (list) list.push(e);
    else byParticipant.set(e.participant_id, [e]);
  }
  return participants.map((p) => {
    const baseline = toBaseline(p);
    const mine = (byParticipant.get(p.id) ?? []).map(toTimelineEvent);
    return { baseline, derived: deriveParticipant(baseline, mine, facts, options.windows) };
  });
}
