import { describe, expect, it } from 'vitest';
import { accumulate } from './aggregate.ts';
import { deriveParticipant, type DerivedParticipant } from './derive.ts';
import {
  LADDER_MOVES,
  moveCountsOf,
  packedMoveCounts,
  summarizeLadderMoves,
  addMove,
  emptyMoveCounts,
} from './ladder-moves.ts';
import { packTimelines } from './packed.ts';
import type { Baseline, TimelineEvent } from '@wegwijzer/domain/core';
import { baseline, ev, pilot } from './test-fixtures.ts';

/**
 * Hand-worked: intake 2024-01-15 for all, so m(6) = 2024-07-15, m(12) = 2025-01-15 and
 * m(24) = 2026-01-15; the pilot's data are complete through 2027-12-31.
 */
function inputs(): { baseline: Baseline; events: TimelineEvent[] }[] {
  const step = (date: string, value: number) => ev('ladder', date, { value });
  const row = (b: Baseline, events: TimelineEvent[]) => ({ baseline: b, events });
  return [
    // I1: 2 → 4 by June: +2 at every window.
    row(baseline({ ladderStep: 2 }), [step('2024-06-01', 4)]),
    // I2: 3 → 3 in October: no step at 12, not measured yet at 6.
    row(baseline({ ladderStep: 3 }), [step('2024-10-01', 3)]),
    // I3: 4 → 3: one step down.
    row(baseline({ ladderStep: 4 }), [step('2024-05-01', 3)]),
    // I4: 1 → 2 in March, → 5 after m(12): +1 at 6 and 12, +4 at 24.
    row(baseline({ ladderStep: 1 }), [step('2024-03-01', 2), step('2025-03-01', 5)]),
    // I5: no intake step: outside the denominator however it is measured later.
    row(baseline(), [step('2024-03-01', 4)]),
    // I6: an intake step but no measurement: outside the denominator.
    row(baseline({ ladderStep: 2 }), []),
    // I7: lost to follow-up before m(6): pending, so never counted.
    row(baseline({ ladderStep: 2, lostToFollowUpDate: '2024-06-30' }), [step('2024-03-01', 3)]),
    // C1: 2 → 3.
    row(baseline({ arm: 'control', ladderStep: 2 }), [step('2024-04-01', 3)]),
  ];
}

function handWorked(windows?: number[]): DerivedParticipant[] {
  return inputs().map((r) => deriveParticipant(r.baseline, r.events, pilot(), windows));
}

const intervention = () => handWorked().filter((r) => r.arm === 'intervention');
/** The counts as a { steps: count } map of the non-zero moves, for readable expectations. */
const nonZero = (counts: number[]) =>
  Object.fromEntries(LADDER_MOVES.flatMap((m, i) => (counts[i] ? [[m, counts[i]]] : [])));

describe('ladder moves', () => {
  it.each([
    [6, { '-1': 1, 1: 1, 2: 1 }],
    [12, { '-1': 1, 0: 1, 1: 1, 2: 1 }],
    [24, { '-1': 1, 0: 1, 2: 1, 4: 1 }],
  ])(
    'counts each evaluable participant with both steps once by steps moved at %i months',
    (k, moves) => {
      expect(nonZero(moveCountsOf(intervention(), k))).toEqual(moves);
    },
  );

  it('lists every move from −5 to +5 with its share and Wilson interval over n', () => {
    const d = summarizeLadderMoves(moveCountsOf(intervention(), 12));
    expect(d.n).toBe(4);
    expect(d.moves.map((m) => m.steps)).toEqual([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5]);
    const up1 = d.moves.find((m) => m.steps === 1)!;
    expect(up1.count).toBe(1);
    expect(up1.rate).toBe(0.25);
    // Wilson 1/4: (0.25 + z²/8 ± z·√(0.25·0.75/4 + z²/64)) / (1 + z²/4).
    expect(up1.ci95![0]).toBeCloseTo(0.0456, 4);
    expect(up1.ci95![1]).toBeCloseTo(0.6994, 4);
    expect(d.moves.find((m) => m.steps === 5)).toEqual({
      steps: 5,
      count: 0,
      rate: 0,
      ci95: [0, expect.any(Number)],
    });
  });

  it.each([6, 12, 24])('adds up to the ladder progress of the same arm at %i months', (k) => {
    const counts = moveCountsOf(intervention(), k);
    const { ladder } = accumulate(intervention(), k);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(ladder.n);
    expect(counts.reduce((s, c, i) => s + (LADDER_MOVES[i]! > 0 ? c : 0), 0)).toBe(ladder.up);
    expect(counts.reduce((s, c, i) => s + LADDER_MOVES[i]! * c, 0)).toBe(ladder.sumChange);
  });

  it('gives null shares over nobody', () => {
    const d = summarizeLadderMoves(emptyMoveCounts());
    expect(d.n).toBe(0);
    expect(d.moves.every((m) => m.count === 0 && m.rate === null && m.ci95 === null)).toBe(true);
  });

  it('refuses a move the six-step ladder cannot make', () => {
    expect(() => addMove(emptyMoveCounts(), 6)).toThrow(/outside/);
  });

  it.each([7, 12, 30])(
    'counts packed timelines as the derived rows at any window (%i months)',
    (k) => {
      const rows = handWorked([k]);
      const pack = packTimelines(inputs(), pilot());
      const byArm = packedMoveCounts(pack, k);
      for (const [i, arm] of pack.armCodes.entries()) {
        const derived = rows.filter((r) => r.arm === arm);
        expect(byArm[i]).toEqual(moveCountsOf(derived, k));
      }
    },
  );
});
