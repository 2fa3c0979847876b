import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logRankK, outcomesFor, survivalByArm } from '@wegwijzer/outcomes';
import { importCsv, testApp, type TestApp } from '../support/app.ts';
import { deriveInMemory } from '../support/derive.ts';

/** A four-arm pilot shaped like the bijstand experiments: three regimes beside control. */
const ARMS = [
  { code: 'vrijstelling', label: 'Vrijstelling van verplichtingen', labelEn: 'Exemption' },
  { code: 'extra_begeleiding', label: 'Extra begeleiding', labelEn: 'Extra guidance' },
  { code: 'behoud_inkomsten', label: 'Behoud van inkomsten', labelEn: null },
  { code: 'control', label: 'Controlegroep' },
];
const CODES = ARMS.map((a) => a.code);

let t: TestApp;
let pilot: string;

/** 60 people, 15 an arm, with exits spread so that each arm has its own curve. */
function files() {
  const people = ['participant_ref,arm,intake_date,motivation'];
  const events = ['participant_ref,type,date,reason,value'];
  for (let i = 0; i < 60; i++) {
    const arm = CODES[i % 4]!;
    const ref = `P${i}`;
    const month = String(1 + (i % 12)).padStart(2, '0');
    people.push(`${ref},${arm},2023-${month}-15,${1 + (i % 5)}`);
    // Arm index shifts how often and how soon people leave bijstand.
    if ((i * 7 + (i % 4)) % 5 < 2 + (i % 4 === 1 ? 1 : 0)) {
      const m = String(1 + ((i * 3 + (i % 4) * 2) % 12)).padStart(2, '0');
      events.push(`${ref},benefit_end,2024-${m}-01,regular_work,`);
    }
  }
  return { people: people.join('\n') + '\n', events: events.join('\n') + '\n' };
}

beforeAll(async () => {
  t = await testApp();
  pilot = await t.pilot({ dataCompleteThrough: '2025-06-30', monthlyBenefit: 1000, arms: ARMS });
  const f = files();
  expect((await importCsv(t, pilot, 'participants', f.people)).status).toBe(200);
  expect((await importCsv(t, pilot, 'events', f.events)).status).toBe(200);
});
afterAll(() => t.close());

const rows = async (k = 12) =>
  (await deriveInMemory(t.store, pilot, { windows: [k] })).map((r) => r.derived);

