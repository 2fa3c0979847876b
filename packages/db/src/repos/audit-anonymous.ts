import type { Store } from '../open.ts';
import { appendAuditTx } from './audit.ts';

/** An address as it is kept: an IPv6 address has at most 45 characters. */
const MAX_ADDRESS = 64;

const minuteOf = (d: Date) => d.toISOString().slice(0, 16);

/**
 * Counts an anonymous failure (a failed or throttled login) of `address` in the current minute.
 * A flood of them becomes one audit entry per address and minute with the count, instead of a
 * row per guess.
 */
export async function countAnonymousFailure(
  store: Store,
  address: string,
  action: string,
  now = new Date(),
): Promise<void> {
  await store.transaction((tx) =>
    tx.run(
      `INSERT INTO audit_anonymous (address, minute, action, count) VALUES (?, ?, ?, 1)
       ON CONFLICT (address, minute, action) DO UPDATE SET count = audit_anonymous.count + 1`,
      [address.slice(0, MAX_ADDRESS), minuteOf(now), action.slice(0, 100)],
    ),
  );
}

/**
 * Moves the counts of every minute that has ended into the audit log, one entry each
 * (`row_count` is the count, `details` the address and the minute). Called on every failed login
 * and before the log is read or verified, so no finished minute waits long.
 */
export async function flushAnonymousFailures(store: Store, now = new Date()): Promise<number> {
  return store.transaction(async (tx) => {
    // Taken out and written in one transaction: a count that arrives meanwhile is for the
    // current minute, which stays.
    const rows = await tx.all<{ address: string; minute: string; action: string; count: number }>(
      'DELETE FROM audit_anonymous WHERE minute < ? RETURNING address, minute, action, count',
      [minuteOf(now)],
    );
    rows.sort((a, b) =>
      a.minute === b.minute ? (a.address < b.address ? -1 : 1) : a.minute < b.minute ? -1 : 1,
    );
    for (const r of rows) {
      await appendAuditTx(tx, {
        actorId: null,
        actorEmail: null,
        action: r.action,
        rowCount: Number(r.count),
        details: { address: r.address, minute: r.minute },
      });
    }
    return rows.length;
  });
}
