import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeSerious, loginAs, serveE2E, shot } from './harness.ts';

/** Status by month and the window picker (issue 18), in a real browser against demo data. */
const e = serveE2E();

const FIGURE = 'Uit de bijstand, maand voor maand';

/** The status-by-month figure: its chart lines, then its table view. */
async function checkFigure(page: Page): Promise<string> {
  const section = page.getByRole('region', { name: FIGURE });
  await section.locator('.recharts-line').first().waitFor();
  expect(await section.locator('.recharts-line').count()).toBeGreaterThan(0);
  // The evaluable n per month beneath the chart.
  expect(await section.locator('.status-n tbody tr').count()).toBeGreaterThan(0);
  await section.getByRole('button', { name: 'Toon als tabel' }).click();
  await section.locator('.status-table tbody tr').first().waitFor();
  expect(await section.locator('.status-table tbody tr').count()).toBeGreaterThanOrEqual(36);
  return section.locator('.status-table tbody').innerText();
}

describe('status by month', () => {
  it('shows a researcher the chart and its table in Analyse, and a window of 9 months', async () => {
    const { ctx, page, errors } = await loginAs(e, 'researcher');
    await page.getByRole('link', { name: 'Analyse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Analyse' }).waitFor();
    const table = await checkFigure(page);
    expect(table).toMatch(/%/);
    expect(await axeSerious(page)).toEqual([]);

    // Any month: "Andere periode…" opens a number field; 9 goes into the URL and the figures.
    await page
      .getByRole('combobox', { name: 'Periode na intake', exact: true })
      .selectOption('other');
    await page.getByLabel('Aantal maanden (1–60)').fill('9');
    await page.waitForURL(/window=9/);
    const headline = page.locator('.headline').first();
    await expect.poll(() => headline.innerText()).toContain('na 9 maanden');
    expect(await headline.locator('.big-number').innerText()).toMatch(/\d+,\d\s?%/);
    // Out of range: refused next to the field, nothing sent.
    await page.getByLabel('Aantal maanden (1–60)').fill('61');
    await page.getByRole('alert').filter({ hasText: '1 tot en met 60' }).waitFor();
    expect(page.url()).toMatch(/window=9/);
    await shot(page, 'analyse-status-by-month');
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);

  it('shows a viewer the chart and its table on the pilot page, with small cells suppressed', async () => {
    const { ctx, page, errors } = await loginAs(e, 'viewer');
    await page.locator('.pilot-card h2 a').first().click();
    await page.locator('.headline-large').waitFor();
    const table = await checkFigure(page);
    // Months an arm has too few followed for are named, never drawn from a count under 10.
    for (const n of await page.locator('.status-table [data-suppressed]').allInnerTexts())
      expect(n).toMatch(/^(<10|niet getoond)/);
    expect(table).toMatch(/%/);
    await page.goto(`${page.url().split('?')[0]}?window=9`);
    await expect.poll(() => page.locator('.headline-large').innerText()).toContain('na 9 maanden');
    await shot(page, 'pilot-viewer-status-by-month');
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);
});
