import { sql, type Kysely } from 'kysely';
import {
  AGE_BAND_AGES,
  AGE_BANDS,
  CONTROL_ARM,
  integerBands,
  isStandardWindow,
  variableGroup,
  type Arm,
  type SubgroupField,
  type VariableValue,
} from '@wegwijzer/domain';
import {
  fromDay,
  packedTotals,
  type ArmTotals,
  type ArmTotalsByArm,
  type SurvivalTime,
} from '@wegwijzer/outcomes';
import { TOTAL_COLUMNS, totalsSelect, windowRows } from './window-columns.ts';
import type { Database } from './schema.ts';
import { shownArmsByPilot } from './repos/arms.ts';
import { byArmIndex, groupKey, pilotPack } from './windows.ts';
import { valuesOfVariable, type StoredVariable } from './repos/variables.ts';

/**
 * Step (a) of the outcome aggregation in SQL: plain sums and counts over the derived rows, the
 * same fields `accumulate` of @wegwijzer/outcomes adds up in memory (a test holds them equal).
 */

/** One row of sums: a `pilot_totals` row, or the same sums over a subgroup's window rows. */
type TotalsRow = { pilot_id: string; grp: string | number | null; arm: string } & Record<
  (typeof TOTAL_COLUMNS)[number],
  number
>;

/** SQL for a subgroup's value; age band from the intake year minus the birth year (SPEC §3). */
export const GROUP_EXPR: Record<SubgroupField, string> = {
  motivation: 'p.motivation',
  ladderStep: 'p.ladder_step',
  household: 'p.household',
  hasDebts: 'p.has_debts',
  disability: 'p.disability',
  refugeeStatus: 'p.refugee_status',
  education: 'p.education',
  ageBand: ageBandSql('CAST(substr(p.intake_date, 1, 4) AS INTEGER) - p.birth_year'),
};

/** The SQL CASE of the age bands, generated from the domain's one table of cut points. */
function ageBandSql(age: string): string {
  const whens = AGE_BANDS.map((b) => {
    const to = AGE_BAND_AGES[b].to;
    return to === null ? `ELSE '${b}'` : `WHEN ${age} <= ${to} THEN '${b}'`;
  });
  return `CASE WHEN p.birth_year IS NULL THEN NULL ${whens.join(' ')} END`;
}

function toTotals(r: TotalsRow | undefined, k: number): ArmTotals {
  const n = (v: number | bigint | null | undefined) => Number(v ?? 0);
  return {
    participants: n(r?.participants),
    evaluable: n(r?.evaluable),
    pending: n(r?.participants) - n(r?.evaluable),
    off: n(r?.off_benefit),
    routes: {
      regular_work: n(r?.r_regular_work),
      bbz: n(r?.r_bbz),
      combination: n(r?.r_combination),
      other: n(r?.r_other),
    },
    hasSustained: k >= 6,
    sustained: n(r?.sustained),
    benefitDays: n(r?.benefit_days),
    offDayBenefitCents: n(r?.avoided_numerator),
    offsetCents: n(r?.offset_cents),
    guidanceCostCents: n(r?.guidance_cents),
    ladder: { n: n(r?.ladder_measured), up: n(r?.ladder_up), sumChange: n(r?.ladder_change) },
    placements: { eligible: n(r?.placements_eligible), sustained: n(r?.placements_sustained) },
    debts: {
      n: n(r?.debt_intake),
      stabilised: n(r?.debt_stabilised),
      stressN: n(r?.stress_measured),
      stressSumTenths: n(r?.stress_change_tenths),
    },
  };
}

/** The sums rows of one pilot (or group) as totals of the arms `codes`, in that order. */
function byArm(rows: TotalsRow[], k: number, codes: readonly Arm[]): ArmTotalsByArm {
  const totals: ArmTotalsByArm = {};
  for (const code of codes)
    totals[code] = toTotals(
      rows.find((r) => r.arm === code),
      k,
    );
  return totals;
}

/** The arms one pilot's replies show (`shownArms`), given whether it has control participants. */
async function shownArmsOf(db: Kysely<Database>, pilotId: string, hasControl: boolean) {
  return (await shownArmsByPilot(db, [pilotId], () => hasControl)).get(pilotId)!;
}

