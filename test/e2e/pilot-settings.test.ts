import { describe, expect, it } from 'vitest';
import { axeSerious, loginAs, serveE2E, shot } from './harness.ts';

/**
 * A programme manager declares a pilot's arms and its own variables through the screens, sets
 * a participant's values, and sees the API refuse the changes that would break stored data.
 */
const e = serveE2E();

describe('arms and own variables of a pilot', () => {
  it('creates a four-arm pilot, declares two variables and sets them on a participant', async () => {
    const { ctx, page, errors } = await loginAs(e, 'manager');
    await page.getByRole('link', { name: 'Nieuwe pilot' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe pilot' }).waitFor();
    await page.getByLabel('Naam', { exact: true }).fill('Bijstandsexperiment e2e');
    await page.getByLabel('Gemeente (CBS-code)').fill('GM0344');
    await page.getByLabel('Thema').selectOption('reintegration');
    await page.getByLabel('Startdatum').fill('2024-01-01');
    await page.getByLabel('Gegevens volledig tot en met').fill('2025-12-31');
    await page.getByLabel('Bewaren tot').fill('2032-12-31');

    // Three intervention arms beside the control arm; a bad code is refused at its field.
    const arm = (n: number) => page.getByRole('group', { name: `Interventiegroep ${n}` });
    await arm(1).getByLabel('Code').fill('vrijstelling');
    await arm(1).getByLabel('Naam (Nederlands)').fill('Vrijstelling');
    await arm(1)
      .getByLabel(/Naam \(Engels\)/)
      .fill('Exemption');
    await page.getByRole('button', { name: 'Interventiegroep toevoegen' }).click();
    await arm(2).getByLabel('Code').fill('Extra Begeleiding');
    await arm(2).getByLabel('Naam (Nederlands)').fill('Extra begeleiding');
    await page.getByRole('button', { name: 'Interventiegroep toevoegen' }).click();
    await arm(3).getByLabel('Code').fill('zelf_bepalen');
    await arm(3).getByLabel('Naam (Nederlands)').fill('Zelf bepalen');
    await page.getByRole('button', { name: 'Pilot aanmaken' }).click();
    expect(await arm(2).innerText()).toContain('Gebruik kleine letters, cijfers en _');
    expect(await arm(2).getByLabel('Code').getAttribute('aria-invalid')).toBe('true');
    await arm(2).getByLabel('Code').fill('extra_begeleiding');
    expect(await page.getByLabel(/heeft een controlegroep/).isChecked()).toBe(true);
    expect(await axeSerious(page)).toEqual([]);
    await page.getByRole('button', { name: 'Pilot aanmaken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bijstandsexperiment e2e' }).waitFor();
    const pilotId = page.url().split('/pilots/')[1]!.split(/[?#]/)[0]!;
    const stored = (await (await page.request.get(`${e.base}/api/pilots/${pilotId}`)).json()) as {
      arms: { code: string; label: string; labelEn: string | null }[];
    };
    expect(stored.arms.map((a) => [a.code, a.label, a.labelEn])).toEqual([
      ['vrijstelling', 'Vrijstelling', 'Exemption'],
      ['extra_begeleiding', 'Extra begeleiding', null],
      ['zelf_bepalen', 'Zelf bepalen', null],
      ['control', 'Controlegroep', 'Control group'],
    ]);

    // Instellingen shows the arms as declared; the two variables are declared there.
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('heading', { name: 'Instellingen' }).waitFor();
    expect(await arm(3).getByLabel('Code').inputValue()).toBe('zelf_bepalen');
    const add = page.getByRole('region', { name: 'Variabele toevoegen' });
    await page.getByRole('button', { name: 'Variabele toevoegen' }).click();
    await add.getByLabel('Code').fill('supervisor_trained');
    await add.getByLabel('Naam (Nederlands)').fill('Leidinggevende getraind');
    await add.getByLabel('Soort').selectOption('boolean');
    await add.getByRole('button', { name: 'Variabele vastleggen' }).click();
    await page.getByText('Variabele supervisor_trained is opgeslagen.').waitFor();
    await page.getByRole('button', { name: 'Variabele toevoegen' }).click();
    await add.getByLabel('Code').fill('sessions_attended');
    await add.getByLabel('Naam (Nederlands)').fill('Bijgewoonde sessies');
    await add.getByLabel('Soort').selectOption('integer');
    await add.getByLabel('Kleinste waarde').fill('40');
    await add.getByLabel('Grootste waarde').fill('0');
    await add.getByRole('button', { name: 'Variabele vastleggen' }).click();
    expect(await add.innerText()).toContain('De grootste waarde ligt onder de kleinste.');
    await add.getByLabel('Kleinste waarde').fill('0');
    await add.getByLabel('Grootste waarde').fill('40');
    await add.getByRole('button', { name: 'Variabele vastleggen' }).click();
    await page.getByText('Variabele sessions_attended is opgeslagen.').waitFor();
    const table = page.locator('.variables-table tbody');
    expect(await table.innerText()).toMatch(
      /supervisor_trained[\s\S]*Ja of nee[\s\S]*sessions_attended[\s\S]*Heel getal, 0 tot en met 40/,
    );
    expect(await axeSerious(page)).toEqual([]);
    await shot(page, 'manager-pilot-settings');

    // A participant in the second arm, with both values typed in.
    await page.getByRole('link', { name: 'Deelnemers' }).click();
    await page.getByText('Deelnemer toevoegen').first().click();
    const form = page.locator('form.manage-form');
    await form.getByLabel('Referentie').fill('UT-0001');
    await form.getByLabel('Intakedatum').fill('2024-02-01');
    await form.getByLabel('Groep').selectOption({ label: 'Extra begeleiding' });
    await form.getByLabel('Leidinggevende getraind').selectOption('yes');
    await form.getByLabel('Bijgewoonde sessies').fill('41');
    await page.getByRole('button', { name: 'Deelnemer toevoegen' }).click();
    expect(await form.innerText()).toContain('Vul een getal van 0 tot en met 40 in.');
    await form.getByLabel('Bijgewoonde sessies').fill('12');
    await page.getByRole('button', { name: 'Deelnemer toevoegen' }).click();
    await page.getByText('Deelnemer UT-0001 is toegevoegd.').waitFor();
    await page.getByRole('link', { name: 'Openen' }).click();
    await page.getByRole('heading', { level: 1, name: 'UT-0001' }).waitFor();
    const values = page.locator('section', { hasText: 'Eigen variabelen van de pilot' }).last();
    await expect
      .poll(() => values.innerText())
      .toMatch(/Leidinggevende getraind\s*ja[\s\S]*Bijgewoonde sessies\s*12/);

    // The value is changed on the participant's page.
    const edit = page.locator('.edit-baseline');
    await edit.getByText('Gegevens bij intake wijzigen').click();
    expect(await edit.getByLabel('Bijgewoonde sessies').inputValue()).toBe('12');
    await edit.getByLabel('Bijgewoonde sessies').fill('30');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await edit.getByText('Opgeslagen.').waitFor();
    await expect.poll(() => values.innerText()).toMatch(/Bijgewoonde sessies\s*30/);

    // Back in Instellingen: changes that would break the stored values are refused, in Dutch.
    await page.goto(`${e.base}/pilots/${pilotId}?tab=settings`);
    await page.getByRole('heading', { name: 'Instellingen' }).waitFor();
    await page.getByRole('button', { name: 'Wijzig Bijgewoonde sessies' }).click();
    const change = page.getByRole('region', { name: 'Variabele sessions_attended wijzigen' });
    await change.getByLabel('Grootste waarde').fill('20');
    await change.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() => change.innerText())
      .toContain('Dit kan niet: 1 deelnemer heeft een waarde voor sessions_attended.');
    await page.getByRole('button', { name: 'Verwijder Bijgewoonde sessies' }).click();
    await page.getByText('sessions_attended kan niet weg: 1 deelnemer heeft een waarde.').waitFor();

    // The arm with a participant cannot go; the refusal is shown at that arm's code.
    await arm(2).getByRole('button', { name: 'Verwijder Extra begeleiding' }).click();
    await page.getByRole('button', { name: 'Opslaan' }).first().click();
    await expect
      .poll(() => page.locator('.arms-fields').innerText())
      .toContain('Groep extra_begeleiding heeft 1 deelnemer en kan niet weg');
    expect(errors.filter((m) => !/status of 409|status of 400/.test(m))).toEqual([]);
    await ctx.close();
  }, 120_000);
});
