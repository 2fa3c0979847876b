/**
 * Regenerates the README's screenshots (docs/screenshots) from the demo data: each audience's
 * main page at 1366 px and the alderman's pilot page on a 390 px phone, with Debian's Chromium.
 * Run with `pnpm screenshots` after the dashboard changes; the files are committed.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { loginAs, startE2E, type ACCOUNTS } from './harness.ts';

const out = resolve(import.meta.dirname, '../../docs/screenshots');
/** Long pages are cut here: the README shows the top of a page, the phone shot is whole. */
const MAX_HEIGHT = 2400;

interface Shot {
  name: string;
  role: keyof typeof ACCOUNTS;
  /** The page, given the id of a demo pilot with a control group. */
  path: (pilot: string) => string;
  width?: number;
  whole?: boolean;
  /** The demo's multi-arm experiment (its arms and own variables) instead of a two-arm pilot. */
  experiment?: boolean;
  /** Start the shot at this element rather than at the top of the page. */
  from?: string;
}

const SHOTS: Shot[] = [
  { name: 'overview-viewer', role: 'viewer', path: () => '/' },
  { name: 'pilot-viewer', role: 'viewer', path: (p) => `/pilots/${p}` },
  {
    name: 'pilot-viewer-390',
    role: 'viewer',
    path: (p) => `/pilots/${p}`,
    width: 390,
    whole: true,
  },
  { name: 'pilot-manager', role: 'manager', path: (p) => `/pilots/${p}?tab=worklist` },
  {
    name: 'settings-manager',
    role: 'manager',
    path: (p) => `/pilots/${p}?tab=settings`,
    experiment: true,
    from: '.arms-fields',
  },
  { name: 'analyse-researcher', role: 'researcher', path: () => '/analyse' },
  { name: 'subgroups-researcher', role: 'researcher', path: () => '/wat-werkt-voor-wie' },
  { name: 'audit-admin', role: 'admin', path: () => '/beheer?tab=audit' },
];

async function settle(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.locator('.state-loading').first().waitFor({ state: 'detached', timeout: 15_000 });
  await page.locator('main h1').first().waitFor();
  // Charts animate in; the shot waits for them to stand still.
  await page.waitForTimeout(800);
}

async function main() {
  mkdirSync(out, { recursive: true });
  const e = await startE2E();
  try {
    for (const role of [...new Set(SHOTS.map((s) => s.role))]) {
      const { ctx, page } = await loginAs(e, role);
      const { items } = (await (await page.request.get(`${e.base}/api/pilots`)).json()) as {
        items: { id: string; name: string; hasControl: boolean }[];
      };
      const pilot = (items.find((p) => p.hasControl) ?? items[0])!.id;
      const experiment = items.find((p) => p.name.startsWith('Experiment'))?.id ?? pilot;
      for (const s of SHOTS.filter((x) => x.role === role)) {
        await page.setViewportSize({ width: s.width ?? 1366, height: 900 });
        await settle(page, `${e.base}${s.path(s.experiment ? experiment : pilot)}`);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const top = s.from
          ? await page.evaluate(
              (sel) =>
                (document.querySelector(sel)?.getBoundingClientRect().top ?? 0) + scrollY - 16,
              s.from,
            )
          : 0;
        const width = s.width ?? 1366;
        const clip = { x: 0, y: top, width, height: Math.min(height - top, MAX_HEIGHT) };
        await page.screenshot({
          path: join(out, `${s.name}.png`),
          fullPage: true,
          ...(s.whole ? {} : { clip }),
        });
        console.log(`${s.name}.png`);
      }
      await ctx.close();
    }
  } finally {
    await e.stop();
  }
}

await main();
