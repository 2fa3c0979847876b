import type { Kysely, Selectable } from 'kysely';
import type { EventType, ExitReason, TimelineEvent } from '@wegwijzer/domain';
import type { Tx } from '../open.ts';
import type { Database, EventsTable } from '../schema.ts';

export type EventRow = Selectable<EventsTable>;

export function toTimelineEvent(
  row: Pick<EventRow, 'type' | 'date' | 'reason' | 'value' | 'amount_cents'>,
): TimelineEvent {
  return {
    type: row.type as EventType,
    date: row.date,
    reason: row.reason as ExitReason | null,
    value: row.value,
    amountCents: row.amount_cents,
  };
}

export function eventColumns(e: TimelineEvent) {
  return {
    type: e.type,
    date: e.date,
    reason: e.reason,
    value: e.value,
    amount_cents: e.amountCents,
  };
}

/** A participant's events in timeline order (date, then the order they were recorded). */
export async function listEvents(db: Kysely<Database>, participantId: number): Promise<EventRow[]> {
  return db
    .selectFrom('events')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('date')
    .orderBy('id')
    .execute();
}

export async function getEvent(db: Kysely<Database>, id: number): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The pilot an event belongs to, for access checks. */
export async function pilotOfEvent(db: Kysely<Database>, id: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('events')
    .select('pilot_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.pilot_id;
}

/** Whether the participant has an event dated before `date` (a later intake date would orphan it). */
export async function hasEventBefore(
  db: Kysely<Database>,
  participantId: number,
  date: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('events')
    .select('id')
    .where('participant_id', '=', participantId)
    .where('date', '<', date)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the participant already has a `benefit_end` on `date` (two on one day are refused). */
export async function hasBenefitEndTx(
  tx: Tx,
  participantId: number,
  date: string,
): Promise<boolean> {
  const row = await tx.get(
    "SELECT 1 AS one FROM events WHERE participant_id = ? AND date = ? AND type = 'benefit_end'",
    [participantId, date],
  );
  return row !== undefined;
}
