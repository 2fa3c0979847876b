import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurvivalReply } from '@wegwijzer/domain';
import { atRiskAt } from '../../apps/web/src/charts/mappers.ts';
import { KM_TICKS } from '../../apps/web/src/charts/KmChart.tsx';
import { importCsv, testApp, type TestApp } from '../support/app.ts';
import { expectDeclared } from '../support/schema.ts';

// The table of numbers at risk under the dashboard's Kaplan–Meier chart shows the API's own
// figures; here both are checked against a count straight from the data: those whose follow-up
// time (days to first exit, else to the observation end) is on or after the tick.

const SIZE = 233;
const OBS_END = '2025-12-31';
const day = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

/** 233 participants with intakes spread over two years, exits early and late, some never. */
function fixture() {
  const people = ['participant_ref,arm,intake_date'];
  const events = ['participant_ref,type,date,reason,value'];
  const times: { arm: string; time: number }[] = [];
  for (let i = 0; i < SIZE; i++) {
    const arm = i % 3 === 0 ? 'control' : 'intervention';
    const intake = day('2023-01-01', (i * 37) % 1000);
    people.push(`P${i},${arm},${intake}`);
    const exit = (i * 53) % 900;
    const exitDate = day(intake, exit);
    const followed = days(intake, OBS_END);
    if (i % 4 !== 0 && exitDate <= OBS_END) {
      events.push(`P${i},benefit_end,${exitDate},regular_work,`);
      times.push({ arm, time: exit });
    } else times.push({ arm, time: followed });
  }
  return { participants: `${people.join('\n')}\n`, events: `${events.join('\n')}\n`, times };
}

let t: TestApp;
let pilot: string;
const data = fixture();

beforeAll(async () => {
  t = await testApp();
  pilot = await t.pilot({ dataCompleteThrough: OBS_END });
  expect((await importCsv(t, pilot, 'participants', data.participants)).status).toBe(200);
  expect((await importCsv(t, pilot, 'events', data.events)).status).toBe(200);
});
afterAll(() => t.close());

describe('numbers at risk under the Kaplan–Meier chart', () => {
  it('equal the API’s and the data’s at every tick, the whole arm at day 0', async () => {
    const reply = await t.json<SurvivalReply>(`/api/pilots/${pilot}/survival`);
    const { status, body } = reply;
    expectDeclared(reply, 'GET', '/api/pilots/{id}/survival');
    expect(status).toBe(200);
    for (const arm of ['intervention', 'control'] as const) {
      const mine = data.times.filter((x) => x.arm === arm);
      const counted = KM_TICKS.map((tick) => mine.filter((x) => x.time >= tick).length);
      const api = KM_TICKS.map(
        (tick) => body.arms[arm]!.riskTable!.find((r) => r.t === tick)!.atRisk,
      );
      expect(atRiskAt(body, arm, KM_TICKS)).toEqual(api);
      expect(api).toEqual(counted);
      expect(api[0]).toBe(mine.length);
      // The curve's own points agree: at each event time, those with time ≥ t.
      for (const p of body.arms[arm]!.points)
        expect(p.atRisk).toBe(mine.filter((x) => x.time >= p.t).length);
    }
    const atDayZero = (['intervention', 'control'] as const).map(
      (arm) => atRiskAt(body, arm, [0])[0]!,
    );
    expect(atDayZero[0]! + atDayZero[1]!).toBe(SIZE);
  });

  it('are not shown to a viewer, whose curve carries no risk table', async () => {
    const viewer = await t.user('viewer', [pilot]);
    const { body } = await t.json<SurvivalReply>(`/api/pilots/${pilot}/survival`, { as: viewer });
    expect(atRiskAt(body, 'intervention', KM_TICKS).every((x) => x === null)).toBe(true);
  });
});
