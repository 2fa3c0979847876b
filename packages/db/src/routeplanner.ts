import { sql, type Kysely, type RawBuilder } from 'kysely';
import {
  isStandardWindow,
  variableGroup,
  type Arm,
  type ExitReason,
  type SubgroupField,
} from '@wegwijzer/domain';
import { packedTotals, type SurvivalTime } from '@wegwijzer/outcomes';
import { GROUP_EXPR, variableGroupFromSql, variableGroupSql } from './outcomes.ts';
import { valuesOfVariable, type StoredVariable } from './repos/variables.ts';
import { totalsSelect, windowRows } from './window-columns.ts';
import type { Database } from './schema.ts';
import { pilotPack } from './windows.ts';

/**
 * Queries of the route planner ("which pilot works for someone like this?"): counts over the
 * derived window rows, grouped by the baseline fields of a profile and the pilot's own
 * variables, and the times to first exit of the participants who match one. Nothing here
 * replays a timeline.
 */

/** A baseline field's value as the domain has it: booleans as true/false, null when missing. */
export type ProfileValue = string | number | boolean | null;
/**
 * Values to match, keyed by standard field name (`motivation`) or by a pilot variable's code
 * (`supervisor_trained`, its subgroup: level, yes/no, number or band). The two never collide:
 * variable codes are snake_case and may not take a standard column's name.
 */
export type ProfileMatch = Record<string, ProfileValue>;

/** SQL of each field's value on `participants p`: the same expressions as the subgroup totals. */
const FIELD_SQL = GROUP_EXPR;

const BOOLEAN_FIELDS: ReadonlySet<SubgroupField> = new Set([
  'hasDebts',
  'disability',
  'refugeeStatus',
]);

function fromSql(field: SubgroupField, v: unknown): ProfileValue {
  if (v === null || v === undefined) return null;
  if (BOOLEAN_FIELDS.has(field)) return Number(v) === 1;
  return v as string | number;
}

function toSql(field: SubgroupField, v: ProfileValue): string | number | null {
  if (v === null) return null;
  if (BOOLEAN_FIELDS.has(field)) return v ? 1 : 0;
  return v as string | number;
}

/** Window counts of the participants of one pilot and arm who share the values of `fields`. */
export interface ProfileCell {
  pilotId: string;
  arm: Arm;
  values: ProfileMatch;
  participants: number;
  evaluable: number;
  off: number;
  routes: Record<ExitReason, number>;
}

/** The sums a profile cell needs, from the one column table. */
const PROFILE_TOTALS = [
  'participants',
  'evaluable',
  'off_benefit',
  'r_regular_work',
  'r_bbz',
  'r_combination',
  'r_other',
] as const;

/** The join of one variable's values, as `pv<i>`: no row means not recorded (null group). */
const valueJoin = (v: StoredVariable, i: number) =>
  sql`LEFT JOIN participant_values ${sql.raw(`pv${i}`)} ON ${sql.raw(`pv${i}`)}.participant_id = p.id AND ${sql.raw(`pv${i}`)}.variable_id = ${v.id}`;

/**
 * Window-`k` counts of the given pilots, grouped by pilot, arm, the values of `fields` and of
 * each pilot's `variables` (by pilot id; a pilot without any is grouped by `fields` alone): the
 * cells from which any match on a subset of those fields is a sum.
 */
export async function profileCells(
  db: Kysely<Database>,
  pilotIds: readonly string[],
  k: number,
  fields: readonly SubgroupField[],
  variables: ReadonlyMap<string, readonly StoredVariable[]> = new Map(),
): Promise<ProfileCell[]> {
  const own = (id: string) => variables.get(id) ?? [];
  // Variables are per pilot (their own ids and bands), so a pilot with some is queried alone.
  const plain = pilotIds.filter((id) => own(id).length === 0);
  const cells: ProfileCell[] = [];
  if (plain.length > 0) cells.push(...(await cellsOf(db, plain, k, fields, [])));
  for (const id of pilotIds)
    if (own(id).length > 0) cells.push(...(await cellsOf(db, [id], k, fields, own(id))));
  return cells;
}

