/**
 * Copies an SQLite database into an empty PostgreSQL database, then compares every pilot's
 * outcome figures (summaries of all windows, survival, subgroups) before and after:
 *
 *   tsx apps/api/src/cli/sqlite-to-postgres.ts --from data/wegwijzer.sqlite --to postgres://user@host/wegwijzer
 *
 * Stop the server first (or copy from a backup). Prints one JSON object; exits 0 when the copy
 * is complete and every figure matches, 1 on a failure or a mismatch, 2 on wrong usage.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { copySqliteToPostgres, isPostgresUrl } from '@wegwijzer/db';

const USAGE = 'Usage: sqlite-to-postgres --from FILE.sqlite --to postgres://…';

let values;
try {
  ({ values } = parseArgs({
    options: { from: { type: 'string' }, to: { type: 'string' } },
    strict: true,
  }));
} catch (err) {
  console.error((err as Error).message);
  console.error(USAGE);
  process.exit(2);
}
if (!values.from || !values.to || !isPostgresUrl(values.to)) {
  console.error(USAGE);
  process.exit(2);
}

try {
  const report = await copySqliteToPostgres(resolve(values.from), values.to, { poolSize: 2 });
  const ok = report.mismatches.length === 0;
  console.log(JSON.stringify({ ok, ...report }));
  process.exit(ok ? 0 : 1);
} catch (err) {
  console.log(JSON.stringify({ ok: false, error: (err as Error).message }));
  process.exit(1);
}
