import type { Kysely } from 'kysely';
import { runDdl } from './dialect.ts';

/**
 * Issue 21 (ADR 0001): one derived row per participant. The facts of the five standard windows
 * become columns `w<k>_<fact>` of `participant_derived` instead of five `participant_windows`
 * rows: a recompute writes and deletes one row a participant instead of six, which was most of
 * an import's write time. Existing rows are carried over as they are (no recompute, so every
 * figure stays identical), then the window table goes.
 *
 * The lists are written out here, not taken from window-columns.ts: a shipped migration must
 * not change when the column table grows later.
 */
const WINDOWS = [6, 12, 18, 24, 36];
const FACTS = [
  'evaluable',
  'off_benefit',
  'route',
  'sustained',
  'benefit_days',
  'off_days',
  'avoided_numerator',
  'offset_cents',
  'guidance_cents',
  'ladder_measured',
  'ladder_up',
  'ladder_change',
  'placements_eligible',
  'placements_sustained',
  'debt_intake',
  'debt_stabilised',
  'stress_measured',
  'stress_change_tenths',
];
/** The nullable facts; every other one is a NOT NULL count or amount. */
const NULLABLE: Record<string, string> = { route: 'TEXT', sustained: 'INTEGER' };

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements: string[] = [];
  for (const k of WINDOWS)
    for (const f of FACTS)
      statements.push(
        `ALTER TABLE participant_derived ADD COLUMN w${k}_${f} ${NULLABLE[f] ?? 'INTEGER NOT NULL DEFAULT 0'}`,
      );
  for (const k of WINDOWS)
    statements.push(
      `UPDATE participant_derived SET ${FACTS.map((f) => `w${k}_${f} = w.${f}`).join(', ')}
       FROM participant_windows w
       WHERE w.participant_id = participant_derived.participant_id AND w.window_months = ${k}`,
    );
  statements.push('DROP TABLE participant_windows');
  await runDdl(db, statements);
}
