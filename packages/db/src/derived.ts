import type { PilotFacts } from '@wegwijzer/domain';
import { deriveParticipant, guidanceCentsFor, type DerivedParticipant } from '@wegwijzer/outcomes';
import type { Tx } from './open.ts';
import { toTimelineEvent, type EventRow } from './repos/events.ts';
import { toBaseline, type ParticipantRow } from './repos/participants.ts';

/**
 * Keeps the derived tables current, inside the caller's write transaction:
 * - `participant_windows`: per participant and window, the facts of SPEC §3 as small numbers;
 * - `participant_derived`: per participant, time to first exit, job placements and time to
 *   debt stabilisation;
 * - `pilot_totals`: per pilot, window and arm, the sums of `participant_windows`, adjusted by
 *   the difference on every recompute, so a summary reads a handful of rows.
 * The figures themselves come from @wegwijzer/outcomes alone.
 */

const CHUNK = 2000;

/** The summed columns, in the order of `pilot_totals` (after its key). */
export const TOTAL_COLUMNS = [
  'participants',
  'evaluable',
  'off_benefit',
  'r_regular_work',
  'r_bbz',
  'r_combination',
  'r_other',
  'sustained',
  'benefit_days',
  'avoided_numerator',
  'offset_cents',
  'guidance_cents',
  'ladder_measured',
  'ladder_up',
  'ladder_change',
  'placements_eligible',
  'placements_sustained',
  'debt_intake',
  'debt_stabilised',
  'stress_measured',
  'stress_change_tenths',
] as const;

interface WindowRow {
  window_months: number;
  arm: string;
  evaluable: number;
  off_benefit: number;
  route: string | null;
  sustained: number | null;
  benefit_days: number;
  off_days: number;
  avoided_numerator: number;
  offset_cents: number;
  guidance_cents: number;
  ladder_measured: number;
  ladder_up: number;
  ladder_change: number;
  placements_eligible: number;
  placements_sustained: number;
  debt_intake: number;
  debt_stabilised: number;
  stress_measured: number;
  stress_change_tenths: number;
}

function windowRows(d: DerivedParticipant): WindowRow[] {
  return Object.values(d.windows).map((w) => {
    const ladder = w.evaluable ? w.ladder : null;
    const offDays = w.evaluable ? (w.offDays ?? 0) : 0;
    return {
      window_months: w.months,
      arm: d.arm,
      evaluable: w.evaluable ? 1 : 0,
      off_benefit: w.offBenefit ? 1 : 0,
      route: w.route,
      sustained: w.sustained === null ? null : w.sustained ? 1 : 0,
      benefit_days: w.evaluable ? (w.benefitDays ?? 0) : 0,
      off_days: offDays,
      avoided_numerator: offDays * d.monthlyBenefitCents,
      offset_cents: w.evaluable ? (w.offsetCents ?? 0) : 0,
      guidance_cents: w.evaluable ? guidanceCentsFor(d.arm, d.guidanceCostCents) : 0,
      ladder_measured: ladder ? 1 : 0,
      ladder_up: ladder && ladder.latest > ladder.intake ? 1 : 0,
      ladder_change: ladder ? ladder.latest - ladder.intake : 0,
      placements_eligible: d.placements.eligible,
      placements_sustained: d.placements.sustained,
      // Null unless evaluable, so a pending row adds nothing.
      debt_intake: w.debts?.intake ? 1 : 0,
      debt_stabilised: w.debts?.stabilised ? 1 : 0,
      stress_measured: w.moneyStressChangeTenths === null ? 0 : 1,
      stress_change_tenths: w.moneyStressChangeTenths ?? 0,
    };
  });
}

/** A window row's contribution to its pilot's totals. */
function contribution(r: WindowRow): number[] {
  return [
    1,
    r.evaluable,
    r.off_benefit,
    r.route === 'regular_work' ? 1 : 0,
    r.route === 'bbz' ? 1 : 0,
    r.route === 'combination' ? 1 : 0,
    r.route === 'other' ? 1 : 0,
    r.evaluable === 1 && r.sustained === 1 ? 1 : 0,
    r.benefit_days,
    r.avoided_numerator,
    r.offset_cents,
    r.guidance_cents,
    r.ladder_measured,
    r.ladder_up,
    r.ladder_change,
    r.placements_eligible,
    r.placements_sustained,
    r.debt_intake,
    r.debt_stabilised,
    r.stress_measured,
    r.stress_change_tenths,
  ];
}

/** Differences to the pilot totals, collected over a recompute and written once. */
class TotalsDelta {
  private readonly deltas = new Map<string, number[]>();

  add(row: WindowRow, sign: 1 | -1): void {
    const key = `${row.window_months}|${row.arm}`;
    let d = this.deltas.get(key);
    if (!d) this.deltas.set(key, (d = new Array<number>(TOTAL_COLUMNS.length).fill(0)));
    const c = contribution(row);
    for (let i = 0; i < c.length; i++) d[i]! += sign * c[i]!;
  }

