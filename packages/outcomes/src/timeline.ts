import type { ExitReason, TimelineEvent } from '@wegwijzer/domain/core';
import { toDay } from './dates.ts';

/**
 * One participant's events, parsed to day numbers, restricted to [t0, obsEnd] and split by
 * what each outcome needs. Built once per participant so every window reads it without
 * re-sorting or re-parsing.
 *
 * Why typed arrays with counts instead of plain arrays: one timeline is refilled for every
 * participant, and a million participants must derive in seconds. Resetting plain arrays
 * (`length = 0`) frees and reallocates their storage; typed arrays with a count are reused
 * as they are. Only the first `n…` entries of each array are meaningful.
 */
export interface Timeline {
  t0: number;
  obsEnd: number;
  /**
   * Days on which the benefit status changes, ascending, one entry per day. `changeOff[i]` is
   * 1 when off benefit from that day on (a same-day `benefit_end` beats a `benefit_restart`),
   * and `changeReason[i]` the exit reason when off.
   */
  nChanges: number;
  changeDays: Int32Array;
  changeOff: Uint8Array;
  changeReason: (ExitReason | null)[];
  /** Ladder measurements, ascending by day; same-day entries keep input order. */
  nLadder: number;
  ladderDays: Int32Array;
  ladderSteps: Float64Array;
  nOffsets: number;
  offsetDays: Int32Array;
  offsetCents: Float64Array;
  nWorkStarts: number;
  workStarts: Int32Array;
  nWorkEnds: number;
  workEnds: Int32Array;
  /** The earliest `debt_intake` in [t0, obsEnd], or null. */
  debtIntake: number | null;
  /** The earliest stabilising debt event (settlement start, stabilised, debt-free) in [t0, obsEnd], or null. */
  debtStabilised: number | null;
  /** Money-stress scores in tenths (7.5 → 75), ascending by day; same-day entries keep input order. */
  nStress: number;
  stressDays: Int32Array;
  stressTenths: Int32Array;
}

/** An empty timeline with room for `capacity` events; `buildTimeline` grows it as needed. */
export function emptyTimeline(capacity = 16): Timeline {
  return {
    t0: 0,
    obsEnd: 0,
    nChanges: 0,
    changeDays: new Int32Array(capacity),
    changeOff: new Uint8Array(capacity),
    changeReason: new Array<ExitReason | null>(capacity).fill(null),
    nLadder: 0,
    ladderDays: new Int32Array(capacity),
    ladderSteps: new Float64Array(capacity),
    nOffsets: 0,
    offsetDays: new Int32Array(capacity),
    offsetCents: new Float64Array(capacity),
    nWorkStarts: 0,
    workStarts: new Int32Array(capacity),
    nWorkEnds: 0,
    workEnds: new Int32Array(capacity),
    debtIntake: null,
    debtStabilised: null,
    nStress: 0,
    stressDays: new Int32Array(capacity),
    stressTenths: new Int32Array(capacity),
  };
}

// Scratch for parsing and sorting, reused across calls (derivation is synchronous).
let scratchDays = new Int32Array(16);
let scratchOrder = new Int32Array(16);

// Insertion sort is stable and fastest for the handful of events a participant has; very
// long timelines fall back to the engine's (also stable) sort.
const INSERTION_LIMIT = 32;

