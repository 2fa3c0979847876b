import type BetterSqlite3 from 'better-sqlite3';
import type { Baseline, PilotFacts, TimelineEvent } from '@wegwijzer/domain';
import { auditValues, type AuditEntry } from './repos/audit.ts';
import { nowIso } from './clock.ts';
import { recomputeDerived } from './derived.ts';
import { eventColumns } from './repos/events.ts';
import { baselineColumns } from './repos/participants.ts';

/**
 * Writes that must land together with their derived rows and their audit entry: each runs
 * inside `Store.writeTx`, so it is one synchronous transaction.
 */

type Raw = BetterSqlite3.Database;

export function auditTx(raw: Raw, entry: AuditEntry): void {
  const v = auditValues(entry);
  raw
    .prepare(
      `INSERT INTO audit_log (at, actor_id, actor_email, action, pilot_id, participant_id, row_count, details, request_id)
       VALUES (@at, @actor_id, @actor_email, @action, @pilot_id, @participant_id, @row_count, @details, @request_id)`,
    )
    .run(v);
}

export function bumpPilotVersion(raw: Raw, pilotId: string): void {
  raw.prepare('UPDATE pilots SET data_version = data_version + 1 WHERE id = ?').run(pilotId);
}

export function insertParticipantTx(
  raw: Raw,
  pilotId: string,
  pilot: PilotFacts,
  ref: string,
  baseline: Partial<Baseline> & Pick<Baseline, 'intakeDate'>,
  bsnHash: string | null,
): number {
  const now = nowIso();
  const columns = { arm: 'intervention', ...baselineColumns(baseline), bsn_hash: bsnHash };
  const names = Object.keys(columns);
  const result = raw
    .prepare(
      `INSERT INTO participants (pilot_id, participant_ref, created_at, updated_at, ${names.join(', ')})
       VALUES (?, ?, ?, ?, ${names.map(() => '?').join(', ')})`,
    )
    .run(pilotId, ref, now, now, ...Object.values(columns));
  const id = Number(result.lastInsertRowid);
  recomputeDerived(raw, pilotId, pilot, [id]);
  bumpPilotVersion(raw, pilotId);
  return id;
}

export function updateParticipantTx(
  raw: Raw,
  pilotId: string,
  pilot: PilotFacts,
  id: number,
  patch: Partial<Baseline>,
): void {
  const columns = baselineColumns(patch);
  const names = Object.keys(columns);
  if (names.length > 0) {
    raw
      .prepare(
        `UPDATE participants SET ${names.map((n) => `${n} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
      )
      .run(...Object.values(columns), nowIso(), id);
  }
  recomputeDerived(raw, pilotId, pilot, [id]);
  bumpPilotVersion(raw, pilotId);
}

export function insertEventTx(
  raw: Raw,
  pilotId: string,
  pilot: PilotFacts,
  participantId: number,
  event: TimelineEvent,
): number {
  const c = eventColumns(event);
  const result = raw
    .prepare(
      `INSERT INTO events (participant_id, pilot_id, type, date, reason, value, amount_cents, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(participantId, pilotId, c.type, c.date, c.reason, c.value, c.amount_cents, nowIso());
  recomputeDerived(raw, pilotId, pilot, [participantId]);
  bumpPilotVersion(raw, pilotId);
  return Number(result.lastInsertRowid);
}

export function deleteEventTx(
  raw: Raw,
  pilotId: string,
  pilot: PilotFacts,
  participantId: number,
  eventId: number,
): void {
  raw.prepare('DELETE FROM events WHERE id = ?').run(eventId);
  recomputeDerived(raw, pilotId, pilot, [participantId]);
  bumpPilotVersion(raw, pilotId);
}
