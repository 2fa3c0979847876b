import { sql, type Kysely } from 'kysely';
import { isStandardWindow, type Arm } from '@wegwijzer/domain';
import {
  addMove,
  emptyMoveCounts,
  packedMoveCounts,
  type LadderMoveCounts,
} from '@wegwijzer/outcomes';
import type { Database } from './schema.ts';
import { windowRows } from './window-columns.ts';
import { pilotPack } from './windows.ts';

/**
 * Participants per ladder move (@wegwijzer/outcomes `ladder-moves`) of each of the arms `codes`
 * for window `k`. A standard window counts the stored window rows, whose `ladder_change` is the
 * engine's latest − intake and whose `ladder_measured` its denominator (set only on evaluable
 * rows), so the counts add up to the arm's `ladder_measured` total; any other window is counted
 * from the pilot's packed timelines. No totals are kept: the pilot_totals sums cannot give a
 * distribution. One GROUP BY over the pilot's derived rows alone, found by their own `pilot_id`
 * (as the survival times are). Driving it from `participants` cost PostgreSQL a parallel plan
 * with one index probe per participant: over 100,000 derived rows about 3.5 × the time of this
 * one, and most of the cold one-pilot summary.
 */
export async function ladderMoveCounts(
  db: Kysely<Database>,
  pilotId: string,
  k: number,
  codes: readonly Arm[],
): Promise<Record<Arm, LadderMoveCounts>> {
  const out: Record<Arm, LadderMoveCounts> = {};
  for (const code of codes) out[code] = emptyMoveCounts();
  if (!isStandardWindow(k)) {
    const p = await pilotPack(db, pilotId);
    if (!p) return out;
    packedMoveCounts(p.pack, k).forEach((counts, i) => {
      const code = p.pack.armCodes[i]!;
      if (out[code]) out[code] = counts;
    });
    return out;
  }
  const { rows } = await sql<{ arm: string; moved: number | string; people: number | string }>`
    SELECT w.arm AS arm, w.ladder_change AS moved, COUNT(*) AS people
    FROM ${sql.raw(windowRows(k))} w
    WHERE w.pilot_id = ${pilotId} AND w.ladder_measured = 1
    GROUP BY w.arm, w.ladder_change`.execute(db);
  for (const r of rows) {
    const counts = out[r.arm];
    if (!counts) continue;
    // PostgreSQL hands COUNT(*) back as text.
    addMove(counts, Number(r.moved), Number(r.people));
  }
  return out;
}
