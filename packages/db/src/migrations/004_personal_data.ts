import { sql, type Kysely } from 'kysely';
import { addYears, retentionDefaultYears } from '@wegwijzer/domain';
import { isPostgres, runDdl } from './dialect.ts';

/**
 * Issue 20 (SPEC §8): personal data over its lifetime.
 * - Pilots get a retention date, a flag that the date still needs review, what happens at the
 *   date (`erase`, or `reduce` to the aggregate figures where the agreement allows) and when it
 *   happened, and the processing record (purpose, legal basis, data agreement, department,
 *   contact).
 * - `export_log` and `export_participants` record which participants (internal ids) each export
 *   included, for access requests; an erased participant's rows go with them (ON DELETE CASCADE).
 * - Existing pilots keep their data until the observation end plus WEGWIJZER_RETENTION_DEFAULT_YEARS
 *   (default 2), flagged for review: nobody agreed to that date, so the scheduled run leaves them
 *   alone until an admin confirms or changes it.
 * - Audit entries of events held the event's type and date, personal data of the participant that
 *   would outlive an erasure: they keep only the event's id (and a deletion's reason). The audit
 *   log is append-only, so its triggers are lifted for this one rewrite and put back; the hash
 *   chain of migration 005 is computed over the rewritten rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, [
    `ALTER TABLE pilots ADD COLUMN retain_until TEXT`,
    `ALTER TABLE pilots ADD COLUMN retention_review INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE pilots ADD COLUMN retention_action TEXT NOT NULL DEFAULT 'erase' CHECK (retention_action IN ('erase', 'reduce'))`,
    `ALTER TABLE pilots ADD COLUMN retention_state TEXT CHECK (retention_state IN ('erased', 'reduced'))`,
    `ALTER TABLE pilots ADD COLUMN retention_applied_at TEXT`,
    `ALTER TABLE pilots ADD COLUMN purpose TEXT`,
    `ALTER TABLE pilots ADD COLUMN legal_basis TEXT`,
    `ALTER TABLE pilots ADD COLUMN agreement_ref TEXT`,
    `ALTER TABLE pilots ADD COLUMN department TEXT`,
    `ALTER TABLE pilots ADD COLUMN contact TEXT`,
    `CREATE TABLE export_log (
      id TEXT PRIMARY KEY,
      pilot_id TEXT NOT NULL REFERENCES pilots(id) ON DELETE CASCADE,
      at TEXT NOT NULL,
      actor_id TEXT,
      actor_email TEXT,
      actor_name TEXT,
      format TEXT NOT NULL,
      date_shift INTEGER NOT NULL,
      participants INTEGER NOT NULL
    )`,
    `CREATE INDEX export_log_pilot ON export_log (pilot_id, at)`,
    `CREATE TABLE export_participants (
      participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
      export_id TEXT NOT NULL REFERENCES export_log(id) ON DELETE CASCADE,
      PRIMARY KEY (participant_id, export_id)
    ) WITHOUT ROWID`,
  ]);

  const years = retentionDefaultYears(process.env.WEGWIJZER_RETENTION_DEFAULT_YEARS);
  const pilots = await sql<{ id: string; data_complete_through: string }>`
    SELECT id, data_complete_through FROM pilots`.execute(db);
  for (const p of pilots.rows) {
    await sql`UPDATE pilots SET retain_until = ${addYears(p.data_complete_through, years)},
      retention_review = 1 WHERE id = ${p.id}`.execute(db);
  }

  await scrubEventAudit(db);
}

async function scrubEventAudit(db: Kysely<unknown>): Promise<void> {
  const rows = await sql<{ id: number; details: string | null }>`
    SELECT id, details FROM audit_log
    WHERE action IN ('event.create', 'event.delete') AND details IS NOT NULL`.execute(db);
  if (rows.rows.length === 0) return;
  const pg = isPostgres(db);
  if (pg) await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(db);
  else await sql`DROP TRIGGER audit_log_no_update`.execute(db);
  for (const r of rows.rows) {
    const d = JSON.parse(r.details!) as Record<string, unknown>;
    const kept: Record<string, unknown> = { eventId: d.eventId };
    if (typeof d.reason === 'string') kept.reason = d.reason;
    await sql`UPDATE audit_log SET details = ${JSON.stringify(kept)} WHERE id = ${r.id}`.execute(
      db,
    );
  }
  if (pg) await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(db);
  else
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
}
