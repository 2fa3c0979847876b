import {
  armTotals,
  deleteBudgetLineTx,
  deleteReferenceLineTx,
  getBudgetLine,
  getReferenceLine,
  insertBudgetLineTx,
  insertReferenceLineTx,
  listBudgetLines as loadBudgetLines,
  listReferenceLines as loadReferenceLines,
  updateBudgetLineTx,
} from '@wegwijzer/db';
import {
  BadRequest,
  centsToEuros,
  eurosToCents,
  NotFound,
  type BudgetLine,
  type BudgetLineFields,
  type BudgetLineInput,
  type BudgetLineRecord,
  type BudgetLineUpdate,
  type BudgetReply,
  type ReferenceLine,
  type ReferenceLineInput,
} from '@wegwijzer/domain';
import { summarizeBudget } from '@wegwijzer/outcomes';
import { requirePilot } from '../http/access.ts';
import type { UseCaseCtx } from '../http/env.ts';
import { emitAudit, withTransaction } from './context.ts';
import { protectBudget } from '@wegwijzer/disclosure';
import { disclosureRules, isViewer } from './disclosure.ts';
import { visiblePilot } from './pilots.ts';

/** Budget lines, the budget summary and municipal reference lines of a pilot (issue 11). */

export function toBudgetLineJson(r: BudgetLineRecord): BudgetLine {
  return {
    id: r.id,
    pilotId: r.pilotId,
    amount: centsToEuros(r.amountCents),
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    domain: r.domain,
    fundingSource: r.fundingSource,
    description: r.description,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export async function listBudgetLines({ ctx, pilotId }: { ctx: UseCaseCtx; pilotId: string }) {
  await visiblePilot(ctx, pilotId);
  const lines = await loadBudgetLines(ctx.store.db, pilotId);
  return {
    items: lines.map(toBudgetLineJson),
    total: centsToEuros(lines.reduce((s, l) => s + l.amountCents, 0)),
  };
}

export async function createBudgetLine({
  ctx,
  pilotId,
  input,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  input: BudgetLineInput;
}) {
  await visiblePilot(ctx, pilotId);
  const fields: BudgetLineFields = {
    amountCents: eurosToCents(input.amount),
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    domain: input.domain,
    fundingSource: input.fundingSource,
    description: input.description ?? null,
  };
  const id = await withTransaction(ctx, async (ctx) => {
    const newId = await insertBudgetLineTx(ctx.tx, pilotId, fields);
    await emitAudit(ctx, {
      action: 'budget_line.create',
      pilotId,
      rowCount: 1,
      details: { budgetLineId: newId },
    });
    return newId;
  });
  return toBudgetLineJson((await getBudgetLine(ctx.store.db, id))!);
}

async function visibleBudgetLine(ctx: UseCaseCtx, id: string): Promise<BudgetLineRecord> {
  const line = await getBudgetLine(ctx.store.db, id);
  if (!line) throw new NotFound('Budget line');
  requirePilot(ctx.actor, line.pilotId);
  return line;
}

export async function updateBudgetLine({
  ctx,
  id,
  input,
}: {
  ctx: UseCaseCtx;
  id: string;
  input: BudgetLineUpdate;
}) {
  const line = await visibleBudgetLine(ctx, id);
  const periodStart = input.periodStart ?? line.periodStart;
  const periodEnd = input.periodEnd ?? line.periodEnd;
  if (periodEnd < periodStart)
    throw new BadRequest(`periodEnd ${periodEnd} is before periodStart ${periodStart}`);
  const patch: Partial<BudgetLineFields> = {
    amountCents: input.amount === undefined ? undefined : eurosToCents(input.amount),
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    domain: input.domain,
    fundingSource: input.fundingSource,
    description: input.description,
  };
  await withTransaction(ctx, async (ctx) => {
    await updateBudgetLineTx(ctx.tx, id, patch);
    await emitAudit(ctx, {
      action: 'budget_line.update',
      pilotId: line.pilotId,
      rowCount: 1,
      details: { budgetLineId: id, fields: Object.keys(input) },
    });
  });
  return toBudgetLineJson((await getBudgetLine(ctx.store.db, id))!);
}

export async function deleteBudgetLine({ ctx, id }: { ctx: UseCaseCtx; id: string }) {
  const line = await visibleBudgetLine(ctx, id);
  await withTransaction(ctx, async (ctx) => {
    await deleteBudgetLineTx(ctx.tx, id);
    await emitAudit(ctx, {
      action: 'budget_line.delete',
      pilotId: line.pilotId,
      rowCount: 1,
      details: {
        budgetLineId: id,
        amount: centsToEuros(line.amountCents),
        domain: line.domain,
        fundingSource: line.fundingSource,
      },
    });
  });
}

/**
 * Cost and funding per domain and funder, and what the budget bought back per euro in window `k`
 * (docs/outcomes-debts.md, "Budget").
 */
export async function pilotBudget({
  ctx,
  pilotId,
  k,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  k: number;
}): Promise<BudgetReply> {
  await visiblePilot(ctx, pilotId);
  const lines = await loadBudgetLines(ctx.store.db, pilotId);
  const totals = await armTotals(ctx.store.db, pilotId, k);
  const reply = { pilotId, ...summarizeBudget(lines, totals, k) };
  if (!isViewer(ctx)) return reply;
  return protectBudget(reply, totals.control?.evaluable ?? null, disclosureRules(ctx));
}

export async function listReferenceLines({
  ctx,
  pilotId,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
}): Promise<{ items: ReferenceLine[] }> {
  await visiblePilot(ctx, pilotId);
  return { items: await loadReferenceLines(ctx.store.db, [pilotId]) };
}

export async function createReferenceLine({
  ctx,
  pilotId,
  input,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  input: ReferenceLineInput;
}): Promise<ReferenceLine> {
  await visiblePilot(ctx, pilotId);
  const id = await withTransaction(ctx, async (ctx) => {
    const newId = await insertReferenceLineTx(ctx.tx, pilotId, input);
    await emitAudit(ctx, {
      action: 'reference_line.create',
      pilotId,
      rowCount: 1,
      details: { referenceLineId: newId, kind: input.kind },
    });
    return newId;
  });
  return (await getReferenceLine(ctx.store.db, id))!;
}

export async function deleteReferenceLine({ ctx, id }: { ctx: UseCaseCtx; id: string }) {
  const line = await getReferenceLine(ctx.store.db, id);
  if (!line) throw new NotFound('Reference line');
  requirePilot(ctx.actor, line.pilotId);
  await withTransaction(ctx, async (ctx) => {
    await deleteReferenceLineTx(ctx.tx, id);
    await emitAudit(ctx, {
      action: 'reference_line.delete',
      pilotId: line.pilotId,
      rowCount: 1,
      details: { referenceLineId: id, kind: line.kind, rate: line.rate, source: line.source },
    });
  });
}
