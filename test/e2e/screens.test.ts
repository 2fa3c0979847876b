import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import {
  EDUCATIONS,
  EVENT_TYPES,
  EXIT_REASONS,
  HOUSEHOLDS,
  ROLES,
  THEMES,
} from '@wegwijzer/domain/values';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeSerious, loginAs, shot, startE2E, type ACCOUNTS, type E2E } from './harness.ts';

/**
 * Every audience's pages, on a laptop (1366 px) and a phone (390 px): no page wider than the
 * viewport, no console errors, no serious axe findings, no English on the Dutch pages, no Dutch
 * on the English pages, and no raw code where a label belongs.
 */
let e: E2E;
let englishOnly: string[];
let dutchOnly: string[];
beforeAll(async () => {
  let dicts: Dictionaries;
  [e, dicts] = await Promise.all([startE2E(), dictionaries()]);
  englishOnly = onlyIn(dicts.en, dicts.nl);
  dutchOnly = onlyIn(dicts.nl, dicts.en);
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

interface Dictionaries {
  nl: Set<string>;
  en: Set<string>;
}

/** The leaf strings of the main dictionary and of every page's strings module, per language. */
async function dictionaries(): Promise<Dictionaries> {
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
  return { nl, en };
}

/**
 * The strings one language's dictionaries have and the other's do not. Short or letterless
 * values ("API", "<10") say nothing of language.
 */
function onlyIn(mine: Set<string>, other: Set<string>): string[] {
  return [...mine].filter((s) => !other.has(s) && s.length >= 4 && /[a-z]{3}/i.test(s));
}

/**
 * Codes that must never be read as a label: enum values with an underscore or a dot, which no
 * language writes (`single_parent`, `regular_work`, `benefit_end`, `participant.read`).
 */
const RAW_CODES = new Set<string>(
  [...HOUSEHOLDS, ...EDUCATIONS, ...EXIT_REASONS, ...EVENT_TYPES, ...THEMES, ...ROLES].filter((c) =>
    /[_.]/.test(c),
  ),
);
const AUDIT_ACTION = /^[a-z]+(\.[a-z_]+)+$/;

/** The page's visible text nodes, outside elements marked as another language than `lang`. */
function visibleTexts(page: Page, lang: 'nl' | 'en' = 'nl'): Promise<string[]> {
  return page.evaluate((lang) => {
    const out: string[] = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!el || !text) continue;
      if (el.closest(`[lang]:not([lang="${lang}"])`) || el.closest('script,style')) continue;
      out.push(text);
    }
    return out;
  }, lang);
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
  found.push(...(await languageFindings(page, path, width, 'nl')));
  return found;
}

/** Text of the other language, and raw codes, on a page shown in `lang`. */
async function languageFindings(
  page: Page,
  path: string,
  width: number,
  lang: 'nl' | 'en',
): Promise<Finding[]> {
  const found: Finding[] = [];
  const foreign = lang === 'nl' ? englishOnly : dutchOnly;
  const words = lang === 'nl' ? 'English on a Dutch page' : 'Dutch on an English page';
  for (const t of await visibleTexts(page, lang)) {
    const hit = foreign.find((s) => t === s || (s.length >= 20 && t.includes(s)));
    if (hit) found.push({ path, width, problem: `${words}: "${hit}"` });
    if (RAW_CODES.has(t) || AUDIT_ACTION.test(t))
      found.push({ path, width, problem: `raw code shown as a label: "${t}"` });
  }
  return found;
}

