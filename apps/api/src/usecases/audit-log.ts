import {
  flushAnonymousFailures,
  participantRefsOf,
  searchAudit,
  verifyAuditChain,
  type AuditFilter,
  type ChainReport,
} from '@wegwijzer/db';
import type { AuditEntry } from '@wegwijzer/domain';
import type { UseCaseCtx } from '../http/env.ts';
import { requireNotDemo } from '../http/access.ts';
import { emitAudit } from './context.ts';

type Row = Awaited<ReturnType<typeof searchAudit>>['rows'][number];

function toEntry(r: Row): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    action: r.action,
    pilotId: r.pilot_id,
    participantId: r.participant_id === null ? null : String(r.participant_id),
    rowCount: r.row_count,
    details: r.details === null ? null : (JSON.parse(r.details) as unknown),
    requestId: r.request_id,
  };
}

export async function readAuditLog({ ctx, filter }: { ctx: UseCaseCtx; filter: AuditFilter }) {
  // The log names real pilots and users: not for the public demo accounts.
  requireNotDemo(ctx.actor, 'read the audit log');
  await flushAnonymousFailures(ctx.store);
  const { rows, total } = await searchAudit(ctx.store.db, filter);
  const refs = await participantRefsOf(
    ctx.store.db,
    rows.flatMap((r) => (r.participant_id === null ? [] : [Number(r.participant_id)])),
  );
  // The screen reads the log as sentences with the participant's reference, not its internal id.
  const items = rows.map((r) => ({
    ...toEntry(r),
    participantRef: r.participant_id === null ? null : (refs.get(Number(r.participant_id)) ?? null),
  }));
  return { items, total, page: filter.page, pageSize: filter.pageSize };
}

const CSV_COLUMNS = [
  'id',
  'at',
  'actorEmail',
  'action',
  'pilotId',
  'participantId',
  'rowCount',
  'requestId',
  'details',
] as const;

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  // Quote everything that needs it, and defuse cells a spreadsheet would run as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The filtered audit log as CSV (up to 100,000 entries); the export itself is audit-logged. */
export async function exportAuditLog({
  ctx,
  filter,
}: {
  ctx: UseCaseCtx;
  filter: Omit<AuditFilter, 'page' | 'pageSize'>;
}) {
  requireNotDemo(ctx.actor, 'read the audit log');
  await flushAnonymousFailures(ctx.store);
  const { rows } = await searchAudit(ctx.store.db, { ...filter, page: 1, pageSize: 100_000 });
  await emitAudit(ctx, { action: 'export.audit', rowCount: rows.length, details: { filter } });
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows.map(toEntry)) lines.push(CSV_COLUMNS.map((c) => csvCell(r[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Checks the whole hash chain of the audit log; the check itself is logged after it. */
export async function verifyAuditLog({ ctx }: { ctx: UseCaseCtx }): Promise<ChainReport> {
  await flushAnonymousFailures(ctx.store);
  const report = await verifyAuditChain(ctx.store.db);
  await emitAudit(ctx, {
    action: 'audit.verify',
    rowCount: report.entries,
    details: { ok: report.ok, brokenId: report.broken?.id ?? null },
  });
  return report;
}
