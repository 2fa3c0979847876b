import { existsSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventsCsv, participantsCsv, verifyFile } from './support/data.ts';
import {
  adminToken,
  createPilot,
  importCsv,
  sleep,
  startServer,
  tempDir,
  type ServerProcess,
} from './support/server.ts';

/**
 * SIGTERM: the server stops taking connections, lets a request in flight finish (or, after the
 * grace period, cuts it off so that it writes nothing), checkpoints the WAL, closes the file and
 * exits 0.
 */

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(env: Record<string, string> = {}) {
  const tmp = tempDir();
  const file = join(tmp.dir, 'db.sqlite');
  const server = await startServer(file, env);
  cleanups.push(tmp.cleanup, () => server.stop('SIGKILL'));
  const token = await adminToken(server.base);
  const pilot = await createPilot(server.base, token);
  expect(
    (await importCsv(server.base, token, pilot, 'participants', participantsCsv(200))).status,
  ).toBe(200);
  return { file, server, token, pilot };
}

/** Starts an import whose body the test sends in two halves, on its own connection. */
function slowImport(server: ServerProcess, token: string, pilot: string, body: Buffer) {
  const req = request(`${server.base}/api/pilots/${pilot}/imports?kind=events`, {
    method: 'POST',
    agent: false,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'text/csv',
      'content-length': body.length,
    },
  });
  const reply = new Promise<{ status: number; text: string }>((ok, fail) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, text }));
      res.on('error', fail);
    });
    req.on('error', fail);
  });
  const half = body.indexOf('\n', body.length >> 1) + 1;
  req.write(body.subarray(0, half));
  return { reply, finish: () => req.end(body.subarray(half)) };
}

const walSize = (file: string) => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

describe('graceful shutdown', () => {
  it('finishes an import in flight at SIGTERM, refuses new connections, empties the WAL and exits 0', async () => {
    const { file, server, token, pilot } = await setup();
    const body = Buffer.from(eventsCsv(200, 20_000, 0));
    const upload = slowImport(server, token, pilot, body);
    await sleep(300);
    expect(walSize(file)).toBeGreaterThan(0);
    server.proc.kill('SIGTERM');
    await sleep(300);
    // The listening socket is closed: a new connection is refused, not queued.
    const probe = await fetch(`${server.base}/api/health`, {
      signal: AbortSignal.timeout(3000),
    }).then(
      (r) => `status ${r.status}`,
      (e: Error & { cause?: { code?: string } }) => e.cause?.code ?? e.message,
    );
    expect(probe).toBe('ECONNREFUSED');
    expect(server.proc.exitCode).toBeNull();
    upload.finish();
    const reply = await upload.reply;
    expect(reply.status, reply.text).toBe(200);
    expect(JSON.parse(reply.text).inserted).toBe(20_000);
    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(walSize(file)).toBe(0);
    const after = await verifyFile(file, pilot);
    expect(after.integrity).toBe('ok');
    expect(after.counts.events).toBe(20_000);
    expect(after.totalsMatchWindows && after.windowsMatchEvents).toBe(true);
    console.info(
      `shutdown: import of 20,000 rows in flight at SIGTERM completed; exit ${exit.code}; WAL ${walSize(file)} bytes`,
    );
  }, 60_000);

  it('cuts off an upload that outlasts the grace period, writes none of it and still exits 0', async () => {
    const { file, server, token, pilot } = await setup({ WEGWIJZER_SHUTDOWN_GRACE_MS: '1000' });
    const upload = slowImport(server, token, pilot, Buffer.from(eventsCsv(200, 5_000, 0)));
    await sleep(300);
    const t0 = performance.now();
    server.proc.kill('SIGTERM');
    const outcome = await upload.reply.then(
      (r) => `status ${r.status}`,
      (e: NodeJS.ErrnoException) => e.code ?? e.message,
    );
    expect(['ECONNRESET', 'EPIPE']).toContain(outcome);
    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(walSize(file)).toBe(0);
    const after = await verifyFile(file, pilot);
    expect(after.integrity).toBe('ok');
    expect(after.counts.events).toBe(0);
  }, 60_000);
});
