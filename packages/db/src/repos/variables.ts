import type { Kysely } from 'kysely';
import type {
  PilotVariable,
  VariableLevel,
  VariableType,
  VariableUsage,
  VariableValue,
} from '@wegwijzer/domain';
import { nowIso } from '../clock.ts';
import { BulkInsert } from '../derived.ts';
import type { Tx } from '../open.ts';
import type { Database, PilotVariablesTable } from '../schema.ts';

/** A declared variable with its storage id (never shown outside packages/db and the API). */
export interface StoredVariable extends PilotVariable {
  id: number;
}

function toVariable(r: Omit<PilotVariablesTable, 'id'> & { id: number }): StoredVariable {
  return {
    id: Number(r.id),
    code: r.code,
    label: r.label,
    labelEn: r.label_en,
    type: r.type as VariableType,
    levels: JSON.parse(r.levels) as VariableLevel[],
    min: r.min_value === null ? null : Number(r.min_value),
    max: r.max_value === null ? null : Number(r.max_value),
    description: r.description,
  };
}

/** A pilot's variables in their declared order. */
export async function listVariables(
  db: Kysely<Database>,
  pilotId: string,
): Promise<StoredVariable[]> {
  const rows = await db
    .selectFrom('pilot_variables')
    .selectAll()
    .where('pilot_id', '=', pilotId)
    .orderBy('position')
    .execute();
  return rows.map(toVariable);
}

/** The same, read inside a write transaction. */
export async function listVariablesTx(tx: Tx, pilotId: string): Promise<StoredVariable[]> {
  const rows = await tx.all<PilotVariablesTable & { id: number }>(
    'SELECT * FROM pilot_variables WHERE pilot_id = ? ORDER BY position',
    [pilotId],
  );
  return rows.map(toVariable);
}

