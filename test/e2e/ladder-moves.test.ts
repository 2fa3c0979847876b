import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeSerious, loginAs, serveE2E } from './harness.ts';

/** Ladder progress as a distribution of steps moved, on the pilot page and in Analyse. */
const e = serveE2E();

const PILOT = 'Peer groups Leeuwarden';
const TITLE = 'Treden gestegen of gedaald op de participatieladder na 12 maanden';

/** The figure's table view as rows of cell texts, the move first. */
async function movesTable(page: Page): Promise<string[][]> {
  const figure = page.locator('section.ladder-moves');
  await figure.getByRole('button', { name: 'Toon als tabel' }).click();
  return figure
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText)),
    );
}

/** "12,5% (5)" → 5; "<10" stays a string. */
const countIn = (text: string) => {
  const m = /\((\d[\d.]*)\)/.exec(text);
  return m ? Number(m[1]!.replace(/\./g, '')) : text;
};

describe('ladder moves on screen', () => {
  it('shows a manager the steps moved per arm, the moves up adding up to "Stap omhoog"', async () => {
    const { ctx, page, errors } = await loginAs(e, 'manager');
    await page.getByRole('link', { name: PILOT }).first().click();
    await page.getByRole('heading', { name: TITLE }).waitFor({ timeout: 20_000 });
    const rows = await movesTable(page);
    expect(rows.map((r) => r[0])).toContain('Gelijk gebleven');
    expect(rows.map((r) => r[0])).toContain('1 trede omhoog');
    const up = rows
      .filter((r) => / omhoog$/.test(r[0]!))
      .reduce((s, r) => s + (countIn(r[1]!) as number), 0);
    // The findings table's "Stap omhoog": "55,0% (11 / 20) …" for the same arm.
    const stepUp = await page
      .locator('.findings-table tr[data-finding="ladderUp"] td')
      .first()
      .innerText();
    const [, count] = /\((\d[\d.]*) \/ (\d[\d.]*)\)/.exec(stepUp)!;
    expect(up).toBe(Number(count!.replace(/\./g, '')));
    expect(await axeSerious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);

  it('shows an alderman the rounded distribution, on a phone without sideways scroll', async () => {
    const { ctx, page, errors } = await loginAs(e, 'viewer');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: PILOT }).first().click();
    await page.getByRole('heading', { name: TITLE }).waitFor({ timeout: 20_000 });
    const bars = page.locator('.ladder-bar-row');
    expect(await bars.count()).toBeGreaterThanOrEqual(2);
    // Every shown count is a multiple of 5 or suppressed, never an exact small number.
    const rows = await movesTable(page);
    for (const r of rows)
      for (const c of r.slice(1)) {
        const n = countIn(c);
        if (typeof n === 'number') expect(n % 5).toBe(0);
        else expect(c).toContain('<10');
      }
    const wide = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(wide).toBeLessThanOrEqual(0);
    expect(await axeSerious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);

  it('shows a researcher the distribution per arm in Analyse', async () => {
    const { ctx, page, errors } = await loginAs(e, 'researcher');
    await page.getByRole('link', { name: 'Analyse', exact: true }).click();
    const picker = page.getByLabel('Kies een pilot');
    await picker.locator('option').first().waitFor({ state: 'attached' });
    const id = await picker.locator('option', { hasText: PILOT }).getAttribute('value');
    await picker.selectOption(id!);
    await page.getByRole('heading', { name: TITLE }).waitFor({ timeout: 20_000 });
    expect(await page.locator('section.ladder-moves .arm-tag').count()).toBeGreaterThanOrEqual(1);
    expect(await axeSerious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);
});
