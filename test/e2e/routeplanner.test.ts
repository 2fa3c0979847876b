import { describe, expect, it } from 'vitest';
import { axeSerious, loginAs, serveE2E, shot } from './harness.ts';

/** The Routeplanner in a real browser against the real server with demo data. */
const e = serveE2E();

describe('routeplanner', () => {
  it('shows a manager, for motivation 4 with debts, a forest plot of the pilots with links, a table view, and no accessibility faults', async () => {
    const { ctx, page, errors } = await loginAs(e, 'manager');
    await page.getByRole('link', { name: 'Routeplanner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Routeplanner' }).waitFor();

    await page.getByLabel('Motivatie', { exact: true }).selectOption('4');
    await page.getByLabel('Schulden').selectOption('ja');
    await page.getByRole('button', { name: 'Toon resultaten' }).click();
    await page.waitForURL(/\/routeplanner\?motivation=4&hasDebts=ja&window=12$/);

    // One row per pilot; controlled pilots first, observational ones labelled as such.
    const rows = page.locator('.planner-table tbody tr');
    await rows.first().waitFor();
    const n = await rows.count();
    expect(n).toBeGreaterThan(1);
    // Differences as filled squares, observational exit rates as open circles.
    expect(await page.locator('.section-difference tbody svg rect').count()).toBeGreaterThan(0);
    expect(await page.locator('.section-rate tbody svg circle').count()).toBeGreaterThan(0);
    const pilotLinks = page.locator('.planner-table a[href^="/pilots/"]');
    expect(await pilotLinks.count()).toBe(n);
    expect(await page.locator('.section-difference tbody tr').count()).toBeGreaterThan(0);
    await page.getByText('geen controlegroep (observationeel)').first().waitFor();
    expect(await page.locator('.planner-heterogeneity li').first().innerText()).toMatch(
      /laten niet zien dat het effect verschilt per motivatie|werkt vooral voor/,
    );
    const firstPilot = await pilotLinks.first().innerText();
    await shot(page, 'routeplanner-manager');
    const found = await axeSerious(page);
    expect(found, JSON.stringify(found, null, 1)).toEqual([]);

    // "Toon als tabel" lists the same pilots.
    await page.getByRole('button', { name: 'Toon als tabel' }).click();
    const tableRows = page.locator('table.planner-data tbody tr');
    await tableRows.first().waitFor();
    expect(await tableRows.count()).toBe(n);
    expect(await page.locator('table.planner-data').innerText()).toContain(firstPilot);
    expect(await axeSerious(page)).toEqual([]);

    // The URL holds the search: a reload shows the same profile, and a pilot link opens its results.
    await page.reload();
    expect(await page.getByLabel('Motivatie', { exact: true }).inputValue()).toBe('4');
    await page.locator('.planner-table a[href^="/pilots/"]').first().click();
    await page.locator('.headline-large').waitFor();
    expect(errors).toEqual([]);
    await ctx.close();
  }, 45_000);
});
