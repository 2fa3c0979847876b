/**
 * Removes the synthetic demo pilots and the demo accounts (SPEC §6, demo mode), audited:
 *
 *   tsx apps/api/src/cli/remove-demo.ts [--db data/wegwijzer.sqlite | postgres://…]
 *
 * `--db` defaults to DATABASE_URL. The server may run meanwhile. Prints one JSON object.
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { openDatabase } from '@wegwijzer/db';
import { operatorCtx } from '../usecases/context.ts';
import { removeDemoData } from '../usecases/demo.ts';

const { values } = parseArgs({
  options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  strict: true,
});
if (values.help) {
  console.log('Usage: tsx apps/api/src/cli/remove-demo.ts [--db FILE|URL]');
  process.exit(0);
}
const url = values.db ?? process.env.DATABASE_URL ?? 'data/wegwijzer.sqlite';
const store = await openDatabase(url, { poolSize: 1 });
try {
  const removed = await removeDemoData(operatorCtx(store, `cli:${userInfo().username}`));
  console.log(JSON.stringify({ removed }));
} finally {
  await store.close();
}
