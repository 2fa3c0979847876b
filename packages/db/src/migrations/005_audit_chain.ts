import { sql, type Kysely } from 'kysely';
import { entryHash, GENESIS_HASH, type ChainedRow } from '../audit-chain.ts';
import { isPostgres, runDdl } from './dialect.ts';

/**
 * Issue 19, security hardening:
 * - the audit log becomes a hash chain: each entry holds its predecessor's hash and its own;
 *   existing entries are chained here in id order. A trigger refuses an entry whose id is not
 *   past the last one (so `INSERT OR REPLACE` and back-filling fail) or that does not link to
 *   the last entry, or that is dated more than a second before the last (older entries, written
 *   before times were kept in order, may be milliseconds apart the wrong way round);
 * - client request ids get a column of their own, apart from the server's;
 * - failed logins are throttled per account-and-address pair with exponential back-off
 *   (`login_throttle`, replacing `login_failures`); anonymous failures wait in
 *   `audit_anonymous` to enter the log as one entry per address and minute;
 * - sessions know when they were last used (idle timeout), tokens which token made them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  await runDdl(db, [
    'ALTER TABLE audit_log ADD COLUMN client_request_id TEXT',
    'ALTER TABLE audit_log ADD COLUMN prev_hash TEXT',
    'ALTER TABLE audit_log ADD COLUMN hash TEXT',
    'DROP TABLE login_failures',
    `CREATE TABLE login_throttle (
      key TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      last_failure_at TEXT NOT NULL,
      locked_until TEXT
    )`,
    `CREATE TABLE audit_anonymous (
      address TEXT NOT NULL,
      minute TEXT NOT NULL,
      action TEXT NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (address, minute, action)
    )`,
    'ALTER TABLE sessions ADD COLUMN last_seen_at TEXT',
    'ALTER TABLE tokens ADD COLUMN parent_id TEXT',
  ]);

  // The append-only triggers refuse the UPDATE that chains the existing entries; they come back
  // below, in the same transaction.
  if (pg) await sql`DROP TRIGGER audit_log_append_only ON audit_log`.execute(db);
  else {
    await sql`DROP TRIGGER audit_log_no_update`.execute(db);
  }
  let prev = GENESIS_HASH;
  let after = 0;
  for (;;) {
    const { rows } = await sql<ChainedRow>`SELECT id, at, actor_id, actor_email, action, pilot_id,
        participant_id, row_count, details, request_id, client_request_id
      FROM audit_log WHERE id > ${after} ORDER BY id LIMIT 1000`.execute(db);
    if (rows.length === 0) break;
    for (const r of rows) {
      const hash = entryHash(prev, r);
      await sql`UPDATE audit_log SET prev_hash = ${prev}, hash = ${hash} WHERE id = ${r.id}`.execute(
        db,
      );
      prev = hash;
      after = Number(r.id);
    }
  }

  if (pg) {
    await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
    await sql`CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE last_id BIGINT; last_hash TEXT; last_at TEXT;
      BEGIN
        SELECT id, hash, at INTO last_id, last_hash, last_at FROM audit_log ORDER BY id DESC LIMIT 1;
        IF NEW.id IS NULL OR NEW.id <= COALESCE(last_id, 0) THEN
          RAISE EXCEPTION 'audit_log ids are assigned in order: no replacing or back-filling';
        END IF;
        IF NEW.prev_hash IS DISTINCT FROM COALESCE(last_hash, ${sql.lit(GENESIS_HASH)}) THEN
          RAISE EXCEPTION 'audit_log entry does not link to the last entry';
        END IF;
        IF NEW.at::timestamptz < last_at::timestamptz - interval '1 second' THEN
          RAISE EXCEPTION 'audit_log entry is dated before the last entry';
        END IF;
        RETURN NEW;
      END $$`.execute(db);
    await sql`CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`.execute(db);
    return;
  }
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  // SQLite's INSERT OR REPLACE deletes the row it replaces without firing DELETE triggers: this
  // one refuses any id that is not past the last, before the conflict is resolved.
  await sql`CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'audit_log ids are assigned in order: no replacing or back-filling')
          WHERE NEW.id IS NULL OR NEW.id <= COALESCE((SELECT MAX(id) FROM audit_log), 0);
        SELECT RAISE(ABORT, 'audit_log entry does not link to the last entry')
          WHERE NEW.prev_hash IS NOT COALESCE(
            (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), ${sql.lit(GENESIS_HASH)});
        SELECT RAISE(ABORT, 'audit_log entry is dated before the last entry')
          WHERE julianday(NEW.at) <
            julianday((SELECT at FROM audit_log ORDER BY id DESC LIMIT 1)) - 1.0 / 86400;
      END`.execute(db);
}
