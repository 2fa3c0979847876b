import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv, testApp, type TestApp } from '../support/app.ts';

// SPEC §7: summing a money column of cohort.csv over an arm gives the outcome summary's total
// to the cent. Per-participant avoided benefit is a fraction of a cent (days × benefit ÷
// 30.4375), so cents alone drift by up to half a cent a row.

let t: TestApp;
let pilot: string;
let researcher: string;
const SIZE = 3000;

/** A deterministic pilot of SIZE participants with odd benefits, exits, restarts and offsets. */
function fixture() {
  let seed = 15;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const day = (iso: string, n: number) =>
    new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const people = ['participant_ref,arm,intake_date,monthly_benefit,guidance_cost'];
  const events = ['participant_ref,type,date,reason,value'];
  for (let i = 0; i < SIZE; i++) {
    const ref = `P${i}`;
    const intake = day('2023-01-01', Math.floor(random() * 700));
    const benefit = random() < 0.2 ? '' : (800 + random() * 900).toFixed(2);
    const guidance = random() < 0.3 ? '' : (1000 + random() * 3000).toFixed(2);
    people.push(
      [ref, random() < 0.5 ? 'intervention' : 'control', intake, benefit, guidance].join(','),
    );
    if (random() < 0.6) {
      const end = Math.floor(random() * 500);
      events.push(`${ref},benefit_end,${day(intake, end)},regular_work,`);
      if (random() < 0.3)
        events.push(
          `${ref},benefit_restart,${day(intake, end + 1 + Math.floor(random() * 200))},,`,
        );
    }
    if (random() < 0.4)
      events.push(
        `${ref},offset_income,${day(intake, Math.floor(random() * 600))},,${(random() * 800).toFixed(2)}`,
      );
  }
  return { participants: `${people.join('\n')}\n`, events: `${events.join('\n')}\n` };
}

beforeAll(async () => {
  t = await testApp();
  pilot = await t.pilot({
    monthlyBenefit: 1187.33,
    guidanceCost: 2417.09,
    dataCompleteThrough: '2025-06-30',
  });
  const f = fixture();
  expect((await importCsv(t, pilot, 'participants', f.participants)).status).toBe(200);
  expect((await importCsv(t, pilot, 'events', f.events)).status).toBe(200);
  researcher = await t.user('researcher', [pilot]);
}, 120_000);
afterAll(() => t.close());

async function cohort(format: 'csv' | 'excel-nl') {
  const res = await t.request(`/api/pilots/${pilot}/export?format=${format}`, { as: researcher });
  expect(res.status).toBe(200);
  const body = new TextDecoder()
    .decode(unzipSync(new Uint8Array(await res.arrayBuffer()))['cohort.csv']!)
    .replace(/^\uFEFF/, '');
  const delimiter = format === 'csv' ? ',' : ';';
  const [header, ...lines] = body.split(/\r?\n/).filter((l) => l !== '');
  const columns = header!.split(delimiter);
  return lines.map((l) => Object.fromEntries(l.split(delimiter).map((v, i) => [columns[i]!, v])));
}

const COLUMNS = {
  avoidedBenefit: 'savings_avoided_benefit',
  offsetIncome: 'savings_offset_income',
  guidanceCost: 'savings_guidance_cost',
  net: 'savings_net',
} as const;

describe('cohort.csv money columns', () => {
  it.each([['csv'], ['excel-nl']] as const)(
    'sum over each arm to the outcome summary’s totals to the cent (%s, windows 6, 12, 24)',
    async (format) => {
      const rows = await cohort(format);
      expect(rows).toHaveLength(SIZE);
      for (const k of [6, 12, 24]) {
        const { body } = await t.json(`/api/pilots/${pilot}/outcomes?window=${k}`);
        for (const arm of ['intervention', 'control'] as const) {
          const mine = rows.filter((r) => r.arm === arm && r[`evaluable_${k}m`] === 'true');
          expect(mine.length).toBe(body.arms[arm].evaluable);
          expect(mine.length).toBeGreaterThan(200);
          for (const [field, column] of Object.entries(COLUMNS)) {
            const sum = mine.reduce(
              (s, r) => s + Number(r[`${column}_${k}m`]!.replace(',', '.')),
              0,
            );
            const total = body.arms[arm].savings[field];
            expect(Math.round(sum * 100), `${arm} ${column}_${k}m`).toBe(Math.round(total * 100));
          }
        }
      }
    },
    60_000,
  );
});
