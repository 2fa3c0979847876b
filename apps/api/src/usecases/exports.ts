import { createHmac, randomUUID } from 'node:crypto';
import {
  cohortIds,
  cohortMatches,
  committedPilotVersion,
  countCohort,
  listBudgetLines,
  listVariables,
  pilotArms,
  readExportPage,
  recordExport,
  type CohortFilters,
  type StoredVariable,
} from '@wegwijzer/db';
export type { CohortFilters } from '@wegwijzer/db';
import type { PilotRecord } from '@wegwijzer/domain';
import {
  BUDGET,
  budgetCells,
  buildDataPackage,
  cohortCells,
  DeflatingFile,
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
  variableCells,
  withArms,
  withVariables,
  type CellValue,
  type DeflatedEntry,
  type DialectName,
  type ExportParticipant,
  type ZipEntry,
} from '@wegwijzer/export';
import type { UseCaseCtx } from '../http/env.ts';
import { emitAudit } from './context.ts';
import { visiblePilot } from './pilots.ts';
import { byPseudonym, pseudonym } from './pseudonym.ts';

export interface ExportOptions {
  format: DialectName;
  dateShift: boolean;
  /** Windows of cohort.csv's derived columns; SPEC §7's 6, 12 and 24 unless chosen. */
  windows?: readonly number[];
}

/**
 * Participants read per page: bounds memory whatever the pilot's size. Small, so that a page's
 * rows die young: with 1000 a page outlived the young generation while its files were deflated,
 * and twenty exports in a row took the server's peak RSS from 195 MB to 260 MB.
 */
const PAGE = 250;

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
  const participants = await countCohort(ctx.store.db, pilotId, filters);
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

/** An export's participants in pseudonym order, with their pseudonyms and date shifts. */
interface CohortOrder {
  ordered: number[];
  names: Map<number, string>;
  shifts: Map<number, number> | null;
}

/**
 * Reads the matching ids and computes each person's keyed hashes once for the whole export:
 * the three participant files share them instead of hashing everyone again per file.
 */
async function cohortOrder(
  ctx: UseCaseCtx,
  pilotId: string,
  filters: CohortFilters,
  dateShift: boolean,
): Promise<CohortOrder> {
  const domain = dateShift ? 'date-shifted' : 'views';
  const ids = await cohortIds(ctx.store.db, pilotId, filters);
  const names = new Map<number, string>();
  for (const id of ids)
    names.set(id, pseudonym(ctx.pseudonymKey, ctx.actor.id, pilotId, id, domain));
  const shifts = dateShift
    ? new Map(ids.map((id) => [id, dateShiftDays(ctx.pseudonymKey, ctx.actor.id, pilotId, id)]))
    : null;
  return { ordered: byPseudonym(ids, (id) => names.get(id)!), names, shifts };
}

/**
 * The matching participants page by page in the order of the export's pseudonyms (an order that
 * carries nothing another researcher's export shares), each with its events in timeline order:
 * every participant, event and value is read once for all three participant files.
 */
async function* cohortPages(
  ctx: UseCaseCtx,
  pilotId: string,
  order: CohortOrder,
  variables: readonly StoredVariable[],
): AsyncGenerator<ExportParticipant[]> {
  const { ordered, names, shifts } = order;
  for (let from = 0; from < ordered.length; from += PAGE) {
    const people = await readExportPage(
      ctx.store,
      pilotId,
      ordered.slice(from, from + PAGE),
      variables,
    );
    yield people.map((p) => ({
      variables: p.values,
      pseudonym: names.get(p.id)!,
      baseline: p.baseline,
      events: p.events,
      shiftDays: shifts?.get(p.id) ?? 0,
    }));
  }
}

/** A participant's cells followed by those of the pilot's own variables. */
function withValues(
  cells: CellValue[],
  p: ExportParticipant,
  variables: readonly StoredVariable[],
): CellValue[] {
  if (variables.length > 0) cells.push(...variableCells(p.variables, variables));
  return cells;
}

/** The three participant files of an export, written from one read of the participants. */
interface CohortWriters {
  cohort: (p: ExportParticipant) => string;
  people: (p: ExportParticipant) => string;
  events: (p: ExportParticipant) => string;
}

/**
 * cohort.csv as the zip writes it, page by page; participants.csv and events.csv are made from the
 * same pages alongside, each deflated into a file of its own that the zip adds after this one.
 */
