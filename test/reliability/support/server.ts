import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** A real server process (`node --import tsx src/main.ts`) on a free loopback port and a real SQLite file. */
export const root = resolve(import.meta.dirname, '../../..');
const apiDir = join(root, 'apps/api');

export const ADMIN = { email: 'beheer@reliability.test', password: 'reliability-admin-2025' };

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** A temporary directory removed by `cleanup()`. */
export function tempDir(prefix = 'wegwijzer-rel-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  base: string;
  port: number;
  proc: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  stdout(): string;
  exited: Promise<Exit>;
  /** Sends `signal` and waits for the exit (SIGKILL after `timeoutMs`). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<Exit>;
}

/**
 * Starts the server on `dbFile` (created on first start with the admin account) and resolves once
 * `/api/health` answers 200. No tsx wrapper process: a SIGKILL reaches the server itself.
 */
export async function startServer(
  dbFile: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  // Import spool files go beside the database, so the test's temporary directory takes them away.
  const spool = join(dirname(dbFile), 'tmp');
  mkdirSync(spool, { recursive: true });
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_URL: dbFile,
      WEGWIJZER_DEMO: 'false',
      WEGWIJZER_ADMIN_EMAIL: ADMIN.email,
      WEGWIJZER_ADMIN_PASSWORD: ADMIN.password,
      WEGWIJZER_WEB_DIST: join(apiDir, 'no-web-dist'),
      WEGWIJZER_BSN_KEY: 'reliability-bsn-key',
      TMPDIR: spool,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stdout = '';
  proc.stdout?.on('data', (d) => {
    out += d;
    stdout += d;
  });
  proc.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<Exit>((ok) =>
    proc.once('exit', (code, signal) => ok({ code, signal })),
  );
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null)
      throw new Error(`server exited on start: ${out}`);
    const ok = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`server did not start within 30 s: ${out}`);
    }
    await sleep(100);
  }
  return {
    base,
    port,
    proc,
    output: () => out,
    stdout: () => stdout,
    exited,
    async stop(signal = 'SIGTERM', timeoutMs = 15_000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return exited;
      proc.kill(signal);
      const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Logs in as the bootstrap admin and makes a bearer token through the API. */
export async function adminToken(base: string): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify(ADMIN),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fetch(`${base}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, cookie },
    body: JSON.stringify({ name: 'reliability' }),
  });
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** A JSON call with a bearer token and a timeout; never throws on a status. */
export async function api<T = any>(
  base: string,
  token: string,
  path: string,
  init: {
    method?: string;
    body?: unknown;
    raw?: BodyInit;
    contentType?: string;
    timeoutMs?: number;
  } = {},
): Promise<{ status: number; body: T; text: string }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let body: BodyInit | undefined = init.raw;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  }
  if (init.contentType) headers['content-type'] = init.contentType;
  const res = await fetch(base + path, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
    signal: AbortSignal.timeout(init.timeoutMs ?? 30_000),
  });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed as T, text };
}

export async function createPilot(
  base: string,
  token: string,
  name = 'Betrouwbaarheid',
): Promise<string> {
  const res = await api<{ id: string }>(base, token, '/api/pilots', {
    body: {
      name,
      municipality: 'GM0014',
      theme: 'reintegration',
      startDate: '2023-01-01',
      dataCompleteThrough: '2025-12-31',
      retainUntil: '2027-12-31',
      monthlyBenefit: 1250,
      guidanceCost: 3000,
    },
  });
  if (res.status !== 201) throw new Error(`pilot: ${res.status} ${res.text}`);
  return res.body.id;
}

export function importCsv(
  base: string,
  token: string,
  pilotId: string,
  kind: 'participants' | 'events',
  csv: BodyInit,
  timeoutMs = 120_000,
) {
  return api(base, token, `/api/pilots/${pilotId}/imports?kind=${kind}`, {
    raw: csv,
    contentType: 'text/csv',
    timeoutMs,
  });
}

/** Runs the backup CLI (`apps/api/src/cli/backup.ts`) and returns its exit code and output. */
export function backupCli(
  args: string[],
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string; json: any }> {
  return new Promise((ok, fail) => {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', join(apiDir, 'src/cli/backup.ts'), ...args],
      {
        cwd: apiDir,
        env: { ...process.env, INIT_CWD: '', DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => (stdout += d));
    proc.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
    proc.once('error', fail);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      const last = (stdout.trim() || stderr.trim()).split('\n').pop() ?? '';
      let json: unknown = null;
      try {
        json = JSON.parse(last);
      } catch {
        json = null;
      }
      ok({ code, stdout, stderr, json });
    });
  });
}
