import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.ts';

/** A participant written one at a time takes only the arms its pilot declares (SPEC §2). */

const ARMS = [
  { code: 'vrijstelling', label: 'Vrijstelling van verplichtingen' },
  { code: 'extra_begeleiding', label: 'Extra begeleiding' },
  { code: 'bijverdienen', label: 'Behoud van bijverdienste' },
  { code: 'control', label: 'Controlegroep' },
];

let t: TestApp;
let fourArm: string;
let twoArm: string;

beforeAll(async () => {
  t = await testApp();
  fourArm = await t.pilot({ dataCompleteThrough: '2025-06-30', arms: ARMS });
  twoArm = await t.pilot({ dataCompleteThrough: '2025-06-30' });
});
afterAll(() => t.close());

const create = (pilot: string, body: Record<string, unknown>) =>
  t.json(`/api/pilots/${pilot}/participants`, {
    method: 'POST',
    body: JSON.stringify({ intakeDate: '2024-02-01', ...body }),
  });
const patch = (id: string, body: Record<string, unknown>) =>
  t.json(`/api/participants/${id}`, { method: 'PATCH', body: JSON.stringify(body) });
const count = async (pilot: string) =>
  (await t.json(`/api/pilots/${pilot}/participants`)).body.total as number;

describe('POST /api/pilots/{id}/participants', () => {
  it('accepts each declared arm of a four-arm pilot', async () => {
    for (const [i, { code }] of ARMS.entries()) {
      const res = await create(fourArm, { participantRef: `OK${i}`, arm: code });
      expect(res.status).toBe(201);
      expect(res.body.arm).toBe(code);
    }
  });

  it('puts a participant without an arm in the first intervention arm, as an import does', async () => {
    const res = await create(fourArm, { participantRef: 'NOARM' });
    expect(res.status).toBe(201);
    expect(res.body.arm).toBe('vrijstelling');
    const plain = await create(twoArm, { participantRef: 'NOARM' });
    expect(plain.body.arm).toBe('intervention');
  });

  it.each([
    [
      'a four-arm pilot',
      () => fourArm,
      'intervention',
      'vrijstelling, extra_begeleiding, bijverdienen, control',
    ],
    ['a two-arm pilot', () => twoArm, 'vrijstelling', 'intervention, control'],
  ])(
    'refuses in %s an arm it does not declare with 400, the rule’s code and the allowed codes, writing nothing',
    async (_name, pilot, arm, allowed) => {
      const before = await count(pilot());
      const res = await create(pilot(), { participantRef: 'BAD', arm });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
      expect(res.body.error.message).toContain(`arm "${arm}" is not one of the pilot's arms`);
      expect(res.body.error.details).toEqual([
        expect.objectContaining({ path: 'arm', code: 'unknown_value', params: { allowed } }),
      ]);
      expect(await count(pilot())).toBe(before);
    },
  );
});

describe('PATCH /api/participants/{id}', () => {
  it('moves a participant to another declared arm, and the summary follows', async () => {
    const made = await create(fourArm, { participantRef: 'MOVE', arm: 'vrijstelling' });
    const before = (await t.json(`/api/pilots/${fourArm}/outcomes?window=6`)).body.arms;
    const res = await patch(made.body.id, { arm: 'bijverdienen' });
    expect(res.status).toBe(200);
    expect(res.body.arm).toBe('bijverdienen');
    const after = (await t.json(`/api/pilots/${fourArm}/outcomes?window=6`)).body.arms;
    expect(after.vrijstelling.participants).toBe(before.vrijstelling.participants - 1);
    expect(after.bijverdienen.participants).toBe(before.bijverdienen.participants + 1);
  });

  it('refuses an undeclared arm with 400 and leaves the participant as it was', async () => {
    const made = await create(fourArm, { participantRef: 'STAY', arm: 'control' });
    const res = await patch(made.body.id, { arm: 'intervention', motivation: 4 });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'arm', code: 'unknown_value' });
    const now = await t.json(`/api/participants/${made.body.id}`);
    expect(now.body).toMatchObject({ arm: 'control', motivation: null });
  });

  it('leaves the arm alone when a change does not name it', async () => {
    const made = await create(fourArm, { participantRef: 'KEEP', arm: 'extra_begeleiding' });
    const res = await patch(made.body.id, { motivation: 3 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ arm: 'extra_begeleiding', motivation: 3 });
  });
});
