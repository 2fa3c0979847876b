import type { Kysely } from 'kysely';
import { runDdl } from './dialect.ts';

/**
 * Issue 17: the regimes of a multi-arm trial cost different amounts of guidance (extra
 * guidance far more than an exemption from obligations). An arm may declare its own default
 * guidance cost, which a participant of that arm without a cost of its own takes before the
 * pilot's default (SPEC §3 savings). Null everywhere after the upgrade: every existing figure
 * stays as it was.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, ['ALTER TABLE pilot_arms ADD COLUMN guidance_cost_cents INTEGER']);
}
