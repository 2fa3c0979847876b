import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeSerious, loginAs, shot, startE2E, type ACCOUNTS, type E2E } from './harness.ts';

/**
 * Every audience's pages, on a laptop (1366 px) and a phone (390 px): no page wider than the
 * viewport, no console errors, no serious axe findings, and no English on the Dutch pages.
 */
let e: E2E;
let englishOnly: string[];
beforeAll(async () => {
  [e, englishOnly] = await Promise.all([startE2E(), englishOnlyStrings()]);
}, 180_000);
afterAll(async () => {
  await e?.stop();
});

const web = resolve(import.meta.dirname, '../../apps/web/src');

/** Leaf strings of a dictionary (functions are left out: their words are built from arguments). */
function leaves(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) leaves(x, out);
  return out;
}

/**
 * The strings the English dictionaries have and the Dutch ones do not: the main dictionary and
 * every page's strings module. Short or letterless values ("API", "<10") say nothing of language.
 */
async function englishOnlyStrings(): Promise<string[]> {
  const files = [
    join(web, 'i18n.tsx'),
    ...readdirSync(web, { recursive: true, encoding: 'utf8' })
      .filter((f) => /(^|\/)(strings|[a-z-]+-strings)\.ts$/.test(f))
      .map((f) => join(web, f)),
  ];
  const nl = new Set<string>();
  const en = new Set<string>();
  for (const f of files) {
    const mod = (await import(pathToFileURL(f).href)) as Record<string, unknown>;
    for (const v of Object.values(mod)) {
      if (!v || typeof v !== 'object') continue;
      const d = v as { nl?: unknown; en?: unknown };
      if (d.nl && d.en) {
        leaves(d.nl).forEach((s) => nl.add(s.trim()));
        leaves(d.en).forEach((s) => en.add(s.trim()));
      }
    }
  }
  return [...en].filter((s) => !nl.has(s) && s.length >= 4 && /[a-z]{3}/i.test(s));
}

/** The page's visible text nodes, outside elements marked as another language. */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!el || !text) continue;
      if (el.closest('[lang]:not([lang="nl"])') || el.closest('script,style')) continue;
      out.push(text);
    }
    return out;
  });
}

/** Goes to `path` and waits for its data: no request in flight and no loading state left. */
async function visit(page: Page, path: string) {
  await page.goto(`${e.base}${path}`, { waitUntil: 'networkidle' });
  await page.locator('.state-loading').first().waitFor({ state: 'detached', timeout: 15_000 });
  await page.locator('main h1').first().waitFor();
}

interface Finding {
  path: string;
  width: number;
  problem: string;
}

async function check(
  page: Page,
  path: string,
  width: number,
  errors: string[],
): Promise<Finding[]> {
  const found: Finding[] = [];
  await visit(page, path);
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  if (scroll > inner) {
    const wide = await page.evaluate(
      (w) =>
        [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > w + 1)
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
      inner,
    );
    found.push({ path, width, problem: `scrollWidth ${scroll} > ${inner}: ${wide.join(', ')}` });
  }
  for (const err of errors.splice(0)) found.push({ path, width, problem: `console: ${err}` });
  for (const v of await axeSerious(page))
    found.push({ path, width, problem: `axe ${v.id}: ${v.targets.join(' ')}` });
  const texts = await visibleTexts(page);
  for (const t of texts) {
    const hit = englishOnly.find((s) => t === s || (s.length >= 20 && t.includes(s)));
    if (hit) found.push({ path, width, problem: `English on a Dutch page: "${hit}"` });
  }
  return found;
}

/** Visits each path at 1366 and 390 px with one logged-in page; returns what is wrong. */
async function audit(role: keyof typeof ACCOUNTS, paths: (ids: Ids) => string[]) {
  const { ctx, page, errors } = await loginAs(e, role);
  errors.length = 0; // the 401 of /api/auth/me before login is expected
  const ids = await findIds(page);
  const found: Finding[] = [];
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of paths(ids)) found.push(...(await check(page, path, width, errors)));
  }
  if (role === 'manager' || role === 'viewer') {
    await page.setViewportSize({ width: 390, height: 900 });
    await visit(page, `/pilots/${ids.pilot}`);
    await shot(page, `pilot-${role}-390`);
  }
  await ctx.close();
  return [...new Set(found.map((f) => `${f.width}px ${f.path}: ${f.problem}`))];
}

interface Ids {
  pilot: string;
  participant: string | null;
}

async function findIds(page: Page): Promise<Ids> {
  const { items: pilots } = (await (await page.request.get(`${e.base}/api/pilots`)).json()) as {
    items: { id: string; hasControl: boolean }[];
  };
  const pilot = (pilots.find((p) => p.hasControl) ?? pilots[0])!.id;
  const res = await page.request.get(`${e.base}/api/pilots/${pilot}/participants`);
  const participant = res.ok()
    ? ((await res.json()) as { items: { id: string | number }[] }).items[0]?.id
    : undefined;
  return { pilot, participant: participant == null ? null : String(participant) };
}

describe('every page at 1366 and 390 px', () => {
  it('a viewer (alderman) sees pages that fit, pass axe, log no errors and are Dutch throughout', async () => {
    const found = await audit('viewer', (ids) => [
      '/',
      `/pilots/${ids.pilot}`,
      '/vergelijken',
      '/routeplanner',
      '/account',
      '/toegankelijkheid',
    ]);
    expect(found).toEqual([]);
  }, 240_000);

  it('a programme manager sees pages that fit, pass axe, log no errors and are Dutch throughout', async () => {
    const found = await audit('manager', (ids) => [
      '/',
      `/pilots/${ids.pilot}`,
      `/pilots/${ids.pilot}?tab=participants`,
      `/pilots/${ids.pilot}?tab=import`,
      `/pilots/${ids.pilot}?tab=worklist`,
      `/pilots/${ids.pilot}?tab=budget`,
      ...(ids.participant ? [`/participants/${ids.participant}`] : []),
      '/analyse/modellen',
      '/inzageverzoek',
    ]);
    expect(found).toEqual([]);
  }, 300_000);

  it('a researcher sees pages that fit, pass axe, log no errors and are Dutch throughout', async () => {
    const found = await audit('researcher', () => [
      '/analyse',
      '/wat-werkt-voor-wie',
      '/exporteren',
      '/vergelijken',
      '/analyse/modellen',
    ]);
    expect(found).toEqual([]);
  }, 240_000);

  it('an admin sees pages that fit, pass axe, log no errors and are Dutch throughout', async () => {
    const found = await audit('admin', () => [
      '/beheer',
      '/beheer?tab=tokens',
      '/beheer?tab=audit',
      '/beheer?tab=register',
      '/beheer?tab=retention',
      '/nergens',
    ]);
    expect(found).toEqual([]);
  }, 240_000);
});
