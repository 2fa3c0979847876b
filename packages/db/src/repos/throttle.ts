import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Failed logins for any of `keys` since `since` (ISO time). */
export async function countFailures(
  db: Kysely<Database>,
  keys: readonly string[],
  since: string,
): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await db
    .selectFrom('login_failures')
    .select(['key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('key', 'in', keys)
    .where('at', '>=', since)
    .groupBy('key')
    .execute();
  return Math.max(0, ...rows.map((r) => Number(r.n)));
}

export async function recordFailure(
  db: Kysely<Database>,
  keys: readonly string[],
  at: string,
): Promise<void> {
  await db
    .insertInto('login_failures')
    .values(keys.map((key) => ({ key, at })))
    .execute();
}

export async function clearFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', key).execute();
}
