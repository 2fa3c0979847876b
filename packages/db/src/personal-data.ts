import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import { nowIso } from './clock.ts';
import { removeDerived } from './derived.ts';
import type { SqliteStore, Store, Tx } from './open.ts';
import type { ParticipantRow } from './repos/participants.ts';
import type { Database } from './schema.ts';
import { bumpPilotVersion } from './writes.ts';

/**
 * SPEC §8 storage: erasure of one participant, retention of a pilot, the exports that included a
 * person, and the lookups of an access request.
 */

/**
 * Erases one participant of `pilotId` inside the caller's transaction: their derived rows leave
 * the pilot totals, then events, export inclusions, derived rows and the participant row (with
 * the reference and the BSN hash) go. Returns null when the participant is not in that pilot.
 */
export async function eraseParticipantTx(
  tx: Tx,
  pilotId: string,
  participantId: number,
): Promise<{ events: number } | null> {
  await tx.lockPilot(pilotId);
  const found = await tx.get('SELECT 1 AS one FROM participants WHERE id = ? AND pilot_id = ?', [
    participantId,
    pilotId,
  ]);
  if (!found) return null;
  await removeDerived(tx, pilotId, [participantId]);
  const events = await tx.run('DELETE FROM events WHERE participant_id = ?', [participantId]);
  await tx.run('DELETE FROM export_participants WHERE participant_id = ?', [participantId]);
  await tx.run('DELETE FROM participants WHERE id = ?', [participantId]);
  await bumpPilotVersion(tx, pilotId);
  return { events };
}

/**
 * Runs an erasure so that the erased values leave the SQLite file too: every connection runs
 * with `secure_delete` on (deleted content is overwritten with zeros, see `configureConnection`),
 * and after the transaction the WAL, which still holds the pages as they were before, is copied
 * into the file and truncated to nothing. On PostgreSQL deleted rows stay in their pages until
 * (auto)vacuum reuses them; docs/privacy.md says what an operator does about that.
 */
export async function erasing<T>(store: Store, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await store.transaction(fn);
  // Inside a caller's transaction nothing is committed yet: the caller's `erasing` checkpoints.
  if (store.kind === 'sqlite' && !store.db.isTransaction) await checkpointWal(store);
  return result;
}

async function checkpointWal(store: SqliteStore): Promise<void> {
  // Under Kysely's connection mutex, so no transaction of ours is half-way.
  await store.db.connection().execute(async () => {
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  });
}

export interface RetentionCounts {
  participants: number;
  events: number;
}

/** How much personal data a pilot holds: what a retention run would erase. */
export async function retentionCounts(
  db: Kysely<Database>,
  pilotId: string,
): Promise<RetentionCounts> {
  const count = async (table: 'participants' | 'events') =>
    Number(
      (
        await db
          .selectFrom(table)
          .where('pilot_id', '=', pilotId)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    participants: await count('participants'),
    events: await count('events'),
  };
}

/**
 * Acts on a pilot's retention date inside the caller's transaction. `erase`: every participant,
 * event, derived row, export inclusion and total goes; `reduce`: the same, but the pilot totals
 * stay, so the outcome summary of every stored window still shows. Either way the pilot, its
 * processing record, its budget lines and the export log (who exported when, no participant)
 * remain.
 */
export async function applyRetentionTx(
  tx: Tx,
  pilotId: string,
  action: 'erase' | 'reduce',
): Promise<RetentionCounts> {
  await tx.lockPilot(pilotId);
  const ofPilot = 'SELECT id FROM participants WHERE pilot_id = ?';
  await tx.run(`DELETE FROM export_participants WHERE participant_id IN (${ofPilot})`, [pilotId]);
  await tx.run(`DELETE FROM participant_derived WHERE participant_id IN (${ofPilot})`, [pilotId]);
  const events = await tx.run(`DELETE FROM events WHERE participant_id IN (${ofPilot})`, [pilotId]);
  const participants = await tx.run('DELETE FROM participants WHERE pilot_id = ?', [pilotId]);
  if (action === 'erase') await tx.run('DELETE FROM pilot_totals WHERE pilot_id = ?', [pilotId]);
  await tx.run(
    `UPDATE pilots SET retention_state = ?, retention_applied_at = ?, updated_at = ?,
     data_version = data_version + 1 WHERE id = ?`,
    [action === 'erase' ? 'erased' : 'reduced', nowIso(), nowIso(), pilotId],
  );
  return { participants, events };
}

export interface ExportRecord {
  id: string;
  pilotId: string;
  at: string;
  actorId: string;
  actorEmail: string;
  actorName: string;
  format: string;
  dateShift: boolean;
  participants: number;
}

type ParticipantsEb = ExpressionBuilder<Database, 'participants'>;

/**
 * Records an export and which participants it included (those `where` selects), in one
 * statement for the inclusions whatever the cohort's size.
 */
export async function recordExport(
  db: Kysely<Database>,
  e: ExportRecord,
  where: (eb: ParticipantsEb) => Expression<SqlBool>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('export_log')
      .values({
        id: e.id,
        pilot_id: e.pilotId,
        at: e.at,
        actor_id: e.actorId,
        actor_email: e.actorEmail,
        actor_name: e.actorName,
        format: e.format,
        date_shift: e.dateShift ? 1 : 0,
        participants: e.participants,
      })
      .execute();
    await trx
      .insertInto('export_participants')
      .columns(['participant_id', 'export_id'])
      .expression(
        trx
          .selectFrom('participants')
          .where(where)
          .select((eb) => ['id', eb.val(e.id).as('export_id')]),
      )
      .execute();
  });
}

export interface ExportOfParticipant {
  id: string;
  at: string;
  actorEmail: string | null;
  actorName: string | null;
  format: string;
  dateShift: boolean;
}

/** The exports that included a participant, oldest first. */
export async function exportsOfParticipant(
  db: Kysely<Database>,
  participantId: number,
): Promise<ExportOfParticipant[]> {
  const rows = await db
    .selectFrom('export_participants')
    .innerJoin('export_log', 'export_log.id', 'export_participants.export_id')
    .where('export_participants.participant_id', '=', participantId)
    .select([
      'export_log.id',
      'export_log.at',
      'export_log.actor_email',
      'export_log.actor_name',
      'export_log.format',
      'export_log.date_shift',
    ])
    .orderBy('export_log.at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorEmail: r.actor_email,
    actorName: r.actor_name,
    format: r.format,
    dateShift: r.date_shift === 1,
  }));
}

/**
 * The participants of the given pilots with this reference or this BSN hash. Each lookup names
 * its pilots, so it walks the (pilot_id, participant_ref) and (pilot_id, bsn_hash) indexes.
 */
export async function findPersons(
  db: Kysely<Database>,
  pilotIds: readonly string[],
  by: { ref: string } | { bsnHash: string },
): Promise<ParticipantRow[]> {
  if (pilotIds.length === 0) return [];
  let q = db.selectFrom('participants').selectAll().where('pilot_id', 'in', pilotIds);
  q = 'ref' in by ? q.where('participant_ref', '=', by.ref) : q.where('bsn_hash', '=', by.bsnHash);
  return q.orderBy('pilot_id').orderBy('id').execute();
}

/** Every pilot id, for an admin's lookups. */
export async function allPilotIds(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('pilots').select('id').orderBy('id').execute()).map((r) => r.id);
}
