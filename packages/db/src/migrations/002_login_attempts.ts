import type { Kysely } from 'kysely';
import { runDdl } from './dialect.ts';

/** Failed logins, per account and per address, so throttling holds across server processes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, [
    'CREATE TABLE login_failures (key TEXT NOT NULL, at TEXT NOT NULL)',
    'CREATE INDEX login_failures_key ON login_failures (key, at)',
  ]);
}
