import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Store } from '../open.ts';
import type { Database } from '../schema.ts';

/** A throttle counter and how many failures it allows before it locks. */
export interface ThrottleKey {
  key: string;
  limit: number;
}

export interface BackOff {
  /** The first lock, after `limit` failures; each further failure doubles it … */
  firstLockMs: number;
  /** … up to this. */
  maxLockMs: number;
  /** A counter without a failure for this long starts again from zero. */
  forgetAfterMs: number;
}

/** Keys are stored hashed: the table holds no e-mail address or IP address in clear. */
export function throttleKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

/**
 * Takes one login attempt on every key, in one write transaction, before the password is
 * checked: the attempt counts as a failure until `forgiveLoginAttempt` says otherwise. So a burst
 * of concurrent guesses cannot get more checks than the limit: the guess that reaches it sets
 * the lock for all that follow. Returns null when the attempt may go on, else the time the
 * lock ends.
 */
export async function takeLoginAttempt(
  store: Store,
  keys: readonly ThrottleKey[],
  backOff: BackOff,
  now = new Date(),
): Promise<string | null> {
  const at = now.toISOString();
  return store.transaction(async (tx) => {
    const rows = [];
    for (const k of keys) {
      await tx.lock(`login:${k.key}`);
      rows.push(
        await tx.get<{ failures: number; last_failure_at: string; locked_until: string | null }>(
          'SELECT failures, last_failure_at, locked_until FROM login_throttle WHERE key = ?',
          [k.key],
        ),
      );
    }
    const locks = rows.map((r) => r?.locked_until ?? '').filter((u) => u > at);
    if (locks.length > 0) return locks.sort().at(-1)!;
    const forgetBefore = new Date(now.getTime() - backOff.forgetAfterMs).toISOString();
    for (const [i, k] of keys.entries()) {
      const row = rows[i];
      const failures = row && row.last_failure_at >= forgetBefore ? Number(row.failures) + 1 : 1;
      const lockMs =
        failures >= k.limit
          ? Math.min(backOff.maxLockMs, backOff.firstLockMs * 2 ** (failures - k.limit))
          : 0;
      await tx.run(
        `INSERT INTO login_throttle (key, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET failures = excluded.failures,
           last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until`,
        [k.key, failures, at, lockMs > 0 ? new Date(now.getTime() + lockMs).toISOString() : null],
      );
    }
    return null;
  });
}

/** A successful login: its pair starts again from zero, and its address gets the attempt back. */
export async function forgiveLoginAttempt(
  db: Kysely<Database>,
  pairKey: string,
  addressKey: string,
): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', pairKey).execute();
  await db
    .updateTable('login_throttle')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where('key', '=', addressKey)
    .where('failures', '>', 0)
    .where('locked_until', 'is', null)
    .execute();
}
