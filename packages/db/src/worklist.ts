import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Every ladder measurement date of a pilot's participants, per participant id: the worklist
 * checks each follow-up mark against the measurements in its tolerance window.
 */
export async function ladderDatesByParticipant(
  db: Kysely<Database>,
  pilotId: string,
): Promise<Map<number, string[]>> {
  const rows = await db
    .selectFrom('events')
    .select(['participant_id', 'date'])
    .where('pilot_id', '=', pilotId)
    .where('type', '=', 'ladder')
    .execute();
  const out = new Map<number, string[]>();
  for (const r of rows) {
    const id = Number(r.participant_id);
    const list = out.get(id);
    if (list) list.push(r.date);
    else out.set(id, [r.date]);
  }
  return out;
}
