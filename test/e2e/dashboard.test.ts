import { describe, expect, it } from 'vitest';
import { loginAs, serveE2E, shot } from './harness.ts';

/** The dashboard in a real browser against the real server with demo data. */
const e = serveE2E();

describe('dashboard', () => {
  it('shows a viewer the pilot overview with "<10" for small cells and no participant pages', async () => {
    const { ctx, page, errors } = await loginAs(e, 'viewer');
    await page.locator('.pilot-card .big-number').first().waitFor();
    expect(await page.locator('.pilot-card').count()).toBeGreaterThan(1);
    await shot(page, 'overview-viewer');

    // A pilot summary with suppressed route cells: counts read "<10", rates and amounts "niet
    // getoond", and nothing suppressed reads 0.
    await page.getByRole('link', { name: "Mobility mentoring 's-Gravenhage" }).click();
    await page.locator('.headline-large').waitFor();
    await expect.poll(() => page.locator('[data-suppressed]').count()).toBeGreaterThan(0);
    for (const text of await page.locator('[data-suppressed=count]').allInnerTexts())
      expect(text).toMatch(/^<10/);
    for (const text of await page.locator('[data-suppressed=figure]').allInnerTexts())
      expect(text).toMatch(/^niet getoond/);
    const legend = await page.locator('.legend li').allInnerTexts();
    expect(legend.some((l) => /<10/.test(l))).toBe(true);
    expect(await page.getByRole('link', { name: 'Deelnemers' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Toon als tabel' }).first().click();
    await page.locator('figure table').first().waitFor();
    await shot(page, 'pilot-viewer');

    const pilotUrl = page.url();
    const pilotId = pilotUrl.split('/pilots/')[1]!.split('?')[0]!;
    const api = await page.request.get(`${e.base}/api/pilots/${pilotId}/participants`);
    expect(api.status()).toBe(403);
    await page.goto(`${e.base}/participants/1`);
    await page.getByRole('heading', { level: 1, name: 'Niet gevonden' }).waitFor();
    expect(errors).toEqual([]);
    await ctx.close();
  }, 45_000);

  it('lets a manager import a CSV through the page, and add an event on a participant timeline', async () => {
    const { ctx, page, errors } = await loginAs(e, 'manager');
    await page.locator('.pilot-card h2 a').first().click();
    await page.locator('.headline-large').waitFor();
    await page.getByRole('link', { name: 'Importeren' }).click();

    // A file with an error first: the dry run lists it as regel/kolom/melding.
    await page.locator('input[type=file]').setInputFiles({
      name: 'fout.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'participant_ref;arm;intake_date;ladder_step\nE2E-BAD-1;intervention;31-02-2024;7\n',
      ),
    });
    await page.getByRole('button', { name: 'Controleren (proefimport)' }).click();
    await page.locator('.import-errors tbody tr').first().waitFor();
    expect(await page.locator('.import-errors tbody tr').count()).toBeGreaterThan(0);

    await page.locator('input[type=file]').setInputFiles({
      name: 'deelnemers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'participant_ref;arm;intake_date;monthly_benefit\nE2E-0001;intervention;02-01-2025;1.250,50\nE2E-0002;control;2025-01-03;1300\n',
      ),
    });
    await page.getByRole('button', { name: 'Controleren (proefimport)' }).click();
    await page.getByTestId('import-checked').waitFor();
    expect(await page.getByTestId('import-checked').innerText()).toContain('2 regels');
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').innerText()).toContain('2 toegevoegd');
    await shot(page, 'import-manager');

    // The imported participant, found through the search of the Deelnemers tab.
    await page.getByRole('link', { name: 'Deelnemers' }).click();
    await page.getByLabel('Zoek op deelnemernummer').fill('E2E-0001');
    await page.getByRole('link', { name: 'E2E-0001' }).click();
    await page.getByRole('heading', { level: 1, name: 'E2E-0001' }).waitFor();

    // Browser validation: a ladder step of 9 is refused next to the field, before sending.
    await page.getByLabel('Soort gebeurtenis').selectOption('ladder');
    await page.getByLabel('Datum', { exact: true }).fill('2025-06-01');
    await page.getByLabel('Waarde').fill('9');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('#ev-value-err').waitFor();
    await page.getByLabel('Waarde').fill('4');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('.event-list li[data-event-type=ladder]').waitFor();
    expect(await page.locator('.event-list').innerText()).toContain('01-06-2025');
    await shot(page, 'participant-manager');

    // Delete it again with a reason.
    await page.getByRole('button', { name: /^Verwijderen: / }).click();
    await page.getByLabel('Reden van verwijderen').fill('E2E-test');
    await page.getByRole('button', { name: 'Verwijderen', exact: true }).click();
    await page.getByText('Nog geen gebeurtenissen.').waitFor();
    // The browser logs the deliberate 422 of the faulty file; nothing else may fail.
    expect(errors.filter((m) => !/status of 422/.test(m))).toEqual([]);
    await ctx.close();
  }, 60_000);

  it('switches to English and back', async () => {
    const { ctx, page } = await loginAs(e, 'viewer');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pilot overview' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('.pilot-card').first().innerText()).toMatch(
      /off social assistance after 12 months/,
    );
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overzicht van de pilots' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await ctx.close();
  }, 30_000);

  it('shows a researcher the analysis pages without console errors', async () => {
    const { ctx, page, errors } = await loginAs(e, 'researcher');
    await page.getByRole('link', { name: 'Analyse' }).click();
    await page.locator('.recharts-surface').first().waitFor({ timeout: 20_000 });
    await page.getByText(/log-ranktoets/).waitFor();
    await page.locator('.at-risk tbody tr').first().waitFor();
    await page.locator('figure').nth(1).locator('.recharts-wrapper').waitFor({ timeout: 20_000 });
    await shot(page, 'analyse-researcher');

    await page.getByRole('link', { name: 'Wat werkt voor wie' }).click();
    await page.getByLabel('Kenmerk bij de start').selectOption('hasDebts');
    await page.waitForURL(/by=hasDebts/);
    await page.locator('.forest-table tbody tr').first().waitFor();
    await shot(page, 'subgroups-researcher');

    await page.getByRole('link', { name: 'Vergelijken' }).click();
    await page.locator('table.compare tbody tr').first().waitFor();
    await shot(page, 'compare-researcher');

    await page.goto(`${e.base}/toegankelijkheid`);
    await page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' }).waitFor();
    expect(errors).toEqual([]);
    await ctx.close();
  }, 45_000);
});