  /** One multi-row upsert; keys in a fixed order, so concurrent writers lock rows alike. */
  async flush(tx: Tx, pilotId: string): Promise<void> {
    if (this.deltas.size === 0) return;
    const keys = [...this.deltas.keys()].sort();
    const tuple = `(?, ?, ?, ${TOTAL_COLUMNS.map(() => '?').join(', ')})`;
    await tx.run(
      `INSERT INTO pilot_totals (pilot_id, window_months, arm, ${TOTAL_COLUMNS.join(', ')})
       VALUES ${keys.map(() => tuple).join(', ')}
       ON CONFLICT (pilot_id, window_months, arm) DO UPDATE SET
       ${TOTAL_COLUMNS.map((c) => `${c} = pilot_totals.${c} + excluded.${c}`).join(', ')}`,
      keys.flatMap((key) => {
        const [k, arm] = key.split('|');
        return [pilotId, Number(k), arm, ...this.deltas.get(key)!];
      }),
    );
    this.deltas.clear();
  }
}

const WINDOW_COLUMNS = [
  'participant_id',
  'pilot_id',
  'arm',
  'window_months',
  'evaluable',
  'off_benefit',
  'route',
  'sustained',
  'benefit_days',
  'off_days',
  'avoided_numerator',
  'offset_cents',
  'guidance_cents',
  'ladder_measured',
  'ladder_up',
  'ladder_change',
  'placements_eligible',
  'placements_sustained',
  'debt_intake',
  'debt_stabilised',
  'stress_measured',
  'stress_change_tenths',
] as const;
const DERIVED_COLUMNS = [
  'participant_id',
  'pilot_id',
  'arm',
  'first_exit_days',
  'first_exit_censored',
  'placements_eligible',
  'placements_sustained',
  'debt_stabilise_days',
  'debt_stabilise_censored',
  'data_version',
] as const;

/**
 * Rows per multi-row INSERT on SQLite: far fewer statements (and, through the asynchronous
 * transaction, far fewer promise hops), well under its 32,766 parameters.
 */
const ROWS_PER_INSERT = 500;
/** Rows per statement on PostgreSQL, where a statement takes one array parameter per column. */
const ROWS_PER_UNNEST = 5000;

/** PostgreSQL column types by table, for the casts of `unnest`; the schema is fixed at runtime. */
const columnTypes = new Map<string, Map<string, string>>();

