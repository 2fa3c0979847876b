import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { axeSerious, loginAs, serveE2E, shot } from './harness.ts';

/** SPEC §8 screens: erase a participant, an access request, the processing register. */
const e = serveE2E(180_000);

describe('personal data', () => {
  it('lets a manager erase a participant after a confirmation that names the consequences', async () => {
    const { ctx, page, errors } = await loginAs(e, 'manager');
    const pilots = await (await page.request.get(`${e.base}/api/pilots`)).json();
    const pilotId = pilots.items[0].id as string;
    const list = await (
      await page.request.get(`${e.base}/api/pilots/${pilotId}/participants?pageSize=1`)
    ).json();
    const person = list.items[0] as { id: string; participantRef: string };
    const before = list.total as number;

    await page.goto(`${e.base}/participants/${person.id}`);
    await page.getByRole('heading', { level: 1, name: person.participantRef }).waitFor();
    await page.getByRole('button', { name: 'Deelnemer wissen…' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.innerText()).toMatch(/BSN-hash[\s\S]*opnieuw berekend[\s\S]*auditlog/);
    expect(await axeSerious(page)).toEqual([]);
    await shot(page, 'participant-erase');
    // Without a reason the erasure cannot be confirmed.
    expect(await page.getByRole('button', { name: 'Definitief wissen' }).isDisabled()).toBe(true);
    await page.getByLabel(/^Reden/).fill('Verzoek betrokkene');
    await page.getByRole('button', { name: 'Definitief wissen' }).click();
    await page.waitForURL(/tab=participants/);
    const after = await (
      await page.request.get(`${e.base}/api/pilots/${pilotId}/participants?pageSize=1`)
    ).json();
    expect(after.total).toBe(before - 1);
    expect((await page.request.get(`${e.base}/api/participants/${person.id}`)).status()).toBe(404);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);

  it('lets an admin answer an access request by reference, print it and download it as HTML', async () => {
    const { ctx, page, errors } = await loginAs(e, 'admin');
    const pilots = await (await page.request.get(`${e.base}/api/pilots`)).json();
    const list = await (
      await page.request.get(`${e.base}/api/pilots/${pilots.items[1].id}/participants?pageSize=1`)
    ).json();
    const ref = list.items[0].participantRef as string;

    await page.getByRole('link', { name: 'Inzageverzoek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inzageverzoek' }).waitFor();
    await page.getByLabel('Referentie van de persoon').fill(ref);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const doc = page.locator('.access-doc');
    await doc.waitFor();
    const text = await doc.innerText();
    expect(text).toContain('Overzicht van bewaarde gegevens');
    expect(text).toContain(ref);
    expect(text).toMatch(/Gebeurtenissen/);
    expect(await axeSerious(page)).toEqual([]);
    await shot(page, 'access-request');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download als HTML' }).click(),
    ]);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(ref);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);

  it('shows an admin the processing register with a CSV download', async () => {
    const { ctx, page, errors } = await loginAs(e, 'admin');
    await page.goto(`${e.base}/beheer?tab=register`);
    await page.getByRole('heading', { level: 2, name: 'Verwerkingsregister' }).waitFor();
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(1);
    expect(await rows.first().innerText()).toContain('Demonstratie van Wegwijzer');
    expect(await page.getByRole('link', { name: 'Download als CSV' }).getAttribute('href')).toBe(
      '/api/processing-register.csv',
    );
    expect(await axeSerious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);
});
