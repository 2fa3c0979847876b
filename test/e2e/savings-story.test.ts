import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeSerious, loginAs, serveE2E } from './harness.ts';

/**
 * One savings story per pilot (issue 16): the headline, the waterfall and the return per euro
 * are one ledger, and every screen that shows them shows the same figures.
 */
const e = serveE2E();

const MOBILITY = "Mobility mentoring 's-Gravenhage";

/** "€ 62.361" or "−€ 1.234" → euros; "€ 7,37" → 7.37. */
function euros(text: string): number {
  const m = /([−-])?\s*€\s*([\d.]+(?:,\d+)?)/.exec(text);
  if (!m) throw new Error(`no amount in ${text}`);
  const v = Number(m[2]!.replace(/\./g, '').replace(',', '.'));
  return m[1] ? -v : v;
}

async function openStory(page: Page, name: string) {
  await page.getByRole('link', { name }).first().click();
  const story = page.locator('section.savings-story');
  await story.waitFor({ timeout: 20_000 });
  return story;
}

/** The ledger's table view as { step: euros }. */
async function ledger(page: Page): Promise<Record<string, number>> {
  const story = page.locator('section.savings-story');
  await story.getByRole('button', { name: 'Toon als tabel' }).click();
  const rows = await story
    .locator('table.story-table tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.getAttribute('data-step')!,
        (tr.querySelector('td') as HTMLElement).innerText,
      ]),
    );
  return Object.fromEntries(rows.map(([k, v]) => [k, euros(v!)]));
}

/** Vergelijken's figure for a pilot in the column of `basis`, and what the other column says. */
async function onCompare(page: Page, pilot: string, basis: 'net_effect' | 'gross') {
  await page.getByRole('link', { name: 'Vergelijken' }).click();
  const row = page.locator('table.compare tbody tr', { hasText: pilot });
  await row.waitFor();
  const other = basis === 'gross' ? 'net_effect' : 'gross';
  return {
    value: euros(await row.locator(`td[data-savings-basis="${basis}"]`).innerText()),
    other: await row.locator(`td[data-savings-basis="${other}"]`).innerText(),
  };
}

describe('one savings story', () => {
  it('adds up from avoided benefit through the counterfactual to the net effect the overview shows', async () => {
    const { ctx, page, errors } = await loginAs(e, 'manager');
    const card = page.locator('.pilot-card', { hasText: 'WerkLoont Rotterdam' });
    const onOverview = euros(await card.locator('.net-savings').innerText());
    const story = await openStory(page, 'WerkLoont Rotterdam');
    expect(await story.getAttribute('data-basis')).toBe('net_effect');
    const headline = euros(await story.getByTestId('story-result').innerText());
    expect(headline).toBe(onOverview);
    const l = await ledger(page);
    expect(Object.keys(l)).toEqual([
      'avoidedBenefit',
      'offsetIncome',
      'counterfactual',
      'attributable',
      'guidanceCost',
      'result',
    ]);
    // Each step follows from the ones before it, to the euro as shown, and ends at the headline.
    expect(
      Math.abs(l.avoidedBenefit! + l.offsetIncome! - l.counterfactual! - l.attributable!),
    ).toBeLessThanOrEqual(2);
    expect(Math.abs(l.attributable! - l.guidanceCost! - l.result!)).toBeLessThanOrEqual(2);
    expect(l.result).toBe(headline);
    expect(await story.getByTestId('per-euro-guidance').innerText()).toMatch(
      /per euro begeleidingskosten \(kostenbasis: de begeleidingskosten van de deelnemers, €/,
    );
    // Vergelijken puts the same net effect in its net column, and nothing in the gross one.
    expect(await onCompare(page, 'WerkLoont Rotterdam', 'net_effect')).toEqual({
      value: headline,
      other: '–',
    });
    expect(await axeSerious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);

  it('gives the return per euro of budget equal to the budget section, saying its cost base', async () => {
    const { ctx, page, errors } = await loginAs(e, 'viewer');
    const story = await openStory(page, MOBILITY);
    const perBudget = story.getByTestId('per-euro-budget');
    await perBudget.waitFor();
    const text = await perBudget.innerText();
    expect(text).toMatch(/per euro begroting \(kostenbasis: de begrotingsregels van de pilot, €/);
    const budget = page.locator('section.budget');
    const big = await budget.getByTestId('per-euro').locator('.big-number').innerText();
    expect(euros(text)).toBe(euros(big));
    expect(await axeSerious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);

  it('calls the savings of a pilot without control gross, with no counterfactual step', async () => {
    const { ctx, page, errors } = await loginAs(e, 'manager');
    const story = await openStory(page, 'Parttime ondernemen vanuit de bijstand Amsterdam');
    expect(await story.getAttribute('data-basis')).toBe('gross');
    expect(await story.locator('.net-savings').innerText()).toMatch(
      /^Bruto besparing \(geen vergelijkingsgroep\)/,
    );
    const l = await ledger(page);
    expect(Object.keys(l)).toEqual(['avoidedBenefit', 'offsetIncome', 'guidanceCost', 'result']);
    const headline = euros(await story.getByTestId('story-result').innerText());
    expect(l.result).toBe(headline);
    expect(
      Math.abs(l.avoidedBenefit! + l.offsetIncome! - l.guidanceCost! - l.result!),
    ).toBeLessThanOrEqual(2);
    expect(
      await onCompare(page, 'Parttime ondernemen vanuit de bijstand Amsterdam', 'gross'),
    ).toEqual({ value: headline, other: '–' });
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);
});