describe('a pilot with three intervention arms and control', () => {
  it('lists its declared arms with label, role and order', async () => {
    const { body } = await t.json(`/api/pilots/${pilot}`);
    expect(body.arms.map((a: { code: string }) => a.code)).toEqual(CODES);
    expect(body.arms[3]).toMatchObject({ code: 'control', role: 'control', order: 3 });
    expect(body.arms[0]).toMatchObject({ role: 'intervention', labelEn: 'Exemption' });
  });

  it('refuses an arm code the pilot does not declare, with line and column', async () => {
    const res = await importCsv(
      t,
      pilot,
      'participants',
      'participant_ref,arm,intake_date\nX1,intervention,2024-01-01\n',
    );
    expect(res.status).toBe(422);
    expect(res.body.error.details[0]).toMatchObject({ line: 2, column: 'arm' });
  });

  it('gives a participant without an arm the first intervention arm', async () => {
    const other = await t.pilot({ arms: ARMS });
    const res = await importCsv(
      t,
      other,
      'participants',
      'participant_ref,intake_date\nN1,2024-01-01\n',
    );
    expect(res.status).toBe(200);
    const { body } = await t.json(`/api/pilots/${other}/outcomes?window=6`);
    expect(body.arms.vrijstelling.participants).toBe(1);
  });

  it.each([6, 9, 12])(
    'gives per arm exactly what the engine computes for that arm alone (window %i)',
    async (k) => {
      const { status, body } = await t.json(`/api/pilots/${pilot}/outcomes?window=${k}`);
      expect(status).toBe(200);
      expect(Object.keys(body.arms)).toEqual(CODES);
      const all = await rows(k);
      for (const code of CODES) {
        const alone = outcomesFor(
          all.filter((r) => r.arm === code),
          k,
          [code],
        );
        expect(body.arms[code]).toEqual(alone.arms[code]);
      }
      const engine = outcomesFor(all, k, CODES);
      expect(Object.keys(body.comparisons)).toEqual(CODES.slice(0, 3));
      expect(body.comparisons).toEqual(engine.comparisons);
      // The top-level comparison is the first declared intervention arm's.
      expect(body.difference).toEqual(engine.comparisons.vrijstelling!.difference);
      expect(body.netEffect).toEqual(engine.comparisons.vrijstelling!.netEffect);
    },
  );

  it('gives pairwise and k-sample log-rank tests as the engine does', async () => {
    const { body } = await t.json(`/api/pilots/${pilot}/survival`);
    const all = await rows();
    for (const code of CODES) {
      const alone = survivalByArm(
        all.filter((r) => r.arm === code),
        [code],
      );
      expect(body.arms[code].points).toEqual(alone.arms[code]!.points);
    }
    const k = logRankK(CODES.map((c) => all.filter((r) => r.arm === c).map((r) => r.firstExit)));
    expect(k).not.toBeNull();
    expect(body.logRankK).toEqual(k);
    expect(body.logRankK.df).toBe(3);
    expect(Object.keys(body.comparisons)).toEqual(CODES.slice(0, 3));
    expect(body.logRank).toEqual(body.comparisons.vrijstelling.logRank);
  });

  it('splits subgroups per arm as the engine does for each arm alone', async () => {
    const { body } = await t.json(`/api/pilots/${pilot}/subgroups?by=motivation&window=12`);
    const all = await deriveInMemory(t.store, pilot);
    for (const g of body.groups) {
      expect(Object.keys(g.arms)).toEqual(CODES);
      for (const code of CODES) {
        const mine = all
          .filter((r) => r.baseline.motivation === g.value && r.derived.arm === code)
          .map((r) => r.derived);
        expect(g.arms[code]).toEqual(outcomesFor(mine, 12, [code]).arms[code]);
      }
    }
  });

  it('shows a viewer every arm and comparison through disclosure control', async () => {
    const viewer = await t.user('viewer', [pilot]);
    const { status, body } = await t.json(`/api/pilots/${pilot}/outcomes?window=12`, {
      as: viewer,
    });
    expect(status).toBe(200);
    expect(body.rounded).toBe(true);
    expect(Object.keys(body.arms)).toEqual(CODES);
    expect(Object.keys(body.comparisons)).toEqual(CODES.slice(0, 3));
    // 15 people an arm: every arm's participant count is a multiple of five or suppressed.
    for (const code of CODES) {
      const n = body.arms[code].participants;
      expect(n === null || n % 5 === 0).toBe(true);
    }
  });

  it('relabels an arm but refuses to drop one that holds participants', async () => {
    const relabel = ARMS.map((a) =>
      a.code === 'control' ? { ...a, label: 'Vergelijkingsgroep' } : a,
    );
    const ok = await t.json(`/api/pilots/${pilot}`, {
      method: 'PATCH',
      body: JSON.stringify({ arms: relabel }),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.arms[3].label).toBe('Vergelijkingsgroep');
    const dropped = await t.json(`/api/pilots/${pilot}`, {
      method: 'PATCH',
      body: JSON.stringify({ arms: ARMS.filter((a) => a.code !== 'behoud_inkomsten') }),
    });
    expect(dropped.status).toBe(400);
    expect(dropped.body.error.message).toContain('behoud_inkomsten (15 participants)');
    // The detail carries the code and figures a form words in its reader's language.
    expect(dropped.body.error.details).toEqual([
      expect.objectContaining({
        path: 'arms',
        code: 'arm_in_use',
        params: { arm: 'behoud_inkomsten', participants: 15 },
      }),
    ]);
  });

  it('refuses a declaration with a code twice or seven intervention arms', async () => {
    const twice = await t.json('/api/pilots', {
      method: 'POST',
      body: JSON.stringify({
        name: 'x',
        municipality: 'GM0363',
        theme: 'reintegration',
        startDate: '2024-01-01',
        dataCompleteThrough: '2025-01-01',
        retainUntil: '2030-01-01',
        arms: [ARMS[0], ARMS[0]],
      }),
    });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body)).toContain('declared twice');
  });
});
