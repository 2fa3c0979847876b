import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, axeSerious, loginAs, serveE2E, shot } from './harness.ts';

/** Admin, researcher and manager screens, the accessibility scan of every main page, and login throttling. */
const e = serveE2E();

async function expectAccessible(page: Page, name: string) {
  const found = await axeSerious(page);
  expect(found, `${name}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
}

describe('roles', () => {
  it('lets an admin create a user, and shows the creation in the audit log', async () => {
    const { ctx, page, errors } = await loginAs(e, 'admin');
    await page.getByRole('link', { name: 'Beheer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor();
    await page.locator('.users-table tbody tr').first().waitFor();

    // A password of 11 characters is refused next to the field, before anything is sent.
    await page.getByLabel('E-mailadres').fill('nieuw.e2e@gemeente.nl');
    await page.getByLabel('Naam', { exact: true }).fill('Nieuwe Onderzoeker');
    await page.getByLabel('Wachtwoord').fill('kort-wachtw');
    await page.getByLabel('Rol').selectOption('researcher');
    await page.getByRole('checkbox', { name: /WerkLoont/ }).check();
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await page.locator('#nu-password-err').waitFor();
    expect(await page.locator('#nu-password-err').innerText()).toContain('12 tekens');
    expect(await page.getByLabel('Wachtwoord').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Wachtwoord').fill('een-lang-genoeg-wachtwoord');
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await page.getByTestId('admin-notice').waitFor();
    const row = page.locator('.users-table tr[data-email="nieuw.e2e@gemeente.nl"]');
    await row.waitFor();
    expect(await row.innerText()).toMatch(/onderzoeker[\s\S]*WerkLoont/);
    await shot(page, 'admin-users');

    // The same address again: the conflict is shown next to the e-mail field.
    await page.getByLabel('E-mailadres').fill('nieuw.e2e@gemeente.nl');
    await page.getByLabel('Naam', { exact: true }).fill('Dubbel');
    await page.getByLabel('Wachtwoord').fill('een-lang-genoeg-wachtwoord');
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await page.locator('#nu-email-err').waitFor();

    // Audit log, filtered on "Gebruikers": the creation is there, and the CSV link carries the filter.
    await page.getByRole('link', { name: 'Auditlog' }).click();
    await page.getByLabel('Wat').selectOption('user');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/action=user/);
    await page.locator('.audit-table tbody tr').first().waitFor();
    expect(await page.locator('.audit-table tbody').innerText()).toMatch(
      /beheer@gemeente\.example maakte een gebruiker aan op \d{2}-\d{2}-\d{4} \d{2}:\d{2}/,
    );
    const csvHref = await page.getByRole('link', { name: /CSV/ }).getAttribute('href');
    expect(csvHref).toMatch(/^\/api\/audit\/export\?.*action=user/);
    const csv = await page.evaluate(async (u) => (await fetch(u)).text(), csvHref!);
    expect(csv).toContain('user.create');
    await shot(page, 'admin-audit');
    await expectAccessible(page, 'beheer/audit');

    // A token is shown once, with a copy button.
    await page.getByRole('link', { name: 'Tokens' }).click();
    await page.getByLabel('Naam van het token').fill('e2e-koppeling');
    await page.getByRole('button', { name: 'Token aanmaken' }).click();
    const secret = await page.locator('#tk-secret').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await page.locator('.tokens-table tbody tr', { hasText: 'e2e-koppeling' }).waitFor();
    await expectAccessible(page, 'beheer/tokens');
    expect(errors.filter((m) => !/status of 409/.test(m))).toEqual([]);
    await ctx.close();
  }, 60_000);

  it('shows a researcher a live count on Exporteren, and the download link returns a zip', async () => {
    const { ctx, page, errors } = await loginAs(e, 'researcher');
    await page.getByRole('link', { name: 'Exporteren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Exporteren' }).waitFor();
    const count = page.getByTestId('export-count');
    const settled = async () => {
      await page.locator('[data-testid=export-count]:not([data-stale]) .big-number').waitFor();
      return Number((await count.locator('.big-number').innerText()).replace(/\./g, ''));
    };
    const all = await settled();
    expect(all).toBeGreaterThan(100);

    await page
      .getByRole('group', { name: 'Motivatie (1–5)' })
      .getByRole('checkbox', { name: '5' })
      .check();
    await page
      .getByRole('group', { name: 'Motivatie (1–5)' })
      .getByRole('checkbox', { name: '4' })
      .check();
    await page.waitForURL(/motivation=/);
    await expect.poll(settled, { timeout: 10_000 }).toBeLessThan(all);
    const some = await settled();
    expect(some).toBeGreaterThan(0);

    await page.getByLabel(/Excel-NL/).check();
    await page.getByLabel('Datums verschuiven').check();
    await page.waitForURL(/dateShift=true/);
    const link = page.getByTestId('export-download');
    const exportHref = await link.getAttribute('href');
    expect(exportHref).toMatch(/format=excel-nl/);
    expect(exportHref).toMatch(/motivation=4%2C5/);
    const zip = await page.evaluate(async (u) => {
      const r = await fetch(u);
      const b = new Uint8Array(await r.arrayBuffer());
      return {
        status: r.status,
        type: r.headers.get('content-type'),
        magic: String.fromCharCode(b[0]!, b[1]!),
        size: b.length,
      };
    }, exportHref!);
    expect(zip).toMatchObject({ status: 200, type: 'application/zip', magic: 'PK' });
    await link.click();
    await page.getByTestId('export-done').waitFor();
    await shot(page, 'export-researcher');
    await expectAccessible(page, 'exporteren');
    expect(errors).toEqual([]);
    await ctx.close();
  }, 45_000);

  it('shows a manager "Mijn pilots" and the exit rate by intake cohort with its table', async () => {
    const { ctx, page, errors } = await loginAs(e, 'manager');
    await page.getByRole('heading', { name: 'Mijn pilots' }).waitFor();
    const rows = page.locator('.my-pilots-table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(1);
    // Follow-ups come from each pilot's worklist: wait until every row has its number.
    await expect
      .poll(async () =>
        (await page.locator('.my-pilots-table tbody td:last-child').allInnerTexts()).some(
          (x) => x === '…',
        ),
      )
      .toBe(false);
    expect(await page.locator('.my-pilots-table').innerText()).toMatch(/Rotterdam/);
    await expectAccessible(page, 'overzicht (manager)');
    await shot(page, 'overview-manager');

    await page
      .locator('.my-pilots-table')
      .getByRole('link', { name: 'WerkLoont Rotterdam' })
      .click();
    const fig = page.locator('figure', { hasText: 'per intakemaand' });
    await fig.locator('.recharts-line').first().waitFor({ timeout: 20_000 });
    await fig.getByRole('button', { name: 'Toon als tabel' }).click();
    const cohortRows = fig.locator('.cohort-table tbody tr');
    await cohortRows.first().waitFor();
    expect(await cohortRows.count()).toBeGreaterThan(6);
    expect(await fig.locator('.cohort-table').innerText()).toMatch(/jul 2023[\s\S]*\d+,\d%/);
    await expectAccessible(page, 'pilot');
    await shot(page, 'pilot-cohorts-manager');

    await page.getByRole('link', { name: 'Deelnemers' }).click();
    await page.locator('.data-table tbody tr a').first().click();
    await page.locator('.kv').waitFor();
    expect(await page.locator('.kv').innerText()).toMatch(/alleenstaand|samenwonend|onbekend/);
    await expectAccessible(page, 'deelnemer');
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);

  it('finds no serious accessibility problems on the main pages', async () => {
    const ctx = await e.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'nl-NL',
    });
    const page = await ctx.newPage();
    await page.goto(`${e.base}/login`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.getByRole('heading', { name: 'Demo-accounts' }).waitFor();
    await expectAccessible(page, 'login');
    await page.goto(`${e.base}/toegankelijkheid`);
    await page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' }).waitFor();
    await expectAccessible(page, 'toegankelijkheid');
    await ctx.close();

    const { ctx: c2, page: p } = await loginAs(e, 'admin');
    await p.locator('.pilot-card .big-number').first().waitFor();
    await expectAccessible(p, 'overzicht');
    await p.getByRole('link', { name: 'Analyse' }).click();
    await p.locator('.at-risk tbody tr').first().waitFor({ timeout: 20_000 });
    await p.locator('figure').nth(1).locator('.recharts-wrapper').waitFor({ timeout: 20_000 });
    await expectAccessible(p, 'analyse');
    await p.getByRole('link', { name: 'Wat werkt voor wie' }).click();
    await p.locator('.forest-table tbody tr').first().waitFor();
    await expectAccessible(p, 'wat werkt voor wie');
    await p.getByRole('link', { name: 'Beheer' }).click();
    await p.locator('.users-table tbody tr').first().waitFor();
    await expectAccessible(p, 'beheer');
    // The scan itself works: an image without a text alternative is caught.
    await p.evaluate(() =>
      document
        .querySelector('main')!
        .append(Object.assign(document.createElement('img'), { src: 'data:,' })),
    );
    expect((await axeSerious(p)).map((f) => f.id)).toContain('image-alt');
    await c2.close();
  }, 60_000);

  // Last: ten failures also block this address for a while.
  it('shows the API’s message when logins are throttled after ten failures', async () => {
    const ctx = await e.browser.newContext({ locale: 'nl-NL' });
    const page = await ctx.newPage();
    const email = ACCOUNTS.viewer[0];
    for (let i = 0; i < 10; i++) {
      const r = await page.request.post(`${e.base}/api/auth/login`, {
        data: { email, password: `fout-${i}` },
      });
      expect(r.status()).toBe(401);
    }
    await page.goto(`${e.base}/login`);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(ACCOUNTS.viewer[1]);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(
      /Te veel mislukte pogingen[\s\S]*(15 minutes|try again)/i,
    );
    await ctx.close();
  }, 30_000);
});
