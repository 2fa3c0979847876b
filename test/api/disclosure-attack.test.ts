import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '@wegwijzer/api';
import { listPilots } from '@wegwijzer/db';
import { attack, collect, viewerPaths } from '../support/attack.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { createPilot, twelvePersonPilot } from '../support/disclosure-fixtures.ts';

/**
 * SPEC §6's guarantee, tried as an attacker would: a viewer collects every reply the viewer role
 * can reach and combines them (test/support/attack.ts); compared with the admin's exact figures,
 * no count from 1 to 9 may come out.
 */

let t: TestApp;
let demo: TestApp;
const pilots: Record<string, string[]> = {};

beforeAll(async () => {
  t = await testApp();
  pilots['a 12-person pilot'] = [await twelvePersonPilot(t)];
  pilots['a pilot with arms of 5 to 9'] = [
    await createPilot(t, { name: 'Klein', intervention: 9, control: 6, seed: 3 }),
    await createPilot(t, { name: 'Kleiner', intervention: 5, control: 7, seed: 4 }),
  ];
  pilots['a mid-size pilot with small subgroups'] = [
    await createPilot(t, { name: 'Middel', intervention: 140, control: 90, seed: 7, rare: 0.03 }),
  ];
  // Three regimes beside control, one of them small, and a variable of the pilot's own.
  pilots['a four-arm pilot with its own variable'] = [
    await createPilot(t, {
      name: 'Vier armen',
      intervention: 0,
      control: 0,
      seed: 11,
      variable: true,
      arms: [
        { code: 'vrijstelling', n: 45, exit: 0.4 },
        { code: 'extra_begeleiding', n: 28, exit: 0.55 },
        { code: 'bijverdienen', n: 12, exit: 0.45 },
        { code: 'control', n: 35, exit: 0.35 },
      ],
    }),
  ];
  demo = await testApp();
  await loadDemo(demo.store);
}, 120_000);
afterAll(async () => {
  await t.close();
  await demo.close();
});

async function run(app: TestApp, ids: string[]) {
  const viewer = await app.user('viewer', ids);
  const admin = await app.user('admin', []);
  // The pilots' own variables split subgroups too.
  const variables: Record<string, string[]> = {};
  for (const id of ids)
    variables[id] = (await app.json(`/api/pilots/${id}/variables`)).body.items.map(
      (v: { code: string }) => v.code,
    );
  const paths = viewerPaths(ids, variables);
  const [v, a] = [await collect(app, viewer, paths), await collect(app, admin, paths)];
  return { viewer: v, admin: a, threshold: app.config.suppressionThreshold, variables };
}

describe('a viewer who combines every reply', () => {
  for (const name of [
    'a 12-person pilot',
    'a pilot with arms of 5 to 9',
    'a mid-size pilot with small subgroups',
    'a four-arm pilot with its own variable',
  ]) {
    it(`derives no count from 1 to 9 on ${name}`, async () => {
      const r = await run(t, pilots[name]!);
      const found = attack(r.viewer, r.admin, pilots[name]!, r.threshold, 5, r.variables);
      expect(found.unsound).toEqual([]);
      expect([...found.found.values()]).toEqual([]);
    }, 120_000);
  }

  it('derives no count from 1 to 9 on the demo pilots', async () => {
    const ids = (await listPilots(demo.store.db, null)).map((p) => p.id);
    const r = await run(demo, ids);
    const found = attack(r.viewer, r.admin, ids, r.threshold, 5, r.variables);
    expect(found.unsound).toEqual([]);
    expect([...found.found.values()]).toEqual([]);
  }, 300_000);

  it('keeps the viewer headline within 2 percentage points of exact for every demo arm of 200 or more', async () => {
    const ids = (await listPilots(demo.store.db, null)).map((p) => p.id);
    const viewer = await demo.user('viewer', ids);
    let arms = 0;
    for (const id of ids) {
      const exact = (await demo.json(`/api/pilots/${id}/outcomes?window=12`)).body;
      const shown = (await demo.json(`/api/pilots/${id}/outcomes?window=12`, { as: viewer })).body;
      for (const arm of Object.keys(exact.arms)) {
        // The headline is a share of the evaluable: an arm of 200 is 200 in its denominator.
        if (exact.arms[arm].evaluable < 200) continue;
        arms++;
        const gap = Math.abs(shown.arms[arm].offBenefit.rate - exact.arms[arm].offBenefit.rate);
        expect(gap, `${id} ${arm}`).toBeLessThanOrEqual(0.02);
      }
    }
    expect(arms).toBeGreaterThanOrEqual(5);
  });

  it('the same derivations on exact replies find the small counts (the attack bites)', async () => {
    const ids = pilots['a mid-size pilot with small subgroups']!;
    const r = await run(t, ids);
    const found = attack(r.admin, r.admin, ids, r.threshold, 5, r.variables);
    const byArithmetic = [...found.found.values()].filter((f) => f.how !== 'read');
    expect(found.unsound).toEqual([]);
    expect(byArithmetic.length).toBeGreaterThan(50);
    // The distribution of steps moved is attacked too: its small cells come out of exact replies.
    expect(byArithmetic.filter((f) => f.target.includes('/ladderMoves/')).length).toBeGreaterThan(
      0,
    );
  }, 120_000);
});
