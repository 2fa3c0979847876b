import { spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildWeb } from '../support/server.ts';

/** Starts the real server (API + built dashboard, demo data) on a free port, and Debian's Chromium. */
const root = resolve(import.meta.dirname, '../..');
const dist = join(root, 'apps/web/dist');
export const screenshotDir = join(root, 'test-results/screenshots');

export interface E2E {
  base: string;
  browser: Browser;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** True when the built dashboard is missing or older than a source file: tests must see the code. */
function webBuildIsStale(): boolean {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = readdirSync(join(root, 'apps/web/src'), { recursive: true, withFileTypes: true });
  return sources.some((e) => e.isFile() && statSync(join(e.parentPath, e.name)).mtimeMs > built);
}

export async function startE2E(env: Record<string, string> = {}): Promise<E2E> {
  if (webBuildIsStale()) buildWeb();
  mkdirSync(screenshotDir, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'wegwijzer-e2e-'));
  const port = await freePort();
  const server: ChildProcess = spawn(
    join(root, 'apps/api/node_modules/.bin/tsx'),
    ['src/main.ts'],
    {
      cwd: join(root, 'apps/api'),
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: join(dir, 'db.sqlite'),
        WEGWIJZER_WEB_DIST: dist,
        WEGWIJZER_DEMO: 'true',
        // The demo admin manages no users, grants or audit log (SPEC §6): admin flows need a real one.
        WEGWIJZER_ADMIN_EMAIL: ACCOUNTS.admin[0],
        WEGWIJZER_ADMIN_PASSWORD: ACCOUNTS.admin[1],
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  server.stdout?.on('data', (d) => (log += d));
  server.stderr?.on('data', (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (server.exitCode != null) throw new Error(`server exited: ${log}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`server did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    base,
    browser,
    async stop() {
      await browser.close().catch(() => undefined);
      server.kill('SIGTERM');
      await new Promise((r) => (server.exitCode != null ? r(null) : server.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The server and browser of one test file: started before its first test, stopped after its
 * last. The returned object is filled in when they have started, so tests read `e.base` as usual.
 */
export function serveE2E(startTimeoutMs = 120_000): E2E {
  const e = {} as E2E;
  beforeAll(async () => {
    Object.assign(e, await startE2E());
  }, startTimeoutMs);
  afterAll(async () => {
    await e.stop?.();
  });
  return e;
}

export const ACCOUNTS = {
  admin: ['beheer@gemeente.example', 'Kanaalfiets-Tulpenbol-2026'],
  demoAdmin: ['beheer@demo.wegwijzer.nl', 'demo-beheer-2025'],
  viewer: ['wethouder@demo.wegwijzer.nl', 'demo-wethouder-2025'],
  manager: ['manager@demo.wegwijzer.nl', 'demo-manager-2025'],
  researcher: ['onderzoek@demo.wegwijzer.nl', 'demo-onderzoek-2025'],
} as const;

/** A fresh context logged in as `role` (a demo account, or the real admin), as `loginWith`. */
export function loginAs(
  e: E2E,
  role: keyof typeof ACCOUNTS,
): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
  const [email, password] = ACCOUNTS[role];
  return loginWith(e, email, password);
}

/**
 * A fresh context logged in through the login page; collects the console errors from then on.
 * Those of the login itself are dropped: the login page asks who is logged in before anyone is,
 * and that 401 is expected.
 */
export async function loginWith(
  e: E2E,
  email: string,
  password: string,
): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
  const ctx = await e.browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'nl-NL',
  });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(`${e.base}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overzicht van de pilots' }).waitFor();
  errors.length = 0;
  return { ctx, page, errors };
}

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page as it is; returns the serious and critical violations. */
export async function axeSerious(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol, so the app's Content-Security-Policy does not block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, opts: object): Promise<{ violations: any[] }> };
      }
    ).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n: any) => String(n.target)),
    }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