/** Switches the logged-in page to English with the header's language button. */
async function toEnglish(page: Page) {
  await page.getByRole('button', { name: 'English' }).first().click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

/** Visits each path in English at 1366 px; returns the Dutch and raw codes it shows. */
async function auditEnglish(
  role: keyof typeof ACCOUNTS,
  paths: (ids: Ids) => string[],
  /** Then something done on a page (a form sent empty, say), whose result is scanned too. */
  act?: (page: Page, ids: Ids) => Promise<string>,
) {
  const { ctx, page, errors } = await loginAs(e, role);
  await toEnglish(page);
  const ids = await findIds(page);
  const found: Finding[] = [];
  await page.setViewportSize({ width: 1366, height: 900 });
  for (const path of paths(ids)) {
    await visit(page, path);
    found.push(...(await languageFindings(page, path, 1366, 'en')));
    for (const err of errors.splice(0))
      found.push({ path, width: 1366, problem: `console: ${err}` });
  }
  if (act) {
    const what = await act(page, ids);
    found.push(...(await languageFindings(page, what, 1366, 'en')));
  }
  await ctx.close();
  return [...new Set(found.map((f) => `${f.path}: ${f.problem}`))];
}

/** Visits each path at 1366 and 390 px with one logged-in page; returns what is wrong. */
async function audit(role: keyof typeof ACCOUNTS, paths: (ids: Ids) => string[]) {
  const { ctx, page, errors } = await loginAs(e, role);
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

const VIEWER_PATHS = (ids: Ids) => [
  '/',
  `/pilots/${ids.pilot}`,
  '/vergelijken',
  '/routeplanner',
  '/account',
  '/toegankelijkheid',
];
const MANAGER_PATHS = (ids: Ids) => [
  '/',
  `/pilots/${ids.pilot}`,
  `/pilots/${ids.pilot}?tab=participants`,
  `/pilots/${ids.pilot}?tab=import`,
  `/pilots/${ids.pilot}?tab=worklist`,
  `/pilots/${ids.pilot}?tab=budget`,
  ...(ids.participant ? [`/participants/${ids.participant}`] : []),
  '/analyse/modellen',
  '/inzageverzoek',
];
const RESEARCHER_PATHS = () => [
  '/analyse',
  '/wat-werkt-voor-wie',
  '/exporteren',
  '/vergelijken',
  '/analyse/modellen',
];
const ADMIN_PATHS = () => [
  '/beheer',
  '/beheer?tab=tokens',
  '/beheer?tab=audit',
  '/beheer?tab=register',
  '/beheer?tab=retention',
  '/nergens',
];

describe('every page at 1366 and 390 px', () => {
  it('a viewer (alderman) sees pages that fit, pass axe, log no errors and are Dutch throughout', async () => {
    const found = await audit('viewer', VIEWER_PATHS);
    expect(found).toEqual([]);
  }, 240_000);

  it('a programme manager sees pages that fit, pass axe, log no errors and are Dutch throughout', async () => {
    const found = await audit('manager', MANAGER_PATHS);
    expect(found).toEqual([]);
  }, 300_000);

  it('a researcher sees pages that fit, pass axe, log no errors and are Dutch throughout', async () => {
    const found = await audit('researcher', RESEARCHER_PATHS);
    expect(found).toEqual([]);
  }, 240_000);

  it('an admin sees pages that fit, pass axe, log no errors and are Dutch throughout', async () => {
    const found = await audit('admin', ADMIN_PATHS);
    expect(found).toEqual([]);
  }, 240_000);
});

describe('every page in English', () => {
  it('a viewer (alderman) reads no Dutch and no raw code on the English pages', async () => {
    expect(await auditEnglish('viewer', VIEWER_PATHS)).toEqual([]);
  }, 240_000);

  it('a programme manager reads no Dutch and no raw code on the English pages', async () => {
    expect(
      await auditEnglish(
        'manager',
        (ids) => [...MANAGER_PATHS(ids), `/pilots/${ids.pilot}?tab=settings`, '/pilots/nieuw'],
        async (page) => {
          // The form's refusals are English too: a new pilot sent empty, with a bad arm code.
          await visit(page, '/pilots/nieuw');
          await page
            .getByRole('group', { name: 'Intervention group 1' })
            .getByLabel('Code')
            .fill('X Y');
          await page.getByRole('button', { name: 'Create pilot' }).click();
          await page.getByRole('alert').first().waitFor();
          expect(await page.locator('form.manage-form').innerText()).toContain(
            'This field is required.',
          );
          return '/pilots/nieuw sent empty';
        },
      ),
    ).toEqual([]);
  }, 300_000);

  it('a researcher reads no Dutch and no raw code on the English pages', async () => {
    expect(await auditEnglish('researcher', RESEARCHER_PATHS)).toEqual([]);
  }, 240_000);

  it('an admin reads no Dutch and no raw code on the English pages', async () => {
    expect(await auditEnglish('admin', ADMIN_PATHS)).toEqual([]);
  }, 240_000);
});