async function cellsOf(
  db: Kysely<Database>,
  pilotIds: readonly string[],
  k: number,
  fields: readonly SubgroupField[],
  vars: readonly StoredVariable[],
): Promise<ProfileCell[]> {
  if (!isStandardWindow(k)) return packedProfileCells(db, pilotIds, k, fields, vars);
  const columns = [
    ...fields.map((f, i) => sql`${sql.raw(FIELD_SQL[f])} AS ${sql.ref(`f${i}`)}`),
    ...vars.map((v, i) => sql`${sql.raw(variableGroupSql(v, `pv${i}`))} AS ${sql.ref(`v${i}`)}`),
  ];
  const groupBy = columns.map((_, i) => sql.raw(String(i + 3)));
  const joins: RawBuilder<unknown>[] = vars.map(valueJoin);
  const { rows } = await sql<Record<string, unknown>>`
    SELECT p.pilot_id AS pilot_id, w.arm AS arm,
      ${sql.join([...columns, sql.raw(totalsSelect('w', PROFILE_TOTALS))])}
    FROM participants p
    JOIN ${sql.raw(windowRows(k))} w ON w.participant_id = p.id
    ${joins.length > 0 ? sql.join(joins, sql` `) : sql``}
    WHERE p.pilot_id IN (${sql.join(pilotIds)})
    GROUP BY ${sql.join([sql.raw('1'), sql.raw('2'), ...groupBy])}`.execute(db);
  const n = (v: unknown) => Number(v ?? 0);
  return rows.map((r) => ({
    pilotId: r.pilot_id as string,
    arm: r.arm as Arm,
    values: Object.fromEntries([
      ...fields.map((f, i) => [f, fromSql(f, r[`f${i}`])]),
      ...vars.map((v, i) => [v.code, variableGroupFromSql(v, r[`v${i}`])]),
    ]) as ProfileMatch,
    participants: n(r.participants),
    evaluable: n(r.evaluable),
    off: n(r.off_benefit),
    routes: {
      regular_work: n(r.r_regular_work),
      bbz: n(r.r_bbz),
      combination: n(r.r_combination),
      other: n(r.r_other),
    },
  }));
}

/** `profileCells` for a window without derived rows, from the packed timelines. */
async function packedProfileCells(
  db: Kysely<Database>,
  pilotIds: readonly string[],
  k: number,
  fields: readonly SubgroupField[],
  vars: readonly StoredVariable[],
): Promise<ProfileCell[]> {
  const cells: ProfileCell[] = [];
  for (const pilotId of pilotIds) {
    const p = await pilotPack(db, pilotId);
    if (!p) continue;
    const groups = fields.map((f) => p.pack.groups[f]);
    const stored = await Promise.all(vars.map((v) => valuesOfVariable(db, v)));
    const matchOf = new Map<string, ProfileMatch>();
    const keyOf = (i: number) => {
      // Codes are below 256, so one character per field keys the combination; a variable's
      // group follows as text, each after a separator no group contains.
      const own = vars.map((v, j) =>
        variableGroup(v, stored[j]!.get(Number(p.pack.id[i])) ?? null),
      );
      const key =
        String.fromCharCode(...groups.map((g) => g.codes[i]!)) +
        own.map((g) => `\u0001${g === null ? '' : `${typeof g}:${String(g)}`}`).join('');
      if (!matchOf.has(key))
        matchOf.set(key, {
          ...Object.fromEntries(fields.map((f, j) => [f, groups[j]!.values[key.charCodeAt(j)]!])),
          ...Object.fromEntries(vars.map((v, j) => [v.code, own[j]!])),
        });
      return key;
    };
    for (const [key, arms] of packedTotals(p.pack, k, keyOf)) {
      const values = matchOf.get(key)!;
      p.pack.armCodes.forEach((arm, a) => {
        const t = arms[a]!;
        if (t.participants === 0) return;
        cells.push({
          pilotId,
          arm,
          values,
          participants: t.participants,
          evaluable: t.evaluable,
          off: t.off,
          routes: { ...t.routes },
        });
      });
    }
  }
  return cells;
}

/**
 * Time to first exit of the participants of one pilot and arm whose baseline equals `match`;
 * `variables` are the pilot's declarations of the variable codes in `match`.
 */
export async function matchedExitTimes(
  db: Kysely<Database>,
  pilotId: string,
  arm: Arm,
  match: ProfileMatch,
  variables: readonly StoredVariable[] = [],
): Promise<SurvivalTime[]> {
  const vars = variables.filter((v) => v.code in match);
  const isVariable = new Set(vars.map((v) => v.code));
  const conditions = Object.entries(match)
    .filter(([f]) => !isVariable.has(f))
    .map(([f, v]) => {
      const field = f as SubgroupField;
      return v === null
        ? sql`${sql.raw(FIELD_SQL[field])} IS NULL`
        : sql`${sql.raw(FIELD_SQL[field])} = ${toSql(field, v)}`;
    });
  vars.forEach((v, i) => {
    const group = sql.raw(variableGroupSql(v, `pv${i}`));
    const value = match[v.code]!;
    conditions.push(
      value === null
        ? sql`${group} IS NULL`
        : sql`${group} = ${typeof value === 'boolean' ? (value ? 1 : 0) : value}`,
    );
  });
  const joins = vars.map(valueJoin);
  const { rows } = await sql<{ days: number; censored: number }>`
    SELECT d.first_exit_days AS days, d.first_exit_censored AS censored
    FROM participants p
    JOIN participant_derived d ON d.participant_id = p.id
    ${joins.length > 0 ? sql.join(joins, sql` `) : sql``}
    WHERE ${sql.join([sql`p.pilot_id = ${pilotId}`, sql`d.arm = ${arm}`, ...conditions], sql` AND `)}`.execute(
    db,
  );
  return rows.map((r) => ({ days: Number(r.days), censored: Number(r.censored) === 1 }));
}
