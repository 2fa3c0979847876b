import { sql, type Kysely, type Selectable } from 'kysely';
import type { Arm, Baseline, Education, Household } from '@wegwijzer/domain';
import type { Database, ParticipantsTable } from '../schema.ts';

export type ParticipantRow = Selectable<ParticipantsTable>;

const bool = (v: number | null): boolean | null => (v === null ? null : v === 1);
const bit = (v: boolean | null | undefined): number | null | undefined =>
  v === undefined ? undefined : v === null ? null : v ? 1 : 0;

export function toBaseline(row: ParticipantRow): Baseline {
  return {
    arm: row.arm as Arm,
    intakeDate: row.intake_date,
    monthlyBenefitCents: row.monthly_benefit_cents,
    guidanceCostCents: row.guidance_cost_cents,
    household: row.household as Household | null,
    birthYear: row.birth_year,
    motivation: row.motivation,
    ladderStep: row.ladder_step,
    hasDebts: bool(row.has_debts),
    disability: bool(row.disability),
    refugeeStatus: bool(row.refugee_status),
    education: row.education as Education | null,
    lostToFollowUpDate: row.lost_to_follow_up_date,
  };
}

/** Baseline fields as columns; undefined fields are left out so an update touches only what it names. */
export function baselineColumns(b: Partial<Baseline>) {
  const columns = {
    arm: b.arm,
    intake_date: b.intakeDate,
    monthly_benefit_cents: b.monthlyBenefitCents,
    guidance_cost_cents: b.guidanceCostCents,
    household: b.household,
    birth_year: b.birthYear,
    motivation: b.motivation,
    ladder_step: b.ladderStep,
    has_debts: bit(b.hasDebts),
    disability: bit(b.disability),
    refugee_status: bit(b.refugeeStatus),
    education: b.education,
    lost_to_follow_up_date: b.lostToFollowUpDate,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined)) as Partial<
    Omit<
      ParticipantRow,
      'id' | 'pilot_id' | 'participant_ref' | 'bsn_hash' | 'created_at' | 'updated_at'
    >
  >;
}

/** Every baseline column empty: what a column an INSERT leaves out reads back as. */
const NO_BASELINE: ReturnType<typeof baselineColumns> = {
  monthly_benefit_cents: null,
  guidance_cost_cents: null,
  household: null,
  birth_year: null,
  motivation: null,
  ladder_step: null,
  has_debts: null,
  disability: null,
  refugee_status: null,
  education: null,
  lost_to_follow_up_date: null,
};

/**
 * The baseline a participant inserted with `columns` (from `baselineColumns`, arm and intake
 * date included) reads back as: the import derives new participants from the rows in hand.
 */
export function insertedBaseline(columns: ReturnType<typeof baselineColumns>): Baseline {
  return toBaseline({ ...NO_BASELINE, ...columns } as ParticipantRow);
}

/** Whether `pilotId` already has a participant with the municipal reference `ref`. */
export async function participantRefTaken(
  db: Kysely<Database>,
  pilotId: string,
  ref: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('participants')
    .select('id')
    .where('pilot_id', '=', pilotId)
    .where('participant_ref', '=', ref)
    .executeTakeFirst();
  return row !== undefined;
}

export async function getParticipant(
  db: Kysely<Database>,
  id: number,
): Promise<ParticipantRow | undefined> {
  return db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface ParticipantFilter {
  ref?: string;
  arm?: Arm;
  page: number;
  pageSize: number;
}

/** One page of a pilot's participants, ordered by reference; `ref` matches any part of the reference. */
export async function listParticipants(
  db: Kysely<Database>,
  pilotId: string,
  f: ParticipantFilter,
): Promise<{ rows: ParticipantRow[]; total: number }> {
  let q = db.selectFrom('participants').where('pilot_id', '=', pilotId);
  if (f.ref) {
    const pattern = `%${f.ref.replace(/[\\%_]/g, '\\$&')}%`;
    q = q.where(sql<boolean>`participant_ref LIKE ${pattern} ESCAPE '\\'`);
  }
  if (f.arm) q = q.where('arm', '=', f.arm);
  const { total } = await q
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  // An exact match comes first, so a script looking up one reference finds it on top.
  const rows = await q
    .selectAll()
    .orderBy(sql`CASE WHEN participant_ref = ${f.ref ?? null} THEN 0 ELSE 1 END`)
    .orderBy('participant_ref')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

/** The pilot a participant belongs to, for access checks. */
export async function pilotOfParticipant(
  db: Kysely<Database>,
  id: number,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('participants')
    .select('pilot_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.pilot_id;
}
