import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { AGE_BAND_AGES } from '@wegwijzer/domain';
import type { AgeBand, Arm, Education, Household } from '@wegwijzer/domain';
import type { ParticipantRow } from './repos/participants.ts';
import type { Database } from './schema.ts';

/** The statements of a researcher's cohort export (SPEC §7): which participants, then their rows. */

/** Which participants an export holds; a list matches any of its values, `null` a missing value. */
export interface CohortFilters {
  arm?: Arm;
  intakeFrom?: string;
  intakeTo?: string;
  motivation?: (number | null)[];
  ladderStep?: (number | null)[];
  household?: (Household | null)[];
  education?: (Education | null)[];
  hasDebts?: (boolean | null)[];
  disability?: (boolean | null)[];
  refugeeStatus?: (boolean | null)[];
  ageBand?: (AgeBand | null)[];
}

type Eb = ExpressionBuilder<Database, 'participants'>;
type ListColumn =
  | 'motivation'
  | 'ladder_step'
  | 'household'
  | 'education'
  | 'has_debts'
  | 'disability'
  | 'refugee_status';

function anyOf(
  eb: Eb,
  column: ListColumn,
  values: readonly (string | number | null)[],
): Expression<SqlBool> {
  const present = values.filter((v): v is string | number => v !== null);
  const ors: Expression<SqlBool>[] = [];
  if (present.length > 0) ors.push(eb(column, 'in', present));
  if (present.length < values.length) ors.push(eb(column, 'is', null));
  return eb.or(ors);
}

const bits = (values: readonly (boolean | null)[]) =>
  values.map((v) => (v === null ? null : v ? 1 : 0));

// Age = year of intake − birth year, in the bands of SPEC §3 (as `ageBand` of @wegwijzer/outcomes).
const AGE = sql<number>`(CAST(substr(intake_date, 1, 4) AS integer) - birth_year)`;
function ageBands(eb: Eb, bands: readonly (AgeBand | null)[]): Expression<SqlBool> {
  return eb.or(
    bands.map((b) => {
      if (b === null) return eb('birth_year', 'is', null);
      const { from, to } = AGE_BAND_AGES[b];
      return eb.and([
        ...(from === null ? [] : [eb(AGE, '>=', from)]),
        ...(to === null ? [] : [eb(AGE, '<=', to)]),
      ]);
    }),
  );
}

function matches(eb: Eb, pilotId: string, f: CohortFilters): Expression<SqlBool> {
  const and: Expression<SqlBool>[] = [eb('pilot_id', '=', pilotId)];
  if (f.arm) and.push(eb('arm', '=', f.arm));
  if (f.intakeFrom) and.push(eb('intake_date', '>=', f.intakeFrom));
  if (f.intakeTo) and.push(eb('intake_date', '<=', f.intakeTo));
  if (f.motivation) and.push(anyOf(eb, 'motivation', f.motivation));
  if (f.ladderStep) and.push(anyOf(eb, 'ladder_step', f.ladderStep));
  if (f.household) and.push(anyOf(eb, 'household', f.household));
  if (f.education) and.push(anyOf(eb, 'education', f.education));
  if (f.hasDebts) and.push(anyOf(eb, 'has_debts', bits(f.hasDebts)));
  if (f.disability) and.push(anyOf(eb, 'disability', bits(f.disability)));
  if (f.refugeeStatus) and.push(anyOf(eb, 'refugee_status', bits(f.refugeeStatus)));
  if (f.ageBand) and.push(ageBands(eb, f.ageBand));
  return eb.and(and);
}

/** The `WHERE` of an export's participants, for statements that take it as a callback. */
export function cohortMatches(pilotId: string, filters: CohortFilters) {
  return (eb: Eb) => matches(eb, pilotId, filters);
}

/** How many participants an export with these filters holds. */
export async function countCohort(
  db: Kysely<Database>,
  pilotId: string,
  filters: CohortFilters,
): Promise<number> {
  const { n } = await db
    .selectFrom('participants')
    .where((eb) => matches(eb, pilotId, filters))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * The ids of an export's participants, in id order. Through the pilot's index: read once per
 * export, they are sorted in memory, where walking the primary key would read every pilot's
 * participants.
 */
export async function cohortIds(
  db: Kysely<Database>,
  pilotId: string,
  filters: CohortFilters,
): Promise<number[]> {
  const rows = await db
    .selectFrom('participants')
    .select('id')
    .where((eb) => matches(eb, pilotId, filters))
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Participants by id, in no particular order. */
export function participantsByIds(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<ParticipantRow[]> {
  return db.selectFrom('participants').selectAll().where('id', 'in', ids).execute();
}

/** The events of the given participants, by participant and in timeline order. */
export function eventsOf(db: Kysely<Database>, participantIds: readonly number[]) {
  return db
    .selectFrom('events')
    .select(['participant_id', 'type', 'date', 'reason', 'value', 'amount_cents'])
    .where('participant_id', 'in', participantIds)
    .orderBy('participant_id')
    .orderBy('date')
    .orderBy('id')
    .execute();
}
