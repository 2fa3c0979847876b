import type { Arm } from '@wegwijzer/domain/core';
import { windowOf, type DerivedParticipant, type WindowOutcome } from './derive.ts';
import { packedWindow, type PackedTimelines } from './packed.ts';
import { wilson, type Interval } from './proportions.ts';

/**
 * Ladder progress as a distribution of steps moved (SPEC §3 "ladder progress at k", findings 3
 * and 7: the first step up the Participatieladder). The denominator is the one of
 * `ladderProgress`: evaluable participants with an intake step and a ladder step dated in
 * [t0, m(k)]; each is counted once, under latest − intake. Steps run 1–6, so a participant moves
 * −5 to +5 steps.
 */

/** Largest move on a six-step ladder, either way. */
export const MAX_LADDER_MOVE = 5;

/** Every possible move, −5 … +5, in the order the reply lists them. */
export const LADDER_MOVES: readonly number[] = Array.from(
  { length: 2 * MAX_LADDER_MOVE + 1 },
  (_, i) => i - MAX_LADDER_MOVE,
);

/** Participants per move, indexed as `LADDER_MOVES` (index = move + 5). */
export type LadderMoveCounts = number[];

/** Zero participants at every move. */
export function emptyMoveCounts(): LadderMoveCounts {
  return LADDER_MOVES.map(() => 0);
}

/** The steps a participant moved by m(k), or null when not in the ladder denominator. */
export function stepsMoved(w: WindowOutcome): number | null {
  if (!w.evaluable || !w.ladder) return null;
  return w.ladder.latest - w.ladder.intake;
}

/** Counts `people` participants who moved `moved` (whole steps, −5 … +5) into `counts`. */
export function addMove(counts: LadderMoveCounts, moved: number, people = 1): void {
  const i = moved + MAX_LADDER_MOVE;
  if (!Number.isInteger(moved) || i < 0 || i >= counts.length)
    throw new Error(`A ladder move of ${moved} steps is outside −5 … +5`);
  counts[i]! += people;
}

/** One arm's move counts from its derived rows for window `k`. */
export function moveCountsOf(rows: readonly DerivedParticipant[], k: number): LadderMoveCounts {
  const counts = emptyMoveCounts();
  for (const p of rows) {
    const w = windowOf(p, k);
    if (!w) throw new Error(`Window ${k} was not derived for this participant`);
    const moved = stepsMoved(w);
    if (moved !== null) addMove(counts, moved);
  }
  return counts;
}

/** One move of the distribution: how many moved `steps`, and their share of `n`. */
export interface LadderMove {
  steps: number;
  count: number | null;
  rate: number | null;
  ci95: Interval | null;
}

/** One arm's distribution of steps moved; `n` equals `ladderProgress.n` of the same arm. */
export interface LadderMoves {
  n: number | null;
  moves: LadderMove[];
}

/**
 * The reply's distribution from the counts per move: every move listed (zeros too, so a chart
 * has a fixed axis), each share with its Wilson interval over n; null shares over zero people.
 * @example summarizeLadderMoves(counts).moves.find((m) => m.steps === 1)?.count
 */
export function summarizeLadderMoves(counts: LadderMoveCounts): LadderMoves {
  const n = counts.reduce((s, c) => s + c, 0);
  return {
    n,
    moves: LADDER_MOVES.map((steps, i) => ({ steps, ...wilson(counts[i]!, n) })),
  };
}

/** Every arm's distribution, keyed and ordered as `counts`. */
export function summarizeLadderMovesByArm(
  counts: Record<Arm, LadderMoveCounts>,
): Record<Arm, LadderMoves> {
  return Object.fromEntries(
    Object.entries(counts).map(([arm, c]) => [arm, summarizeLadderMoves(c)]),
  );
}

/** Move counts per arm index of a pack (indexed as its `armCodes`) for any window `k`. */
export function packedMoveCounts(p: PackedTimelines, k: number): LadderMoveCounts[] {
  const out = p.armCodes.map(() => emptyMoveCounts());
  for (let i = 0; i < p.n; i++) {
    const moved = stepsMoved(packedWindow(p, i, k));
    if (moved !== null) addMove(out[p.arm[i]!]!, moved);
  }
  return out;
}
