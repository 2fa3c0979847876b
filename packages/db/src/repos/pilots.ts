import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  addYears,
  retentionDefaultYears,
  type PilotRecord,
  type ProcessingRecord,
  type RetentionAction,
  type RetentionState,
  type Theme,
  DEFAULT_PILOT_ARMS,
  type PilotArm,
} from '@wegwijzer/domain';
import { savePilotArms, withArmGuidanceCosts } from './arms.ts';
import { nowIso } from '../clock.ts';
import type { Database, PilotsTable } from '../schema.ts';

export type PilotRow = Selectable<PilotsTable>;

export function toPilotRecord(row: PilotRow): PilotRecord {
  return {
    id: row.id,
    name: row.name,
    municipality: row.municipality,
    theme: row.theme as Theme,
    startDate: row.start_date,
    dataCompleteThrough: row.data_complete_through,
    monthlyBenefitCents: row.monthly_benefit_cents,
    guidanceCostCents: row.guidance_cost_cents,
    targetGroup: row.target_group,
    description: row.description,
    synthetic: row.synthetic === 1,
    retainUntil: row.retain_until ?? defaultRetainUntil(row.data_complete_through),
    retentionReview: row.retention_review === 1,
    retentionAction: row.retention_action as RetentionAction,
    retentionState: row.retention_state as RetentionState | null,
    retentionAppliedAt: row.retention_applied_at,
    processing: {
      purpose: row.purpose,
      legalBasis: row.legal_basis,
      agreementRef: row.agreement_ref,
      department: row.department,
      contact: row.contact,
    },
  };
}

/** The retention date a pilot gets when nobody chose one: observation end + the default years. */
export function defaultRetainUntil(dataCompleteThrough: string): string {
  return addYears(
    dataCompleteThrough,
    retentionDefaultYears(process.env.WEGWIJZER_RETENTION_DEFAULT_YEARS),
  );
}

type Privacy = 'retainUntil' | 'retentionAction' | 'processing';
type Applied = 'retentionReview' | 'retentionState' | 'retentionAppliedAt';

/**
 * A pilot to insert: without a retention date it gets the default one, flagged for review (the
 * demo pilots); without a processing record, empty fields the register shows as missing.
 */
export type NewPilot = Omit<PilotRecord, 'id' | Privacy | Applied> &
  Partial<Pick<PilotRecord, 'retainUntil' | 'retentionAction'>> & {
    processing?: Partial<ProcessingRecord>;
  };

export type PilotPatch = Partial<Omit<NewPilot, 'synthetic'>> & { retentionReview?: boolean };

function toColumns(p: PilotPatch & { synthetic?: boolean }) {
  return {
    retain_until: p.retainUntil,
    retention_review: p.retentionReview === undefined ? undefined : p.retentionReview ? 1 : 0,
    retention_action: p.retentionAction,
    purpose: p.processing?.purpose,
    legal_basis: p.processing?.legalBasis,
    agreement_ref: p.processing?.agreementRef,
    department: p.processing?.department,
    contact: p.processing?.contact,
    name: p.name,
    municipality: p.municipality,
    theme: p.theme,
    start_date: p.startDate,
    data_complete_through: p.dataCompleteThrough,
    monthly_benefit_cents: p.monthlyBenefitCents,
    guidance_cost_cents: p.guidanceCostCents,
    target_group: p.targetGroup,
    description: p.description,
    synthetic: p.synthetic === undefined ? undefined : p.synthetic ? 1 : 0,
  };
}

/** Inserts a pilot with its declared arms (SPEC §2; the default two when none are given). */
export async function insertPilot(
  db: Kysely<Database>,
  pilot: NewPilot,
  arms: readonly Pick<
    PilotArm,
    'code' | 'label' | 'labelEn' | 'guidanceCostCents'
  >[] = DEFAULT_PILOT_ARMS,
): Promise<PilotRecord> {
  const now = nowIso();
  const row = await db
    .insertInto('pilots')
    .values({
      id: randomUUID(),
      ...toColumns(pilot),
      retain_until: pilot.retainUntil ?? defaultRetainUntil(pilot.dataCompleteThrough),
      retention_review: pilot.retainUntil ? 0 : 1,
      created_at: now,
      updated_at: now,
    } as PilotRow)
    .returningAll()
    .executeTakeFirstOrThrow();
  await savePilotArms(db, row.id, arms);
  return withArmGuidanceCosts(db, row.id, toPilotRecord(row));
}

export async function updatePilot(
  db: Kysely<Database>,
  id: string,
  patch: PilotPatch,
): Promise<PilotRecord | undefined> {
  const columns = Object.fromEntries(
    Object.entries(toColumns(patch)).filter(([, v]) => v !== undefined),
  );
  const row = await db
    .updateTable('pilots')
    .set({ ...columns, updated_at: nowIso() })
    .set((eb) => ({ data_version: eb('data_version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toPilotRecord(row);
}

/** One pilot, its facts with its arms' default guidance costs where any arm declares one. */
export async function getPilot(db: Kysely<Database>, id: string): Promise<PilotRecord | undefined> {
  const row = await db.selectFrom('pilots').selectAll().where('id', '=', id).executeTakeFirst();
  return row && withArmGuidanceCosts(db, id, toPilotRecord(row));
}

/** Pilots (all, or the given ids) without counts, oldest start first. */
export async function listPilotRecords(
  db: Kysely<Database>,
  ids: readonly string[] | null,
): Promise<PilotRecord[]> {
  if (ids && ids.length === 0) return [];
  let q = db.selectFrom('pilots').selectAll().orderBy('start_date').orderBy('name');
  if (ids) q = q.where('id', 'in', ids);
  return (await q.execute()).map(toPilotRecord);
}

export interface PilotListItem extends PilotRecord {
  participants: number;
  hasControl: boolean;
}

/** Pilots (all, or the given ids) with participant counts, oldest start first. */
export async function listPilots(
  db: Kysely<Database>,
  ids: string[] | null,
): Promise<PilotListItem[]> {
  if (ids && ids.length === 0) return [];
  let q = db
    .selectFrom('pilots')
    .selectAll('pilots')
    // Counted from the kept-current totals (every participant has a row in each window), not by
    // counting a national participants table on every page view.
    .select((eb) => [
      eb
        .selectFrom('pilot_totals')
        .whereRef('pilot_totals.pilot_id', '=', 'pilots.id')
        .where('pilot_totals.window_months', '=', 12)
        .select((sub) => sub.fn.sum<number>('pilot_totals.participants').as('n'))
        .as('participant_count'),
      eb
        .selectFrom('pilot_totals')
        .whereRef('pilot_totals.pilot_id', '=', 'pilots.id')
        .where('pilot_totals.window_months', '=', 12)
        .where('pilot_totals.arm', '=', 'control')
        .select((sub) => sub.fn.sum<number>('pilot_totals.participants').as('n'))
        .as('control_count'),
    ])
    .orderBy('start_date')
    .orderBy('name');
  if (ids) q = q.where('id', 'in', ids);
  const rows = await q.execute();
  return rows.map((r) => ({
    ...toPilotRecord(r),
    participants: Number(r.participant_count ?? 0),
    hasControl: Number(r.control_count ?? 0) > 0,
  }));
}

export async function pilotDataVersion(
  db: Kysely<Database>,
  id: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('pilots')
    .select('data_version')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.data_version;
}