/**
 * Totals per arm of one pilot for window `k`: its declared intervention arms, and `control`
 * only when the pilot has control rows.
 */
export async function armTotals(
  db: Kysely<Database>,
  pilotId: string,
  k: number,
): Promise<ArmTotalsByArm> {
  return (await armTotalsByPilot(db, [pilotId], k)).get(pilotId)!;
}

/**
 * Totals per arm of each of the given pilots for window `k`: a standard window is read from the
 * kept-current sums, any other is derived on demand from the pilot's packed timelines.
 */
export async function armTotalsByPilot(
  db: Kysely<Database>,
  pilotIds: readonly string[],
  k: number,
): Promise<Map<string, ArmTotalsByArm>> {
  const result = new Map<string, ArmTotalsByArm>();
  if (pilotIds.length === 0) return result;
  if (!isStandardWindow(k)) {
    for (const id of pilotIds) {
      const p = await pilotPack(db, id);
      const codes = await shownArmsOf(db, id, p?.hasControl ?? false);
      const arms = p && packedTotals(p.pack, k, () => 0).get(0);
      result.set(id, byArmIndex(arms ?? [], p?.pack.armCodes ?? [], codes, k));
    }
    return result;
  }
  const rows = (await db
    .selectFrom('pilot_totals')
    .selectAll()
    .where('pilot_id', 'in', pilotIds)
    .where('window_months', '=', k)
    .execute()) as unknown as TotalsRow[];
  const byPilot = new Map<string, TotalsRow[]>();
  for (const r of rows) {
    const list = byPilot.get(r.pilot_id) ?? [];
    list.push(r);
    byPilot.set(r.pilot_id, list);
  }
  const live = (id: string) => (byPilot.get(id) ?? []).filter((r) => r.participants > 0);
  const shown = await shownArmsByPilot(db, pilotIds, (id) =>
    live(id).some((r) => r.arm === CONTROL_ARM),
  );
  for (const id of pilotIds) result.set(id, byArm(live(id), k, shown.get(id)!));
  return result;
}

/** The sums of `pilot_totals` computed from the window rows, split by a subgroup field or not. */
async function sumWindows(
  db: Kysely<Database>,
  pilotId: string,
  k: number,
  field: SubgroupField | null,
  variable?: StoredVariable,
): Promise<TotalsRow[]> {
  // Driven from the pilot's participants: the window rows are keyed by participant alone.
  const grp = variable ? variableGroupSql(variable) : field ? GROUP_EXPR[field] : 'NULL';
  const values = variable
    ? sql`LEFT JOIN participant_values pv ON pv.participant_id = p.id AND pv.variable_id = ${variable.id}`
    : sql``;
  const { rows } = await sql<TotalsRow>`
    SELECT w.pilot_id AS pilot_id, ${sql.raw(grp)} AS grp, w.arm AS arm,
      ${sql.raw(totalsSelect('w'))}
    FROM participants p
    JOIN ${sql.raw(windowRows(k))} w ON w.participant_id = p.id
    ${values}
    WHERE p.pilot_id = ${pilotId}
    GROUP BY 1, 2, 3`.execute(db);
  return rows;
}

/**
 * SQL of a pilot variable's subgroup on `participant_values` joined as `alias`, the bands
 * generated from the domain's one table.
 */
export function variableGroupSql(v: StoredVariable, alias = 'pv'): string {
  if (v.type === 'category') return `${alias}.level`;
  const bands = integerBands(v);
  if (bands.length === 0) return `${alias}.number_value`;
  const whens = bands.map((b) => `WHEN ${alias}.number_value <= ${b.to} THEN '${b.label}'`);
  return `CASE WHEN ${alias}.number_value IS NULL THEN NULL ${whens.join(' ')} END`;
}

/** A variable's subgroup as SQL hands it back (PostgreSQL gives BIGINT as text). */
export function variableGroupFromSql(v: StoredVariable, raw: unknown): VariableValue | null {
  if (raw === null || raw === undefined) return null;
  if (v.type === 'boolean') return Number(raw) === 1;
  if (v.type === 'category') return raw as string;
  return typeof raw === 'string' && !/^-?\d+$/.test(raw) ? raw : Number(raw);
}

