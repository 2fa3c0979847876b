import { describe, expect, it } from 'vitest';
import type { OutcomeSummary } from '../../api/queries.ts';
import { ladderMoveTable } from './ladder-moves.ts';

/** Moves −5 … +5 with the given counts (others 0), shares over their sum. */
function moves(counts: Record<number, number | null>) {
  const list = Array.from({ length: 11 }, (_, i) => i - 5);
  const n = Object.values(counts).reduce<number>((s, c) => s + (c ?? 0), 0);
  return {
    n,
    moves: list.map((steps) => {
      const c = steps in counts ? counts[steps]! : 0;
      return { steps, count: c, rate: c === null ? null : c / n, ci95: null };
    }),
  };
}
const reply = (over: Partial<OutcomeSummary>) =>
  ({ arms: { intervention: {}, control: {} }, suppressed: undefined, ...over }) as OutcomeSummary;

describe('ladderMoveTable', () => {
  it('gives the rows from the largest move down to the largest up, "no step" always in', () => {
    const t = ladderMoveTable(
      reply({
        ladderMoves: { intervention: moves({ 0: 6, 1: 3, 2: 1 }), control: moves({ 1: 2 }) },
      }),
    )!;
    expect(t.rows.map((r) => r.steps)).toEqual([0, 1, 2]);
    expect(t.arms).toEqual([
      { arm: 'intervention', n: { kind: 'value', value: 10 } },
      { arm: 'control', n: { kind: 'value', value: 2 } },
    ]);
    expect(t.rows[1]!.arms[0]!.cell).toEqual({
      count: { kind: 'value', value: 3 },
      rate: { kind: 'value', value: 0.3 },
    });
    expect(t.rows[0]!.arms[1]!.cell.count).toEqual({ kind: 'value', value: 0 });
  });

  it('keeps a suppressed cell suppressed, and its row', () => {
    const t = ladderMoveTable(
      reply({
        ladderMoves: { intervention: moves({ '-1': null, 0: 40, 1: 20 }), control: null },
        suppressed: ['/ladderMoves/intervention/moves/4/count', '/ladderMoves/control'],
      }),
    )!;
    expect(t.rows.map((r) => r.steps)).toEqual([-1, 0, 1]);
    expect(t.rows[0]!.arms[0]!.cell.count).toEqual({ kind: 'suppressed' });
    // A whole arm hidden for its small n: every cell of it suppressed, none zero.
    expect(t.arms[1]!.n).toEqual({ kind: 'suppressed' });
    expect(t.rows.every((r) => r.arms[1]!.cell.count.kind === 'suppressed')).toBe(true);
  });

  it('is null for a reply without a distribution', () => {
    expect(ladderMoveTable(reply({ ladderMoves: null }))).toBeNull();
  });
});