async function* cohortFileWithSides(
  headers: { cohort: string; people: string; events: string },
  pages: AsyncIterable<ExportParticipant[]>,
  write: CohortWriters,
  sides: { people: DeflatingFile; events: DeflatingFile },
): AsyncGenerator<string> {
  yield headers.cohort;
  await Promise.all([sides.people.write(headers.people), sides.events.write(headers.events)]);
  for await (const page of pages) {
    let cohort = '';
    let people = '';
    let events = '';
    for (const p of page) {
      cohort += write.cohort(p);
      people += write.people(p);
      events += write.events(p);
    }
    await Promise.all([sides.people.write(people), sides.events.write(events)]);
    if (cohort) yield cohort;
  }
}

// ASCII only: a header's filename cannot carry "é" or "'s-Gravenhage"'s quote as they are.
const safeName = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);

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
  const participants = await countCohort(ctx.store.db, pilotId, filters);
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
    cohortMatches(pilotId, filters),
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
  const windows = options.windows ?? COHORT_WINDOWS;
  // The pilot's own variables close both participant tables, with their Table Schema.
  const variables = await listVariables(ctx.store.db, pilotId);
  // The arm column names the pilot's own declared arms, with their labels.
  const arms = await pilotArms(ctx.store.db, pilotId);
  const cohortSchema = withVariables(withArms(cohortTable(windows), arms), variables);
  const peopleSchema = withVariables(withArms(PARTICIPANTS, arms), variables);
  const cohort = new TableWriter(cohortSchema, dialect);
  const people = new TableWriter(peopleSchema, dialect);
  const events = new TableWriter(EVENTS, dialect);
  const budget = new TableWriter(BUDGET, dialect);
  const budgetLines = await listBudgetLines(ctx.store.db, pilotId);
  const tables = TABLES.map((t) =>
    t.name === cohortSchema.name ? cohortSchema : t.name === peopleSchema.name ? peopleSchema : t,
  );
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

  // An identical export of the same data by the same researcher reuses the deflated data files
  // (cache/export-files.ts); the key holds the variables, whose declarations shape the columns.
  const version = await committedPilotVersion(ctx.store, pilotId);
  const key =
    version === null
      ? null
      : JSON.stringify([pilotId, version, ctx.actor.id, filters, options, windows, variables]);
  const cached = key === null ? undefined : ctx.exportFiles.get(key);
  const made: DeflatedEntry[] = [];
  const keep = (file: DeflatedEntry) => {
    if (file.name === 'datapackage.json') return;
    made.push(file);
    if (made.length < 4) return;
    // Kept only when no write landed while the files were read: they are then the version's.
    void committedPilotVersion(ctx.store, pilotId).then(
      (now) => now === version && ctx.exportFiles.put(key!, made),
      () => {},
    );
  };

  // Entries are produced lazily; the participants are read once, while cohort.csv is written.
  async function* entries(): AsyncGenerator<ZipEntry | DeflatedEntry> {
    if (cached) yield* cached;
    else {
      const sides = {
        people: new DeflatingFile(PARTICIPANTS.path),
        events: new DeflatingFile(EVENTS.path),
      };
      try {
        const order = await cohortOrder(ctx, pilotId, filters, options.dateShift);
        yield {
          name: cohortSchema.path,
          content: cohortFileWithSides(
            { cohort: cohort.header(), people: people.header(), events: events.header() },
            cohortPages(ctx, pilotId, order, variables),
            {
              cohort: (p) => cohort.row(withValues(cohortCells(p, facts, windows), p, variables)),
              people: (p) => people.row(withValues(participantCells(p), p, variables)),
              events: (p) => {
                let rows = '';
                for (const cells of eventCells(p)) rows += events.row(cells);
                return rows;
              },
            },
            sides,
          ),
        };
        for (const side of [sides.people, sides.events]) {
          const file = await side.end();
          if (key !== null) keep(file);
          yield file;
        }
      } finally {
        sides.people.destroy();
        sides.events.destroy();
      }
      // The pilot's budget lines: the municipality's figures, not filtered by the cohort.
      yield {
        name: BUDGET.path,
        content: [budget.header() + budgetLines.map((l) => budget.row(budgetCells(l))).join('')],
      };
    }
    yield { name: 'datapackage.json', content: [`${JSON.stringify(datapackage, null, 2)}\n`] };
  }

  const date = now.toISOString().slice(0, 10);
  return {
    // Named for people, not for the database: the pilot's name and the day of the export.
    filename: `wegwijzer-${safeName(pilot.name) || safeName(pilot.id)}-${date}.zip`,
    body: toReadableStream(
      zipBytes(entries(), { mtime: now, ...(key !== null && !cached ? { keep } : {}) }),
    ),
    participants,
  };
}
