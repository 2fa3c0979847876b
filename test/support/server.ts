import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** A port the system says is free now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  /** What the server printed so far (for diagnosing a failure). */
  output(): string;
  process: ChildProcess;
  /** Peak resident memory of the server process so far, in bytes (Linux VmHWM). */
  peakRss(): number;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts the real server as a child process and waits for /api/health: `src/main.ts` through tsx,
 * or a built `dist/main.js` with plain node, as `pnpm start` runs it.
 */
export async function startServer(
  env: Record<string, string>,
  script = 'src/main.ts',
): Promise<RunningServer> {
  const port = await freePort();
  const [command, args] = script.endsWith('.js')
    ? [process.execPath, ['--expose-gc', script]]
    : [join(root, 'apps/api/node_modules/.bin/tsx'), [script]];
  const child = spawn(command, args, {
    cwd: join(root, 'apps/api'),
    env: { ...process.env, PORT: String(port), WEGWIJZER_LOG: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    output: () => output,
    peakRss() {
      // tsx runs the server in a child of its own: take the largest process of the tree.
      return rssTree(child.pid!);
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

function rssTree(pid: number): number {
  let peak = 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    if (m) peak = Number(m[1]) * 1024;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    for (const c of children) peak = Math.max(peak, rssTree(Number(c)));
  } catch {
    // the process is gone
  }
  return peak;
}

/** Logs in with e-mail and password and returns a bearer token with that user's rights. */
export async function tokenFor(url: string, email: string, password: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const res = await fetch(`${url}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: url },
    body: JSON.stringify({ name: 'bench' }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** Builds the server bundle that `pnpm start` runs (apps/api/dist/main.js). */
export function buildServer(): string {
  const r = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: join(root, 'apps/api'),
    stdio: 'ignore',
  });
  if (r.status !== 0) throw new Error('building the server failed');
  return 'dist/main.js';
}

/**
 * Builds the dashboard as `pnpm start` does. NODE_ENV is set explicitly: under Vitest it is `test`,
 * and Vite would then bundle React's development build.
 */
export function buildWeb(): void {
  const r = spawnSync('npx', ['vite', 'build'], {
    cwd: join(root, 'apps/web'),
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error('building the dashboard failed');
}
