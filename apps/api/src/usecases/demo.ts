import { removeDemoTx } from '@wegwijzer/db';
import { requireNotDemo } from '../http/access.ts';
import type { UseCaseCtx } from '../http/env.ts';
import { DEMO_ACCOUNTS } from './bootstrap.ts';
import { emitAudit, withTransaction, type AuditCtx } from './context.ts';

export interface DemoRemoval {
  pilots: number;
  participants: number;
  accounts: number;
}

/**
 * Removes the synthetic demo pilots with everything in them and the demo accounts, in one
 * transaction with its audit entry (SPEC §6, demo mode). The context's actor is who did it: the
 * admin of a request, or the operator of the command line.
 */
export async function removeDemoData(ctx: AuditCtx): Promise<DemoRemoval> {
  return withTransaction(ctx, async (ctx) => {
    const removed = await removeDemoTx(
      ctx.tx,
      DEMO_ACCOUNTS.map((a) => a.email),
    );
    await emitAudit(ctx, {
      action: 'demo.remove',
      pilotId: null,
      participantId: null,
      rowCount: removed.participants,
      details: { ...removed },
    });
    return removed;
  });
}

/** The admin action: a demo admin may not remove the demo others are using. */
export async function removeDemo({ ctx }: { ctx: UseCaseCtx }): Promise<DemoRemoval> {
  requireNotDemo(ctx.actor, 'remove the demo');
  return removeDemoData(ctx);
}
