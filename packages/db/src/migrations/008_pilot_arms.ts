import { sql, type Kysely } from 'kysely';
import { runDdl } from './dialect.ts';

/**
 * Issue 17: a pilot declares its arms (SPEC §2) — up to six named intervention arms beside an
 * optional control arm — in `pilot_arms`, and `participants.arm` takes any of its codes.
 *
 * Every existing pilot is given the two arms it could hold until now, `intervention` and
 * `control`, so its imports, replies and figures stay exactly as they were (a control arm is
 * shown once it has participants, as before).
 *
 * `participants.arm` carried `CHECK (arm IN ('intervention', 'control'))` as a column
 * constraint. SQLite cannot drop a constraint, and rebuilding the table inside the migration's
 * transaction (foreign keys on) would cascade-delete every event; a column constraint goes with
 * its column, though, so the codes move to a new column that replaces the old one, on both
 * dialects alike. The rules of the pilot's declaration check each code (packages/domain rules).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, [
    `CREATE TABLE pilot_arms (
      pilot_id TEXT NOT NULL REFERENCES pilots(id) ON DELETE CASCADE,
      code TEXT NOT NULL,
      label TEXT NOT NULL,
      label_en TEXT,
      position INTEGER NOT NULL,
      PRIMARY KEY (pilot_id, code)
    )`,
    `INSERT INTO pilot_arms (pilot_id, code, label, label_en, position)
      SELECT id, 'intervention', 'Interventie', 'Intervention', 0 FROM pilots`,
    `INSERT INTO pilot_arms (pilot_id, code, label, label_en, position)
      SELECT id, 'control', 'Controlegroep', 'Control group', 1 FROM pilots`,
    `ALTER TABLE participants ADD COLUMN arm_code TEXT NOT NULL DEFAULT 'intervention'`,
  ]);
  await sql`UPDATE participants SET arm_code = arm`.execute(db);
  await runDdl(db, [
    'ALTER TABLE participants DROP COLUMN arm',
    'ALTER TABLE participants RENAME COLUMN arm_code TO arm',
  ]);
}
