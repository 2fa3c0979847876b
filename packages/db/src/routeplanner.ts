import { sql, type Kysely } from 'kysely';
import {
  ARMS,
  isStandardWindow,
  type Arm,
  type ExitReason,
  type SubgroupField,
} from '@wegwijzer/domain';
import { packedTotals, type SurvivalTime } from '@wegwijzer/outcomes';
import { GROUP_EXPR } from './outcomes.ts';
import { totalsSelect, windowRows } from './window-columns.ts';
import type { Database } from './schema.ts';
import { pilotPack } from './windows.ts';

/**
 * Queries of the route planner ("which pilot works for someone like this?"): counts over the
 * derived window rows, grouped by the baseline fields of a profile, and the times to first exit
 * of the participants who match one. Nothing here replays a timeline.
 */

/** A baseline field's value as the domain has it: booleans as true/false, null when missing. */
export type ProfileValue = string | number | boolean | null;
export type ProfileMatch = Partial<Record<SubgroupField, ProfileValue>>;

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

/**
 * Window-`k` counts of the given pilots, grouped by pilot, arm and the values of `fields`: the
 * cells from which any match on a subset of those fields is a sum.
 */
export async function profileCells(
  db: Kysely<Database>,
  pilotIds: readonly string[],
  k: number,
  fields: readonly SubgroupField[],
): Promise<ProfileCell[]> {
  if (pilotIds.length === 0) return [];
  if (!isStandardWindow(k)) return packedProfileCells(db, pilotIds, k, fields);
  const columns = fields.map((f, i) => sql`${sql.raw(FIELD_SQL[f])} AS ${sql.ref(`f${i}`)}`);
  const groupBy = fields.map((_, i) => sql.raw(String(i + 3)));
  const { rows } = await sql<Record<string, unknown>>`
    SELECT p.pilot_id AS pilot_id, w.arm AS arm,
      ${sql.join([...columns, sql.raw(totalsSelect('w', PROFILE_TOTALS))])}
    FROM participants p
    JOIN ${sql.raw(windowRows(k))} w ON w.participant_id = p.id
    WHERE p.pilot_id IN (${sql.join(pilotIds)})
    GROUP BY ${sql.join([sql.raw('1'), sql.raw('2'), ...groupBy])}`.execute(db);
  const n = (v: unknown) => Number(v ?? 0);
  return rows.map((r) => ({
    pilotId: r.pilot_id as string,
    arm: r.arm as Arm,
    values: Object.fromEntries(fields.map((f, i) => [f, fromSql(f, r[`f${i}`])])),
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
): Promise<ProfileCell[]> {
  const cells: ProfileCell[] = [];
  for (const pilotId of pilotIds) {
    const p = await pilotPack(db, pilotId);
    if (!p) continue;
    const groups = fields.map((f) => p.pack.groups[f]);
    // Codes are below 256, so one character per field keys the combination.
    const keyOf = (i: number) => String.fromCharCode(...groups.map((g) => g.codes[i]!));
    for (const [key, arms] of packedTotals(p.pack, k, keyOf)) {
      const values = Object.fromEntries(
        fields.map((f, j) => [f, groups[j]!.values[key.charCodeAt(j)]!]),
      ) as ProfileMatch;
      ARMS.forEach((arm, a) => {
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

/** Time to first exit of the participants of one pilot and arm whose baseline equals `match`. */
export async function matchedExitTimes(
  db: Kysely<Database>,
  pilotId: string,
  arm: Arm,
  match: ProfileMatch,
): Promise<SurvivalTime[]> {
  const conditions = (Object.entries(match) as [SubgroupField, ProfileValue][]).map(([f, v]) =>
    v === null
      ? sql`${sql.raw(FIELD_SQL[f])} IS NULL`
      : sql`${sql.raw(FIELD_SQL[f])} = ${toSql(f, v)}`,
  );
  const { rows } = await sql<{ days: number; censored: number }>`
    SELECT d.first_exit_days AS days, d.first_exit_censored AS censored
    FROM participants p
    JOIN participant_derived d ON d.participant_id = p.id
    WHERE ${sql.join([sql`p.pilot_id = ${pilotId}`, sql`d.arm = ${arm}`, ...conditions], sql` AND `)}`.execute(
    db,
  );
  return rows.map((r) => ({ days: Number(r.days), censored: Number(r.censored) === 1 }));
}
