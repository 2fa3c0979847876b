import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.ts';

/**
 * Issue 21: on PostgreSQL every instance keeps the pilots' committed data versions in memory
 * instead of asking the database on every cached reply (packages/db/src/versions.ts). The
 * database says when one changes: a new, changed or removed `data_version` NOTIFYs the pilot's
 * id on `wegwijzer_pilot_version`, delivered at commit only, in commit order, so a listener
 * never hears of a version that is rolled back. Whoever writes (the API, the command-line tools,
 * a manual UPDATE) is heard alike. SQLite has one process per file and reads its version cheaply:
 * nothing changes there.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`CREATE FUNCTION notify_pilot_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('wegwijzer_pilot_version', OLD.id);
      ELSE
        PERFORM pg_notify('wegwijzer_pilot_version', NEW.id);
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER pilots_version_notify
    AFTER INSERT OR DELETE OR UPDATE OF data_version ON pilots
    FOR EACH ROW EXECUTE FUNCTION notify_pilot_version()`.execute(db);
}
