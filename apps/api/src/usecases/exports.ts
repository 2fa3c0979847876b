import { createHmac, randomUUID } from 'node:crypto';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import {
  listBudgetLines,
  recordExport,
  toBaseline,
  toTimelineEvent,
  type Database,
  type ParticipantRow,
} from '@wegwijzer/db';
import { AGE_BAND_AGES } from '@wegwijzer/domain';
import type {
  AgeBand,
  Arm,
  Education,
  Household,
  PilotRecord,
  TimelineEvent,
} from '@wegwijzer/domain';
import {
  BUDGET,
  budgetCells,
  buildDataPackage,
  cohortCells,
  DIALECTS,
  eventCells,
  participantCells,
  TABLES,
  TableWriter,
  toReadableStream,
  zipBytes,
  COHORT_WINDOWS,
  cohortTable,
  EVENTS,
  PARTICIPANTS,
  type DialectName,
  type ExportParticipant,
  type ZipEntry,
} from '@wegwijzer/export';
import type { UseCaseCtx } from '../http/env.ts';
import { emitAudit } from './context.ts';
import { visiblePilot } from './pilots.ts';
import { byPseudonym, pseudonym } from './pseudonym.ts';

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

export interface ExportOptions {
  format: DialectName;
  dateShift: boolean;
  /** Windows of cohort.csv's derived columns; SPEC §7's 6, 12 and 24 unless chosen. */
  windows?: readonly number[];
}

/** Participants read per query: bounds memory whatever the pilot's size. */
const PAGE = 1000;

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

// Paging by id must walk the primary key: with an index on pilot_id SQLite would instead read
// and sort all of the pilot's participants for every page. `|| ''` keeps the planner off that
// index (and is valid SQL on PostgreSQL too).
const PILOT_BY_ROWID = sql<string>`pilot_id || ''`;

