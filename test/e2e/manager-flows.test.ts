import { describe, expect, it } from 'vitest';
import { axeSerious, loginAs, serveE2E, shot } from './harness.ts';

/** A programme manager creates a pilot and a participant through the screens, and edits both. */
const e = serveE2E();

describe('manager flows', () => {
  it('creates a pilot and a participant through the forms and sees both in the lists', async () => {
    const { ctx, page, errors } = await loginAs(e, 'manager');
    await page.getByRole('link', { name: 'Nieuwe pilot' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe pilot' }).waitFor();

    // Sent empty: every required field says what is wrong, in Dutch, before anything is sent.
    await page.getByRole('button', { name: 'Pilot aanmaken' }).click();
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByLabel('Naam', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    const form = await page.locator('form.manage-form').innerText();
    expect(form).toContain('Dit veld is verplicht.');
    expect(await axeSerious(page)).toEqual([]);

    await page.getByLabel('Naam', { exact: true }).fill('Werkfit Zwolle e2e');
    await page.getByLabel('Gemeente (CBS-code)').fill('Zwolle');
    await page.getByLabel('Thema').selectOption('reintegration');
    await page.getByLabel('Startdatum').fill('2025-01-01');
    await page.getByLabel('Gegevens volledig tot en met').fill('2024-12-31');
    await page.getByLabel('Bewaren tot').fill('2031-12-31');
    await page.getByLabel(/Uitkering per maand/).fill('1.250,50');
    await page.getByLabel(/Doel van de verwerking/).fill('Evaluatie van de pilot');
    await page.getByRole('button', { name: 'Pilot aanmaken' }).click();
    // A wrong code and an observation end before the start are refused at their fields.
    expect(await page.locator('form.manage-form').innerText()).toMatch(
      /Vul een CBS-code in[\s\S]*Deze datum ligt vóór de startdatum/,
    );
    await page.getByLabel('Gemeente (CBS-code)').fill('GM0193');
    await page.getByLabel('Gegevens volledig tot en met').fill('2025-12-31');
    await page.getByRole('button', { name: 'Pilot aanmaken' }).click();

    await page.getByRole('heading', { level: 1, name: 'Werkfit Zwolle e2e' }).waitFor();
    const pilotUrl = page.url();
    expect(await page.locator('.page-header').innerText()).toMatch(/Zwolle[\s\S]*31-12-2025/);

    // Its settings hold what was entered; a new name is saved.
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('heading', { name: 'Instellingen' }).waitFor();
    expect(await page.getByLabel(/Uitkering per maand/).inputValue()).toBe('1250,50');
    expect(await page.getByLabel(/Doel van de verwerking/).inputValue()).toBe(
      'Evaluatie van de pilot',
    );
    await page.getByLabel('Naam', { exact: true }).fill('Werkfit Zwolle (e2e)');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Werkfit Zwolle (e2e)' }).waitFor();

    // One participant, added on the Deelnemers tab.
    await page.getByRole('link', { name: 'Deelnemers' }).click();
    await page.getByText('Deelnemer toevoegen').first().click();
    await page.getByRole('button', { name: 'Deelnemer toevoegen' }).click();
    expect(await page.locator('form.manage-form').innerText()).toContain('Dit veld is verplicht.');
    await page.getByLabel('Referentie').fill('ZW-0001');
    await page.getByLabel('Intakedatum').fill('2025-02-03');
    await page.getByLabel(/Trede participatieladder/).fill('7');
    await page.getByRole('button', { name: 'Deelnemer toevoegen' }).click();
    expect(await page.locator('form.manage-form').innerText()).toContain(
      'Vul een getal van 1 tot en met 6 in.',
    );
    await page.getByLabel(/Trede participatieladder/).fill('2');
    await page.getByLabel('Huishouden').selectOption('single_parent');
    await page.getByRole('button', { name: 'Deelnemer toevoegen' }).click();
    await page.getByText('Deelnemer ZW-0001 is toegevoegd.').waitFor();
    const row = page.locator('.data-table tbody tr', { hasText: 'ZW-0001' });
    await row.waitFor();
    expect(await row.innerText()).toContain('03-02-2025');
    await shot(page, 'manager-add-participant');

    // Its baseline is edited on the participant's page.
    await row.getByRole('link', { name: 'ZW-0001' }).click();
    await page.getByRole('heading', { level: 1, name: 'ZW-0001' }).waitFor();
    const edit = page.locator('.edit-baseline');
    await edit.getByText('Gegevens bij intake wijzigen').click();
    await edit.getByLabel('Motivatie (1–5)').fill('4');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await edit.getByText('Opgeslagen.').waitFor();
    await expect.poll(() => page.locator('.kv').innerText()).toMatch(/Motivatie \(1–5\)\s*4/);

    // Back on the overview, "Mijn pilots" lists the new pilot with its one participant.
    await page.getByRole('link', { name: 'Overzicht' }).first().click();
    const mine = page.locator('.my-pilots-table tbody tr', { hasText: 'Werkfit Zwolle (e2e)' });
    await mine.waitFor();
    expect(await mine.locator('td').nth(1).innerText()).toBe('1');
    await mine.getByRole('link').first().click();
    await page.waitForURL(pilotUrl);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 90_000);
});

describe('the worklist (Opvolging)', () => {
  it('lists the due follow-ups of a demo pilot with their dates, filters them and downloads them', async () => {
    const { ctx, page, errors } = await loginAs(e, 'manager');
    await page
      .locator('.my-pilots-table')
      .getByRole('link', { name: 'WerkLoont Rotterdam' })
      .click();
    await page.getByRole('link', { name: 'Opvolging' }).click();
    const rows = page.locator('.worklist-table tbody tr');
    await rows.first().waitFor();
    expect(await page.getByTestId('worklist-summary').innerText()).toMatch(
      /Stand op \d{2}-\d{2}-\d{4} · \d+ deelnemers met werk te doen/,
    );
    // Every follow-up reads as a mark with its due date; the overdue come first.
    await page.getByLabel('Soort').selectOption('followup');
    await page.waitForURL(/kind=followup/);
    await expect.poll(() => rows.first().innerText()).toMatch(/maanden, uiterlijk/);
    const first = await rows.first().innerText();
    expect(first).toMatch(/(6|12|24) maanden, uiterlijk \d{2}-\d{2}-\d{4}/);
    expect(first).toContain('te laat');
    expect(await axeSerious(page)).toEqual([]);
    await shot(page, 'manager-worklist');

    await page.getByLabel('Te laat').selectOption('false');
    await page.waitForURL(/late=false/);
    await page.getByLabel('Tellen vanaf').selectOption('today');
    await page.waitForURL(/basis=today/);
    const today = new Date().toISOString().slice(0, 10).split('-').reverse().join('-');
    await expect
      .poll(() => page.getByTestId('worklist-summary').innerText())
      .toContain(`Stand op ${today}`);

    const link = page.getByRole('link', { name: 'Download als CSV (Excel)' });
    expect(await link.getAttribute('href')).toMatch(
      /worklist\/export\?.*basis=today.*kind=followup.*overdue=false/,
    );
    const csv = await ctx.request.get(`${e.base}${await link.getAttribute('href')}`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text.startsWith('\uFEFFreferentie;groep;intakedatum;taak;')).toBe(true);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);
});