/**
 * Totals per subgroup of one of the pilot's own variables and arm (SPEC §3: "the pilot's own
 * variables included"); participants without a value form the null group.
 */
export async function variableSubgroupTotals(
  db: Kysely<Database>,
  pilotId: string,
  k: number,
  variable: StoredVariable,
): Promise<{ value: VariableValue | null; totals: ArmTotalsByArm }[]> {
  if (!isStandardWindow(k)) {
    const p = await pilotPack(db, pilotId);
    if (!p) return [];
    const values = await valuesOfVariable(db, variable);
    const groupOf = (i: number) =>
      variableGroup(variable, values.get(Number(p.pack.id[i])) ?? null);
    const codes = await shownArmsOf(db, pilotId, p.hasControl);
    return [...packedTotals(p.pack, k, groupOf)].map(([value, arms]) => ({
      value,
      totals: byArmIndex(arms, p.pack.armCodes, codes, k),
    }));
  }
  const rows = await sumWindows(db, pilotId, k, null, variable);
  const codes = await shownArmsOf(
    db,
    pilotId,
    rows.some((r) => r.arm === CONTROL_ARM),
  );
  const groups = new Map<string | number | null, TotalsRow[]>();
  for (const r of rows) {
    // PostgreSQL hands BIGINT back as text: one key per group either way.
    const key =
      r.grp === null ||
      variable.type === 'category' ||
      (typeof r.grp === 'string' && !/^-?\d+$/.test(r.grp))
        ? r.grp
        : Number(r.grp);
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  return [...groups].map(([grp, list]) => ({
    value: grp === null ? null : variable.type === 'boolean' ? Number(grp) === 1 : grp,
    totals: byArm(list, k, codes),
  }));
}

/** The sums of `pilot_totals` recomputed from the window rows: for consistency checks. */
export async function recountTotals(
  db: Kysely<Database>,
  pilotId: string,
  k: number,
): Promise<ArmTotalsByArm> {
  const rows = await sumWindows(db, pilotId, k, null);
  const codes = await shownArmsOf(
    db,
    pilotId,
    rows.some((r) => r.arm === CONTROL_ARM),
  );
  return byArm(rows, k, codes);
}

/** Totals per subgroup value and arm; booleans come back as true/false. */
export async function subgroupTotals(
  db: Kysely<Database>,
  pilotId: string,
  k: number,
  field: SubgroupField,
): Promise<{ value: string | number | boolean | null; totals: ArmTotalsByArm }[]> {
  if (!isStandardWindow(k)) {
    const p = await pilotPack(db, pilotId);
    if (!p) return [];
    const values = p.pack.groups[field].values;
    const codes = await shownArmsOf(db, pilotId, p.hasControl);
    return [...packedTotals(p.pack, k, groupKey(p.pack, field))].map(([code, arms]) => ({
      value: values[code]!,
      totals: byArmIndex(arms, p.pack.armCodes, codes, k),
    }));
  }
  const rows = await sumWindows(db, pilotId, k, field);
  const codes = await shownArmsOf(
    db,
    pilotId,
    rows.some((r) => r.arm === CONTROL_ARM),
  );
  const isBool = field === 'hasDebts' || field === 'disability' || field === 'refugeeStatus';
  const groups = new Map<string | number | null, TotalsRow[]>();
  for (const r of rows) {
    const list = groups.get(r.grp) ?? [];
    list.push(r);
    groups.set(r.grp, list);
  }
  return [...groups].map(([grp, list]) => ({
    value: grp === null ? null : isBool ? Number(grp) === 1 : grp,
    totals: byArm(list, k, codes),
  }));
}

/** Time to first exit of every participant of a pilot, per arm. */
export async function survivalTimes(
  db: Kysely<Database>,
  pilotId: string,
): Promise<{ arm: Arm; firstExit: SurvivalTime }[]> {
  const rows = await db
    .selectFrom('participant_derived')
    .select(['arm', 'first_exit_days', 'first_exit_censored'])
    .where('pilot_id', '=', pilotId)
    .execute();
  return rows.map((r) => ({
    arm: r.arm,
    firstExit: { days: r.first_exit_days, censored: r.first_exit_censored === 1 },
  }));
}

/** Time to debt stabilisation of the pilot's participants with a debt_intake, per arm. */
export async function debtStabilisationTimes(
  db: Kysely<Database>,
  pilotId: string,
): Promise<{ arm: Arm; time: SurvivalTime }[]> {
  const rows = await db
    .selectFrom('participant_derived')
    .select(['arm', 'debt_stabilise_days', 'debt_stabilise_censored'])
    .where('pilot_id', '=', pilotId)
    .where('debt_stabilise_days', 'is not', null)
    .execute();
  return rows.map((r) => ({
    arm: r.arm,
    time: { days: r.debt_stabilise_days!, censored: r.debt_stabilise_censored === 1 },
  }));
}

/** Per participant: intake, baseline gaps and the last ladder measurement, for the follow-up worklist. */
export async function worklistRows(db: Kysely<Database>, pilotId: string) {
  return db
    .selectFrom('participants as p')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('events')
          .select(['participant_id', (e) => e.fn.max('date').as('last_ladder')])
          .where('type', '=', 'ladder')
          .where('pilot_id', '=', pilotId)
          .groupBy('participant_id')
          .as('l'),
      (join) => join.onRef('l.participant_id', '=', 'p.id'),
    )
    .select([
      'p.id',
      'p.participant_ref',
      'p.arm',
      'p.intake_date',
      'p.lost_to_follow_up_date',
      'p.motivation',
      'p.ladder_step',
      'p.household',
      'p.has_debts',
      'p.disability',
      'p.refugee_status',
      'p.education',
      'p.birth_year',
      'l.last_ladder',
    ])
    .where('p.pilot_id', '=', pilotId)
    .orderBy('p.intake_date')
    .orderBy('p.participant_ref')
    .execute();
}

