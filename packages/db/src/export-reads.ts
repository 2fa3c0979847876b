import type { Baseline, TimelineEvent, VariableValue } from '@wegwijzer/domain';
import { eventsOf, participantsByIds } from './cohort.ts';
import type { RawSqlite, Statement, Store } from './open.ts';
import { toTimelineEvent } from './repos/events.ts';
import { toBaseline, type ParticipantRow } from './repos/participants.ts';
import { fromStored, valuesOf, type StoredVariable } from './repos/variables.ts';

/** One participant of a cohort export as the export writes it: baseline, events, own values. */
export interface ExportPerson {
  id: number;
  baseline: Baseline;
  /** In timeline order (date, then recording order). */
  events: TimelineEvent[];
  /** The pilot's own variables with a value, by code. */
  values: Record<string, VariableValue> | undefined;
}

// The ids go in as one JSON array: one prepared statement serves every page size.
const PARTICIPANTS_SQL = `SELECT id, arm, intake_date, monthly_benefit_cents, guidance_cost_cents,
  household, birth_year, motivation, ladder_step, has_debts, disability, refugee_status, education,
  lost_to_follow_up_date FROM participants WHERE id IN (SELECT value FROM json_each(?))`;
const EVENTS_SQL = `SELECT participant_id, type, date, reason, value, amount_cents FROM events
  WHERE participant_id IN (SELECT value FROM json_each(?)) ORDER BY participant_id, date, id`;
const VALUES_SQL = `SELECT participant_id, variable_id, number_value, level FROM participant_values
  WHERE participant_id IN (SELECT value FROM json_each(?))`;

interface Statements {
  participants: Statement;
  events: Statement;
  values: Statement;
}

/** Prepared once per handle and read as arrays: no statement compiling, no row objects. */
const prepared = new WeakMap<RawSqlite, Statements>();
function statementsOf(sqlite: RawSqlite): Statements {
  let s = prepared.get(sqlite);
  if (!s) {
    s = {
      participants: sqlite.prepare(PARTICIPANTS_SQL).raw(true),
      events: sqlite.prepare(EVENTS_SQL).raw(true),
      values: sqlite.prepare(VALUES_SQL).raw(true),
    };
    prepared.set(sqlite, s);
  }
  return s;
}

const bool = (v: unknown): boolean | null => (v === null ? null : Number(v) === 1);

type Cell = string | number | null;

function sqlitePage(
  sqlite: RawSqlite,
  ids: readonly number[],
  variables: readonly StoredVariable[],
  withEvents: boolean,
): Map<number, ExportPerson> {
  const s = statementsOf(sqlite);
  const list = JSON.stringify(ids);
  const byId = new Map<number, ExportPerson>();
  for (const r of s.participants.all(list) as Cell[][]) {
    const id = r[0] as number;
    byId.set(id, {
      id,
      baseline: {
        arm: r[1] as Baseline['arm'],
        intakeDate: r[2] as string,
        monthlyBenefitCents: r[3] as number | null,
        guidanceCostCents: r[4] as number | null,
        household: r[5] as Baseline['household'],
        birthYear: r[6] as number | null,
        motivation: r[7] as number | null,
        ladderStep: r[8] as number | null,
        hasDebts: bool(r[9]),
        disability: bool(r[10]),
        refugeeStatus: bool(r[11]),
        education: r[12] as Baseline['education'],
        lostToFollowUpDate: r[13] as string | null,
      },
      events: [],
      values: undefined,
    });
  }
  if (withEvents) {
    let person: ExportPerson | undefined;
    for (const r of s.events.all(list) as Cell[][]) {
      if (person?.id !== r[0]) person = byId.get(r[0] as number);
      person?.events.push({
        type: r[1] as TimelineEvent['type'],
        date: r[2] as string,
        reason: r[3] as TimelineEvent['reason'],
        value: r[4] as number | null,
        amountCents: r[5] as number | null,
      });
    }
  }
  if (variables.length > 0) {
    const vars = new Map(variables.map((v) => [v.id, v]));
    for (const r of s.values.all(list) as Cell[][]) {
      const v = vars.get(Number(r[1]));
      const person = byId.get(r[0] as number);
      if (!v || !person) continue;
      (person.values ??= {})[v.code] = fromStored(v.type, r[2] as number | null, r[3] as string);
    }
  }
  return byId;
}

async function postgresPage(
  store: Store,
  pilotId: string,
  ids: readonly number[],
  variables: readonly StoredVariable[],
  withEvents: boolean,
): Promise<Map<number, ExportPerson>> {
  const byId = new Map<number, ExportPerson>();
  for (const r of (await participantsByIds(store.db, ids)) as ParticipantRow[]) {
    const id = Number(r.id);
    byId.set(id, { id, baseline: toBaseline(r), events: [], values: undefined });
  }
  if (withEvents)
    for (const e of await eventsOf(store.db, ids))
      byId.get(Number(e.participant_id))?.events.push(toTimelineEvent(e));
  if (variables.length > 0)
    for (const [id, values] of await valuesOf(store.db, pilotId, ids)) {
      const person = byId.get(id);
      if (person) person.values = values;
    }
  return byId;
}

/**
 * One page of an export: the participants with these ids, in the order of `ids` (those no longer
 * there are left out), each with its events and its values of `variables`, in three statements.
 * On SQLite they run on the raw handle under Kysely's connection mutex, so no transaction of ours
 * is half-way through and the three see the same data.
 */
export async function readExportPage(
  store: Store,
  pilotId: string,
  ids: readonly number[],
  variables: readonly StoredVariable[],
  withEvents = true,
): Promise<ExportPerson[]> {
  if (ids.length === 0) return [];
  const byId =
    store.kind === 'sqlite'
      ? await store.db
          .connection()
          .execute(async () => sqlitePage(store.sqlite, ids, variables, withEvents))
      : await postgresPage(store, pilotId, ids, variables, withEvents);
  const out: ExportPerson[] = [];
  for (const id of ids) {
    const person = byId.get(id);
    if (person) out.push(person);
  }
  return out;
}
