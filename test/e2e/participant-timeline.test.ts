import { describe, expect, it } from 'vitest';
import { axeSerious, loginAs, serveE2E } from './harness.ts';

/** The participant timeline ends at the observation end (SPEC §3 obsEnd), not at today. */
const e = serveE2E();

/** 2025-06-30 → "30-06-2025", as the Dutch UI writes dates. */
const dutch = (iso: string) => iso.split('-').reverse().join('-');

describe('participant timeline', () => {
  it('ends at the pilot data-complete date, or at lost to follow-up when that comes first', async () => {
    const { ctx, page, errors } = await loginAs(e, 'manager');
    const pilots = (await (await page.request.get(`${e.base}/api/pilots`)).json()).items as {
      id: string;
      dataCompleteThrough: string;
    }[];
    const pilot = pilots[0]!;
    const list = await (
      await page.request.get(`${e.base}/api/pilots/${pilot.id}/participants?pageSize=50`)
    ).json();
    const people = list.items as { id: string; lostToFollowUpDate: string | null }[];
    const lost = people.find(
      (p) => p.lostToFollowUpDate !== null && p.lostToFollowUpDate < pilot.dataCompleteThrough,
    );
    const followed = people.find((p) => p.lostToFollowUpDate === null)!;
    for (const [person, end] of [
      [followed, pilot.dataCompleteThrough],
      ...(lost ? [[lost, lost.lostToFollowUpDate!] as const] : []),
    ] as const) {
      await page.goto(`${e.base}/participants/${person.id}`);
      const label = page.getByTestId('timeline-end');
      await expect
        .poll(() => label.innerText(), { timeout: 20_000 })
        .toBe(`Gegevens tot en met ${dutch(end)}`);
    }
    expect(await axeSerious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);
});
