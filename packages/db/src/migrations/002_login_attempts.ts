import { sql, type Kysely } from 'kysely';

/** Failed logins, per account and per address, so throttling holds across server processes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE login_failures (key TEXT NOT NULL, at TEXT NOT NULL)`.execute(db);
  await sql`CREATE INDEX login_failures_key ON login_failures (key, at)`.execute(db);
}
