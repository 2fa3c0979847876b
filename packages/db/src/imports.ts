import type { Kysely } from 'kysely';
import { ARMS, defaultArm } from '@wegwijzer/domain';
import type { Baseline, PilotFacts, TimelineEvent, VariableValue } from '@wegwijzer/domain';
import { nowIso } from './clock.ts';
import { BulkInsert, DerivedWriter, recomputeDerived } from './derived.ts';
import type { Tx } from './open.ts';
import { baselineColumns, insertedBaseline } from './repos/participants.ts';
import { listVariablesTx, ValueWriter } from './repos/variables.ts';
import type { Database } from './schema.ts';
import { bumpPilotVersion } from './writes.ts';

export interface StagedParticipant {
  participantRef: string;
  bsnHash: string | null;
  fields: Partial<Baseline>;
  /** The pilot's own variables the file has columns for (null clears a value). */
  variables?: Record<string, VariableValue | null>;
}

export interface StagedEvent {
  participantRef: string;
  event: TimelineEvent;
}

/** The pilot's participants by reference, for validating and resolving an events file. */
export async function participantIndex(
  db: Kysely<Database>,
  pilotId: string,
): Promise<Map<string, { id: number; intakeDate: string }>> {
  const rows = await db
    .selectFrom('participants')
    .select(['id', 'participant_ref', 'intake_date'])
    .where('pilot_id', '=', pilotId)
    .execute();
  const index = new Map<string, { id: number; intakeDate: string }>();
  for (const r of rows)
    index.set(r.participant_ref, { id: Number(r.id), intakeDate: r.intake_date });
  return index;
}

/**
 * Whether a participant of the pilot already has a benefit_end on a date: the pilot's exits are
 * read once, so validating a file asks the database nothing per row.
 */
export async function benefitEndIndex(
  db: Kysely<Database>,
  pilotId: string,
): Promise<(participantId: number, date: string) => boolean> {
  const rows = await db
    .selectFrom('events')
    .select(['participant_id', 'date'])
    .where('pilot_id', '=', pilotId)
    .where('type', '=', 'benefit_end')
    .execute();
  const seen = new Set(rows.map((r) => `${Number(r.participant_id)}|${r.date}`));
  return (participantId, date) => seen.has(`${participantId}|${date}`);
}

/** Ids of the pilot's participants by reference, read inside the write transaction. */
async function idsByRef(tx: Tx, pilotId: string): Promise<Map<string, number>> {
  const rows = await tx.all<{ id: number; participant_ref: string }>(
    'SELECT id, participant_ref FROM participants WHERE pilot_id = ?',
    [pilotId],
  );
  return new Map(rows.map((r) => [r.participant_ref, Number(r.id)]));
}

/**
 * Writes a validated participants file: new references are inserted (multi-row statements), known
 * ones updated in the columns the file has. Runs inside `Store.transaction`, so the whole file
 * lands or none of it; imports into one pilot wait for each other.
 */
