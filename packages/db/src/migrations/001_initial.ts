import { sql, type Kysely } from 'kysely';
import { isPostgres, runDdl } from './dialect.ts';

/**
 * The first schema. Raw SQL kept to the common subset of SQLite and PostgreSQL (translated by
 * `runDdl` where the two differ);
 * integer ids for participants and events because national pilots hold millions of rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE pilots (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      municipality TEXT NOT NULL,
      theme TEXT NOT NULL,
      start_date TEXT NOT NULL,
      data_complete_through TEXT NOT NULL,
      monthly_benefit_cents INTEGER,
      guidance_cost_cents INTEGER,
      target_group TEXT,
      description TEXT,
      synthetic INTEGER NOT NULL DEFAULT 0,
      data_version INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
    `CREATE TABLE participants (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      pilot_id TEXT NOT NULL REFERENCES pilots(id) ON DELETE CASCADE,
      participant_ref TEXT NOT NULL,
      arm TEXT NOT NULL CHECK (arm IN ('intervention', 'control')),
      intake_date TEXT NOT NULL,
      monthly_benefit_cents INTEGER CHECK (monthly_benefit_cents >= 0),
      guidance_cost_cents INTEGER CHECK (guidance_cost_cents >= 0),
      household TEXT,
      birth_year INTEGER,
      motivation INTEGER CHECK (motivation BETWEEN 1 AND 5),
      ladder_step INTEGER CHECK (ladder_step BETWEEN 1 AND 6),
      has_debts INTEGER,
      disability INTEGER,
      refugee_status INTEGER,
      education TEXT,
      lost_to_follow_up_date TEXT,
      bsn_hash TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (pilot_id, participant_ref)
    )`,
    `CREATE INDEX participants_bsn ON participants (pilot_id, bsn_hash)`,
    `CREATE TABLE events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
      pilot_id TEXT NOT NULL,
      type TEXT NOT NULL,
      date TEXT NOT NULL,
      reason TEXT,
      value REAL,
      amount_cents INTEGER CHECK (amount_cents >= 0),
      created_at TEXT NOT NULL
    )`,
    `CREATE INDEX events_participant ON events (participant_id, date)`,
    // SPEC §4: two benefit_end events of one participant on one day are refused.
    `CREATE UNIQUE INDEX events_one_exit_a_day ON events (participant_id, date) WHERE type = 'benefit_end'`,
    `CREATE TABLE participant_windows (
      participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
      pilot_id TEXT NOT NULL,
      arm TEXT NOT NULL,
      window_months INTEGER NOT NULL,
      evaluable INTEGER NOT NULL,
      off_benefit INTEGER NOT NULL,
      route TEXT,
      sustained INTEGER,
      benefit_days INTEGER NOT NULL,
      off_days INTEGER NOT NULL,
      avoided_numerator INTEGER NOT NULL,
      offset_cents INTEGER NOT NULL,
      guidance_cents INTEGER NOT NULL,
      ladder_measured INTEGER NOT NULL,
      ladder_up INTEGER NOT NULL,
      ladder_change INTEGER NOT NULL,
      placements_eligible INTEGER NOT NULL,
      placements_sustained INTEGER NOT NULL,
      PRIMARY KEY (participant_id, window_months)
    ) WITHOUT ROWID`,
    // Sums of participant_windows per pilot, window and arm, kept current by every recompute.
    `CREATE TABLE pilot_totals (
      pilot_id TEXT NOT NULL REFERENCES pilots(id) ON DELETE CASCADE,
      window_months INTEGER NOT NULL,
      arm TEXT NOT NULL,
      participants INTEGER NOT NULL,
      evaluable INTEGER NOT NULL,
      off_benefit INTEGER NOT NULL,
      r_regular_work INTEGER NOT NULL,
      r_bbz INTEGER NOT NULL,
      r_combination INTEGER NOT NULL,
      r_other INTEGER NOT NULL,
      sustained INTEGER NOT NULL,
      benefit_days INTEGER NOT NULL,
      avoided_numerator INTEGER NOT NULL,
      offset_cents INTEGER NOT NULL,
      guidance_cents INTEGER NOT NULL,
      ladder_measured INTEGER NOT NULL,
      ladder_up INTEGER NOT NULL,
      ladder_change INTEGER NOT NULL,
      placements_eligible INTEGER NOT NULL,
      placements_sustained INTEGER NOT NULL,
      PRIMARY KEY (pilot_id, window_months, arm)
    )`,
    `CREATE TABLE participant_derived (
      participant_id INTEGER PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
      pilot_id TEXT NOT NULL,
      arm TEXT NOT NULL,
      first_exit_days INTEGER NOT NULL,
      first_exit_censored INTEGER NOT NULL,
      placements_eligible INTEGER NOT NULL,
      placements_sustained INTEGER NOT NULL
    )`,
    `CREATE INDEX participant_derived_pilot ON participant_derived (pilot_id, arm)`,
    `CREATE TABLE users (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'researcher', 'viewer')),
      disabled INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    )`,
    `CREATE TABLE grants (
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      pilot_id TEXT NOT NULL REFERENCES pilots(id) ON DELETE CASCADE,
      PRIMARY KEY (user_id, pilot_id)
    )`,
    `CREATE TABLE tokens (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      token_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      expires_at TEXT,
      revoked_at TEXT
    )`,
    `CREATE TABLE sessions (
      id_hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    )`,
    `CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      actor_id TEXT,
      actor_email TEXT,
      action TEXT NOT NULL,
      pilot_id TEXT,
      participant_id INTEGER,
      row_count INTEGER,
      details TEXT,
      request_id TEXT
    )`,
    `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
    `CREATE INDEX audit_log_pilot ON audit_log (pilot_id, at)`,
  ];
  await runDdl(db, statements);
  // The audit log is append-only, whatever path a write takes.
  if (isPostgres(db)) {
    await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
    return;
  }
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
}