/** Participants with a value, per variable id. */
export async function valueCounts(
  db: Kysely<Database>,
  pilotId: string,
): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('participant_values')
    .select(['variable_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('pilot_id', '=', pilotId)
    .groupBy('variable_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.variable_id), Number(r.n)]));
}

/** What is stored for one variable, read inside the transaction that would change it. */
export async function variableUsageTx(tx: Tx, variableId: number): Promise<VariableUsage> {
  const agg = await tx.get<{ n: number; lo: number | null; hi: number | null }>(
    'SELECT COUNT(*) AS n, MIN(number_value) AS lo, MAX(number_value) AS hi FROM participant_values WHERE variable_id = ?',
    [variableId],
  );
  const levels = await tx.all<{ level: string }>(
    'SELECT DISTINCT level FROM participant_values WHERE variable_id = ? AND level IS NOT NULL ORDER BY level',
    [variableId],
  );
  const num = (v: number | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return {
    count: Number(agg?.n ?? 0),
    min: num(agg?.lo),
    max: num(agg?.hi),
    levels: levels.map((l) => l.level),
  };
}

function columns(v: PilotVariable) {
  return [
    v.code,
    v.label,
    v.labelEn,
    v.type,
    JSON.stringify(v.levels),
    v.min,
    v.max,
    v.description,
  ];
}

export async function insertVariableTx(tx: Tx, pilotId: string, v: PilotVariable): Promise<number> {
  const now = nowIso();
  const pos = await tx.get<{ p: number | null }>(
    'SELECT MAX(position) AS p FROM pilot_variables WHERE pilot_id = ?',
    [pilotId],
  );
  const row = await tx.get<{ id: number }>(
    `INSERT INTO pilot_variables (pilot_id, code, label, label_en, type, levels, min_value, max_value, description, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [pilotId, ...columns(v), Number(pos?.p ?? 0) + 1, now, now],
  );
  return Number(row!.id);
}

export async function updateVariableTx(tx: Tx, id: number, v: PilotVariable): Promise<void> {
  await tx.run(
    `UPDATE pilot_variables SET code = ?, label = ?, label_en = ?, type = ?, levels = ?, min_value = ?, max_value = ?, description = ?, updated_at = ? WHERE id = ?`,
    [...columns(v), nowIso(), id],
  );
}

export async function deleteVariableTx(tx: Tx, id: number): Promise<void> {
  await tx.run('DELETE FROM participant_values WHERE variable_id = ?', [id]);
  await tx.run('DELETE FROM pilot_variables WHERE id = ?', [id]);
}

/** A value as stored: numbers and yes/no in `number_value`, level codes in `level`. */
function storedColumns(v: VariableValue): [number | null, string | null] {
  if (typeof v === 'string') return [null, v];
  if (typeof v === 'boolean') return [v ? 1 : 0, null];
  return [v, null];
}

/** A stored value as its variable's type. */
export function fromStored(
  type: VariableType,
  n: number | null,
  level: string | null,
): VariableValue {
  if (type === 'category') return level!;
  if (type === 'boolean') return Number(n) === 1;
  return Number(n);
}

/** The values of the given participants, by participant id and variable code. */
export async function valuesOf(
  db: Kysely<Database>,
  pilotId: string,
  participantIds: readonly number[],
): Promise<Map<number, Record<string, VariableValue>>> {
  const out = new Map<number, Record<string, VariableValue>>();
  if (participantIds.length === 0) return out;
  const vars = new Map((await listVariables(db, pilotId)).map((v) => [v.id, v]));
  if (vars.size === 0) return out;
  for (let i = 0; i < participantIds.length; i += 500) {
    const rows = await db
      .selectFrom('participant_values')
      .select(['participant_id', 'variable_id', 'number_value', 'level'])
      .where('participant_id', 'in', participantIds.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const v = vars.get(Number(r.variable_id));
      if (!v) continue;
      const pid = Number(r.participant_id);
      const rec = out.get(pid) ?? {};
      rec[v.code] = fromStored(v.type, r.number_value, r.level);
      out.set(pid, rec);
    }
  }
  return out;
}

/** Every participant's value of one variable (participants without one are absent). */
export async function valuesOfVariable(
  db: Kysely<Database>,
  v: StoredVariable,
): Promise<Map<number, VariableValue>> {
  const rows = await db
    .selectFrom('participant_values')
    .select(['participant_id', 'number_value', 'level'])
    .where('variable_id', '=', v.id)
    .execute();
  return new Map(
    rows.map((r) => [Number(r.participant_id), fromStored(v.type, r.number_value, r.level)]),
  );
}

/**
 * Writes the values of many participants inside one transaction: a value replaces what was
 * stored, null removes it, a variable not named is left as it is. New participants (nothing
 * stored yet) skip the delete, which keeps a first import to one multi-row INSERT per batch.
 */
export class ValueWriter {
  private readonly insert: BulkInsert;
  private readonly byCode: Map<string, StoredVariable>;

  constructor(
    private readonly tx: Tx,
    private readonly pilotId: string,
    variables: readonly StoredVariable[],
  ) {
    this.byCode = new Map(variables.map((v) => [v.code, v]));
    this.insert = new BulkInsert(tx, 'participant_values', [
      'participant_id',
      'variable_id',
      'pilot_id',
      'number_value',
      'level',
    ]);
  }

  async write(
    participantId: number,
    values: Readonly<Record<string, VariableValue | null>>,
    existing: boolean,
  ): Promise<void> {
    const named = Object.keys(values)
      .map((c) => this.byCode.get(c))
      .filter((v) => v !== undefined);
    if (named.length === 0) return;
    if (existing)
      await this.tx.run(
        `DELETE FROM participant_values WHERE participant_id = ? AND variable_id IN (${named.map(() => '?').join(', ')})`,
        [participantId, ...named.map((v) => v.id)],
      );
    for (const v of named) {
      const value = values[v.code];
      if (value === null || value === undefined) continue;
      await this.insert.add([participantId, v.id, this.pilotId, ...storedColumns(value)]);
    }
  }

  /** Writes what is pending; call before anything reads the values back. */
  async flush(): Promise<void> {
    await this.insert.flush();
  }
}
