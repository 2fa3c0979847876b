import {
  deleteVariableTx,
  insertVariableTx,
  listVariables,
  listVariablesTx,
  updateVariableTx,
  valueCounts,
  variableUsageTx,
  type StoredVariable,
} from '@wegwijzer/db';
import {
  BadRequest,
  Conflict,
  declarationProblems,
  MAX_VARIABLES,
  NotFound,
  variableChangeProblem,
  type PilotVariable,
  type PilotVariableInput,
  type PilotVariableJson,
  type PilotVariableUpdate,
} from '@wegwijzer/domain';
import { protectVariableList } from '@wegwijzer/disclosure';
import type { UseCaseCtx } from '../http/env.ts';
import { emitAudit, withTransaction } from './context.ts';
import { isViewer } from './disclosure.ts';
import { visiblePilot } from './pilots.ts';

/** A request's declaration in the domain's shape: absent parts empty, as their type has them. */
function toDeclaration(input: PilotVariableInput): PilotVariable {
  return {
    code: input.code,
    label: input.label,
    labelEn: input.labelEn ?? null,
    type: input.type,
    levels: (input.levels ?? []).map((l) => ({
      code: l.code,
      label: l.label,
      labelEn: l.labelEn ?? null,
    })),
    min: input.min ?? null,
    max: input.max ?? null,
    description: input.description ?? null,
  };
}

function checkDeclaration(v: PilotVariable): void {
  const problems = declarationProblems(v);
  if (problems.length > 0)
    throw new BadRequest(
      problems.join('; '),
      problems.map((message) => ({ path: 'variable', message })),
    );
}

function toJson(v: StoredVariable, values: number | null): PilotVariableJson {
  const { id: _id, ...rest } = v;
  return { ...rest, values };
}

/**
 * The pilot's variables. A viewer sees the dictionary (the subgroup screens need its labels)
 * but not how many people have a value: that is a count of people like any other (SPEC §6).
 */
export async function listPilotVariables({ ctx, pilotId }: { ctx: UseCaseCtx; pilotId: string }) {
  await visiblePilot(ctx, pilotId);
  const vars = await listVariables(ctx.store.db, pilotId);
  const counts = await valueCounts(ctx.store.db, pilotId);
  const list = { items: vars.map((v) => toJson(v, counts.get(v.id) ?? 0)) };
  return isViewer(ctx) ? protectVariableList(list) : list;
}

async function findTx(tx: Parameters<typeof listVariablesTx>[0], pilotId: string, code: string) {
  const all = await listVariablesTx(tx, pilotId);
  const found = all.find((v) => v.code === code);
  if (!found) throw new NotFound(`Variable ${code}`);
  return { all, found };
}

export async function declareVariable({
  ctx,
  pilotId,
  input,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  input: PilotVariableInput;
}): Promise<PilotVariableJson> {
  await visiblePilot(ctx, pilotId);
  const v = toDeclaration(input);
  checkDeclaration(v);
  const id = await withTransaction(ctx, async (ctx) => {
    const { tx } = ctx;
    await tx.lockPilot(pilotId);
    const all = await listVariablesTx(tx, pilotId);
    if (all.some((x) => x.code === v.code))
      throw new Conflict(`This pilot already has a variable ${v.code}`);
    if (all.length >= MAX_VARIABLES)
      throw new Conflict(`A pilot has at most ${MAX_VARIABLES} variables`);
    const newId = await insertVariableTx(tx, pilotId, v);
    await emitAudit(ctx, auditEntry('pilot.variable.create', pilotId, { code: v.code }));
    return newId;
  });
  return toJson({ ...v, id }, 0);
}

/**
 * Changes a declaration. With values stored only a safe change passes (domain
 * `variableChangeProblem`): a refusal is a 409 that says which values stand in the way.
 */
export async function changeVariable({
  ctx,
  pilotId,
  code,
  input,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  code: string;
  input: PilotVariableUpdate;
}): Promise<PilotVariableJson> {
  await visiblePilot(ctx, pilotId);
  return withTransaction(ctx, async (ctx) => {
    const { tx } = ctx;
    await tx.lockPilot(pilotId);
    const { all, found } = await findTx(tx, pilotId, code);
    const { id, ...current } = found;
    const next = toDeclaration({ ...current, ...input } as PilotVariableInput);
    // A type without levels or bounds drops the old ones rather than carrying them over.
    if (next.type !== 'category' && input.levels === undefined) next.levels = [];
    if (next.type !== 'integer') {
      if (input.min === undefined) next.min = null;
      if (input.max === undefined) next.max = null;
    }
    checkDeclaration(next);
    if (next.code !== code && all.some((x) => x.code === next.code))
      throw new Conflict(`This pilot already has a variable ${next.code}`);
    const usage = await variableUsageTx(tx, id);
    const problem = variableChangeProblem(current, next, usage);
    if (problem) throw new Conflict(problem, { code, values: usage.count });
    await updateVariableTx(tx, id, next);
    await emitAudit(
      ctx,
      auditEntry('pilot.variable.update', pilotId, { code, fields: Object.keys(input) }),
    );
    return toJson({ ...next, id }, usage.count);
  });
}

/** Deletes a declaration; refused while any participant has a value for it. */
export async function removeVariable({
  ctx,
  pilotId,
  code,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  code: string;
}): Promise<void> {
  await visiblePilot(ctx, pilotId);
  await withTransaction(ctx, async (ctx) => {
    const { tx } = ctx;
    await tx.lockPilot(pilotId);
    const { found } = await findTx(tx, pilotId, code);
    const usage = await variableUsageTx(tx, found.id);
    if (usage.count > 0)
      throw new Conflict(
        `${usage.count} participant${usage.count === 1 ? ' has' : 's have'} a value for ${code}; clear the values (an import with the column empty) before deleting the variable`,
        { code, values: usage.count },
      );
    await deleteVariableTx(tx, found.id);
    await emitAudit(ctx, auditEntry('pilot.variable.delete', pilotId, { code }));
  });
}

function auditEntry(action: string, pilotId: string, details: Record<string, unknown>) {
  return { action, pilotId, rowCount: 1, details };
}
