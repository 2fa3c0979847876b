import { WINDOWS, type Baseline, type PilotFacts } from '@wegwijzer/domain';
import { deriveParticipant, type DerivedParticipant } from '@wegwijzer/outcomes';
import { preparedOn, type RawSqlite, type Tx } from './open.ts';
import { returnedColumns, startCopy, startCopyReturning } from './pg-copy.ts';
import { withArmGuidanceCostsTx } from './repos/arms.ts';
import { toTimelineEvent, type EventRow } from './repos/events.ts';
import { toBaseline, type ParticipantRow } from './repos/participants.ts';
import {
  addContribution,
  TOTAL_COLUMNS,
  totalsSelect,
  WIDE_COLUMNS,
  wideValues,
  windowFacts,
  windowRows,
  type WindowFacts,
} from './window-columns.ts';

/**
 * Keeps the derived tables current, inside the caller's write transaction:
 * - `participant_derived`: one row per participant: time to first exit, job placements, time to
 *   debt stabilisation, and per standard window the facts of SPEC §3 as small numbers
 *   (`w<k>_<fact>`, read as window rows through `windowRows`);
 * - `pilot_totals`: per pilot, window and arm, the sums of those window facts, adjusted by
 *   the difference on every recompute, so a summary reads a handful of rows.
 * The figures themselves come from @wegwijzer/outcomes alone.
 */

const CHUNK = 2000;

export { TOTAL_COLUMNS } from './window-columns.ts';

/** Differences to the pilot totals, collected over a recompute and written once. */
class TotalsDelta {
  private readonly deltas = new Map<string, number[]>();

  private vector(months: number, arm: string): number[] {
    const key = `${months}|${arm}`;
    let d = this.deltas.get(key);
    if (!d) this.deltas.set(key, (d = new Array<number>(TOTAL_COLUMNS.length).fill(0)));
    return d;
  }

  add(months: number, arm: string, facts: WindowFacts, sign: 1 | -1): void {
    addContribution(this.vector(months, arm), facts, sign);
  }

  /** Takes sums already made in SQL (`totalsSelect`) off the totals. */
  subtract(months: number, arm: string, sums: Record<string, unknown>): void {
    const d = this.vector(months, arm);
    for (let i = 0; i < TOTAL_COLUMNS.length; i++) d[i]! -= Number(sums[TOTAL_COLUMNS[i]!] ?? 0);
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

/**
 * Takes the stored window rows of `ids` out of the totals, summed per window and arm in one
 * statement: the rows themselves are never read back as objects.
 */
async function subtractStored(tx: Tx, delta: TotalsDelta, ids: readonly number[]): Promise<void> {
  const marks = ids.map(() => '?').join(',');
  const perWindow = WINDOWS.map(
    (k) => `SELECT w.window_months AS window_months, w.arm AS arm, ${totalsSelect('w')}
     FROM ${windowRows(k)} w WHERE w.participant_id IN (${marks})
     GROUP BY w.window_months, w.arm`,
  );
  const sums = await tx.all<Record<string, unknown> & { window_months: number; arm: string }>(
    perWindow.join(' UNION ALL '),
    WINDOWS.flatMap(() => ids),
  );
  for (const s of sums) delta.subtract(Number(s.window_months), s.arm, s);
}

/** One row per participant: the facts once per participant, then every window's (migration 010). */
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
  ...WIDE_COLUMNS,
] as const;

/**
 * Rows per multi-row INSERT on SQLite: far fewer statements (and, through the asynchronous
 * transaction, far fewer promise hops), well under its 32,766 parameters.
 */
const ROWS_PER_INSERT = 500;
/** Rows per statement on PostgreSQL, where a statement takes one array parameter per column. */
const ROWS_PER_UNNEST = 5000;
/**
 * Rows per COPY on PostgreSQL: a COPY costs little more than its round trip, and a smaller one
 * sent sooner runs in the server while the next rows are computed.
 */
const ROWS_PER_COPY = 1000;

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
 *
 * On SQLite a full batch goes through one statement prepared once on the transaction's raw
 * handle, its parameters laid out by a plain loop: Kysely's path and `rows.flat()` cost most
 * of an import's time (issue 21).
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
      (tx.pg
        ? ROWS_PER_COPY
        : tx.dialect === 'postgres'
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
    if (this.tx.sqlite) return this.flushRaw<T>(this.tx.sqlite, rows);
    const head = `INSERT INTO ${this.table} (${this.columns.join(', ')}) `;
    let text: string;
    let params: unknown[];
    if (this.tx.dialect === 'postgres') {
      const types = await typesOf(this.tx, this.table);
      // COPY on the transaction's own connection where there is one (pg-copy.ts); it runs on
      // while the caller computes the next rows, and the transaction's next statement waits.
      const client = this.tx.pg;
      if (client && !this.tail) {
        startCopy(client, this.table, this.columns, rows);
        return [];
      }
      const returned = client && returnedColumns(this.tail, this.columns, types);
      if (client && returned)
        return startCopyReturning<T>(client, this.table, this.columns, rows, returned);
      text = `${head}SELECT * FROM unnest(${this.columns
        .map((c) => `?::${types.get(c) ?? 'text'}[]`)
        .join(', ')})${this.tail}`;
      params = this.columns.map((_, i) => rows.map((r) => r[i] ?? null));
    } else {
      text = this.valuesSql(rows.length);
      params = flatten(rows, this.columns.length);
    }
    if (this.tail) return this.tx.all<T>(text, params);
    await this.tx.run(text, params);
    return [];
  }

