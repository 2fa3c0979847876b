import {
  applyRetentionTx,
  erasing,
  getPilot,
  listPilotRecords,
  retentionCounts,
  type Store,
} from '@wegwijzer/db';
import {
  BadRequest,
  Conflict,
  NotFound,
  retentionStatus,
  todayIso,
  type PilotRecord,
  type RetentionAction,
} from '@wegwijzer/domain';
import type { UseCaseCtx } from '../http/env.ts';
import { emitAudit, inTransaction, type AuditCtx } from './context.ts';
import { toPilotJson } from './pilots.ts';

/**
 * Retention (SPEC §8): after a pilot's `retainUntil` an admin, or the scheduled CLI, erases its
 * participant data or reduces it to the aggregate figures. Both paths run `applyRetention`.
 */

/** What remains after each action, as keys the dashboard names. */
const REMAINS = {
  erase: ['pilot', 'processingRecord', 'budgetLines', 'exportLog', 'auditLog'],
  reduce: ['pilot', 'processingRecord', 'budgetLines', 'exportLog', 'auditLog', 'outcomeSummary'],
};

function retentionJson(p: PilotRecord) {
  return toPilotJson({ ...p, participants: 0, hasControl: false }).retention;
}

/** The admin's preview: how many people and events would go, and which figures remain. */
export async function retentionPreview({ ctx, pilotId }: { ctx: UseCaseCtx; pilotId: string }) {
  const pilot = await getPilot(ctx.store.db, pilotId);
  if (!pilot) throw new NotFound('Pilot');
  return {
    pilotId,
    retainUntil: pilot.retainUntil,
    retention: retentionJson(pilot),
    ...(await retentionCounts(ctx.store.db, pilotId)),
    remains: REMAINS,
  };
}

/**
 * Erases or reduces one pilot whose retention date has passed, audited, in one transaction;
 * refuses a pilot not yet due or already acted on. The context's actor is who did it: the admin
 * of a request, or the scheduled command line.
 */
export async function applyRetention(
  ctx: AuditCtx,
  pilot: PilotRecord,
  action: RetentionAction,
  today = todayIso(),
) {
  if (pilot.retentionState)
    throw new Conflict(
      `This pilot was already ${pilot.retentionState} on ${pilot.retentionAppliedAt}`,
    );
  if (retentionStatus(pilot.retainUntil, today) !== 'due')
    throw new Conflict(`The retention date ${pilot.retainUntil} has not passed yet`);
  const counts = await erasing(ctx.store, async (tx) => {
    const c = await applyRetentionTx(tx, pilot.id, action);
    await emitAudit(inTransaction(ctx, tx), {
      action: `pilot.retention.${action}`,
      pilotId: pilot.id,
      rowCount: c.participants + c.events,
      details: { retainUntil: pilot.retainUntil, participants: c.participants, events: c.events },
    });
    return c;
  });
  return {
    pilotId: pilot.id,
    state: action === 'erase' ? ('erased' as const) : ('reduced' as const),
    ...counts,
  };
}

/** The admin's confirmed action; `confirm` must repeat the retention date. */
export async function confirmRetention({
  ctx,
  pilotId,
  action,
  confirm,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  action: RetentionAction;
  confirm: string;
}) {
  const pilot = await getPilot(ctx.store.db, pilotId);
  if (!pilot) throw new NotFound('Pilot');
  if (confirm !== pilot.retainUntil)
    throw new BadRequest('Confirm by repeating the retention date of the pilot', [
      { path: 'confirm', message: `must be ${pilot.retainUntil}` },
    ]);
  return applyRetention(ctx, pilot, action);
}

export interface RetentionReportLine {
  pilotId: string;
  name: string;
  retainUntil: string;
  status: 'ok' | 'soon' | 'due';
  review: boolean;
  action: RetentionAction;
  state: string | null;
  participants: number;
  events: number;
}

/** Every pilot not yet acted on whose date has passed or comes within 90 days, earliest date first. */
export async function retentionReport(
  store: Store,
  today = todayIso(),
): Promise<RetentionReportLine[]> {
  const lines: RetentionReportLine[] = [];
  for (const p of await listPilotRecords(store.db, null)) {
    const status = retentionStatus(p.retainUntil, today);
    if (status === 'ok' || p.retentionState) continue;
    lines.push({
      pilotId: p.id,
      name: p.name,
      retainUntil: p.retainUntil,
      status,
      review: p.retentionReview,
      action: p.retentionAction,
      state: p.retentionState,
      ...(await retentionCounts(store.db, p.id)),
    });
  }
  // The most overdue first.
  return lines.sort((a, b) => a.retainUntil.localeCompare(b.retainUntil));
}
