import {
  benefitEndIndex,
  listVariables,
  participantIndex,
  JSON_LINES,
  Spool,
  STAGED_EVENT_LINES,
  type SpoolCodec,
  writeBudgetLines,
  writeEvents,
  pilotArms,
  writeParticipants,
  type StagedEvent,
  type StagedParticipant,
} from '@wegwijzer/db';
import {
  BadRequest,
  InvalidImport,
  PayloadTooLarge,
  type BudgetLineFields,
  type ImportResult,
} from '@wegwijzer/domain';
import {
  readImport,
  type BudgetRow,
  type ImportBatch,
  type ImportError,
  type ImportSummary,
} from '@wegwijzer/import';
import type { UseCaseCtx } from '../http/env.ts';
import { emitAudit, withTransaction } from './context.ts';
import { collectAfterImport } from './import-memory.ts';
import { requirePersonalData, visiblePilot } from './pilots.ts';

export interface ImportInput {
  pilotId: string;
  kind: 'participants' | 'events' | 'budget';
  dryRun: boolean;
  body: AsyncIterable<Uint8Array> | null;
}

/** The body, refused with 413 as soon as it grows past `max` bytes: nothing has been written then. */
async function* limited(body: AsyncIterable<Uint8Array>, max: number) {
  let bytes = 0;
  for await (const chunk of body) {
    bytes += chunk.byteLength;
    if (bytes > max) throw new PayloadTooLarge(`An import holds at most ${max} bytes`);
    yield chunk;
  }
}

/**
 * Imports a CSV file (SPEC §4): validates it while streaming into a spool file, then writes it
 * in one transaction, or not at all when any row is wrong.
 */
export async function runImport({
  ctx,
  input,
}: {
  ctx: UseCaseCtx;
  input: ImportInput;
}): Promise<ImportResult> {
  const pilot = await visiblePilot(ctx, input.pilotId);
  if (input.kind !== 'budget') requirePersonalData(pilot);
  if (!input.body) throw new BadRequest('Send the CSV file as the request body');
  const index = await participantIndex(ctx.store.db, input.pilotId);
  const benefitEnd = await benefitEndIndex(ctx.store.db, input.pilotId);
  const importCtx = {
    bsnKey: ctx.config.bsnKey,
    variables:
      input.kind === 'participants' ? await listVariables(ctx.store.db, input.pilotId) : [],
    arms: (await pilotArms(ctx.store.db, input.pilotId)).map((a) => a.code),
    participant: (ref: string) => index.get(ref),
    hasBenefitEnd: (ref: string, date: string) => {
      const p = index.get(ref);
      return p !== undefined && benefitEnd(p.id, date);
    },
  };
  type Staged = StagedParticipant | StagedEvent | BudgetLineFields;
  // Events, most of a national import, go to the spool tab-separated; the rest as JSON.
  const spool = new Spool<Staged>(
    (input.kind === 'events' ? STAGED_EVENT_LINES : JSON_LINES) as SpoolCodec<Staged>,
  );
  try {
    const errors: ImportError[] = [];
    let newRefs = 0;
    const body = limited(input.body, ctx.config.importMaxBytes);
    const reader = readImport(input.kind, body, importCtx) as AsyncGenerator<
      ImportBatch<StagedParticipant | StagedEvent | BudgetRow>,
      ImportSummary
    >;
    let step = await reader.next();
    while (!step.done) {
      errors.push(...step.value.errors);
      // Once a row is wrong nothing will be written: keep validating, stop spooling.
      // The events codec takes only the reference and the event from a row: no copy to stage.
      if (errors.length === 0 && !input.dryRun)
        spool.append(
          input.kind === 'events' ? (step.value.rows as StagedEvent[]) : step.value.rows.map(stage),
        );
      if (input.kind === 'participants') {
        for (const r of step.value.rows as StagedParticipant[])
          if (!index.has(r.participantRef)) newRefs++;
      }
      step = await reader.next();
    }
    const summary = step.value;
    if (summary.errorCount > 0) {
      // A refused file is logged too: who tried to import how much into which pilot.
      await emitAudit(ctx, {
        action: `import.${input.kind}.failed`,
        pilotId: input.pilotId,
        rowCount: summary.records,
        details: { dryRun: input.dryRun, errorCount: summary.errorCount },
      });
      throw new InvalidImport(
        `The file has ${summary.errorCount} error${summary.errorCount === 1 ? '' : 's'}; nothing was imported`,
        errors,
        { errorCount: summary.errorCount, errorsTruncated: summary.errorsTruncated },
      );
    }
    const base = {
      kind: input.kind,
      dryRun: input.dryRun,
      delimiter: summary.delimiter,
      rows: summary.records,
    };
    if (input.dryRun) {
      await emitAudit(ctx, {
        action: `import.${input.kind}.dryrun`,
        pilotId: input.pilotId,
        rowCount: summary.records,
      });
      return input.kind === 'participants'
        ? { ...base, inserted: newRefs, updated: summary.records - newRefs }
        : { ...base, inserted: summary.records, updated: 0 };
    }
    const counts = await withTransaction(ctx, async (ctx) => {
      const result =
        input.kind === 'participants'
          ? await writeParticipants(
              ctx.tx,
              input.pilotId,
              pilot,
              spool.rows() as Iterable<StagedParticipant>,
            )
          : input.kind === 'events'
            ? {
                ...(await writeEvents(
                  ctx.tx,
                  input.pilotId,
                  pilot,
                  spool.rows() as Iterable<StagedEvent>,
                )),
                updated: 0,
              }
            : {
                ...(await writeBudgetLines(
                  ctx.tx,
                  input.pilotId,
                  spool.rows() as Iterable<BudgetLineFields>,
                )),
                updated: 0,
              };
      await emitAudit(ctx, {
        action: `import.${input.kind}`,
        pilotId: input.pilotId,
        rowCount: summary.records,
        details: {
          inserted: result.inserted,
          updated: result.updated,
          delimiter: summary.delimiter,
        },
      });
      return result;
    });
    collectAfterImport(summary.records);
    return { ...base, ...counts };
  } finally {
    spool.dispose();
  }
}

/** Only what the write needs goes to the spool: never a line number or anything else. */
function stage(
  row: StagedParticipant | StagedEvent | BudgetRow,
): StagedParticipant | StagedEvent | BudgetLineFields {
  if ('budget' in row) return row.budget;
  if ('event' in row) return { participantRef: row.participantRef, event: row.event };
  const staged = { participantRef: row.participantRef, bsnHash: row.bsnHash, fields: row.fields };
  return row.variables ? { ...staged, variables: row.variables } : staged;
}
