import { MAX_WINDOW, STATUS_MONTHS_SHOWN } from '@wegwijzer/domain/core';
import type { Arm } from '@wegwijzer/domain/core';
import type { StatusCounts } from './packed.ts';
import { wilson, type Proportion } from './proportions.ts';

/** One arm at one month of status by month (SPEC §3). */
export interface StatusPoint {
  month: number;
  /** Participants with m(month) <= obsEnd. */
  evaluable: number;
  /** Off benefit at m(month) among the evaluable, with the Wilson interval. */
  offBenefit: Proportion;
}

/** Status by month per arm code, in the order of the arms asked for. */
export interface StatusByMonth {
  arms: Record<Arm, StatusPoint[]>;
}

/**
 * The months status by month reports: 1 to 36 always, and on to 60 while at least one
 * participant (of any arm) is evaluable, so the curve stops where the data stop.
 */
export function statusMonths(counts: StatusCounts): number {
  let last = Math.min(STATUS_MONTHS_SHOWN, counts.months);
  for (let m = last + 1; m <= Math.min(MAX_WINDOW, counts.months); m++) {
    if (counts.evaluable.some((e) => e[m - 1]! > 0)) last = m;
  }
  return last;
}

/**
 * Turn per-month counts into SPEC §3's status by month: per arm and month the evaluable count
 * and the share off benefit with its Wilson interval (null over zero evaluable).
 * `arms` are the codes to report (an arm the counts do not have reports zero evaluable).
 * @example summarizeStatusByMonth(packedStatusByMonth(pack, 60), ['intervention', 'control']).arms.control?.[11]
 */
export function summarizeStatusByMonth(counts: StatusCounts, arms: readonly Arm[]): StatusByMonth {
  const last = statusMonths(counts);
  const arm = (a: Arm): StatusPoint[] => {
    const i = counts.arms.indexOf(a);
    const points: StatusPoint[] = [];
    for (let m = 1; m <= last; m++) {
      const n = i < 0 ? 0 : counts.evaluable[i]![m - 1]!;
      const off = i < 0 ? 0 : counts.off[i]![m - 1]!;
      points.push({ month: m, evaluable: n, offBenefit: wilson(off, n) });
    }
    return points;
  };
  const out: StatusByMonth['arms'] = {};
  for (const a of arms) out[a] = arm(a);
  return { arms: out };
}
