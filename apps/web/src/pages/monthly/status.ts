import type { StatusByMonthReply } from '@wegwijzer/domain';
import { STATUS_MONTHS_SHOWN } from '@wegwijzer/domain/values';
import { cell, type Cell } from '../../suppression.ts';

/** An arm code as the reply keys its `arms`. */
export type ArmKey = string;

/** One arm at one month as the table shows it; undefined when the reply left the month out. */
export interface StatusCell {
  evaluable: Cell;
  rate: Cell;
  ci: [number, number] | null;
}

/** One month of the chart and table: the drawn values (null where not drawn) and the cells. */
export interface StatusRow {
  month: number;
  cells: Partial<Record<ArmKey, StatusCell>>;
  /** Per arm code the drawn rate (`<code>`, absent or null where not drawn) and `<code>Band`. */
  [arm: string]: number | [number, number] | null | undefined | Partial<Record<ArmKey, StatusCell>>;
}

/** A row's drawn rate of one arm (null where not drawn). */
export const statusRate = (r: StatusRow, arm: ArmKey) => (r[arm] ?? null) as number | null;

/** The arms the reply has, in its order (intervention arms as declared, then control). */
export function statusArms(r: StatusByMonthReply): ArmKey[] {
  return Object.keys(r.arms).filter((a) => r.arms[a] !== undefined);
}

/**
 * Rows per month from the reply. A month is drawn for an arm only with at least `minEvaluable`
 * evaluable participants and a rate that is shown: fewer would be noise, and a suppressed rate
 * must not be drawn as anything. The table keeps every month the reply gives.
 */
export function statusRows(r: StatusByMonthReply): StatusRow[] {
  const byMonth = new Map<number, StatusRow>();
  const row = (month: number) => {
    let x = byMonth.get(month);
    if (!x)
      byMonth.set(
        month,
        (x = { month, cells: {}, ...Object.fromEntries(statusArms(r).map((a) => [a, null])) }),
      );
    return x;
  };
  for (const a of statusArms(r)) {
    r.arms[a]!.forEach((p, i) => {
      const x = row(p.month);
      const pointer = `/arms/${a}/${i}/offBenefit/count`;
      x.cells[a] = {
        evaluable: cell(p.evaluable, `/arms/${a}/${i}/evaluable`, r.suppressed),
        rate: cell(p.offBenefit.rate, pointer, r.suppressed),
        ci: p.offBenefit.ci95,
      };
      const drawn = (p.evaluable ?? 0) >= r.minEvaluable && p.offBenefit.rate !== null;
      if (drawn) {
        x[a] = p.offBenefit.rate;
        x[`${a}Band`] = p.offBenefit.ci95;
      }
    });
  }
  // Months 1–36 are always listed, so a month left out for every arm still has its row.
  const last = Math.max(STATUS_MONTHS_SHOWN, ...byMonth.keys());
  for (let m = 1; m <= last; m++) row(m);
  return [...byMonth.values()].sort((x, y) => x.month - y.month);
}

/** The months under the chart whose evaluable n is listed: every sixth, and the first and last. */
export function nTicks(rows: readonly StatusRow[]): number[] {
  const last = rows.at(-1)?.month ?? 0;
  const ticks = rows.map((r) => r.month).filter((m) => m === 1 || m % 6 === 0);
  if (last > 0 && !ticks.includes(last)) ticks.push(last);
  return ticks;
}
