import type { Kysely } from 'kysely';
import { runDdl } from './dialect.ts';

/**
 * Issue 11: debts and money stress in the derived rows, budget lines and municipal reference
 * lines.
 *
 * No recompute of existing pilots is needed: before this migration no path could store an event
 * of the new types (the import, the API's EventInput and the demo refused or lacked them), so
 * every existing participant has debt and money-stress figures of zero, which is exactly what
 * the DEFAULT 0 columns hold; time to stabilisation is NULL (no debt_intake) likewise.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const counts = ['debt_intake', 'debt_stabilised', 'stress_measured', 'stress_change_tenths'];
  const statements = [
    ...counts.map(
      (c) => `ALTER TABLE participant_windows ADD COLUMN ${c} INTEGER NOT NULL DEFAULT 0`,
    ),
    ...counts.map((c) => `ALTER TABLE pilot_totals ADD COLUMN ${c} INTEGER NOT NULL DEFAULT 0`),
    `ALTER TABLE participant_derived ADD COLUMN debt_stabilise_days INTEGER`,
    `ALTER TABLE participant_derived ADD COLUMN debt_stabilise_censored INTEGER`,
    `CREATE TABLE budget_lines (
      id TEXT PRIMARY KEY,
      pilot_id TEXT NOT NULL REFERENCES pilots(id) ON DELETE CASCADE,
      amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
      period_start TEXT NOT NULL,
      period_end TEXT NOT NULL,
      domain TEXT NOT NULL CHECK (domain IN ('participation', 'debt', 'care', 'green', 'liveability', 'education', 'other')),
      funding_source TEXT NOT NULL,
      description TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (period_end >= period_start)
    )`,
    `CREATE INDEX budget_lines_pilot ON budget_lines (pilot_id, period_start)`,
    `CREATE TABLE reference_lines (
      id TEXT PRIMARY KEY,
      pilot_id TEXT NOT NULL REFERENCES pilots(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('general_outflow', 'council_target')),
      rate REAL NOT NULL CHECK (rate >= 0 AND rate <= 1),
      window_months INTEGER NOT NULL,
      period TEXT NOT NULL,
      source TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`,
    `CREATE INDEX reference_lines_pilot ON reference_lines (pilot_id, window_months)`,
  ];
  await runDdl(db, statements);
}
