import { appendAudit, type AuditEntry } from '@wegwijzer/db';
import type { UseCaseCtx } from '../http/env.ts';

/** Writes one audit entry for the acting user of `ctx`. */
export function audit(
  ctx: UseCaseCtx,
  entry: Omit<AuditEntry, 'actorId' | 'actorEmail' | 'requestId' | 'clientRequestId'>,
) {
  return appendAudit(ctx.store.db, {
    ...entry,
    actorId: ctx.actor.id,
    actorEmail: ctx.actor.email,
    requestId: ctx.requestId,
    clientRequestId: ctx.clientRequestId,
  });
}
