import type { Kysely } from 'kysely';
import { runDdl } from './dialect.ts';

/**
 * Issue 18: every participant's derived row records the pilot's `data_version` of the write
 * that last recomputed it, so the packed timelines of windows computed on demand (windows.ts)
 * can refresh just the participants changed since the version they hold. Existing rows get 0,
 * older than any pack: a pack is always first built in full.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, [
    'ALTER TABLE participant_derived ADD COLUMN data_version INTEGER NOT NULL DEFAULT 0',
    'CREATE INDEX participant_derived_version ON participant_derived (pilot_id, data_version)',
  ]);
}
