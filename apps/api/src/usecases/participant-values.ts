import { listVariables, listVariablesTx, valuesOf, ValueWriter, type Tx } from '@wegwijzer/db';
import { BadRequest, variableJson, type VariableValue } from '@wegwijzer/domain';
import type { UseCaseCtx } from '../http/env.ts';

/**
 * The pilot's own variables of one participant through the JSON API (SPEC §2): each value
 * checked by the same rule as an import cell (domain rules.ts `variableJson`).
 */
export async function checkValues(
  ctx: UseCaseCtx,
  pilotId: string,
  input: Readonly<Record<string, unknown>> | undefined,
): Promise<Record<string, VariableValue | null> | null> {
  if (input === undefined) return null;
  const declared = new Map((await listVariables(ctx.store.db, pilotId)).map((v) => [v.code, v]));
  const out: Record<string, VariableValue | null> = {};
  const problems: { path: string; message: string; code?: string; params?: unknown }[] = [];
  for (const [code, value] of Object.entries(input)) {
    const v = declared.get(code);
    if (!v) {
      problems.push({ path: `variables.${code}`, message: `the pilot has no variable ${code}` });
      continue;
    }
    const checked = variableJson(v, value);
    if (checked.ok) out[code] = checked.value;
    else
      problems.push({
        path: `variables.${code}`,
        message:
          v.type === 'category'
            ? `must be one of ${v.levels.map((l) => l.code).join(', ')}`
            : v.type === 'integer'
              ? `must be a whole number from ${v.min} to ${v.max}`
              : 'must be true or false',
        code: checked.error.code,
        params: checked.error.params,
      });
  }
  if (problems.length > 0)
    throw new BadRequest(problems.map((p) => `${p.path} ${p.message}`).join('; '), problems);
  return out;
}

/** Writes checked values in the participant's write transaction. */
export async function writeValuesTx(
  tx: Tx,
  pilotId: string,
  participantId: number,
  values: Record<string, VariableValue | null> | null,
  existing: boolean,
): Promise<void> {
  if (values === null) return;
  const writer = new ValueWriter(tx, pilotId, await listVariablesTx(tx, pilotId));
  await writer.write(participantId, values, existing);
  await writer.flush();
}

/** The items of a participant reply with their variables' values added. */
export async function withValues<T extends { id: string }>(
  ctx: UseCaseCtx,
  pilotId: string,
  rows: readonly { id: number }[],
  items: T[],
): Promise<(T & { variables: Record<string, VariableValue> })[]> {
  const values = await valuesOf(
    ctx.store.db,
    pilotId,
    rows.map((r) => r.id),
  );
  return items.map((item, i) => ({ ...item, variables: values.get(rows[i]!.id) ?? {} }));
}
