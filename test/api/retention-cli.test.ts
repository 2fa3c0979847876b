import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv, testApp, type TestApp } from '../support/app.ts';
import { peopleFiles } from '../support/people.ts';
import { root } from '../support/server.ts';

/** `pnpm retention`: the scheduled run reports unless told --apply, then acts on due pilots. */

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

function retention(...args: string[]) {
  const r = spawnSync(
    join(root, 'apps/api/node_modules/.bin/tsx'),
    [join(root, 'apps/api/src/cli/retention.ts'), '--db', t.file, '--today', '2026-06-01', ...args],
    { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' }, timeout: 60_000 },
  );
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

async function pilotWith(n: number, input: object, bsnOffset: number) {
  const id = await t.pilot(input);
  const files = peopleFiles(n, { bsnOffset });
  expect((await importCsv(t, id, 'participants', files.participants)).status).toBe(200);
  expect((await importCsv(t, id, 'events', files.events)).status).toBe(200);
  return id;
}

const participantsOf = async (pilot: string) =>
  (await t.json(`/api/pilots/${pilot}/participants`)).body.total;

describe('retention CLI', () => {
  it('reports without --apply, then erases exactly the pilot past its date, audited', async () => {
    const due = await pilotWith(12, { name: 'Verlopen', retainUntil: '2026-03-31' }, 0);
    const soon = await pilotWith(6, { name: 'Bijna', retainUntil: '2026-07-15' }, 100);
    const later = await pilotWith(6, { name: 'Later' }, 200);

    const report = retention();
    expect(report.apply).toBe(false);
    expect(report.pilots.map((p: { name: string; status: string }) => [p.name, p.status])).toEqual([
      ['Verlopen', 'due'],
      ['Bijna', 'soon'],
    ]);
    expect(report.pilots[0]).toMatchObject({ participants: 12 });
    expect(report.applied).toEqual([]);
    expect(await participantsOf(due)).toBe(12);

    const run = retention('--apply');
    expect(run.applied).toEqual([
      { pilotId: due, state: 'erased', participants: 12, events: expect.any(Number) },
    ]);
    expect(await participantsOf(due)).toBe(0);
    expect(await participantsOf(soon)).toBe(6);
    expect(await participantsOf(later)).toBe(6);
    const summary = await t.json(`/api/pilots/${due}/outcomes?window=12`);
    expect(summary.body.arms.intervention.participants).toBe(0);
    const { body } = await t.json(`/api/audit?action=pilot.retention&pilot=${due}`);
    expect(body.items).toMatchObject([
      { action: 'pilot.retention.erase', actorEmail: 'retention-cli' },
    ]);
    // Two runs of the CLI as a process of its own each.
  }, 90_000);

  it('leaves a pilot whose date awaits review alone', async () => {
    const pilot = await pilotWith(4, { name: 'Te herzien', retainUntil: '2026-01-31' }, 300);
    await t.store.db
      .updateTable('pilots')
      .set({ retention_review: 1 })
      .where('id', '=', pilot)
      .execute();
    const run = retention('--apply');
    expect(run.skipped).toEqual([{ pilotId: pilot, reason: 'retention date awaits review' }]);
    expect(await participantsOf(pilot)).toBe(4);
  }, 90_000);
});
