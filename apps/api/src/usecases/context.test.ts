import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertPilot, insertUser, openStore, type SqliteStore } from '@wegwijzer/db';
import { ActorCache } from '../auth/actor-cache.ts';
import { ReplyCache } from '../cache/replies.ts';
import { ExportFileCache } from '../cache/export-files.ts';
import { configFromEnv } from '../config.ts';
import type { UseCaseCtx } from '../http/env.ts';
import { emitAudit, operatorCtx, withTransaction } from './context.ts';
import { addEvent } from './events.ts';
import { createParticipant, updateParticipant } from './participants.ts';

/** Use cases compose: one called inside another's transaction joins it (SQLite file, no mocks). */

let dir: string;
let store: SqliteStore;
let ctx: UseCaseCtx;
let pilotId: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wegwijzer-ctx-'));
  store = await openStore(join(dir, 'ctx.sqlite'));
  const user = await insertUser(store.db, {
    email: 'Beheer@Example.nl',
    name: 'Beheer',
    passwordHash: 'scrypt$16384$8$1$x$y',
    role: 'admin',
    pilots: [],
  });
  const pilot = await insertPilot(store.db, {
    name: 'Samen',
    municipality: 'GM0599',
    theme: 'reintegration',
    startDate: '2024-01-01',
    dataCompleteThrough: '2025-12-31',
    monthlyBenefitCents: 120000,
    guidanceCostCents: 250000,
    targetGroup: null,
    description: null,
    synthetic: false,
    retainUntil: '2027-12-31',
    retentionAction: 'erase',
    processing: {},
  });
  pilotId = pilot.id;
  ctx = {
    store,
    config: configFromEnv({}),
    pseudonymKey: 'test-key',
    actors: new ActorCache(),
    replies: new ReplyCache(),
    exportFiles: new ExportFileCache(),
    actor: { ...user, pilots: new Set(), demo: false, via: 'token', role: 'admin' },
    requestId: 'req-1',
    clientRequestId: 'client-1',
  };
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const auditRows = () =>
  store.db.selectFrom('audit_log').selectAll().where('action', 'like', '%.create').execute();
const participantCount = async () =>
  Number(
    (
      await store.db
        .selectFrom('participants')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function enrolWithEvent(c: UseCaseCtx) {
  const p = await createParticipant({
    ctx: c,
    pilotId,
    input: { participantRef: 'R-1', arm: 'intervention', intakeDate: '2024-02-01' },
  });
  await addEvent({
    ctx: c,
    participantId: p.id,
    input: { type: 'benefit_end', date: '2024-06-01', reason: 'regular_work' },
  });
  return p;
}

describe('withTransaction', () => {
  it('lets use cases called inside it join one transaction that commits as a whole', async () => {
    const p = await withTransaction(ctx, (inner) => enrolWithEvent(inner));
    expect(p.participantRef).toBe('R-1');
    expect(await participantCount()).toBe(1);
    const rows = await auditRows();
    expect(rows.map((r) => r.action)).toEqual(['participant.create', 'event.create']);
  });

  it('rolls back every joined use case and its audit entries when a later step fails', async () => {
    await expect(
      withTransaction(ctx, async (inner) => {
        await enrolWithEvent(inner);
        throw new Error('a later step failed');
      }),
    ).rejects.toThrow('a later step failed');
    expect(await participantCount()).toBe(0);
    expect(await auditRows()).toEqual([]);
  });

  it('reuses the transaction it is given instead of opening a second one', async () => {
    await withTransaction(ctx, async (outer) => {
      await withTransaction(outer, async (inner) => {
        expect(inner.tx).toBe(outer.tx);
        expect(inner.store.db).toBe(outer.store.db);
      });
    });
  });
});

describe('emitAudit', () => {
  it('fills actor and request fields from the context', async () => {
    await emitAudit(ctx, { action: 'pilot.create', pilotId, rowCount: 1 });
    const [row] = await auditRows();
    expect(row).toMatchObject({
      actor_id: ctx.actor.id,
      actor_email: 'beheer@example.nl',
      action: 'pilot.create',
      pilot_id: pilotId,
      row_count: 1,
      request_id: 'req-1',
      client_request_id: 'client-1',
    });
  });

  it('names an operator without user or request for command-line runs', async () => {
    await emitAudit(operatorCtx(store, 'retention-cli'), { action: 'demo.create' });
    const [row] = await auditRows();
    expect(row).toMatchObject({
      actor_id: null,
      actor_email: 'retention-cli',
      request_id: null,
      client_request_id: null,
    });
  });
});

describe('participant writes inside the transaction', () => {
  it('refuses a second participant with the same reference, and keeps the first', async () => {
    await enrolWithEvent(ctx);
    await expect(
      createParticipant({
        ctx,
        pilotId,
        input: { participantRef: 'R-1', arm: 'control', intakeDate: '2024-03-01' },
      }),
    ).rejects.toThrow('Participant R-1 already exists in this pilot');
    expect(await participantCount()).toBe(1);
  });

  it('refuses an intake date after one of the participant’s events', async () => {
    const p = await enrolWithEvent(ctx);
    await expect(
      updateParticipant({ ctx, id: p.id, input: { intakeDate: '2024-07-01' } }),
    ).rejects.toThrow('The participant has events dated before this intake date');
    const moved = await updateParticipant({ ctx, id: p.id, input: { intakeDate: '2024-05-01' } });
    expect(moved.intakeDate).toBe('2024-05-01');
  });
});
