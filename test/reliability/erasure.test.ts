import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashBsn } from '@wegwijzer/import';
import { MARKED, peopleFiles } from '../support/people.ts';
import {
  adminToken,
  api,
  createPilot,
  importCsv,
  startServer,
  tempDir,
  type ServerProcess,
} from './support/server.ts';

/**
 * The "done when" for erasure (SPEC §8), against the real server process on a real
 * SQLite file with its request log on: after erasing one participant of a 500-person pilot, none
 * of their values is in the database file, its WAL, the server's output or the audit log, and the
 * pilot's figures equal those of the same pilot imported without them.
 *
 * Why this holds on SQLite: every connection runs with `secure_delete` on, so the deleted rows
 * and index entries are overwritten with zeros instead of lingering in free space; and after the
 * erasure the WAL, whose frames hold the pages as they were, is checkpointed into the file and
 * truncated (`wal_checkpoint(TRUNCATE)`).
 */

const BSN_KEY = 'erasure-test-bsn-key';
const tmp = tempDir('wegwijzer-erase-');
const file = join(tmp.dir, 'erase.sqlite');
let server: ServerProcess;
let token: string;
beforeAll(async () => {
  server = await startServer(file, {
    NODE_ENV: 'production',
    WEGWIJZER_LOG: 'on',
    WEGWIJZER_BSN_KEY: BSN_KEY,
  });
  token = await adminToken(server.base);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  tmp.cleanup();
});

async function pilotOf(name: string, files: { participants: string; events: string }) {
  const id = await createPilot(server.base, token, name);
  for (const kind of ['participants', 'events'] as const) {
    const res = await importCsv(server.base, token, id, kind, files[kind]);
    expect(res.status, res.text).toBe(200);
  }
  return id;
}

async function figures(pilot: string) {
  const out: unknown[] = [];
  for (const path of [
    '/outcomes?window=6',
    '/outcomes?window=12',
    '/outcomes?window=24',
    '/survival',
    '/subgroups?by=motivation&window=12',
    '/cohorts?window=12',
  ]) {
    const res = await api(server.base, token, `/api/pilots/${pilot}${path}`);
    expect(res.status, path).toBe(200);
    delete res.body.pilotId;
    out.push(res.body);
  }
  return out;
}

/** A 32-bit big-endian integer as SQLite stores one of 2^23 and more in a record. */
function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}

describe('erasure leaves no trace', () => {
  it('finds none of the erased person’s values in the file, the WAL, the server log or the audit log', async () => {
    const pilot = await pilotOf('Vijfhonderd', peopleFiles(499, { marked: true }));
    const reference = await pilotOf('Zonder hen', peopleFiles(499, { bsnOffset: 50_000 }));
    const list = await api(
      server.base,
      token,
      `/api/pilots/${pilot}/participants?ref=${MARKED.ref}`,
    );
    expect(list.body.total).toBe(1);
    const id = list.body.items[0].id as string;
    expect((await api(server.base, token, `/api/pilots/${pilot}/participants`)).body.total).toBe(
      500,
    );

    // Everything that touches the person before the erasure: a read, an access request by
    // reference and by BSN, an export that includes them.
    expect((await api(server.base, token, `/api/participants/${id}`)).status).toBe(200);
    for (const body of [{ ref: MARKED.ref }, { bsn: MARKED.bsn }]) {
      const res = await api(server.base, token, '/api/access-requests', { body });
      expect(res.body.records).toHaveLength(1);
    }
    const exported = await fetch(`${server.base}/api/pilots/${pilot}/export`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(exported.status).toBe(200);
    await exported.arrayBuffer();

    const erased = await api(server.base, token, `/api/pilots/${pilot}/participants/${id}`, {
      method: 'DELETE',
      body: { reason: 'Verzoek tot wissing, zaak 2025-0042' },
    });
    expect(erased.status, erased.text).toBe(200);

    expect(await figures(pilot)).toEqual(await figures(reference));

    const auditCsv = await api(server.base, token, '/api/audit/export');
    expect(auditCsv.status).toBe(200);
    expect(auditCsv.text).toContain('participant.erase');
    expect(auditCsv.text).toContain('Verzoek tot wissing, zaak 2025-0042');

    const texts = [
      MARKED.ref,
      MARKED.bsn,
      hashBsn(MARKED.bsn, BSN_KEY),
      MARKED.intake,
      MARKED.intakeWritten,
      MARKED.exit,
      MARKED.exitWritten,
      MARKED.offset,
      MARKED.offsetWritten,
      MARKED.ladder,
      MARKED.ladderWritten,
      MARKED.monthlyBenefit,
      MARKED.offsetAmount,
      String(MARKED.monthlyBenefitCents),
      String(MARKED.offsetCents),
    ];
    const wal = `${file}-wal`;
    const places: [string, Buffer][] = [
      ['database file', readFileSync(file)],
      ['WAL', existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)],
      ['server output', Buffer.from(server.output())],
      ['audit log', Buffer.from(auditCsv.text)],
    ];
    // The request log is on: it has a line for each request, the erasure's among them.
    expect(server.stdout()).toContain('"route":"/api/pilots/:id/participants/:participantId"');
    for (const [where, bytes] of places) {
      for (const v of texts) expect(bytes.includes(v), `${v} in the ${where}`).toBe(false);
    }
    // Amounts as SQLite writes integers of cents into a record.
    for (const cents of [MARKED.monthlyBenefitCents, MARKED.offsetCents]) {
      expect(places[0]![1].includes(int32(cents)), `${cents} in the database file`).toBe(false);
    }
    // The other 499 are still there, in the same file: the search would find a value that is.
    expect(places[0]![1].includes('P0499')).toBe(true);
  }, 120_000);
});
