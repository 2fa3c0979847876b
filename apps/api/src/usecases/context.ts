import {
  appendAudit,
  auditTx,
  storeInTransaction,
  type AuditEntry,
  type Store,
  type Tx,
} from '@wegwijzer/db';

/**
 * What every use case is run with: the store (or the transaction it runs in) and who acts. A
 * request's `UseCaseCtx` is one; so is the operator's context of a command-line tool.
 */
export interface AuditCtx {
  store: Store;
  /** Set inside `withTransaction`: the transaction every write and audit entry joins. */
  tx?: Tx;
  /** Who the audit entries name: a signed-in user, or an operator (`id` null). */
  actor: { id: string | null; email: string | null };
  requestId: string | null;
  clientRequestId?: string | null;
}

/** A context inside a transaction: `tx` is set and `store` queries run in it. */
export type InTransaction<C extends AuditCtx> = C & { tx: Tx };

/** The audit fields a caller gives; the actor and request fields come from the context. */
export type AuditFields = Omit<
  AuditEntry,
  'actorId' | 'actorEmail' | 'requestId' | 'clientRequestId'
>;

/** `ctx` moved into `tx`: its store reads and writes in the transaction. */
export function inTransaction<C extends AuditCtx>(ctx: C, tx: Tx): InTransaction<C> {
  return { ...ctx, tx, store: storeInTransaction(ctx.store, tx) };
}

/**
 * Runs `fn` in one transaction. A use case called inside another's transaction joins it instead
 * of opening its own, so use cases compose and what they write lands together or not at all.
 */
export function withTransaction<C extends AuditCtx, T>(
  ctx: C,
  fn: (ctx: InTransaction<C>) => Promise<T>,
): Promise<T> {
  if (ctx.tx) return fn(ctx as InTransaction<C>);
  return ctx.store.transaction((tx) => fn(inTransaction(ctx, tx)));
}

/**
 * Appends an audit entry naming the context's actor and request: in the context's transaction
 * when there is one, so it lands with the write it records, else in a transaction of its own.
 */
export function emitAudit(ctx: AuditCtx, entry: AuditFields): Promise<void> {
  const full: AuditEntry = {
    ...entry,
    actorId: ctx.actor.id,
    actorEmail: ctx.actor.email,
    requestId: ctx.requestId,
    clientRequestId: ctx.clientRequestId ?? null,
  };
  return ctx.tx ? auditTx(ctx.tx, full) : appendAudit(ctx.store.db, full);
}

/** The context of an operator's command-line run: no request, no signed-in user. */
export function operatorCtx(store: Store, email: string): AuditCtx {
  return { store, actor: { id: null, email }, requestId: null, clientRequestId: null };
}
