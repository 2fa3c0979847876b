import type BetterSqlite3 from 'better-sqlite3';
import type { PilotFacts } from '@wegwijzer/domain';
import { deriveParticipant, type DerivedParticipant } from '@wegwijzer/outcomes';
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
      guidance_cents: w.evaluable && d.arm === 'intervention' ? d.guidanceCostCents : 0,
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

  flush(raw: BetterSqlite3.Database, pilotId: string): void {
    const upsert = raw.prepare(
      `INSERT INTO pilot_totals (pilot_id, window_months, arm, ${TOTAL_COLUMNS.join(', ')})
       VALUES (?, ?, ?, ${TOTAL_COLUMNS.map(() => '?').join(', ')})
       ON CONFLICT (pilot_id, window_months, arm) DO UPDATE SET
       ${TOTAL_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
    );
    for (const [key, d] of this.deltas) {
      const [k, arm] = key.split('|');
      upsert.run(pilotId, Number(k), arm, ...d);
    }
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
] as const;

/** Rows per multi-row INSERT: far fewer statements, well under SQLite's parameter limit. */
const ROWS_PER_INSERT = 100;

/** Inserts rows of values in statements of ROWS_PER_INSERT rows each. */
class BulkInsert {
  private readonly full: BetterSqlite3.Statement;
  private readonly one: BetterSqlite3.Statement;
  private pending: unknown[] = [];
  private rows = 0;

  constructor(
    raw: BetterSqlite3.Database,
    table: string,
    private readonly columns: readonly string[],
  ) {
    const tuple = `(${columns.map(() => '?').join(',')})`;
    const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    this.full = raw.prepare(head + Array(ROWS_PER_INSERT).fill(tuple).join(','));
    this.one = raw.prepare(head + tuple);
  }

  add(values: readonly unknown[]): void {
    for (const v of values) this.pending.push(v);
    if (++this.rows === ROWS_PER_INSERT) {
      this.full.run(this.pending);
      this.pending = [];
      this.rows = 0;
    }
  }

  flush(): void {
    const width = this.columns.length;
    for (let i = 0; i < this.rows; i++)
      this.one.run(this.pending.slice(i * width, (i + 1) * width));
    this.pending = [];
    this.rows = 0;
  }
}

/** Recomputes the derived rows of the given participants, inside the caller's transaction. */
export function recomputeDerived(
  raw: BetterSqlite3.Database,
  pilotId: string,
  pilot: PilotFacts,
  participantIds: readonly number[],
): void {
  const windows = new BulkInsert(raw, 'participant_windows', WINDOW_COLUMNS);
  const derived = new BulkInsert(raw, 'participant_derived', DERIVED_COLUMNS);
  const delta = new TotalsDelta();
  for (let i = 0; i < participantIds.length; i += CHUNK) {
    const ids = participantIds.slice(i, i + CHUNK);
    const marks = ids.map(() => '?').join(',');
    // The old rows leave the totals before they go.
    for (const old of raw
      .prepare(`SELECT * FROM participant_windows WHERE participant_id IN (${marks})`)
      .all(...ids) as WindowRow[]) {
      delta.add(old, -1);
    }
    raw.prepare(`DELETE FROM participant_windows WHERE participant_id IN (${marks})`).run(...ids);
    raw.prepare(`DELETE FROM participant_derived WHERE participant_id IN (${marks})`).run(...ids);
    const participants = raw
      .prepare(`SELECT * FROM participants WHERE id IN (${marks})`)
      .all(...ids) as ParticipantRow[];
    const events = raw
      .prepare(
        `SELECT participant_id, type, date, reason, value, amount_cents FROM events
         WHERE participant_id IN (${marks}) ORDER BY participant_id, date, id`,
      )
      .all(...ids) as (EventRow & { participant_id: number })[];
    const byParticipant = new Map<number, ReturnType<typeof toTimelineEvent>[]>();
    for (const e of events) {
      let list = byParticipant.get(e.participant_id);
      if (!list) byParticipant.set(e.participant_id, (list = []));
      list.push(toTimelineEvent(e));
    }
    for (const p of participants) {
      const d = deriveParticipant(toBaseline(p), byParticipant.get(p.id) ?? [], pilot);
      for (const row of windowRows(d)) {
        windows.add([
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
      derived.add([
        p.id,
        pilotId,
        d.arm,
        d.firstExit.days,
        d.firstExit.censored ? 1 : 0,
        d.placements.eligible,
        d.placements.sustained,
        d.debtStabilisation?.days ?? null,
        d.debtStabilisation === null ? null : d.debtStabilisation.censored ? 1 : 0,
      ]);
    }
  }
  windows.flush();
  derived.flush();
  delta.flush(raw, pilotId);
}

/** Recomputes every participant of a pilot, e.g. after its observation end or defaults changed. */
export function recomputePilot(
  raw: BetterSqlite3.Database,
  pilotId: string,
  pilot: PilotFacts,
): number {
  const ids = (
    raw.prepare('SELECT id FROM participants WHERE pilot_id = ? ORDER BY id').all(pilotId) as {
      id: number;
    }[]
  ).map((r) => r.id);
  recomputeDerived(raw, pilotId, pilot, ids);
  return ids.length;
}
