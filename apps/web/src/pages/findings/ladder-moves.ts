import type { OutcomeSummary } from '../../api/queries.ts';
import { LADDER_MOVES } from '@wegwijzer/outcomes';
import { cell, type Cell } from '../../suppression.ts';

/**
 * The distribution of steps moved on the Participatieladder (SPEC §3 ladder progress), per arm,
 * as the figure shows it: a pure mapper from the outcomes reply. The rows run from the largest
 * move down to the largest move up that anyone made (or that a suppressed cell may hide), and
 * always include "no step"; a suppressed count or share stays suppressed, never 0.
 */
export interface LadderMoveCell {
  count: Cell;
  rate: Cell;
}

export interface LadderMoveRow {
  steps: number;
  arms: { arm: string; cell: LadderMoveCell }[];
}

export interface LadderMoveTable {
  arms: { arm: string; n: Cell }[];
  rows: LadderMoveRow[];
}

/** Null when the reply has no distribution (an older server, or a pilot reduced to aggregates). */
export function ladderMoveTable(o: OutcomeSummary): LadderMoveTable | null {
  const moves = o.ladderMoves;
  if (!moves) return null;
  const s = o.suppressed;
  const arms = Object.keys(o.arms).filter((a) => a in moves);
  // Every arm lists the moves in the engine's order, so a move's index is the same in each.
  const cellOf = (arm: string, steps: number): LadderMoveCell => {
    const i = LADDER_MOVES.indexOf(steps);
    const at = `/ladderMoves/${arm}/moves/${i}`;
    const x = moves[arm]?.moves[i];
    return { count: cell(x?.count, `${at}/count`, s), rate: cell(x?.rate, `${at}/rate`, s) };
  };
  const rows = LADDER_MOVES.map((steps) => ({
    steps,
    arms: arms.map((arm) => ({ arm, cell: cellOf(arm, steps) })),
  }));
  // Anything but a shown zero keeps a row: a move someone made, or one a suppressed cell may
  // hide. An arm hidden whole (too few measured) says so once and sets no range.
  const shown = arms.map((a, i) => [i, moves[a]] as const).filter(([, m]) => m);
  const kept = rows.filter(
    (r) =>
      r.steps === 0 ||
      shown.some(([i]) => {
        const c = r.arms[i]!.cell.count;
        return !(c.kind === 'value' && c.value === 0);
      }),
  );
  const lo = Math.min(0, ...kept.map((r) => r.steps));
  const hi = Math.max(0, ...kept.map((r) => r.steps));
  return {
    arms: arms.map((arm) => ({ arm, n: cell(moves[arm]?.n, `/ladderMoves/${arm}/n`, s) })),
    rows: rows.filter((r) => r.steps >= lo && r.steps <= hi),
  };
}
