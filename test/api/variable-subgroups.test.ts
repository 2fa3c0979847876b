import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv, testApp, type TestApp } from '../support/app.ts';

/**
 * Issue 17's done-when: a pilot with a `supervisor_trained` boolean and a `sessions_attended`
 * integer (0–40) imports and splits subgroups by both, on the kept sums (standard windows) and
 * on the packed timelines (any other window) alike, and exports both with their Table Schema.
 */

let t: TestApp;
let pilot: string;
let viewer: string;

// 24 people: arm by parity, trained for the first 16, sessions 0..40 spread, 4 without a value.
const PEOPLE = Array.from({ length: 24 }, (_, i) => ({
  ref: `S${String(i + 1).padStart(2, '0')}`,
  arm: i % 2 === 0 ? 'intervention' : 'control',
  trained: i < 16 ? (i % 3 === 0 ? 'nee' : 'ja') : '',
  sessions: i < 20 ? String(i * 2) : '',
  // Every third leaves bijstand after three months.
  exits: i % 3 === 0,
}));

beforeAll(async () => {
  t = await testApp();
  pilot = await t.pilot();
  viewer = await t.user('viewer', [pilot]);
  for (const body of [
    { code: 'supervisor_trained', label: 'Begeleider getraind', type: 'boolean' },
    { code: 'sessions_attended', label: 'Sessies', type: 'integer', min: 0, max: 40 },
  ]) {
    const res = await t.json(`/api/pilots/${pilot}/variables`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
  }
  const participants = [
    'participant_ref,arm,intake_date,supervisor_trained,sessions_attended',
    ...PEOPLE.map((p) => `${p.ref},${p.arm},2024-01-15,${p.trained},${p.sessions}`),
  ].join('\n');
  expect((await importCsv(t, pilot, 'participants', participants)).status).toBe(200);
  const events = [
    'participant_ref,type,date,reason,value',
    ...PEOPLE.filter((p) => p.exits).map((p) => `${p.ref},benefit_end,2024-04-15,regular_work,`),
  ].join('\n');
  expect((await importCsv(t, pilot, 'events', events)).status).toBe(200);
});
afterAll(() => t.close());

type Group = {
  value: unknown;
  arms: Record<string, { participants: number; offBenefit: { count: number } }>;
};

/** What the groups should hold, counted straight from the people above. */
function expected(groupOf: (p: (typeof PEOPLE)[number]) => unknown) {
  const out = new Map<unknown, Record<string, { participants: number; off: number }>>();
  for (const p of PEOPLE) {
    const g = groupOf(p);
    const arms = out.get(g) ?? {
      intervention: { participants: 0, off: 0 },
      control: { participants: 0, off: 0 },
    };
    arms[p.arm]!.participants++;
    if (p.exits) arms[p.arm]!.off++;
    out.set(g, arms);
  }
  return out;
}

function shape(groups: Group[]) {
  return groups.map((g) => [
    g.value,
    Object.fromEntries(
      Object.entries(g.arms).map(([arm, a]) => [
        arm,
        { participants: a.participants, off: a.offBenefit.count },
      ]),
    ),
  ]);
}

const band = (s: string) => {
  if (s === '') return null;
  const n = Number(s);
  return n <= 10 ? '0-10' : n <= 21 ? '11-21' : n <= 32 ? '22-32' : '33-40';
};

describe('subgroups by a pilot variable', () => {
  it.each([12, 13])(
    'splits by a boolean into nee, ja and not recorded (window %i)',
    async (window) => {
      const { status, body } = await t.json(
        `/api/pilots/${pilot}/subgroups?by=supervisor_trained&window=${window}`,
      );
      expect(status).toBe(200);
      expect(body.by).toBe('supervisor_trained');
      const want = expected((p) => (p.trained === '' ? null : p.trained === 'ja'));
      expect(shape(body.groups)).toEqual(
        [false, true, null].map((v) => [
          v,
          {
            intervention: want.get(v)!.intervention,
            control: want.get(v)!.control,
          },
        ]),
      );
    },
  );

  it.each([12, 7])(
    'splits a 0–40 integer into the four bands of its declared range (window %i)',
    async (window) => {
      const { status, body } = await t.json(
        `/api/pilots/${pilot}/subgroups?by=sessions_attended&window=${window}`,
      );
      expect(status).toBe(200);
      const want = expected((p) => band(p.sessions));
      expect(body.groups.map((g: Group) => g.value)).toEqual([
        '0-10',
        '11-21',
        '22-32',
        '33-40',
        null,
      ]);
      expect(shape(body.groups)).toEqual(
        body.groups.map((g: Group) => [g.value, want.get(g.value)]),
      );
      // Each group carries its own difference between the arms, as for any baseline field.
      expect(body.groups[0].difference).toHaveProperty('rate');
    },
  );

  it('refuses a field that is neither standard nor declared with 400 naming the choices', async () => {
    const { status, body } = await t.json(`/api/pilots/${pilot}/subgroups?by=shoe_size&window=12`);
    expect(status).toBe(400);
    expect(body.error.message).toContain('sessions_attended');
  });

  it('gives a viewer the variable subgroups through disclosure control', async () => {
    const { status, body } = await t.json(
      `/api/pilots/${pilot}/subgroups?by=supervisor_trained&window=12`,
      { as: viewer },
    );
    expect(status).toBe(200);
    expect(body.rounded).toBe(true);
    // Groups of fewer than 10 people show no count at all.
    for (const g of body.groups as Group[])
      for (const a of Object.values(g.arms))
        expect([null, 0, 10, 15, 20]).toContain(a.participants);
  });
});

describe('exporting pilot variables', () => {
  it('writes both as the last columns of cohort.csv and participants.csv, with their schema', async () => {
    const researcher = await t.user('researcher', [pilot]);
    const res = await t.request(`/api/pilots/${pilot}/export?format=csv`, { as: researcher });
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const text = (name: string) => new TextDecoder().decode(files[name]!);
    for (const name of ['cohort.csv', 'participants.csv']) {
      const [header, ...lines] = text(name)
        .split(/\r?\n/)
        .filter((l) => l !== '');
      const columns = header!.split(',');
      expect(columns.slice(-2)).toEqual(['supervisor_trained', 'sessions_attended']);
      const cells = lines.map((l) => l.split(',').slice(-2).join(','));
      // The same multiset of values as imported (rows come in pseudonym order).
      const imported = PEOPLE.map(
        (p) => `${p.trained === '' ? '' : p.trained === 'ja'},${p.sessions}`,
      );
      expect(cells.sort()).toEqual(imported.sort());
    }
    const pkg = JSON.parse(text('datapackage.json'));
    for (const resource of ['cohort', 'participants']) {
      const fields = pkg.resources.find((r: { name: string }) => r.name === resource).schema.fields;
      const byName = Object.fromEntries(fields.map((f: { name: string }) => [f.name, f]));
      expect(byName.supervisor_trained).toMatchObject({ type: 'boolean' });
      expect(byName.sessions_attended).toMatchObject({
        type: 'integer',
        constraints: { minimum: 0, maximum: 40 },
      });
      expect(byName.sessions_attended.description).toContain('Sessies');
    }
  });

  it('describes a category variable with its levels and their labels', async () => {
    const other = await t.pilot();
    await t.json(`/api/pilots/${other}/variables`, {
      method: 'POST',
      body: JSON.stringify({
        code: 'region',
        label: 'Wijk',
        type: 'category',
        description: 'Wijk van het woonadres bij intake',
        levels: [
          { code: 'noord', label: 'Noord', labelEn: 'North' },
          { code: 'zuid', label: 'Zuid' },
        ],
      }),
    });
    await importCsv(
      t,
      other,
      'participants',
      'participant_ref,intake_date,region\nQ1,2024-01-10,zuid\n',
    );
    const researcher = await t.user('researcher', [other]);
    const res = await t.request(`/api/pilots/${other}/export?format=excel-nl`, { as: researcher });
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const pkg = JSON.parse(new TextDecoder().decode(files['datapackage.json']!));
    const fields = pkg.resources.find((r: { name: string }) => r.name === 'cohort').schema.fields;
    const region = fields.find((f: { name: string }) => f.name === 'region');
    expect(region).toMatchObject({
      type: 'string',
      constraints: { enum: ['noord', 'zuid'] },
      categories: [
        { value: 'noord', label: 'Noord / North' },
        { value: 'zuid', label: 'Zuid' },
      ],
    });
    expect(region.description).toContain('Wijk van het woonadres');
    const csv = new TextDecoder().decode(files['participants.csv']!);
    expect(csv.split(/\r?\n/)[1]!.split(';').at(-1)).toBe('zuid');
  });
});
