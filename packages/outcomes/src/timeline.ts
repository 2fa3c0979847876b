import type { ExitReason, TimelineEvent } from '@wegwijzer/domain';
import { toDay } from './dates.ts';

/**
 * One participant's events, parsed to day numbers, restricted to [t0, obsEnd] and split by
 * what each outcome needs. Built once per participant so every window reads it without
 * re-sorting or re-parsing.
 */
export interface Timeline {
  t0: number;
  obsEnd: number;
  /**
   * Days on which the benefit status changes, ascending, one entry per day. `changeOff[i]` is
   * the status from that day on (a same-day `benefit_end` beats a `benefit_restart`), and
   * `changeReason[i]` the exit reason when off.
   */
  changeDays: number[];
  changeOff: boolean[];
  changeReason: (ExitReason | null)[];
  /** Ladder measurements, ascending by day; same-day entries keep input order. */
  ladderDays: number[];
  ladderSteps: number[];
  offsetDays: number[];
  offsetCents: number[];
  workStarts: number[];
  workEnds: number[];
}

// Insertion sort is stable and fastest for the handful of events a participant has; very
// long timelines fall back to the engine's (also stable) sort.
const INSERTION_LIMIT = 32;

function sortByDay(order: number[], days: number[]): void {
  if (order.length > INSERTION_LIMIT) {
    order.sort((a, b) => days[a]! - days[b]! || a - b);
    return;
  }
  for (let i = 1; i < order.length; i++) {
    const v = order[i]!;
    const dv = days[v]!;
    let j = i - 1;
    while (j >= 0 && days[order[j]!]! > dv) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = v;
  }
}

/** A timeline with no events, to be filled by `buildTimeline`. */
export function emptyTimeline(): Timeline {
  return {
    t0: 0,
    obsEnd: 0,
    changeDays: [],
    changeOff: [],
    changeReason: [],
    ladderDays: [],
    ladderSteps: [],
    offsetDays: [],
    offsetCents: [],
    workStarts: [],
    workEnds: [],
  };
}

// Scratch arrays reused across calls: derivation is synchronous, and not allocating two arrays
// per participant keeps the garbage collector out of a million-participant run.
const scratchDays: number[] = [];
const scratchOrder: number[] = [];

/**
 * Build a participant's timeline. Events after `obsEnd` are dropped because the SPEC lets no
 * outcome use them; events before `t0` cannot pass the import, and are dropped rather than
 * allowed to decide the status at intake (every participant is on benefit at t0).
 *
 * Pass `into` to refill an existing timeline instead of allocating one (the hot path does).
 */
export function buildTimeline(
  events: readonly TimelineEvent[],
  t0: number,
  obsEnd: number,
  into: Timeline = emptyTimeline(),
): Timeline {
  const days = scratchDays;
  const order = scratchOrder;
  days.length = 0;
  order.length = 0;
  for (let i = 0; i < events.length; i++) {
    const d = toDay(events[i]!.date);
    days.push(d);
    if (d >= t0 && d <= obsEnd) order.push(i);
  }
  sortByDay(order, days);

  const tl = into;
  tl.t0 = t0;
  tl.obsEnd = obsEnd;
  tl.changeDays.length = 0;
  tl.changeOff.length = 0;
  tl.changeReason.length = 0;
  tl.ladderDays.length = 0;
  tl.ladderSteps.length = 0;
  tl.offsetDays.length = 0;
  tl.offsetCents.length = 0;
  tl.workStarts.length = 0;
  tl.workEnds.length = 0;
  for (const i of order) {
    const e = events[i]!;
    const d = days[i]!;
    switch (e.type) {
      case 'benefit_end':
      case 'benefit_restart': {
        const off = e.type === 'benefit_end';
        const reason = off ? (e.reason ?? 'other') : null;
        const last = tl.changeDays.length - 1;
        if (last >= 0 && tl.changeDays[last] === d) {
          // Same day: an end wins over a restart whatever the input order.
          if (off) {
            tl.changeOff[last] = true;
            tl.changeReason[last] = reason;
          }
        } else {
          tl.changeDays.push(d);
          tl.changeOff.push(off);
          tl.changeReason.push(reason);
        }
        break;
      }
      case 'ladder':
        if (e.value !== null) {
          tl.ladderDays.push(d);
          tl.ladderSteps.push(e.value);
        }
        break;
      case 'offset_income':
        tl.offsetDays.push(d);
        tl.offsetCents.push(e.amountCents ?? 0);
        break;
      case 'work_start':
        tl.workStarts.push(d);
        break;
      case 'work_end':
        tl.workEnds.push(d);
        break;
      default:
        // bbz_start / bbz_end are context for the UI; no outcome of SPEC §3 reads them.
        break;
    }
  }
  return tl;
}

/** Index of the status change in force on day `d` (the latest dated on or before it), or -1. */
export function changeInForce(tl: Timeline, d: number): number {
  const days = tl.changeDays;
  let i = days.length - 1;
  while (i >= 0 && days[i]! > d) i--;
  return i;
}

/** SPEC's onBenefit(d) for `d >= t0`: on benefit at intake until a change in force says otherwise. */
export function onBenefit(tl: Timeline, d: number): boolean {
  const i = changeInForce(tl, d);
  return i < 0 || !tl.changeOff[i]!;
}

/** Days `d` in [t0, end) with onBenefit(d). */
export function benefitDaysBefore(tl: Timeline, end: number): number {
  let on = true;
  let from = tl.t0;
  let total = 0;
  const days = tl.changeDays;
  for (let i = 0; i < days.length; i++) {
    const d = days[i]!;
    if (d >= end) break;
    if (on) total += d - from;
    from = d;
    on = !tl.changeOff[i]!;
  }
  if (on && end > from) total += end - from;
  return total;
}

/** True when the participant is off benefit on every day of [from, to]. */
export function offThroughout(tl: Timeline, from: number, to: number): boolean {
  const i = changeInForce(tl, from);
  if (i < 0 || !tl.changeOff[i]!) return false;
  for (let j = i + 1; j < tl.changeDays.length && tl.changeDays[j]! <= to; j++) {
    if (!tl.changeOff[j]!) return false;
  }
  return true;
}
