import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '@wegwijzer/api';
import { rateHomogeneity } from '@wegwijzer/outcomes';
import { testApp, type TestApp } from '../support/app.ts';
import { expectDeclared } from '../support/schema.ts';

/** "Wat werkt voor wie": each arm's rate per subgroup and the heterogeneity test (SPEC §3). */
let t: TestApp;
let pilots: { id: string; name: string }[];

beforeAll(async () => {
  t = await testApp();
  await loadDemo(t.store);
  pilots = await t.store.db.selectFrom('pilots').select(['id', 'name']).execute();
}, 120_000);
afterAll(() => t.close());

type Group = {
  value: number | null;
  arms: { intervention: { evaluable: number; offBenefit: { count: number; rate: number } } };
};

async function subgroups(id: string, by: string, as?: string) {
  const reply = await t.json(`/api/pilots/${id}/subgroups?by=${by}&window=12`, as ? { as } : {});
  expect(reply.status).toBe(200);
  expectDeclared(reply, 'GET', '/api/pilots/{id}/subgroups');
  return reply.body;
}

describe('subgroups of a pilot without a control arm', () => {
  it('shows the motivation gradient of part-time entrepreneurship, tested by chi-square', async () => {
    const amsterdam = pilots.find(
      (p) => p.name === 'Parttime ondernemen vanuit de bijstand Amsterdam',
    )!;
    const body = await subgroups(amsterdam.id, 'motivation');
    const known = (body.groups as Group[]).filter((g) => g.value !== null);
    expect(known.map((g) => g.value)).toEqual([1, 2, 3, 4, 5]);
    const rates = known.map((g) => g.arms.intervention.offBenefit.rate);
    // Rising with every step of motivation (in this demo from about a quarter to almost half).
    expect(rates[0]).toBeLessThan(0.3);
    expect(rates[4]).toBeGreaterThan(0.4);
    for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeGreaterThan(rates[i - 1]!);
    // The test is the engine's, over the groups' exact counts; "not recorded" is not a group of it.
    const expected = rateHomogeneity(
      known.map((g) => ({
        x: g.arms.intervention.offBenefit.count,
        n: g.arms.intervention.evaluable,
      })),
    )!;
    expect(body.heterogeneity).toEqual({
      method: 'chi_square',
      statistic: expected.chi2,
      df: 4,
      p: expected.p,
    });
  });
});

describe('subgroups of a pilot with a control arm', () => {
  it("tests the differences between arms with Cochran's Q", async () => {
    const werkLoont = pilots.find((p) => p.name === 'WerkLoont Rotterdam')!;
    const body = await subgroups(werkLoont.id, 'motivation');
    expect(body.heterogeneity.method).toBe('cochran_q');
    expect(body.heterogeneity.df).toBeGreaterThanOrEqual(1);
  });

  it('gives viewers no test statistic computed from exact counts', async () => {
    const werkLoont = pilots.find((p) => p.name === 'WerkLoont Rotterdam')!;
    const viewer = await t.user('viewer', [werkLoont.id]);
    const body = await subgroups(werkLoont.id, 'motivation', viewer);
    expect(body.rounded).toBe(true);
    expect(body.heterogeneity).toBeNull();
  });
});
