import type { Kysely } from 'kysely';
import { runDdl } from './dialect.ts';

/**
 * Issue 17 (ADR 0009): a pilot's own baseline variables. The declarations live one row per
 * variable (levels as a JSON list: they are read and written with their variable, never
 * queried apart); the values one row per participant and variable, typed — whole numbers and
 * yes/no (0/1) in `number_value`, a category's level code in `level` — and only where a value
 * is known, so a missing row is "not recorded" and a new variable costs existing pilots nothing.
 * No existing figure depends on these tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, [
    `CREATE TABLE pilot_variables (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      pilot_id TEXT NOT NULL REFERENCES pilots(id) ON DELETE CASCADE,
      code TEXT NOT NULL,
      label TEXT NOT NULL,
      label_en TEXT,
      type TEXT NOT NULL CHECK (type IN ('category', 'integer', 'boolean')),
      levels TEXT NOT NULL DEFAULT '[]',
      min_value INTEGER,
      max_value INTEGER,
      description TEXT,
      position INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (pilot_id, code)
    )`,
    `CREATE TABLE participant_values (
      participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
      variable_id INTEGER NOT NULL REFERENCES pilot_variables(id) ON DELETE CASCADE,
      pilot_id TEXT NOT NULL,
      number_value INTEGER,
      level TEXT,
      CHECK ((number_value IS NULL) <> (level IS NULL)),
      PRIMARY KEY (participant_id, variable_id)
    ) WITHOUT ROWID`,
    `CREATE INDEX participant_values_variable ON participant_values (variable_id, number_value, level)`,
  ]);
}
