import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeSerious, loginAs, serveE2E, shot } from './harness.ts';

/**
 * Beyond the benefit (issue 11): debts and money stress, the budget split across policy domains,
 * and municipal reference lines, in a real browser against the real server with demo data.
 */
const e = serveE2E();

const MOBILITY = "Mobility mentoring 's-Gravenhage";
const EINDHOVEN = 'Parttime ondernemen vanuit de bijstand Eindhoven';

async function openPilot(page: Page, name: string) {
  await page.getByRole('link', { name }).first().click();
  await page.locator('.headline-large').waitFor();
}

/** "42,6%" → 0.426 */
const rate = (text: string) => Number(/(\d+,\d)%/.exec(text)![1]!.replace(',', '.')) / 100;

describe('beyond the benefit', () => {
  it('shows the alderman debt stabilisation and money stress for mobility mentoring, with tables and definitions', async () => {
    const { ctx, page, errors } = await loginAs(e, 'viewer');
    await openPilot(page, MOBILITY);

    const debts = page.locator('section.debts');
    await debts.getByRole('heading', { level: 2, name: 'Schulden en geldstress' }).waitFor();
    const stabilised = debts.locator('figure', {
      hasText: 'Schulden onder controle na 12 maanden',
    });
    await stabilised.waitFor();
    // Both arms have a share with a 95% interval and its denominator.
    const values = await stabilised.locator('.armbar-value').allInnerTexts();
    expect(values).toHaveLength(2);
    for (const v of values) expect(rate(v)).toBeGreaterThan(0);
    // Mobility mentoring puts money stress first: more debts under control than in the control group.
    expect(rate(values[0]!)).toBeGreaterThan(rate(values[1]!));
    expect(await stabilised.innerText()).toMatch(/\d+ van \d+ deelnemers met schulden/);

    const stress = debts.locator('figure', { hasText: 'Verandering in geldstress' });
    expect(await stress.locator('.armbar-value').first().innerText()).toMatch(
      /^-\d+,\d$|^−\d+,\d$/,
    );
    await stress.getByRole('button', { name: 'Toon als tabel' }).click();
    expect(await stress.locator('table').innerText()).toMatch(/punt/);

    // Over time: the windows line and the Kaplan–Meier curve, each drawn.
    const overTime = debts.locator('figure', { hasText: 'per periode na intake' });
    await overTime.locator('.recharts-wrapper').waitFor({ timeout: 20_000 });
    const km = debts.locator('figure', { hasText: 'Kaplan–Meier' });
    await km.locator('.recharts-wrapper').waitFor({ timeout: 20_000 });
    await overTime.getByRole('button', { name: 'Toon als tabel' }).click();
    expect(await overTime.locator('tbody tr').count()).toBe(5);

    await debts.locator('details.definitions summary').click();
    expect(await debts.locator('details.definitions').innerText()).toMatch(/schuldregeling/);
    await shot(page, 'debts-viewer');
    expect(await axeSerious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);

  it('shows a pilot funded from two policy domains with its cost per domain, funders and return per euro', async () => {
    const { ctx, page, errors } = await loginAs(e, 'viewer');
    await openPilot(page, MOBILITY);
    const budget = page.locator('section.budget');
    await budget.getByRole('heading', { level: 2, name: 'Begroting en financiering' }).waitFor();

    const byDomain = budget.locator('figure', { hasText: 'Kosten per beleidsterrein' });
    expect(await byDomain.locator('.legend li').count()).toBe(2);
    expect(await byDomain.locator('.legend li[data-domain=participation]').innerText()).toMatch(
      /Participatie: €\s[\d.]+ \(\d+%\)/,
    );
    expect(await byDomain.locator('.legend li[data-domain=debt]').innerText()).toMatch(
      /Schuldhulp: €\s[\d.]+ \(\d+%\)/,
    );
    const funders = budget.locator('table.funding-table');
    expect(await funders.locator('tbody tr').count()).toBe(2);
    expect(await funders.innerText()).toMatch(/Participatiebudget/);

    const perEuro = budget.getByTestId('per-euro');
    expect(await perEuro.locator('.big-number').innerText()).toMatch(/^€\s\d+,\d\d$/);
    expect(await perEuro.innerText()).toMatch(
      /Per euro van de begroting levert de pilot €\s\d+,\d\d op voor de gemeente als geheel/,
    );
    await byDomain.getByRole('button', { name: 'Toon als tabel' }).click();
    expect(await byDomain.locator('table tbody tr').count()).toBe(3); // two domains and the total
    await shot(page, 'budget-viewer');
    expect(await axeSerious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 45_000);

  it('shows part-time entrepreneurship at about 40% beside the general outflow reference line, with its source', async () => {
    const { ctx, page, errors } = await loginAs(e, 'viewer');
    await openPilot(page, EINDHOVEN);
    const headline = rate(await page.locator('.headline-large .headline-rate').innerText());
    expect(headline).toBeGreaterThan(0.3);
    expect(headline).toBeLessThan(0.5);

    // The alderman's summary lists the figures with their source.
    const refs = page.locator('section.references');
    expect(await refs.innerText()).toMatch(
      /Algemene uitstroom uit de bijstand in Eindhoven: \d+% na 12 maanden \(2024\) \(bron: [^)]+\)/,
    );
    expect(await refs.innerText()).toMatch(/Doel van de gemeenteraad in Eindhoven: 35%/);

    // The bars: the pilot's rate beside the marked reference lines, labelled.
    const bars = page.locator('figure', { hasText: 'Vergelijking met referentiecijfers' });
    const label = bars.locator('.refmark-label', { hasText: /Algemene uitstroom \d+%/ });
    expect(await label.isVisible()).toBe(true);
    expect(await bars.locator('.refmark').count()).toBe(2);

    // The cohort line (Recharts): a labelled ReferenceLine.
    const cohort = page.locator('figure', { hasText: 'per intakemaand' });
    await cohort.locator('.recharts-wrapper').waitFor({ timeout: 20_000 });
    const svgLabel = cohort.locator('text.ref-label-general_outflow', {
      hasText: /Algemene uitstroom \d+%/,
    });
    await svgLabel.waitFor();
    expect(await svgLabel.isVisible()).toBe(true);
    await shot(page, 'reference-lines-viewer');
    expect(await axeSerious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 45_000);

  it('draws the reference lines on the exit rate by window on Analyse', async () => {
    const { ctx, page, errors } = await loginAs(e, 'researcher');
    const pilots = (await (await page.request.get(`${e.base}/api/pilots`)).json()) as {
      items: { id: string; name: string }[];
    };
    const id = pilots.items.find((p) => p.name === EINDHOVEN)!.id;
    await page.goto(`${e.base}/analyse?pilot=${id}`);
    const byWindow = page.locator('figure', { hasText: 'Uitstroom per periode na intake' });
    await byWindow.locator('.recharts-wrapper').waitFor({ timeout: 20_000 });
    // Recharts draws the labels in a layer of their own, so they are found by their class.
    const target = byWindow.locator('text.ref-label-council_target', {
      hasText: /Raadsdoel 35% \(12 maanden\)/,
    });
    await target.waitFor();
    expect(await target.isVisible()).toBe(true);
    await byWindow
      .locator('text.ref-label-general_outflow', { hasText: /Algemene uitstroom/ })
      .waitFor();
    await shot(page, 'analyse-reference-lines');
    expect(errors).toEqual([]);
    await ctx.close();
  }, 45_000);

  it('lets a manager add, change and delete budget lines and reference lines, with errors next to the fields', async () => {
    const { ctx, page, errors } = await loginAs(e, 'manager');
    await page.locator('.pilot-card h2 a', { hasText: EINDHOVEN }).click();
    await page.locator('.headline-large').waitFor();
    await page.getByRole('link', { name: 'Begroting' }).click();
    await page.getByRole('heading', { level: 2, name: 'Begrotingsregels' }).waitFor();

    // Nothing filled in: every required field says so next to itself.
    const form = page.locator('form.budget-form');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('#bl-amount-err').waitFor();
    for (const f of ['bl-amount', 'bl-start', 'bl-end', 'bl-source'])
      expect(await page.locator(`#${f}`).getAttribute('aria-invalid')).toBe('true');
    await page.locator('#bl-domain-err').waitFor();

    await page.getByLabel('Bedrag (euro)').fill('veel');
    await page.getByLabel('Beleidsterrein', { exact: true }).selectOption('participation');
    await page.getByLabel('Begindatum').fill('2025-01-01');
    await page.getByLabel('Einddatum').fill('2024-12-31');
    await page.getByLabel('Financier (budget)').fill('Participatiebudget Eindhoven');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    expect(await page.locator('#bl-amount-err').innerText()).toMatch(/bedrag in euro/);
    expect(await page.locator('#bl-end-err').innerText()).toMatch(/vóór de begindatum/);

    await page.getByLabel('Bedrag (euro)').fill('120.000');
    await page.getByLabel('Einddatum').fill('2025-12-31');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    const rows = page.locator('.budget-lines-table tbody tr');
    await rows.first().waitFor();
    expect(await rows.first().innerText()).toMatch(
      /Participatiebudget Eindhoven[\s\S]*120\.000,00/,
    );

    // A second line from another domain: the summary now shows two domains.
    await page.getByLabel('Bedrag (euro)').fill('30.000');
    await page.getByLabel('Beleidsterrein', { exact: true }).selectOption('green');
    await page.getByLabel('Begindatum').fill('2025-01-01');
    await page.getByLabel('Einddatum').fill('2025-12-31');
    await page.getByLabel('Financier (budget)').fill('Groenbeheer');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => page.locator('section.budget .legend li').count()).toBe(2);
    expect(await page.getByTestId('per-euro').innerText()).toMatch(/Per euro van de begroting/);

    // Change the first line's amount.
    await page.getByRole('button', { name: /^Wijzigen: Participatiebudget Eindhoven/ }).click();
    await page.getByRole('heading', { name: 'Begrotingsregel wijzigen' }).waitFor();
    await page.getByLabel('Bedrag (euro)').fill('150.000');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { name: 'Begrotingsregel toevoegen' }).waitFor();
    await expect.poll(() => page.locator('.budget-lines-table').innerText()).toMatch(/150\.000,00/);
    await shot(page, 'budget-tab-manager');
    expect(await axeSerious(page)).toEqual([]);

    // Delete the green line after confirming.
    await page.getByRole('button', { name: /^Verwijderen: Groenbeheer/ }).click();
    await page
      .locator('.budget-lines-table')
      .getByRole('button', { name: 'Verwijderen', exact: true })
      .click();
    await expect.poll(() => rows.count()).toBe(1);

    // Reference lines: a wrong percentage is refused next to the field; a good one is listed.
    const refTable = page.locator('.reference-table tbody tr');
    const before = await refTable.count();
    await page.getByLabel('Soort').selectOption('council_target');
    await page.getByLabel('Percentage').fill('140');
    await page.getByLabel('Periode', { exact: true }).fill('2026');
    await page.getByLabel('Bron').fill('Raadsbesluit E2E');
    await page.getByRole('button', { name: 'Opslaan' }).last().click();
    expect(await page.locator('#rl-percent-err').innerText()).toMatch(/0 tot en met 100/);
    await page.getByLabel('Percentage').fill('45');
    await page.getByRole('button', { name: 'Opslaan' }).last().click();
    await expect.poll(() => refTable.count()).toBe(before + 1);
    expect(await page.locator('.reference-table').innerText()).toMatch(
      /45%[\s\S]*Raadsbesluit E2E/,
    );

    // It shows on the Resultaten tab, and goes again when deleted.
    await page.getByRole('link', { name: 'Resultaten' }).click();
    await page.locator('section.references', { hasText: 'Raadsbesluit E2E' }).waitFor();
    await page.getByRole('link', { name: 'Begroting' }).click();
    await page.getByRole('button', { name: 'Verwijderen: Doel van de gemeenteraad 2026' }).click();
    await page
      .locator('.reference-table')
      .getByRole('button', { name: 'Verwijderen', exact: true })
      .click();
    await expect.poll(() => refTable.count()).toBe(before);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 90_000);

  it('lets a manager record money stress and debt events on a timeline', async () => {
    const { ctx, page, errors } = await loginAs(e, 'manager');
    await page.locator('.pilot-card h2 a', { hasText: MOBILITY }).click();
    await page.locator('.headline-large').waitFor();
    await page.getByRole('link', { name: 'Deelnemers' }).click();
    await page.locator('.data-table tbody tr a').first().click();
    await page.getByRole('heading', { name: 'Gebeurtenis toevoegen' }).waitFor();

    await page.getByLabel('Soort gebeurtenis').selectOption('money_stress');
    await page.getByLabel('Datum', { exact: true }).fill('2025-11-01');
    await page.getByLabel('Waarde').fill('11');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    expect(await page.locator('#ev-value-err').innerText()).toMatch(/0 tot en met 10/);
    await page.getByLabel('Waarde').fill('6,5');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const item = page.locator('.event-list li[data-event-type=money_stress]', {
      hasText: '01-11-2025',
    });
    await item.waitFor();
    expect(await item.innerText()).toMatch(/Geldstress-score score 6,5 van 10/);

    await page.getByLabel('Soort gebeurtenis').selectOption('debt_free');
    expect(await page.getByLabel('Waarde').count()).toBe(0);
    await page.getByLabel('Datum', { exact: true }).fill('2025-11-02');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page
      .locator('.event-list li[data-event-type=debt_free]', { hasText: '02-11-2025' })
      .waitFor();
    expect(await page.locator('.tl-lane', { hasText: 'Schulden' }).count()).toBe(1);
    expect(await axeSerious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 45_000);
});
