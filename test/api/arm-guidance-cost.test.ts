import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomesFor } from '@wegwijzer/outcomes';
import { importCsv, testApp, type TestApp } from '../support/app.ts';
import { deriveInMemory } from '../support/derive.ts';

/**
 * A trial's regimes cost different amounts of guidance (issue 17): an arm may declare its own
 * default, which its participants without a cost of their own take before the pilot's (SPEC §3
 * savings). Every intervention arm's savings subtract its guidance; control's never do.
 */

const ARMS = [
  { code: 'vrijstelling', label: 'Vrijstelling', guidanceCost: 250 },
  { code: 'extra_begeleiding', label: 'Extra begeleiding', guidanceCost: 1600 },
  { code: 'bijverdienen', label: 'Bijverdienen' },
  { code: 'control', label: 'Controlegroep' },
];

let t: TestApp;
let pilot: string;

beforeAll(async () => {
  t = await testApp();
  pilot = await t.pilot({
    dataCompleteThrough: '2025-06-30',
    monthlyBenefit: 1000,
    guidanceCost: 700,
    arms: ARMS,
  });
  // Per arm: two without a cost of their own, one with 999.
  const rows = ['participant_ref,arm,intake_date,guidance_cost'];
  for (const { code } of ARMS)
    rows.push(
      `${code}-1,${code},2024-01-10,`,
      `${code}-2,${code},2024-02-10,`,
      `${code}-3,${code},2024-03-10,999`,
    );
  expect((await importCsv(t, pilot, 'participants', rows.join('\n') + '\n')).status).toBe(200);
  const events = [
    'participant_ref,type,date,reason,value',
    ...ARMS.map((a) => `${a.code}-1,benefit_end,2024-06-01,regular_work,`),
  ];
  expect((await importCsv(t, pilot, 'events', events.join('\n') + '\n')).status).toBe(200);
});
afterAll(() => t.close());

const guidance = async () =>
  Object.fromEntries(
    Object.entries((await t.json(`/api/pilots/${pilot}/outcomes?window=12`)).body.arms).map(
      ([code, arm]: [string, any]) => [code, arm.savings.guidanceCost],
    ),
  );

describe('guidance cost per arm', () => {
  it('shows each arm’s own default cost in the pilot reply, null where it has none', async () => {
    const { body } = await t.json(`/api/pilots/${pilot}`);
    expect(body.arms.map((a: any) => [a.code, a.guidanceCost])).toEqual([
      ['vrijstelling', 250],
      ['extra_begeleiding', 1600],
      ['bijverdienen', null],
      ['control', null],
    ]);
  });

  it('takes the participant’s own cost, else the arm’s, else the pilot’s; none in control', async () => {
    expect(await guidance()).toEqual({
      vrijstelling: 250 * 2 + 999,
      extra_begeleiding: 1600 * 2 + 999,
      bijverdienen: 700 * 2 + 999,
      control: 0,
    });
  });

  it('gives per arm what the engine computes for that arm alone, net effects included', async () => {
    const { body } = await t.json(`/api/pilots/${pilot}/outcomes?window=12`);
    const all = (await deriveInMemory(t.store, pilot, { windows: [12] })).map((r) => r.derived);
    const codes = ARMS.map((a) => a.code);
    for (const code of codes)
      expect(body.arms[code]).toEqual(
        outcomesFor(
          all.filter((r) => r.arm === code),
          12,
          [code],
        ).arms[code],
      );
    expect(body.comparisons).toEqual(outcomesFor(all, 12, codes).comparisons);
    // The net effect subtracts the regime's own guidance: 1,600 a head costs more than 250.
    expect(body.comparisons.extra_begeleiding.netEffect).toBeLessThan(
      body.comparisons.vrijstelling.netEffect,
    );
  });

  it('recomputes the savings when an arm’s cost changes, and the windows computed on demand follow', async () => {
    const res = await t.json(`/api/pilots/${pilot}`, {
      method: 'PATCH',
      body: JSON.stringify({
        arms: ARMS.map((a) => (a.code === 'bijverdienen' ? { ...a, guidanceCost: 100 } : a)),
      }),
    });
    expect(res.status).toBe(200);
    expect((await guidance()).bijverdienen).toBe(100 * 2 + 999);
    const nine = (await t.json(`/api/pilots/${pilot}/outcomes?window=9`)).body;
    expect(nine.arms.bijverdienen.savings.guidanceCost).toBe(100 * 2 + 999);
  });

  it('refuses a guidance cost on the control arm', async () => {
    const res = await t.json(`/api/pilots/${pilot}`, {
      method: 'PATCH',
      body: JSON.stringify({
        arms: ARMS.map((a) => (a.code === 'control' ? { ...a, guidanceCost: 50 } : a)),
      }),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('the control arm has no guidance cost');
  });
});
