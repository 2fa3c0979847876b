import type { Kysely } from 'kysely';
import { nowIso } from '../clock.ts';
import type { Database } from '../schema.ts';

export interface AuditEntry {
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  pilotId?: string | null;
  participantId?: number | null;
  rowCount?: number | null;
  details?: Record<string, unknown> | null;
  requestId?: string | null;
}

export function auditValues(e: AuditEntry) {
  return {
    at: nowIso(),
    actor_id: e.actorId,
    actor_email: e.actorEmail,
    action: e.action,
    pilot_id: e.pilotId ?? null,
    participant_id: e.participantId ?? null,
    row_count: e.rowCount ?? null,
    details: e.details ? JSON.stringify(e.details) : null,
    request_id: e.requestId ?? null,
  };
}

/** Appends one entry to the audit log (who, what, when, which pilot, how many rows). */
export async function appendAudit(db: Kysely<Database>, e: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(auditValues(e)).execute();
}
