import type { Kysely, Transaction } from 'kysely';
import { entryHash, GENESIS_HASH, type ChainedRow } from '../audit-chain.ts';
import { nowIso } from '../clock.ts';
import { isPostgres } from '../migrations/dialect.ts';
import { txOver, type Tx } from '../open.ts';
import type { Database } from '../schema.ts';

/**
 * One audit entry as a caller gives it. Its id, time and hashes are assigned by the writer alone.
 * It names people only by internal ids (a participant's id, never their reference or BSN).
 */
export interface AuditEntry {
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  pilotId?: string | null;
  participantId?: number | null;
  rowCount?: number | null;
  details?: Record<string, unknown> | null;
  requestId?: string | null;
  /** The caller's own X-Request-Id, kept apart from the server's and capped. */
  clientRequestId?: string | null;
}

/** Longest text kept per field: a caller cannot grow the log with a megabyte of e-mail address. */
const MAX = { email: 320, action: 100, id: 100, details: 4000 } as const;

const cap = (v: string | null | undefined, n: number) => (v == null ? null : v.slice(0, n));

function detailsText(d: AuditEntry['details']): string | null {
  if (!d) return null;
  const text = JSON.stringify(d);
  return text.length <= MAX.details ? text : JSON.stringify({ truncated: true });
}

/** The stored columns of an entry, apart from id, time and hashes. */
export function auditValues(e: AuditEntry) {
  return {
    actor_id: cap(e.actorId, MAX.id),
    actor_email: cap(e.actorEmail?.toLowerCase(), MAX.email),
    action: cap(e.action, MAX.action)!,
    pilot_id: cap(e.pilotId, MAX.id),
    participant_id: e.participantId ?? null,
    row_count: e.rowCount ?? null,
    details: detailsText(e.details),
    request_id: cap(e.requestId, MAX.id),
    client_request_id: cap(e.clientRequestId, MAX.id),
  };
}

const COLUMNS = [
  'id',
  'at',
  'actor_id',
  'actor_email',
  'action',
  'pilot_id',
  'participant_id',
  'row_count',
  'details',
  'request_id',
  'client_request_id',
  'prev_hash',
  'hash',
] as const;
const INSERT = `INSERT INTO audit_log (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`;

/**
 * Appends an entry to the chain inside `tx`. Appends are serialised (PostgreSQL: an advisory lock
 * held to the end of the transaction; SQLite: the transaction's write lock), so each entry links
 * to the one committed before it. Times never go backwards along the chain.
 */
export async function appendAuditTx(tx: Tx, e: AuditEntry): Promise<void> {
  await tx.lock('wegwijzer:audit_chain');
  const last = await tx.get<{ id: number; at: string; hash: string | null }>(
    'SELECT id, at, hash FROM audit_log ORDER BY id DESC LIMIT 1',
  );
  const now = nowIso();
  const row: ChainedRow = {
    id: (last ? Number(last.id) : 0) + 1,
    at: last && last.at > now ? last.at : now,
    ...auditValues(e),
  };
  const prev = last ? (last.hash ?? '') : GENESIS_HASH;
  const hash = entryHash(prev, row);
  await tx.run(
    INSERT,
    COLUMNS.map((c) => (c === 'prev_hash' ? prev : c === 'hash' ? hash : row[c])),
  );
}

/** Appends one entry to the audit log (who, what, when, which pilot, how many rows). */
export async function appendAudit(db: Kysely<Database>, e: AuditEntry): Promise<void> {
  const dialect = isPostgres(db as Kysely<unknown>) ? 'postgres' : 'sqlite';
  const write = (trx: Transaction<Database>) => appendAuditTx(txOver(trx, dialect), e);
  if (db.isTransaction) await write(db as Transaction<Database>);
  else await db.transaction().execute(write);
}

export interface ChainReport {
  ok: boolean;
  /** Entries checked. */
  entries: number;
  /** The last entry's id and hash: noted elsewhere, they show later whether the end was cut off. */
  head: { id: number; hash: string } | null;
  /** The first entry whose link is broken, and how. */
  broken: { id: number; kind: 'link' | 'content' | 'order'; problem: string } | null;
}

/** Earlier entries were written before the chain kept times in order; a few ms apart may swap. */
const CLOCK_SLACK_MS = 1000;

/** Walks the whole chain in id order and reports the first entry that does not fit. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let prevAt: string | null = null;
  let entries = 0;
  let head: ChainReport['head'] = null;
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(5000)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const id = Number(r.id);
      const fail = (kind: 'link' | 'content' | 'order', problem: string): ChainReport => ({
        ok: false,
        entries,
        head,
        broken: { id, kind, problem },
      });
      if (r.prev_hash !== prev)
        return fail(
          'link',
          'does not link to the entry before it: an entry was removed or inserted, or the one before was changed',
        );
      if (r.hash !== entryHash(prev, { ...r, id }))
        return fail('content', 'its content does not match its hash: the entry was changed');
      if (prevAt !== null && Date.parse(r.at) < Date.parse(prevAt) - CLOCK_SLACK_MS)
        return fail('order', 'it is dated before the entry before it: a back-dated entry');
      prev = r.hash;
      prevAt = r.at;
      entries++;
      head = { id, hash: r.hash };
      after = id;
    }
  }
  return { ok: true, entries, head, broken: null };
}
