import { unzipSync, type Unzipped } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@wegwijzer/api';
import { openDatabase, type Store } from '@wegwijzer/db';
import { importCsv, testApp, type TestApp } from '../support/app.ts';

/**
 * A repeated identical export is written from the deflated files of the first
 * (cache/export-files.ts): the files are those an export made from scratch gives, each export
 * still gets its audit row and its own datapackage.json, and one researcher's files never reach
 * another.
 */

let t: TestApp;
let pilot: string;
let researcher: string;

const PARTICIPANTS = `participant_ref,arm,intake_date,monthly_benefit,household
${Array.from({ length: 30 }, (_, i) => `R${i},${i % 2 ? 'control' : 'intervention'},2024-0${1 + (i % 8)}-1${i % 10},${i % 3 ? '' : '1100.50'},${i % 2 ? 'single' : 'couple'}`).join('\n')}
`;
const EVENTS = `participant_ref,type,date,reason,value
${Array.from({ length: 20 }, (_, i) => `R${i},benefit_end,2024-10-0${1 + (i % 9)},regular_work,`).join('\n')}
`;
const DATA_FILES = ['cohort.csv', 'participants.csv', 'events.csv', 'budget.csv'];

beforeAll(async () => {
  t = await testApp();
  pilot = await t.pilot({ name: 'Cachepilot' });
  expect((await importCsv(t, pilot, 'participants', PARTICIPANTS)).status).toBe(200);
  expect((await importCsv(t, pilot, 'events', EVENTS)).status).toBe(200);
  researcher = await t.user('researcher', [pilot]);
});
afterAll(() => t.close());

async function exportAs(token: string, query = '', via = t.request) {
  const res = await via(`/api/pilots/${pilot}/export${query}`, { as: token });
  expect(res.status).toBe(200);
  return unzipSync(new Uint8Array(await res.arrayBuffer()));
}

const text = (files: Unzipped, name: string) => new TextDecoder().decode(files[name]!);

async function exportAudits(): Promise<number> {
  const rows = await t.store.db
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', 'export.cohort')
    .where('pilot_id', '=', pilot)
    .execute();
  return rows.length;
}

describe('repeated cohort export', () => {
  it('gives the same data files again, with an audit row and a datapackage.json of its own', async () => {
    const audits = await exportAudits();
    const first = await exportAs(researcher, '?dateShift=true');
    const again = await exportAs(researcher, '?dateShift=true');
    for (const name of DATA_FILES) expect(text(again, name), name).toBe(text(first, name));
    expect(text(first, 'cohort.csv').split('\n').length).toBeGreaterThan(30);
    expect(await exportAudits()).toBe(audits + 2);
    // The same description, but each export says when it was made.
    const a = text(first, 'datapackage.json');
    const b = text(again, 'datapackage.json');
    const when = /"(exportedAt|created)": "[^"]+"/g;
    expect(a).toMatch(when);
    expect(b.replace(when, '')).toBe(a.replace(when, ''));
  });

  it('writes a repeat from the kept files while the data version holds', async () => {
    const first = await exportAs(researcher);
    await exportAs(researcher);
    // A change behind the application's back that bumps no version is not seen by a repeat,
    // which shows the repeat came from the kept files; once the version moves it is.
    const raw = (sql: string) => t.store.transaction((tx) => tx.run(sql, [pilot]));
    await raw(`UPDATE participants SET household = 'other' WHERE pilot_id = ?`);
    expect(text(await exportAs(researcher), 'participants.csv')).toBe(
      text(first, 'participants.csv'),
    );
    await raw('UPDATE pilots SET data_version = data_version + 1 WHERE id = ?');
    const moved = text(await exportAs(researcher), 'participants.csv');
    expect(moved).not.toBe(text(first, 'participants.csv'));
    expect(moved).toContain(',other,');
  });

  it('gives from the cache exactly the files another instance writes from scratch', async () => {
    await exportAs(researcher);
    const cached = await exportAs(researcher);
    const store: Store = await openDatabase(t.file, { poolSize: 2 });
    try {
      const fresh = await createApp(store, t.config);
      const scratch = await exportAs(researcher, '', async (path, init) =>
        fresh.request(path, { headers: { authorization: `Bearer ${init?.as}` } }),
      );
      for (const name of DATA_FILES) expect(text(cached, name), name).toBe(text(scratch, name));
    } finally {
      await store.close();
    }
  });

  it('never gives one researcher the file of another', async () => {
    const mine = await exportAs(researcher);
    await exportAs(researcher);
    const other = await t.user('researcher', [pilot]);
    const theirs = await exportAs(other);
    const refs = (f: Unzipped) =>
      text(f, 'participants.csv')
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map((l) => l.split(',')[0])
        .sort();
    expect(refs(theirs)).toHaveLength(30);
    expect(refs(theirs).filter((r) => refs(mine).includes(r))).toEqual([]);
  });

  it('writes a new export after a write to the pilot, and after a new variable', async () => {
    const before = await exportAs(researcher);
    const participant = (
      await t.json(`/api/pilots/${pilot}/participants`, {
        method: 'POST',
        body: JSON.stringify({ participantRef: 'NIEUW-1', intakeDate: '2024-05-01' }),
      })
    ).body.id;
    expect(participant).toBeDefined();
    const after = await exportAs(researcher);
    expect(text(after, 'cohort.csv').split('\n').length).toBe(
      text(before, 'cohort.csv').split('\n').length + 1,
    );
    const declared = await t.json(`/api/pilots/${pilot}/variables`, {
      method: 'POST',
      body: JSON.stringify({ code: 'cache_flag', label: 'Vlag', type: 'boolean' }),
    });
    expect(declared.status).toBe(201);
    const withVariable = await exportAs(researcher);
    expect(text(withVariable, 'participants.csv').split('\n')[0]).toContain('cache_flag');
    expect(text(after, 'participants.csv').split('\n')[0]).not.toContain('cache_flag');
  });
});
