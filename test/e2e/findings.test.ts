import { describe, expect, it } from 'vitest';
import { axeSerious, loginAs, serveE2E } from './harness.ts';

/** Every SPEC §3 outcome on screen, and "wat werkt voor wie" for a pilot without control. */
const e = serveE2E();

describe('findings on screen', () => {
  it('shows an alderman sustained exit, benefit months, ladder progress and placement per arm', async () => {
    const { ctx, page, errors } = await loginAs(e, 'viewer');
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

  it('uses one vocabulary: participants of both arms, pending per arm, gross savings without control', async () => {
    const { ctx, page, errors } = await loginAs(e, 'manager');
    const mine = page.locator('.my-pilots-table tbody tr', { hasText: 'WerkLoont Rotterdam' });
    await mine.waitFor();
    const onMyPilots = await mine.locator('td').nth(1).innerText();
    // The overview card of the same pilot counts the same participants.
    const card = page.locator('.pilot-card', { hasText: 'WerkLoont Rotterdam' });
    expect(await card.innerText()).toContain(`${onMyPilots} deelnemers`);
    // A pilot without a control arm has gross savings, said so.
    const noControl = page.locator('.pilot-card', {
      hasText: 'Parttime ondernemen vanuit de bijstand Amsterdam',
    });
    expect(await noControl.locator('.net-savings').innerText()).toMatch(
      /^Bruto besparing \(geen vergelijkingsgroep\)/,
    );

    await page.getByRole('link', { name: 'Vergelijken' }).click();
    const row = page.locator('table.compare tbody tr', { hasText: 'WerkLoont Rotterdam' });
    await row.waitFor();
    await expect.poll(() => row.locator('td').first().innerText()).toBe(onMyPilots);
    expect(await page.locator('table.compare thead').innerText()).toContain(
      'Deelnemers (beide groepen)',
    );
    // "Nog te vroeg" for each arm, not the intervention arm beside a count of both.
    expect(await row.locator('td').nth(5).innerText()).toMatch(
      /Interventie\s*\d+\s*Controle\s*\d+/,
    );
    // Net effects and gross savings in columns of their own, never mixed in one.
    const head = await page.locator('table.compare thead').innerText();
    expect(head).toMatch(/Netto-effect t\.o\.v\. controle\s*pilots met controlegroep/);
    expect(head).toMatch(/Bruto besparing\s*pilots zonder controlegroep/);
    expect(await row.locator('td[data-savings-basis="net_effect"]').innerText()).toMatch(/€/);
    expect(await row.locator('td[data-savings-basis="gross"]').innerText()).toBe('–');
    const gross = page.locator('table.compare tbody tr', {
      hasText: 'Parttime ondernemen vanuit de bijstand Amsterdam',
    });
    expect(await gross.locator('td[data-savings-basis="gross"]').innerText()).toMatch(/€/);
    expect(await gross.locator('td[data-savings-basis="net_effect"]').innerText()).toBe('–');
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);
});