function matches(eb: Eb, pilotId: string, f: CohortFilters, paging = false): Expression<SqlBool> {
  const and: Expression<SqlBool>[] = [
    paging ? eb(PILOT_BY_ROWID, '=', pilotId) : eb('pilot_id', '=', pilotId),
  ];
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

async function countCohort(
  ctx: UseCaseCtx,
  pilotId: string,
  filters: CohortFilters,
): Promise<number> {
  const { n } = await ctx.store.db
    .selectFrom('participants')
    .where((eb) => matches(eb, pilotId, filters))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The cohort builder's live count: how many participants an export with these filters holds. */
export async function exportCount({
  ctx,
  pilotId,
  filters,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  filters: CohortFilters;
}) {
  await visiblePilot(ctx, pilotId);
  const participants = await countCohort(ctx, pilotId, filters);
  // Counts of narrowing filters can single a person out: each one asked for is logged.
  await emitAudit(ctx, {
    action: 'export.count',
    pilotId,
    rowCount: participants,
    details: { filters },
  });
  return { participants };
}

/**
 * One offset of −182…+182 days per researcher and participant, from a keyed hash so it is
 * stable across exports (linked exports stay consistent) and cannot be recomputed without the
 * key. Symmetric around 0, so the shifted dates say nothing about the direction (SPEC §7).
 */
export function dateShiftDays(
  key: string,
  researcherId: string,
  pilotId: string,
  participantId: number,
): number {
  const digest = createHmac('sha256', key)
    .update(`date-shift\u0000${researcherId}\u0000${pilotId}\u0000${participantId}`)
    .digest();
  return (digest.readUInt32BE(0) % 365) - 182;
}

/**
 * The matching participants page by page in the order of the export's pseudonyms (an order that
 * carries nothing another researcher's export shares), each with its events in timeline order.
 */
async function* cohortPages(
  ctx: UseCaseCtx,
  pilotId: string,
  filters: CohortFilters,
  options: ExportOptions & { withEvents: boolean },
): AsyncGenerator<ExportParticipant[]> {
  const domain = options.dateShift ? 'date-shifted' : 'views';
  const name = (id: number) => pseudonym(ctx.pseudonymKey, ctx.actor.id, pilotId, id, domain);
  const ids = (
    await ctx.store.db
      .selectFrom('participants')
      .select('id')
      .where((eb) => matches(eb, pilotId, filters, true))
      .execute()
  ).map((r) => r.id);
  const ordered = byPseudonym(ids, name);
  for (let from = 0; from < ordered.length; from += PAGE) {
    const chunk = ordered.slice(from, from + PAGE);
    const found = await ctx.store.db
      .selectFrom('participants')
      .selectAll()
      .where('id', 'in', chunk)
      .execute();
    const byId = new Map<number, ParticipantRow>(found.map((r) => [r.id, r]));
    const rows = chunk.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    const events = new Map<number, TimelineEvent[]>();
    if (options.withEvents) {
      const eventRows = await ctx.store.db
        .selectFrom('events')
        .select(['participant_id', 'type', 'date', 'reason', 'value', 'amount_cents'])
        .where(
          'participant_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('participant_id')
        .orderBy('date')
        .orderBy('id')
        .execute();
      for (const e of eventRows) {
        let list = events.get(e.participant_id);
        if (!list) events.set(e.participant_id, (list = []));
        list.push(toTimelineEvent(e));
      }
    }
    yield rows.map((r) => ({
      pseudonym: name(r.id),
      baseline: toBaseline(r),
      events: events.get(r.id) ?? [],
      shiftDays: options.dateShift
        ? dateShiftDays(ctx.pseudonymKey, ctx.actor.id, pilotId, r.id)
        : 0,
    }));
  }
}

/** A CSV file of the zip: the header, then one string per page of participants. */
async function* csvFile(
  writer: TableWriter,
  pages: AsyncIterable<ExportParticipant[]>,
  rowsOf: (p: ExportParticipant) => string,
): AsyncGenerator<string> {
  yield writer.header();
  for await (const page of pages) {
    let chunk = '';
    for (const p of page) chunk += rowsOf(p);
    if (chunk) yield chunk;
  }
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 80);

/**
 * A researcher's cohort export (SPEC §7) as a streamed zip: cohort.csv with the derived outcomes,
 * participants.csv and events.csv in the import format, budget.csv with the pilot's budget lines,
 * and datapackage.json. Pseudonyms are the
 * exporting user's; the export is audit-logged before the first byte leaves.
 */
export async function exportCohort({
  ctx,
  pilotId,
  filters,
  options,
}: {
  ctx: UseCaseCtx;
  pilotId: string;
  filters: CohortFilters;
  options: ExportOptions;
}): Promise<{ filename: string; body: ReadableStream<Uint8Array>; participants: number }> {
  const pilot: PilotRecord = await visiblePilot(ctx, pilotId);
  const participants = await countCohort(ctx, pilotId, filters);
  const dialect = DIALECTS[options.format];
  const now = new Date();
  // Which participants the export holds, for their access requests (SPEC §8).
  await recordExport(
    ctx.store.db,
    {
      id: randomUUID(),
      pilotId,
      at: now.toISOString(),
      actorId: ctx.actor.id,
      actorEmail: ctx.actor.email,
      actorName: ctx.actor.name,
      format: options.format,
      dateShift: options.dateShift,
      participants,
    },
    (eb) => matches(eb, pilotId, filters),
  );
  await emitAudit(ctx, {
    action: 'export.cohort',
    pilotId,
    rowCount: participants,
    details: {
      filters,
      format: options.format,
      dateShift: options.dateShift,
      windows: options.windows ?? COHORT_WINDOWS,
    },
  });

  const facts = pilot;
  const pages = (withEvents: boolean) =>
    cohortPages(ctx, pilotId, filters, { ...options, withEvents });
  const windows = options.windows ?? COHORT_WINDOWS;
  const cohortSchema = cohortTable(windows);
  const cohort = new TableWriter(cohortSchema, dialect);
  const people = new TableWriter(PARTICIPANTS, dialect);
  const events = new TableWriter(EVENTS, dialect);
  const budget = new TableWriter(BUDGET, dialect);
  const budgetLines = await listBudgetLines(ctx.store.db, pilotId);
  const tables = TABLES.map((t) => (t.name === cohortSchema.name ? cohortSchema : t));
  const datapackage = buildDataPackage(tables, dialect, {
    pilot: {
      id: pilot.id,
      name: pilot.name,
      municipality: pilot.municipality,
      synthetic: pilot.synthetic,
    },
    filters: { ...filters },
    observationEnd: pilot.dataCompleteThrough,
    softwareVersion: ctx.config.version,
    exportedAt: now.toISOString(),
    exportedBy: ctx.actor.email,
    dateShift: options.dateShift,
    participants,
    processing: { ...pilot.processing, retainUntil: pilot.retainUntil },
  });

  // Entries are produced lazily: each file reads the participants again, page by page.
  function* entries(): Generator<ZipEntry> {
    yield {
      name: cohortSchema.path,
      content: csvFile(cohort, pages(true), (p) => cohort.row(cohortCells(p, facts, windows))),
    };
    yield {
      name: PARTICIPANTS.path,
      content: csvFile(people, pages(false), (p) => people.row(participantCells(p))),
    };
    yield {
      name: EVENTS.path,
      content: csvFile(events, pages(true), (p) =>
        eventCells(p)
          .map((cells) => events.row(cells))
          .join(''),
      ),
    };
    // The pilot's budget lines: the municipality's figures, not filtered by the cohort.
    yield {
      name: BUDGET.path,
      content: [budget.header() + budgetLines.map((l) => budget.row(budgetCells(l))).join('')],
    };
    yield { name: 'datapackage.json', content: [`${JSON.stringify(datapackage, null, 2)}\n`] };
  }

  const date = now.toISOString().slice(0, 10);
  return {
    filename: `wegwijzer-${safeName(pilot.id)}-${date}.zip`,
    body: toReadableStream(zipBytes(entries(), { mtime: now })),
    participants,
  };
}