async function typesOf(tx: Tx, table: string): Promise<Map<string, string>> {
  let types = columnTypes.get(table);
  if (!types) {
    const rows = await tx.all<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = ?`,
      [table],
    );
    types = new Map(rows.map((r) => [r.column_name, r.data_type]));
    columnTypes.set(table, types);
  }
  return types;
}

/**
 * Inserts rows of values in few statements: multi-row `VALUES` on SQLite; on PostgreSQL
 * `INSERT … SELECT * FROM unnest($1::type[], …)`, one array per column, which PostgreSQL parses
 * far faster than thousands of separate parameters. `tail` may add `RETURNING …`.
 */
export class BulkInsert {
  private pending: unknown[][] = [];
  private readonly rowsPerInsert: number;

  constructor(
    private readonly tx: Tx,
    private readonly table: string,
    private readonly columns: readonly string[],
    rowsPerInsert?: number,
    private readonly tail = '',
  ) {
    this.rowsPerInsert =
      rowsPerInsert ??
      (tx.dialect === 'postgres'
        ? ROWS_PER_UNNEST
        : Math.max(1, Math.min(ROWS_PER_INSERT, Math.floor(30_000 / columns.length))));
  }

  /** Adds one row; writes a full statement when one is due (returns its RETURNING rows). */
  async add<T = unknown>(values: readonly unknown[]): Promise<T[]> {
    this.pending.push(values as unknown[]);
    return this.pending.length >= this.rowsPerInsert ? this.flush<T>() : [];
  }

  /** Writes what is pending in one statement. */
  async flush<T = unknown>(): Promise<T[]> {
    const rows = this.pending;
    if (rows.length === 0) return [];
    this.pending = [];
    const head = `INSERT INTO ${this.table} (${this.columns.join(', ')}) `;
    let text: string;
    let params: unknown[];
    if (this.tx.dialect === 'postgres') {
      const types = await typesOf(this.tx, this.table);
      text = `${head}SELECT * FROM unnest(${this.columns
        .map((c) => `?::${types.get(c) ?? 'text'}[]`)
        .join(', ')})${this.tail}`;
      params = this.columns.map((_, i) => rows.map((r) => r[i] ?? null));
    } else {
      const tuple = `(${this.columns.map(() => '?').join(',')})`;
      text = `${head}VALUES ${Array(rows.length).fill(tuple).join(',')}${this.tail}`;
      params = rows.flat();
    }
    if (this.tail) return this.tx.all<T>(text, params);
    await this.tx.run(text, params);
    return [];
  }
}

/** Recomputes the derived rows of the given participants, inside the caller's transaction. */
export async function recomputeDerived(
  tx: Tx,
  pilotId: string,
  pilot: PilotFacts,
  participantIds: readonly number[],
): Promise<void> {
  // Two writers recomputing one participant at once would both subtract its old rows.
  await tx.lockPilot(pilotId);
  // Every write that changes an outcome passes here: the version keys the packed timelines of
  // windows computed on demand (windows.ts), and marks the rows this write recomputes.
  const version = Number(
    (
      await tx.get<{ data_version: number }>(
        'UPDATE pilots SET data_version = data_version + 1 WHERE id = ? RETURNING data_version',
        [pilotId],
      )
    )?.data_version ?? 0,
  );
  const windows = new BulkInsert(tx, 'participant_windows', WINDOW_COLUMNS);
  const derived = new BulkInsert(tx, 'participant_derived', DERIVED_COLUMNS);
  const delta = new TotalsDelta();
  for (let i = 0; i < participantIds.length; i += CHUNK) {
    const ids = participantIds.slice(i, i + CHUNK);
    const marks = ids.map(() => '?').join(',');
    // The old rows leave the totals before they go.
    for (const old of await tx.all<WindowRow>(
      `SELECT * FROM participant_windows WHERE participant_id IN (${marks})`,
      ids,
    )) {
      delta.add(old, -1);
    }
    await tx.run(`DELETE FROM participant_windows WHERE participant_id IN (${marks})`, ids);
    await tx.run(`DELETE FROM participant_derived WHERE participant_id IN (${marks})`, ids);
    const participants = await tx.all<ParticipantRow>(
      `SELECT * FROM participants WHERE id IN (${marks})`,
      ids,
    );
    const events = await tx.all<EventRow & { participant_id: number }>(
      `SELECT participant_id, type, date, reason, value, amount_cents FROM events
       WHERE participant_id IN (${marks}) ORDER BY participant_id, date, id`,
      ids,
    );
    const byParticipant = new Map<number, ReturnType<typeof toTimelineEvent>[]>();
    for (const e of events) {
      let list = byParticipant.get(e.participant_id);
      if (!list) byParticipant.set(e.participant_id, (list = []));
      list.push(toTimelineEvent(e));
    }
    for (const p of participants) {
      const d = deriveParticipant(toBaseline(p), byParticipant.get(p.id) ?? [], pilot);
      for (const row of windowRows(d)) {
        await windows.add([
          p.id,
          pilotId,
          row.arm,
          row.window_months,
          row.evaluable,
          row.off_benefit,
          row.route,
          row.sustained,
          row.benefit_days,
          row.off_days,
          row.avoided_numerator,
          row.offset_cents,
          row.guidance_cents,
          row.ladder_measured,
          row.ladder_up,
          row.ladder_change,
          row.placements_eligible,
          row.placements_sustained,
          row.debt_intake,
          row.debt_stabilised,
          row.stress_measured,
          row.stress_change_tenths,
        ]);
        delta.add(row, 1);
      }
      await derived.add([
        p.id,
        pilotId,
        d.arm,
        d.firstExit.days,
        d.firstExit.censored ? 1 : 0,
        d.placements.eligible,
        d.placements.sustained,
        d.debtStabilisation?.days ?? null,
        d.debtStabilisation === null ? null : d.debtStabilisation.censored ? 1 : 0,
        version,
      ]);
    }
  }
  await windows.flush();
  await derived.flush();
  await delta.flush(tx, pilotId);
}

/**
 * Takes participants' derived rows out of their pilot's totals and deletes them, inside the
 * caller's transaction: an erasure leaves the totals as if the participants had never been
 * imported.
 */
export async function removeDerived(
  tx: Tx,
  pilotId: string,
  participantIds: readonly number[],
): Promise<void> {
  await tx.lockPilot(pilotId);
  const delta = new TotalsDelta();
  for (let i = 0; i < participantIds.length; i += CHUNK) {
    const ids = participantIds.slice(i, i + CHUNK);
    const marks = ids.map(() => '?').join(',');
    for (const old of await tx.all<WindowRow>(
      `SELECT * FROM participant_windows WHERE participant_id IN (${marks})`,
      ids,
    )) {
      delta.add(old, -1);
    }
    await tx.run(`DELETE FROM participant_windows WHERE participant_id IN (${marks})`, ids);
    await tx.run(`DELETE FROM participant_derived WHERE participant_id IN (${marks})`, ids);
  }
  await delta.flush(tx, pilotId);
}

/** Recomputes every participant of a pilot, e.g. after its observation end or defaults changed. */
export async function recomputePilot(tx: Tx, pilotId: string, pilot: PilotFacts): Promise<number> {
  await tx.lockPilot(pilotId);
  const ids = (
    await tx.all<{ id: number }>('SELECT id FROM participants WHERE pilot_id = ? ORDER BY id', [
      pilotId,
    ])
  ).map((r) => r.id);
  await recomputeDerived(tx, pilotId, pilot, ids);
  return ids.length;
}
