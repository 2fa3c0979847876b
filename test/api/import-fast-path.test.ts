import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allWindowRows,
  armTotals,
  getPilot,
  recomputePilot,
  recountTotals,
  sql,
} from '@wegwijzer/db';
import { WINDOWS } from '@wegwijzer/domain';
import { importCsv, testApp, type TestApp } from '../support/app.ts';

/**
 * The bulk import (full prepared batches, new participants derived without looking for old rows,
 * old rows taken out of the totals in one GROUP BY) must leave exactly the derived rows and
 * totals of the plain paths: a row at a time, and a full recompute of the pilot.
 */

let t: TestApp;

const pad = (n: number) => String(n).padStart(2, '0');

/** Participants and events of `n` people: over a full batch and over a recompute chunk. */
function files(n: number) {
  const participants = [
    'participant_ref,arm,intake_date,motivation,birth_year,has_debts,ladder_step',
  ];
  const events = ['participant_ref,type,date,reason,value'];
  for (let i = 1; i <= n; i++) {
    const m = 1 + (i % 12);
    participants.push(
      `R${i},${i % 3 ? 'intervention' : 'control'},2023-${pad(m)}-10,${1 + (i % 5)},${1960 + (i % 40)},${i % 2 ? 'yes' : 'no'},${1 + (i % 6)}`,
    );
    events.push(`R${i},ladder,2023-${pad(m)}-20,,${1 + ((i + 1) % 6)}`);
    events.push(`R${i},offset_income,2024-${pad(m)}-01,,${100 + (i % 50)}.25`);
    if (i % 2) events.push(`R${i},benefit_end,2024-${pad(m)}-20,regular_work,`);
    else events.push(`R${i},money_stress,2024-${pad(m)}-21,,${1 + (i % 10)}`);
    if (i % 14 === 7) events.push(`R${i},benefit_restart,2025-${pad(m)}-02,,`);
    if (i % 5 === 0) events.push(`R${i},debt_intake,2023-${pad(m)}-25,,${1000 + i}`);
  }
  return { participants: participants.join('\n') + '\n', events: events.join('\n') + '\n' };
}

/** Every derived row and total of a pilot, keyed by reference, without its own ids. */
async function derivedState(pilotId: string) {
  const db = t.store.db;
  const { rows: windows } = await sql<Record<string, unknown>>`
    SELECT p.participant_ref, w.* FROM ${sql.raw(allWindowRows())} w
    JOIN participants p ON p.id = w.participant_id
    WHERE p.pilot_id = ${pilotId}
    ORDER BY p.participant_ref, w.window_months`.execute(db);
  const derived = await db
    .selectFrom('participant_derived as d')
    .innerJoin('participants as p', 'p.id', 'd.participant_id')
    .select('p.participant_ref')
    .selectAll('d')
    .where('p.pilot_id', '=', pilotId)
    .orderBy('p.participant_ref')
    .execute();
  const totals = await db
    .selectFrom('pilot_totals')
    .selectAll()
    .where('pilot_id', '=', pilotId)
    .where('participants', '<>', 0)
    .orderBy('window_months')
    .orderBy('arm')
    .execute();
  const strip = (rows: object[]) =>
    (rows as Record<string, unknown>[]).map(
      ({ participant_id: _i, pilot_id: _p, data_version: _v, ...rest }) => rest,
    );
  return { windows: strip(windows), derived: strip(derived), totals: strip(totals) };
}

async function bulk(pilotId: string, f: { participants: string; events: string }) {
  expect((await importCsv(t, pilotId, 'participants', f.participants)).status).toBe(200);
  const ev = await importCsv(t, pilotId, 'events', f.events);
  expect(ev.status, JSON.stringify(ev.body).slice(0, 400)).toBe(200);
}

beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('the bulk import', () => {
  it('gives the same derived rows and totals as a full recompute of the pilot', async () => {
    const f = files(2_300);
    const pilot = await t.pilot({ dataCompleteThrough: '2025-12-31' });
    await bulk(pilot, f);
    const imported = await derivedState(pilot);
    expect(imported.windows).toHaveLength(2_300 * WINDOWS.length);
    const facts = (await getPilot(t.store.db, pilot))!;
    await t.store.transaction((tx) => recomputePilot(tx, pilot, facts));
    expect(await derivedState(pilot)).toEqual(imported);
    // The kept-current totals equal the sums of the stored rows.
    for (const k of WINDOWS)
      expect(await armTotals(t.store.db, pilot, k)).toEqual(
        await recountTotals(t.store.db, pilot, k),
      );
  }, 120_000);

  it('gives the same derived rows and totals as importing one row at a time', async () => {
    const f = files(20);
    const atOnce = await t.pilot({ dataCompleteThrough: '2025-12-31' });
    await bulk(atOnce, f);
    const oneByOne = await t.pilot({ dataCompleteThrough: '2025-12-31' });
    for (const kind of ['participants', 'events'] as const) {
      const [header, ...lines] = f[kind].trim().split('\n');
      for (const line of lines)
        expect((await importCsv(t, oneByOne, kind, `${header}\n${line}\n`)).status).toBe(200);
    }
    expect(await derivedState(oneByOne)).toEqual(await derivedState(atOnce));
  }, 120_000);

  it('keeps the totals exact when a file re-imports known participants with new values', async () => {
    const f = files(600);
    const pilot = await t.pilot({ dataCompleteThrough: '2025-12-31' });
    await bulk(pilot, f);
    // Every third person changes arm and intake: their old rows leave the totals of the old arm.
    const changed = f.participants
      .trim()
      .split('\n')
      .filter((_, i) => i === 0 || i % 3 === 0)
      .map((l, i) =>
        i === 0 ? l : l.replace(/,(intervention|control),2023-(\d\d)-10/, ',control,2023-$2-12'),
      )
      .join('\n');
    expect((await importCsv(t, pilot, 'participants', changed + '\n')).status).toBe(200);
    const reimported = await derivedState(pilot);
    const facts = (await getPilot(t.store.db, pilot))!;
    await t.store.transaction((tx) => recomputePilot(tx, pilot, facts));
    expect(await derivedState(pilot)).toEqual(reimported);
  }, 120_000);

  it('derives new participants from the rows in hand exactly as a recompute reads them back', async () => {
    // Every baseline column, empty cells among them, over a full batch and a recompute chunk.
    const lines = [
      'participant_ref,arm,intake_date,monthly_benefit,guidance_cost,household,birth_year,motivation,ladder_step,has_debts,disability,refugee_status,education,lost_to_follow_up_date',
    ];
    const households = ['single', 'single_parent', 'couple', ''];
    const educations = ['low', 'mid', 'high', ''];
    const flags = ['yes', 'no', ''];
    for (let i = 1; i <= 2_300; i++) {
      const m = 1 + (i % 12);
      lines.push(
        [
          `N${i}`,
          i % 7 === 0 ? '' : i % 3 ? 'intervention' : 'control',
          `2023-${pad(m)}-${pad(1 + (i % 27))}`,
          i % 4 === 0 ? '' : `${900 + (i % 300)}.${pad(i % 100)}`,
          i % 5 === 0 ? '' : `${2000 + (i % 900)}`,
          households[i % 4],
          i % 6 === 0 ? '' : `${1960 + (i % 40)}`,
          i % 8 === 0 ? '' : `${1 + (i % 5)}`,
          i % 9 === 0 ? '' : `${1 + (i % 6)}`,
          flags[i % 3],
          flags[(i + 1) % 3],
          flags[(i + 2) % 3],
          educations[(i + 1) % 4],
          i % 11 === 0 ? `2024-${pad(m)}-15` : '',
        ].join(','),
      );
    }
    const pilot = await t.pilot({ dataCompleteThrough: '2025-12-31' });
    const res = await importCsv(t, pilot, 'participants', lines.join('\n') + '\n');
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    const imported = await derivedState(pilot);
    expect(imported.derived).toHaveLength(2_300);
    const facts = (await getPilot(t.store.db, pilot))!;
    await t.store.transaction((tx) => recomputePilot(tx, pilot, facts));
    expect(await derivedState(pilot)).toEqual(imported);
    for (const k of WINDOWS)
      expect(await armTotals(t.store.db, pilot, k)).toEqual(
        await recountTotals(t.store.db, pilot, k),
      );
  }, 120_000);
});
