import { sql } from 'kysely';
import type { Store } from '@wegwijzer/db';

export async function databaseReachable(store: Store): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(store.db);
    return true;
  } catch {
    return false;
  }
}
