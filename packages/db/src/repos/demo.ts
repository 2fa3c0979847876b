import type { Kysely } from 'kysely';
import type { Tx } from '../open.ts';
import type { Database } from '../schema.ts';

const REMOVED = 'demo_removed';

/** Whether the demo was removed once: then it is not loaded again, even into an empty database. */
export async function demoRemoved(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', REMOVED)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Removes every synthetic pilot (its participants, events, derived rows, budget and reference
 * lines and grants go with it by ON DELETE CASCADE) and the accounts with the given e-mail
 * addresses (their sessions, tokens and grants likewise). The audit log keeps its rows.
 */
export async function removeDemoTx(
  tx: Tx,
  accountEmails: readonly string[],
): Promise<{ pilots: number; participants: number; accounts: number }> {
  const counted = await tx.get<{ n: number | string }>(
    'SELECT COUNT(*) AS n FROM participants WHERE pilot_id IN (SELECT id FROM pilots WHERE synthetic = 1)',
  );
  const pilots = await tx.run('DELETE FROM pilots WHERE synthetic = 1');
  const accounts =
    accountEmails.length === 0
      ? 0
      : await tx.run(
          `DELETE FROM users WHERE email IN (${accountEmails.map(() => '?').join(', ')})`,
          accountEmails,
        );
  await tx.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [
    REMOVED,
    new Date().toISOString(),
  ]);
  return { pilots, participants: Number(counted?.n ?? 0), accounts };
}
