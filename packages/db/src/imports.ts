import type BetterSqlite3 from 'better-sqlite3';
import type { Baseline, PilotFacts, TimelineEvent } from '@wegwijzer/domain';
import { nowIso } from './clock.ts';
import { recomputeDerived } from './derived.ts';
import { baselineColumns } from './repos/participants.ts';
import { bumpPilotVersion } from './writes.ts';

type Raw = BetterSqlite3.Database;

export interface StagedParticipant {
  participantRef: string;
  bsnHash: string | null;
  fields: Partial<Baseline>;
}

export interface StagedEvent {
  participantRef: string;
  event: TimelineEvent;
}

/** The pilot's participants by reference, for validating and resolving an events file. */
export function participantIndex(
  raw: Raw,
  pilotId: string,
): Map<string, { id: number; intakeDate: string }> {
  const rows = raw
    .prepare('SELECT id, participant_ref, intake_date FROM participants WHERE pilot_id = ?')
    .raw()
    .iterate(pilotId) as IterableIterator<[number, string, string]>;
  const index = new Map<string, { id: number; intakeDate: string }>();
  for (const [id, ref, intakeDate] of rows) index.set(ref, { id, intakeDate });
  return index;
}

export function hasBenefitEndOn(raw: Raw): (participantId: number, date: string) => boolean {
  const stmt = raw
    .prepare("SELECT 1 FROM events WHERE participant_id = ? AND date = ? AND type = 'benefit_end'")
    .pluck();
  return (participantId, date) => stmt.get(participantId, date) !== undefined;
}

/**
 * Writes a validated participants file: new references are inserted, known ones updated in the
 * columns the file has. Runs inside `Store.writeTx`, so the whole file lands or none of it.
 */
export function writeParticipants(
  raw: Raw,
  pilotId: string,
  pilot: PilotFacts,
  rows: Iterable<StagedParticipant>,
): { inserted: number; updated: number } {
  const now = nowIso();
  const find = raw
    .prepare('SELECT id FROM participants WHERE pilot_id = ? AND participant_ref = ?')
    .pluck();
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = raw.prepare(sql)));
    return s;
  };
  const touched: number[] = [];
  let inserted = 0;
  let updated = 0;
  for (const row of rows) {
    const columns: Record<string, unknown> = { ...baselineColumns(row.fields) };
    if (row.bsnHash !== null) columns.bsn_hash = row.bsnHash;
    const names = Object.keys(columns);
    const existing = find.get(pilotId, row.participantRef) as number | undefined;
    if (existing === undefined) {
      // SPEC §4: a missing arm means intervention.
      if (!('arm' in columns)) {
        columns.arm = 'intervention';
        names.push('arm');
      }
      const result = prepared(
        `INSERT INTO participants (pilot_id, participant_ref, created_at, updated_at${names.map((n) => `, ${n}`).join('')})
         VALUES (?, ?, ?, ?${names.map(() => ', ?').join('')})`,
      ).run(pilotId, row.participantRef, now, now, ...Object.values(columns));
      touched.push(Number(result.lastInsertRowid));
      inserted++;
    } else {
      prepared(
        `UPDATE participants SET updated_at = ?${names.map((n) => `, ${n} = ?`).join('')} WHERE id = ?`,
      ).run(now, ...Object.values(columns), existing);
      touched.push(existing);
      updated++;
    }
  }
  recomputeDerived(raw, pilotId, pilot, touched);
  bumpPilotVersion(raw, pilotId);
  return { inserted, updated };
}

/** Writes a validated events file; like `writeParticipants`, all or nothing inside `writeTx`. */
export function writeEvents(
  raw: Raw,
  pilotId: string,
  pilot: PilotFacts,
  index: Map<string, { id: number }>,
  rows: Iterable<StagedEvent>,
): { inserted: number } {
  const now = nowIso();
  const insert = raw.prepare(
    `INSERT INTO events (participant_id, pilot_id, type, date, reason, value, amount_cents, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const touched = new Set<number>();
  let inserted = 0;
  for (const { participantRef, event: e } of rows) {
    const participant = index.get(participantRef);
    if (!participant) throw new Error(`Unknown participant ${participantRef} after validation`);
    insert.run(participant.id, pilotId, e.type, e.date, e.reason, e.value, e.amountCents, now);
    touched.add(participant.id);
    inserted++;
  }
  recomputeDerived(raw, pilotId, pilot, [...touched]);
  bumpPilotVersion(raw, pilotId);
  return { inserted };
}
