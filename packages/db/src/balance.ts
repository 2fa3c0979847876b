import type { Kysely } from 'kysely';
import type { Baseline, VariableValue } from '@wegwijzer/domain';
import { toBaseline } from './repos/participants.ts';
import { listVariables, valuesOfVariable, type StoredVariable } from './repos/variables.ts';
import type { Database } from './schema.ts';

/**
 * Every participant of a pilot with the baseline and the pilot's own variables, for the
 * balance table: one read of the participants and one per variable, joined in memory.
 */
export async function balanceRows(
  db: Kysely<Database>,
  pilotId: string,
): Promise<{
  variables: StoredVariable[];
  rows: { arm: string; baseline: Baseline; variables: Record<string, VariableValue | null> }[];
}> {
  const participants = await db
    .selectFrom('participants')
    .selectAll()
    .where('pilot_id', '=', pilotId)
    .execute();
  const variables = await listVariables(db, pilotId);
  const columns = await Promise.all(variables.map((v) => valuesOfVariable(db, v)));
  const rows = participants.map((p) => {
    const id = Number(p.id);
    const values: Record<string, VariableValue | null> = {};
    variables.forEach((v, i) => (values[v.code] = columns[i]!.get(id) ?? null));
    return { arm: p.arm, baseline: toBaseline(p), variables: values };
  });
  return { variables, rows };
}