  private valuesSql(n: number): string {
    const tuple = `(${this.columns.map(() => '?').join(',')})`;
    return `INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${Array(n).fill(tuple).join(',')}${this.tail}`;
  }

  private flushRaw<T>(sqlite: RawSqlite, rows: unknown[][]): T[] {
    if (rows.length === this.rowsPerInsert) {
      const statement = preparedOn(sqlite, this.valuesSql(rows.length));
      const params = flatten(rows, this.columns.length);
      if (this.tail) return statement.all(params) as T[];
      statement.run(params);
      return [];
    }
    // A partial batch (the last of a file) goes row by row through one cached single-row
    // statement: a multi-row statement of its own size would be compiled for this one use and
    // hold megabytes of native memory until a garbage collection frees it.
    const one = preparedOn(sqlite, this.valuesSql(1));
    const out: T[] = [];
    for (const row of rows) {
      const params = flatten([row], this.columns.length);
      if (this.tail) out.push(...(one.all(params) as T[]));
      else one.run(params);
    }
    return out;
  }
}

/** Rows of values as one parameter list; a plain loop, many times faster than `flat()`. */
function flatten(rows: readonly unknown[][], width: number): unknown[] {
  const out = new Array<unknown>(rows.length * width);
  let j = 0;
  for (const r of rows) for (let i = 0; i < width; i++) out[j++] = r[i] ?? null;
  return out;
}

/** Recomputes the derived rows of the given participants, inside the caller's transaction. */
export async function recomputeDerived(
  tx: Tx,
  pilotId: string,
  pilot: PilotFacts,
  participantIds: readonly number[],
  options: RecomputeOptions = {},
): Promise<void> {
  const writer = await DerivedWriter.open(tx, pilotId, pilot);
  await writer.recompute(participantIds, options.fresh);
  await writer.finish();
}

/**
 * One write's recompute, opened before the write's own rows go in and finished after them:
 * participants the write inserts are derived from the rows in hand as their ids come back
 * (`addFresh`: they have no events and no derived rows yet, so nothing is read back), the
 * others are read back and recomputed (`recompute`). Either way the rows and the totals come
 * out as `recomputeDerived` writes them (test/api/import-fresh-derived.test.ts).
 */
export class DerivedWriter {
  private readonly derived: BulkInsert;
  // The totals change by the difference, kept in memory and written once: exact, since every
  // old row is subtracted and every new one added inside this transaction.
  private readonly delta = new TotalsDelta();

  private constructor(
    private readonly tx: Tx,
    private readonly pilotId: string,
    private readonly pilot: PilotFacts,
    private readonly version: number,
  ) {
    this.derived = new BulkInsert(tx, 'participant_derived', DERIVED_COLUMNS);
  }

  static async open(tx: Tx, pilotId: string, pilot: PilotFacts): Promise<DerivedWriter> {
    // Two writers recomputing one participant at once would both subtract its old rows.
    await tx.lockPilot(pilotId);
    // The arms' own default guidance costs as stored now, whatever the caller's record holds.
    const facts = await withArmGuidanceCostsTx(tx, pilotId, pilot);
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
    return new DerivedWriter(tx, pilotId, facts, version);
  }

  /** A participant this write has just inserted, with the baseline it was inserted with. */
  async addFresh(participantId: number, baseline: Baseline): Promise<void> {
    await this.write(participantId, deriveParticipant(baseline, [], this.pilot));
  }

  /**
   * Recomputes stored participants from what the database holds now; `fresh` names those this
   * transaction inserted, which have no derived rows yet to take out.
   */
  async recompute(participantIds: readonly number[], fresh?: ReadonlySet<number>): Promise<void> {
    const { tx } = this;
    // Rows `addFresh` left pending must be in before they can be taken out again.
    await this.derived.flush();
    for (let i = 0; i < participantIds.length; i += CHUNK) {
      const ids = participantIds.slice(i, i + CHUNK);
      const marks = ids.map(() => '?').join(',');
      const stored = fresh ? ids.filter((id) => !fresh.has(id)) : ids;
      if (stored.length > 0) {
        const storedMarks = stored.map(() => '?').join(',');
        await subtractStored(tx, this.delta, stored);
        await tx.run(
          `DELETE FROM participant_derived WHERE participant_id IN (${storedMarks})`,
          stored,
        );
      }
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
      for (const p of participants)
        await this.write(
          p.id,
          deriveParticipant(toBaseline(p), byParticipant.get(p.id) ?? [], this.pilot),
        );
    }
  }

  /** Writes what is pending: the last derived rows and the totals' difference. */
  async finish(): Promise<void> {
    await this.derived.flush();
    await this.delta.flush(this.tx, this.pilotId);
  }

  private async write(participantId: number, d: DerivedParticipant): Promise<void> {
    const windows = windowFacts(d);
    for (const { months, facts } of windows) this.delta.add(months, d.arm, facts, 1);
    await this.derived.add([
      participantId,
      this.pilotId,
      d.arm,
      d.firstExit.days,
      d.firstExit.censored ? 1 : 0,
      d.placements.eligible,
      d.placements.sustained,
      d.debtStabilisation?.days ?? null,
      d.debtStabilisation === null ? null : d.debtStabilisation.censored ? 1 : 0,
      this.version,
      ...wideValues(windows),
    ]);
  }
}

export interface RecomputeOptions {
  /** Participants this transaction inserted: they have no derived rows to take out first. */
  fresh?: ReadonlySet<number>;
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
    await subtractStored(tx, delta, ids);
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
