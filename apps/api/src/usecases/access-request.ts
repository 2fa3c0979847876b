import {
  allPilotIds,
  exportsOfParticipant,
  findPersons,
  getPilot,
  listEvents,
} from '@wegwijzer/db';
import { BadRequest, type AccessReport, type AccessRequestInput } from '@wegwijzer/domain';
import { hashBsn, isValidBsn } from '@wegwijzer/import';
import type { UseCaseCtx } from '../http/env.ts';
import { emitAudit, withTransaction } from './context.ts';
import { toEventJson, toParticipantJson } from './participants.ts';

/**
 * An access request (AVG art. 15, SPEC §8): everything held on one person in the pilots the
 * actor may see, found by municipal reference or by BSN. The BSN is hashed with the server's
 * key and forgotten: it is never stored, logged or echoed; the audit entries name the people
 * found by internal id.
 */
export async function accessRequest({
  ctx,
  input,
}: {
  ctx: UseCaseCtx;
  input: AccessRequestInput;
}): Promise<AccessReport> {
  let by: { ref: string } | { bsnHash: string };
  if (input.bsn !== undefined) {
    if (!ctx.config.bsnKey)
      throw new BadRequest('A BSN can only be looked up when WEGWIJZER_BSN_KEY is set');
    if (!isValidBsn(input.bsn)) throw new BadRequest('The BSN fails the elfproef');
    by = { bsnHash: hashBsn(input.bsn, ctx.config.bsnKey) };
  } else {
    by = { ref: input.ref! };
  }
  const pilotIds =
    ctx.actor.role === 'admin' ? await allPilotIds(ctx.store.db) : [...ctx.actor.pilots];
  const people = await findPersons(ctx.store.db, pilotIds, by);
  const records = [];
  for (const row of people) {
    const pilot = (await getPilot(ctx.store.db, row.pilot_id))!;
    const events = await listEvents(ctx.store.db, row.id);
    const exports = await exportsOfParticipant(ctx.store.db, row.id);
    records.push({
      pilot: {
        id: pilot.id,
        name: pilot.name,
        municipality: pilot.municipality,
        retainUntil: pilot.retainUntil,
        processing: pilot.processing,
      },
      participant: toParticipantJson(ctx, row),
      events: events.map(toEventJson),
      exports: exports.map((e) => ({
        id: e.id,
        at: e.at,
        researcher: e.actorName,
        researcherEmail: e.actorEmail,
        format: e.format,
        dateShift: e.dateShift,
      })),
    });
  }
  const foundBy = 'ref' in by ? 'ref' : 'bsn';
  await withTransaction(ctx, async (ctx) => {
    const entry = { action: 'participant.access_request' };
    // One entry per person found, so the request shows in each person's trail; one without a
    // participant when nobody was found.
    if (people.length === 0)
      await emitAudit(ctx, { ...entry, rowCount: 0, details: { foundBy, found: 0 } });
    for (const row of people)
      await emitAudit(ctx, {
        ...entry,
        pilotId: row.pilot_id,
        participantId: row.id,
        rowCount: 1,
        details: { foundBy, found: people.length },
      });
  });
  return {
    generatedAt: new Date().toISOString(),
    generatedBy: ctx.actor.name,
    foundBy,
    records,
  };
}
