import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WINDOWS } from '@wegwijzer/domain';
import { LADDER_MOVES, moveCountsOf, summarizeLadderMoves } from '@wegwijzer/outcomes';
import { importCsv, testApp, type TestApp } from '../support/app.ts';
import { deriveInMemory } from '../support/derive.ts';
import { OutcomeSummary } from '@wegwijzer/domain';

let t: TestApp;
let pilot: string;

/**
 * Worked by hand at 12 months (intakes 2024-01-15, data complete through 2025-12-31): I1 2 → 4
 * (+2), I2 3 → 3 (0), I3 4 → 3 (−1), I4 1 → 2 (+1; its step to 5 comes after m(12)), I5 has no
 * intake step, C1 2 → 3 (+1), C2 pending (intake 2025-06-01, m(12) after the data end).
 */
const PARTICIPANTS = `participant_ref,arm,intake_date,ladder_step
I1,intervention,2024-01-15,2
I2,intervention,2024-01-15,3
I3,intervention,2024-01-15,4
I4,intervention,2024-01-15,1
I5,intervention,2024-01-15,
C1,control,2024-01-15,2
C2,control,2025-06-01,2
`;
const EVENTS = `participant_ref,type,date,reason,value
I1,ladder,2024-06-01,,4
I2,ladder,2024-10-01,,3
I3,ladder,2024-05-01,,3
I4,ladder,2024-03-01,,2
I4,ladder,2025-03-01,,5
I5,ladder,2024-03-01,,4
C1,ladder,2024-04-01,,3
C2,ladder,2025-07-01,,4
`;

beforeAll(async () => {
  t = await testApp();
  pilot = await t.pilot({ dataCompleteThrough: '2025-12-31' });
  expect((await importCsv(t, pilot, 'participants', PARTICIPANTS)).status).toBe(200);
  const ev = await importCsv(t, pilot, 'events', EVENTS);
  expect(ev.status, JSON.stringify(ev.body)).toBe(200);
});
afterAll(() => t.close());

const nonZero = (moves: { steps: number; count: number | null }[]) =>
  Object.fromEntries(moves.filter((m) => m.count).map((m) => [m.steps, m.count]));

describe('GET /api/pilots/{id}/outcomes ladderMoves', () => {
  it('gives the hand-worked distribution of steps moved per arm at 12 months', async () => {
    const { status, body } = await t.json(`/api/pilots/${pilot}/outcomes?window=12`);
    expect(status).toBe(200);
    expect(OutcomeSummary.safeParse(body).success).toBe(true);
    expect(body.ladderMoves.intervention.n).toBe(4);
    expect(nonZero(body.ladderMoves.intervention.moves)).toEqual({ '-1': 1, 0: 1, 1: 1, 2: 1 });
    expect(body.ladderMoves.control.n).toBe(1);
    expect(nonZero(body.ladderMoves.control.moves)).toEqual({ 1: 1 });
    expect(body.ladderMoves.intervention.moves.map((m: { steps: number }) => m.steps)).toEqual([
      ...LADDER_MOVES,
    ]);
    expect(body.ladderMoves.intervention.moves.find((m: any) => m.steps === 2).rate).toBe(0.25);
  });

  it.each([...WINDOWS, 7, 30])(
    'adds up to the ladder progress of the same reply and equals the engine at %i months',
    async (k) => {
      const { body } = await t.json(`/api/pilots/${pilot}/outcomes?window=${k}`);
      const rows = (
        await deriveInMemory(t.store, pilot, {
          windows: [k],
          facts: {
            dataCompleteThrough: '2025-12-31',
            monthlyBenefitCents: 120000,
            guidanceCostCents: 250000,
          },
        })
      ).map((r) => r.derived);
      for (const arm of Object.keys(body.arms)) {
        const d = body.ladderMoves[arm];
        const p = body.arms[arm].ladderProgress;
        expect(d.n).toBe(p.n);
        const up = d.moves
          .filter((m: any) => m.steps > 0)
          .reduce((s: number, m: any) => s + m.count, 0);
        expect(up).toBe(p.count);
        expect(d).toEqual(
          summarizeLadderMoves(
            moveCountsOf(
              rows.filter((r) => r.arm === arm),
              k,
            ),
          ),
        );
      }
    },
  );

  it('shows a viewer no distribution for an arm whose ladder n is under the threshold, and names them', async () => {
    const viewer = await t.user('viewer', [pilot]);
    const { status, body } = await t.json(`/api/pilots/${pilot}/outcomes?window=12`, {
      as: viewer,
    });
    expect(status).toBe(200);
    expect(body.ladderMoves).toEqual({ intervention: null, control: null });
    expect(body.suppressed).toContain('/ladderMoves/intervention');
    expect(body.suppressed).toContain('/ladderMoves/control');
  });
});
