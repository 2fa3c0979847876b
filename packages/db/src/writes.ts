import type { Baseline, PilotFacts, TimelineEvent } from '@wegwijzer/domain';
import { appendAuditTx, type AuditEntry } from './repos/audit.ts';
import { nowIso } from './clock.ts';
import { recomputeDerived } from './derived.ts';
import type { Tx } from './open.ts';
import { eventColumns } from './repos/events.ts';
import { baselineColumns } from './repos/participants.ts';

/**
 * Writes that must land together with their derived rows and their audit entry: each runs
 * inside `Store.transaction`, so it is one transaction on either database.
 */

/** Appends an audit entry to the chain in the same transaction as the write it records. */
export function auditTx(tx: Tx, entry: AuditEntry): Promise<void> {
  return appendAuditTx(tx, entry);
}

export async function bumpPilotVersion(tx: Tx, pilotId: string): Promise<void> {
  await tx.run('UPDATE pilots SET data_version = data_version + 1 WHERE id = ?', [pilotId]);
}

export async function insertParticipantTx(
  tx: Tx,
  pilotId: string,
  pilot: PilotFacts,
  ref: string,
  baseline: Partial<Baseline> & Pick<Baseline, 'intakeDate'>,
  bsnHash: string | null,
): Promise<number> {
  const now = nowIso();
  const columns = { arm: 'intervention', ...baselineColumns(baseline), bsn_hash: bsnHash };
  const names = Object.keys(columns);
  const row = await tx.get<{ id: number }>(
    `INSERT INTO participants (pilot_id, participant_ref, created_at, updated_at, ${names.join(', ')})
     VALUES (?, ?, ?, ?, ${names.map(() => '?').join(', ')}) RETURNING id`,
    [pilotId, ref, now, now, ...Object.values(columns)],
  );
  const id = Number(row!.id);
  await recomputeDerived(tx, pilotId, pilot, [id]);
  await bumpPilotVersion(tx, pilotId);
  return id;
}

export async function updateParticipantTx(
  tx: Tx,
  pilotId: string,
  pilot: PilotFacts,
  id: number,
  patch: Partial<Baseline>,
): Promise<void> {
  const columns = baselineColumns(patch);
  const names = Object.keys(columns);
  if (names.length > 0) {
    await tx.run(
      `UPDATE participants SET ${names.map((n) => `${n} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
      [...Object.values(columns), nowIso(), id],
    );
  }
  await recomputeDerived(tx, pilotId, pilot, [id]);
  await bumpPilotVersion(tx, pilotId);
}

export async function insertEventTx(
  tx: Tx,
  pilotId: string,
  pilot: PilotFacts,
  participantId: number,
  event: TimelineEvent,
): Promise<number> {
  const c = eventColumns(event);
  const row = await tx.get<{ id: number }>(
    `INSERT INTO events (participant_id, pilot_id, type, date, reason, value, amount_cents, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [participantId, pilotId, c.type, c.date, c.reason, c.value, c.amount_cents, nowIso()],
  );
  await recomputeDerived(tx, pilotId, pilot, [participantId]);
  await bumpPilotVersion(tx, pilotId);
  return Number(row!.id);
}

export async function deleteEventTx(
  tx: Tx,
  pilotId: string,
  pilot: PilotFacts,
  participantId: number,
  eventId: number,
): Promise<void> {
  await tx.run('DELETE FROM events WHERE id = ?', [eventId]);
  await recomputeDerived(tx, pilotId, pilot, [participantId]);
  await bumpPilotVersion(tx, pilotId);
}
