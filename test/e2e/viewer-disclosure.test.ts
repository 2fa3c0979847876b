import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pilotCsv } from '../support/disclosure-fixtures.ts';
import { loginWith, shot, startE2E, type E2E } from './harness.ts';

/** A viewer on a small real pilot in the browser: rounded figures say so, small cells are hidden honestly. */
const ADMIN = { email: 'beheer@gemeente.example', password: 'een-lang-beheerwachtwoord' };
const VIEWER = { email: 'wethouder@gemeente.example', password: 'een-lang-wethouderwachtwoord' };

let e: E2E;
let pilot: string;

async function call(path: string, init: RequestInit & { token: string }) {
  const res = await fetch(`${e.base}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${init.token}`, ...(init.headers ?? {}) },
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

beforeAll(async () => {
  e = await startE2E({
    WEGWIJZER_ADMIN_EMAIL: ADMIN.email,
    WEGWIJZER_ADMIN_PASSWORD: ADMIN.password,
  });
  const login = await fetch(`${e.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: e.base },
    body: JSON.stringify(ADMIN),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const tokenRes = await fetch(`${e.base}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: e.base },
    body: JSON.stringify({ name: 'e2e' }),
  });
  const { token } = (await tokenRes.json()) as { token: string };
  const json = { 'content-type': 'application/json' };
  pilot = (
    await call('/api/pilots', {
      token,
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        name: 'Kleine proef Zwolle',
        municipality: 'GM0193',
        theme: 'reintegration',
        startDate: '2023-01-01',
        dataCompleteThrough: '2025-06-30',
        retainUntil: '2027-12-31',
        monthlyBenefit: 1200,
        guidanceCost: 2500,
      }),
    })
  ).id;
  const csv = pilotCsv({ name: 'Klein', intervention: 34, control: 12, seed: 5 });
  for (const [kind, body] of [
    ['participants', csv.participants],
    ['events', csv.events],
  ] as const)
    await call(`/api/pilots/${pilot}/imports?kind=${kind}`, {
      token,
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body,
    });
  await call('/api/users', {
    token,
    method: 'POST',
    headers: json,
    body: JSON.stringify({ ...VIEWER, name: 'Wethouder', role: 'viewer', pilots: [pilot] }),
  });
}, 180_000);
afterAll(async () => {
  await e?.stop();
});

describe('a viewer on a small pilot', () => {
  it('sees rounded figures marked, "<10" for small counts and "niet getoond" for their rates', async () => {
    const { ctx, page, errors } = await loginWith(e, VIEWER.email, VIEWER.password);
    await page.locator('.pilot-card').first().waitFor();
    expect(await page.locator('.pilot-card').count()).toBe(1);
    await expect.poll(() => page.locator('[data-rounded]').count()).toBe(1);
    await page.getByRole('link', { name: 'Kleine proef Zwolle' }).click();
    await page.locator('.headline-large').waitFor();
    await page.locator('[data-rounded]').waitFor();
    expect(await page.locator('[data-rounded]').innerText()).toMatch(
      /^Afgerond om de privacy te beschermen/,
    );
    await expect.poll(() => page.locator('[data-suppressed=count]').count()).toBeGreaterThan(0);
    for (const text of await page.locator('[data-suppressed=count]').allInnerTexts())
      expect(text).toMatch(/^<10/);
    await expect.poll(() => page.locator('[data-suppressed=figure]').count()).toBeGreaterThan(0);
    for (const text of await page.locator('[data-suppressed=figure]').allInnerTexts())
      expect(text).toMatch(/^niet getoond/);
    await shot(page, 'pilot-viewer-small');
    // English too.
    await page.getByRole('button', { name: /English/ }).click();
    await page.locator('[data-rounded]').waitFor();
    expect(await page.locator('[data-rounded]').innerText()).toMatch(/^Rounded to protect privacy/);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 90_000);
});
