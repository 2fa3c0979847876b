/**
 * Checks the hash chain of the audit log (docs/security.md):
 *
 *   pnpm audit-verify [--db data/wegwijzer.sqlite | --db postgres://…]
 *
 * `--db` defaults to DATABASE_URL. Prints one JSON object: the number of entries, the last
 * entry's id and hash (note them elsewhere to find out later whether the end was cut off) and the
 * first broken link. Exits 0 when the chain is whole, 1 when it is broken or cannot be read,
 * 2 on wrong usage. It only reads: opening applies pending migrations, as the server does.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isPostgresUrl, openDatabase, verifyAuditChain } from '@wegwijzer/db';

let db: string | undefined;
try {
  const { values } = parseArgs({ options: { db: { type: 'string' } }, strict: true });
  db = values.db ?? process.env.DATABASE_URL;
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
if (!db) {
  console.error('Usage: audit-verify --db FILE|URL (or set DATABASE_URL)');
  process.exit(2);
}
// `pnpm audit-verify` runs from the repository root; a file is meant relative to where it was typed.
const url = isPostgresUrl(db) ? db : resolve(process.env.INIT_CWD || process.cwd(), db);

try {
  const store = await openDatabase(url, { poolSize: 1 });
  try {
    const report = await verifyAuditChain(store.db);
    console.log(JSON.stringify(report));
    if (!report.ok) process.exitCode = 1;
  } finally {
    await store.close();
  }
} catch (err) {
  console.error(JSON.stringify({ ok: false, error: (err as Error).message }));
  process.exitCode = 1;
}