function sortByDay(order: Int32Array, n: number, days: Int32Array): void {
  if (n > INSERTION_LIMIT) {
    const sorted = Array.from(order.subarray(0, n)).sort((a, b) => days[a]! - days[b]! || a - b);
    order.set(sorted);
    return;
  }
  for (let i = 1; i < n; i++) {
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
  into?: Timeline,
): Timeline {
  const count = events.length;
  const tl = into && into.changeDays.length >= count ? into : emptyTimeline(Math.max(16, count));
  if (scratchDays.length < count) {
    scratchDays = new Int32Array(count * 2);
    scratchOrder = new Int32Array(count * 2);
  }
  const days = scratchDays;
  const order = scratchOrder;
  let n = 0;
  for (let i = 0; i < count; i++) {
    const d = toDay(events[i]!.date);
    days[i] = d;
    if (d >= t0 && d <= obsEnd) order[n++] = i;
  }
  sortByDay(order, n, days);

  tl.t0 = t0;
  tl.obsEnd = obsEnd;
  tl.nChanges = 0;
  tl.nLadder = 0;
  tl.nOffsets = 0;
  tl.nWorkStarts = 0;
  tl.nWorkEnds = 0;
  tl.debtIntake = null;
  tl.debtStabilised = null;
  tl.nStress = 0;
  for (let o = 0; o < n; o++) {
    const i = order[o]!;
    const e = events[i]!;
    const d = days[i]!;
    switch (e.type) {
      case 'benefit_end':
      case 'benefit_restart': {
        const off = e.type === 'benefit_end';
        const last = tl.nChanges - 1;
        if (last >= 0 && tl.changeDays[last] === d) {
          // Same day: an end wins over a restart whatever the input order.
          if (off) {
            tl.changeOff[last] = 1;
            tl.changeReason[last] = e.reason ?? 'other';
          }
        } else {
          tl.changeDays[tl.nChanges] = d;
          tl.changeOff[tl.nChanges] = off ? 1 : 0;
          tl.changeReason[tl.nChanges] = off ? (e.reason ?? 'other') : null;
          tl.nChanges++;
        }
        break;
      }
      case 'ladder':
        if (e.value !== null) {
          tl.ladderDays[tl.nLadder] = d;
          tl.ladderSteps[tl.nLadder++] = e.value;
        }
        break;
      case 'offset_income':
        tl.offsetDays[tl.nOffsets] = d;
        tl.offsetCents[tl.nOffsets++] = e.amountCents ?? 0;
        break;
      case 'work_start':
        tl.workStarts[tl.nWorkStarts++] = d;
        break;
      case 'work_end':
        tl.workEnds[tl.nWorkEnds++] = d;
        break;
      case 'debt_intake':
        // Ascending order: the first one seen is the earliest.
        if (tl.debtIntake === null) tl.debtIntake = d;
        break;
      case 'debt_settlement_start':
      case 'debt_stabilised':
      case 'debt_free':
        if (tl.debtStabilised === null) tl.debtStabilised = d;
        break;
      case 'money_stress':
        if (e.value !== null) {
          tl.stressDays[tl.nStress] = d;
          // Tenths keep sums of changes exact integers (scores have at most one decimal).
          tl.stressTenths[tl.nStress++] = Math.round(e.value * 10);
        }
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
  let i = tl.nChanges - 1;
  while (i >= 0 && tl.changeDays[i]! > d) i--;
  return i;
}

/** SPEC's onBenefit(d) for `d >= t0`: on benefit at intake until a change in force says otherwise. */
export function onBenefit(tl: Timeline, d: number): boolean {
  const i = changeInForce(tl, d);
  return i < 0 || tl.changeOff[i] === 0;
}

/**
 * The spells on benefit, as day ranges [from, to): from t0 (everyone is on benefit at intake)
 * to the day a change puts the participant off; `to` is null for a spell still running at
 * obsEnd. Read from the same change list as `onBenefit`, so a same-day end and restart is off.
 * @example benefitSpells(buildTimeline(events, t0, obsEnd)) // [{ from: t0, to: t0 + 40 }]
 */
export function benefitSpells(tl: Timeline): { from: number; to: number | null }[] {
  const spells: { from: number; to: number | null }[] = [];
  let from: number | null = tl.t0;
  for (let i = 0; i < tl.nChanges; i++) {
    const day = tl.changeDays[i]!;
    if (tl.changeOff[i] === 1) {
      if (from !== null && day > from) spells.push({ from, to: day });
      from = null;
    } else if (from === null) from = day;
  }
  if (from !== null) spells.push({ from, to: null });
  return spells;
}

/** Days `d` in [t0, end) with onBenefit(d). */
export function benefitDaysBefore(tl: Timeline, end: number): number {
  let on = true;
  let from = tl.t0;
  let total = 0;
  for (let i = 0; i < tl.nChanges; i++) {
    const d = tl.changeDays[i]!;
    if (d >= end) break;
    if (on) total += d - from;
    from = d;
    on = tl.changeOff[i] === 0;
  }
  if (on && end > from) total += end - from;
  return total;
}

/** True when the participant is off benefit on every day of [from, to]. */
export function offThroughout(tl: Timeline, from: number, to: number): boolean {
  const i = changeInForce(tl, from);
  if (i < 0 || tl.changeOff[i] === 0) return false;
  for (let j = i + 1; j < tl.nChanges && tl.changeDays[j]! <= to; j++) {
    if (tl.changeOff[j] === 0) return false;
  }
  return true;
}

/** Index of the first exit (a day with a benefit_end), or -1. */
export function firstExitIndex(tl: Timeline): number {
  for (let i = 0; i < tl.nChanges; i++) if (tl.changeOff[i] === 1) return i;
  return -1;
}