/** Evaluable and off-benefit counts per intake month and arm, for the exit rate by intake cohort. */
export async function cohortCounts(
  db: Kysely<Database>,
  pilotId: string,
  k: number,
): Promise<CohortCount[]> {
  if (!isStandardWindow(k)) return packedCohortCounts(db, pilotId, k);
  const { rows } = await sql<{
    month: string;
    arm: string;
    participants: number;
    evaluable: number;
    off: number;
  }>`
    SELECT substr(p.intake_date, 1, 7) AS month, w.arm AS arm, COUNT(*) AS participants,
      SUM(w.evaluable) AS evaluable, SUM(w.off_benefit) AS off
    FROM participants p JOIN ${sql.raw(windowRows(k))} w ON w.participant_id = p.id
    WHERE p.pilot_id = ${pilotId}
    GROUP BY 1, 2 ORDER BY 1, 2`.execute(db);
  return rows.map((r) => ({
    ...r,
    participants: Number(r.participants),
    evaluable: Number(r.evaluable),
    off: Number(r.off),
  }));
}

/** Participants, evaluable and off-benefit counts of one intake month and arm. */
export interface CohortCount {
  month: string;
  arm: string;
  participants: number;
  evaluable: number;
  off: number;
}

/** `cohortCounts` for a window without derived rows, from the packed timelines. */
async function packedCohortCounts(
  db: Kysely<Database>,
  pilotId: string,
  k: number,
): Promise<CohortCount[]> {
  const p = await pilotPack(db, pilotId);
  if (!p) return [];
  const t0 = p.pack.t0;
  const rows: CohortCount[] = [];
  for (const [month, arms] of packedTotals(p.pack, k, (i) => fromDay(t0[i]!).slice(0, 7))) {
    p.pack.armCodes.forEach((arm, a) => {
      const t = arms[a]!;
      if (t.participants > 0)
        rows.push({ month, arm, participants: t.participants, evaluable: t.evaluable, off: t.off });
    });
  }
  // The SQL path's ORDER BY month, arm.
  return rows.sort((x, y) =>
    x.month === y.month ? (x.arm < y.arm ? -1 : 1) : x.month < y.month ? -1 : 1,
  );
}
