import { auditTx, removeDemoTx, type Store } from '@wegwijzer/db';
import { requireNotDemo } from '../http/access.ts';
import type { UseCaseCtx } from '../http/env.ts';
import { DEMO_ACCOUNTS } from './bootstrap.ts';

export interface DemoRemoval {
  pilots: number;
  participants: number;
  accounts: number;
}

/**
 * Removes the synthetic demo pilots with everything in them and the demo accounts, in one
 * transaction with its audit entry (SPEC §6, demo mode). `actor` is who did it: the admin of a
 * request, or the operator of the command line.
 */
export async function removeDemoData(
  store: Store,
  actor: { id: string | null; email: string; requestId: string | null },
): Promise<DemoRemoval> {
  return store.transaction(async (tx) => {
    const removed = await removeDemoTx(
      tx,
      DEMO_ACCOUNTS.map((a) => a.email),
    );
    await auditTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: 'demo.remove',
      pilotId: null,
      participantId: null,
      rowCount: removed.participants,
      details: { ...removed },
      requestId: actor.requestId,
    });
    return removed;
  });
}

/** The admin action: a demo admin may not remove the demo others are using. */
export async function removeDemo({ ctx }: { ctx: UseCaseCtx }): Promise<DemoRemoval> {
  requireNotDemo(ctx.actor, 'remove the demo');
  return removeDemoData(ctx.store, {
    id: ctx.actor.id,
    email: ctx.actor.email,
    requestId: ctx.requestId,
  });
}