export async function writeParticipants(
  tx: Tx,
  pilotId: string,
  pilot: PilotFacts,
  rows: Iterable<StagedParticipant>,
): Promise<{ inserted: number; updated: number }> {
  await tx.lockPilot(pilotId);
  // Opened first, so new participants are derived as their ids come back, from the rows in hand.
  const derived = await DerivedWriter.open(tx, pilotId, pilot);
  const now = nowIso();
  const existing = await idsByRef(tx, pilotId);
  const declared = await tx.all<{ code: string }>(
    'SELECT code FROM pilot_arms WHERE pilot_id = ? ORDER BY position',
    [pilotId],
  );
  const newArm = defaultArm(declared.length > 0 ? declared.map((a) => a.code) : ARMS);
  // One multi-row INSERT per set of columns (a file has one set, so in practice one).
  const inserts = new Map<string, BulkInsert>();
  // New participants waiting for their ids (at most one multi-row INSERT's worth): their
  // baseline columns, and the variable values to write.
  const pending = new Map<string, ReturnType<typeof baselineColumns>>();
  const waitingValues = new Map<string, Record<string, VariableValue | null>>();
  // Participants known before this file and updated by it (a set: a reference twice in a file is
  // recomputed once); also new ones a later line of the file updates again.
  const touched = new Set<number>();
  const values = new ValueWriter(tx, pilotId, await listVariablesTx(tx, pilotId));
  const collect = async (returned: { id: number; participant_ref: string }[]) => {
    for (const r of returned) {
      const id = Number(r.id);
      existing.set(r.participant_ref, id);
      await derived.addFresh(id, insertedBaseline(pending.get(r.participant_ref)!));
      pending.delete(r.participant_ref);
      const v = waitingValues.get(r.participant_ref);
      if (v) {
        waitingValues.delete(r.participant_ref);
        await values.write(id, v, false);
      }
    }
  };
  const flushAll = async () => {
    for (const bulk of inserts.values()) await collect(await bulk.flush());
  };
  let inserted = 0;
  let updated = 0;
  for (const row of rows) {
    const columns = baselineColumns(row.fields);
    // A reference twice in one file: the first must be in before the second updates it.
    if (pending.has(row.participantRef)) await flushAll();
    const id = existing.get(row.participantRef);
    if (id === undefined) {
      // SPEC §4: a missing arm means intervention (the first intervention arm of a pilot without one).
      if (!('arm' in columns)) columns.arm = newArm;
      const stored: Record<string, unknown> =
        row.bsnHash === null ? columns : { ...columns, bsn_hash: row.bsnHash };
      const names = Object.keys(stored);
      const key = names.join(',');
      let bulk = inserts.get(key);
      if (!bulk) {
        bulk = new BulkInsert(
          tx,
          'participants',
          ['pilot_id', 'participant_ref', 'created_at', 'updated_at', ...names],
          undefined,
          ' RETURNING id, participant_ref',
        );
        inserts.set(key, bulk);
      }
      pending.set(row.participantRef, columns);
      if (row.variables) waitingValues.set(row.participantRef, row.variables);
      await collect(
        await bulk.add([pilotId, row.participantRef, now, now, ...Object.values(stored)]),
      );
      inserted++;
    } else {
      const stored: Record<string, unknown> =
        row.bsnHash === null ? columns : { ...columns, bsn_hash: row.bsnHash };
      const names = Object.keys(stored);
      await tx.run(
        `UPDATE participants SET updated_at = ?${names.map((n) => `, ${n} = ?`).join('')} WHERE id = ?`,
        [now, ...Object.values(stored), id],
      );
      if (row.variables) await values.write(id, row.variables, true);
      touched.add(id);
      updated++;
    }
  }
  await flushAll();
  await values.flush();
  await derived.recompute([...touched]);
  await derived.finish();
  await bumpPilotVersion(tx, pilotId);
  return { inserted, updated };
}

const EVENT_COLUMNS = [
  'participant_id',
  'pilot_id',
  'type',
  'date',
  'reason',
  'value',
  'amount_cents',
  'created_at',
];

/** Writes a validated events file; like `writeParticipants`, all or nothing in one transaction. */
export async function writeEvents(
  tx: Tx,
  pilotId: string,
  pilot: PilotFacts,
  rows: Iterable<StagedEvent>,
): Promise<{ inserted: number }> {
  await tx.lockPilot(pilotId);
  const now = nowIso();
  const index = await idsByRef(tx, pilotId);
  const insert = new BulkInsert(tx, 'events', EVENT_COLUMNS);
  const touched = new Set<number>();
  let inserted = 0;
  for (const { participantRef, event: e } of rows) {
    const id = index.get(participantRef);
    if (id === undefined) throw new Error(`Unknown participant ${participantRef} after validation`);
    await insert.add([id, pilotId, e.type, e.date, e.reason, e.value, e.amountCents, now]);
    touched.add(id);
    inserted++;
  }
  await insert.flush();
  await recomputeDerived(tx, pilotId, pilot, [...touched]);
  await bumpPilotVersion(tx, pilotId);
  return { inserted };
}
