import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeSerious, loginAs, startE2E, type E2E } from './harness.ts';

/** Every SPEC §3 outcome on screen, and "wat werkt voor wie" for a pilot without control. */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 120_000);
afterAll(async () => {
  await e?.stop();
});

describe('findings on screen', () => {
  it('shows an alderman sustained exit, benefit months, ladder progress and placement per arm', async () => {
    const { ctx, page, errors } = await loginAs(e, 'viewer');
    errors.length = 0;
    await page.getByRole('link', { name: 'WerkLoont Rotterdam' }).first().click();
    const table = page.locator('.findings-table');
    await table.waitFor();
    expect(await page.getByRole('heading', { name: 'Meer uitkomsten na 12 maanden' }).count()).toBe(
      1,
    );
    const text = await table.innerText();
    for (const name of [
      'Duurzame uitstroom',
      'Maanden in de bijstand',
      'Stap omhoog op de participatieladder',
      'Duurzame plaatsing',
    ])
      expect(text).toContain(name);
    expect(text).toMatch(/Interventie[\s\S]*Controle/);
    // Every share carries its interval; nothing reads 0 where it is suppressed.
    expect(text).toMatch(/\d+,\d%[\s\S]*95%-BI \d+,\d–\d+,\d%/);
    expect(await axeSerious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);

  it('shows a researcher every outcome per window in Analyse, and the rates per subgroup', async () => {
    const { ctx, page, errors } = await loginAs(e, 'researcher');
    errors.length = 0;
    await page.getByRole('link', { name: 'Analyse', exact: true }).click();
    const byWindow = page.locator('.findings-window-table');
    await byWindow.waitFor({ timeout: 20_000 });
    for (const k of [6, 12, 18, 24, 36])
      expect(
        await byWindow.locator(`tr[data-finding="placement"][data-window="${k}"]`).count(),
      ).toBe(1);
    // Sustained exit is defined from 6 months on, so every standard window has it.
    expect(await byWindow.locator('tr[data-finding="sustained"]').count()).toBe(5);

    await page.getByRole('link', { name: 'Wat werkt voor wie' }).click();
    const picker = page.getByLabel('Kies een pilot');
    await picker.locator('option').first().waitFor({ state: 'attached' });
    const partTime = await picker
      .locator('option', { hasText: 'Parttime ondernemen vanuit de bijstand Amsterdam' })
      .getAttribute('value');
    await picker.selectOption(partTime!);
    const forest = page.locator('.rate-forest');
    await forest.waitFor({ timeout: 20_000 });
    // One row per motivation value (and the unknowns), each with its rate and n: the gradient.
    const rates = await forest
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText));
    expect(rates.length).toBeGreaterThanOrEqual(5);
    const pcts = rates.slice(0, 5).map((r) => Number(/(\d+,\d)%/.exec(r)![1]!.replace(',', '.')));
    expect(pcts[4]).toBeGreaterThan(pcts[0]!);
    expect(await page.getByTestId('heterogeneity').innerText()).toMatch(
      /χ² = \d+,\d\d \(4 vrijheidsgraden\), p = /,
    );
    expect(await axeSerious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);
});
