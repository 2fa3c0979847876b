import { describe, expect, it } from 'vitest';
import { axeSerious, loginAs, serveE2E, shot } from './harness.ts';

/** Analyse › adjusted effects in a real browser against the real server with demo data. */
const e = serveE2E();

describe('models page', () => {
  it('shows a researcher unadjusted and adjusted effects with a table view, the PH check in words, and a sample size', async () => {
    const { ctx, page, errors } = await loginAs(e, 'researcher');
    await page.getByRole('link', { name: 'Analyse' }).click();
    await page.getByRole('link', { name: /Gecorrigeerde effecten/ }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Gecorrigeerde effecten en steekproefomvang' })
      .waitFor();

    // Unadjusted only at first: one point in the hazard-ratio forest plot.
    await page
      .getByText(/deelnemers in de modellen/)
      .first()
      .waitFor();
    await page.getByLabel('Huishouden').check();
    await page.getByLabel('Motivatie (schaal 1–5)').check();
    await page.getByText(/Controle op proportionele hazards/).waitFor();
    const cox = page.locator('figure').first();
    await cox.getByRole('button', { name: 'Toon als tabel' }).click();
    const rows = cox.locator('tbody tr');
    await rows.nth(1).waitFor();
    expect(await rows.allInnerTexts()).toEqual([
      expect.stringMatching(/^Niet gecorrigeerd/),
      expect.stringMatching(/^Gecorrigeerd/),
    ]);
    expect(await page.locator('section', { has: page.locator('#cox-title') }).innerText()).toMatch(
      /globaal p/,
    );
    await page.getByText('Wat correctie wel en niet doet').waitFor();
    await page.getByText(/maakt van een gematchte vergelijking geen loting/).waitFor();

    await page.getByLabel('Verwacht uit de bijstand in de controlegroep (%)').fill('20');
    await page.getByLabel('Te vinden in de interventiegroep (%)').fill('30');
    await page.getByRole('button', { name: 'Bereken' }).click();
    await page.getByText('294 deelnemers per groep nodig').waitFor();
    await page.getByText(/Wat kan deze pilot nu aantonen/).waitFor();

    await cox.getByRole('button', { name: 'Toon als grafiek' }).click();
    await shot(page, 'models-researcher');
    const found = await axeSerious(page);
    expect(found, JSON.stringify(found, null, 1)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);
});
