/**
 * The SPEC §3 definitions the demo targets are measured with, written out
 * independently of the generator (and of packages/outcomes) so the tests
 * check the data, not the generator against itself.
 */
import type { Arm, TimelineEvent } from '@wegwijzer/domain';
import type { DemoParticipant, DemoPilot } from './generate.ts';
import { DAYS_PER_MONTH } from '@wegwijzer/outcomes';

/** `m(k)`: `iso` plus `k` calendar months, the day clamped to the month's end. */
export function monthsAfter(iso: string, k: number): string {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + k, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

function nextDay(iso: string): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/** On benefit at `date`: the latest benefit_end/benefit_restart on or before it decides; benefit_end wins a tie. */
export function onBenefit(events: readonly TimelineEvent[], date: string): boolean {
  let latest: string | null = null;
  let on = true;
  for (const e of events) {
    if ((e.type !== 'benefit_end' && e.type !== 'benefit_restart') || e.date > date) continue;
    if (latest === null || e.date > latest) {
      latest = e.date;
      on = e.type === 'benefit_restart';
    } else if (e.date === latest && e.type === 'benefit_end') {
      on = false;
    }
  }
  return on;
}

export function observationEnd(pilot: DemoPilot, p: DemoParticipant): string {
  const ltfu = p.baseline.lostToFollowUpDate;
  const end = pilot.pilot.dataCompleteThrough;
  return ltfu !== null && ltfu < end ? ltfu : end;
}

export function isEvaluable(pilot: DemoPilot, p: DemoParticipant, k: number): boolean {
  return monthsAfter(p.baseline.intakeDate, k) <= observationEnd(pilot, p);
}

export interface ExitFigures {
  evaluable: number;
  pending: number;
  off: number;
  rate: number | null;
}

export function exitAt(
  pilot: DemoPilot,
  k: number,
  filter: (p: DemoParticipant) => boolean = () => true,
): ExitFigures {
  let evaluable = 0;
  let pending = 0;
  let off = 0;
  for (const p of pilot.participants.filter(filter)) {
    if (!isEvaluable(pilot, p, k)) {
      pending++;
      continue;
    }
    evaluable++;
    if (!onBenefit(p.events, monthsAfter(p.baseline.intakeDate, k))) off++;
  }
  return { evaluable, pending, off, rate: evaluable === 0 ? null : off / evaluable };
}

export const inArm = (arm: Arm) => (p: DemoParticipant) => p.baseline.arm === arm;

/** Mean benefit months in `[t0, m(k))` over evaluable participants. */
export function meanBenefitMonths(
  pilot: DemoPilot,
  k: number,
  filter: (p: DemoParticipant) => boolean,
): number {
  const rows = pilot.participants.filter((p) => filter(p) && isEvaluable(pilot, p, k));
  let total = 0;
  for (const p of rows) {
    const end = monthsAfter(p.baseline.intakeDate, k);
    for (let d = p.baseline.intakeDate; d < end; d = nextDay(d))
      if (onBenefit(p.events, d)) total++;
  }
  return total / DAYS_PER_MONTH / rows.length;
}

/** Mean offset income (cents) dated in `[t0, m(k))` over evaluable participants. */
export function meanOffsetIncome(pilot: DemoPilot, k: number): number {
  const rows = pilot.participants.filter((p) => isEvaluable(pilot, p, k));
  let total = 0;
  for (const p of rows) {
    const end = monthsAfter(p.baseline.intakeDate, k);
    for (const e of p.events)
      if (e.type === 'offset_income' && e.date < end) total += e.amountCents ?? 0;
  }
  return total / rows.length;
}

/** Mean guidance cost (cents) of evaluable intervention participants, the pilot default filling gaps. */
export function meanGuidanceCost(pilot: DemoPilot, k: number): number {
  const rows = pilot.participants.filter(
    (p) => p.baseline.arm === 'intervention' && isEvaluable(pilot, p, k),
  );
  const sum = rows.reduce(
    (s, p) => s + (p.baseline.guidanceCostCents ?? pilot.pilot.guidanceCostCents ?? 0),
    0,
  );
  return sum / rows.length;
}

export interface LadderFigures {
  n: number;
  up: number;
  rate: number | null;
  meanChange: number | null;
}

/** Latest ladder step in `[t0, m(k)]` minus the intake step, among evaluable participants with both. */
export function ladderProgress(
  pilot: DemoPilot,
  k: number,
  filter: (p: DemoParticipant) => boolean = () => true,
): LadderFigures {
  let n = 0;
  let up = 0;
  let change = 0;
  for (const p of pilot.participants.filter(filter)) {
    if (!isEvaluable(pilot, p, k) || p.baseline.ladderStep === null) continue;
    const end = monthsAfter(p.baseline.intakeDate, k);
    const last = p.events.filter((e) => e.type === 'ladder' && e.date <= end).at(-1);
    if (last?.value == null) continue;
    n++;
    const delta = last.value - p.baseline.ladderStep;
    change += delta;
    if (delta > 0) up++;
  }
  return { n, up, rate: n === 0 ? null : up / n, meanChange: n === 0 ? null : change / n };
}

/** Share of work starts (with six months observed) without a work_end within six months. */
export function sustainedPlacement(pilot: DemoPilot): { starts: number; rate: number | null } {
  let starts = 0;
  let kept = 0;
  for (const p of pilot.participants) {
    const end = observationEnd(pilot, p);
    for (const s of p.events) {
      if (s.type !== 'work_start') continue;
      const until = monthsAfter(s.date, 6);
      if (until > end) continue;
      starts++;
      if (!p.events.some((e) => e.type === 'work_end' && e.date >= s.date && e.date <= until))
        kept++;
    }
  }
  return { starts, rate: starts === 0 ? null : kept / starts };
}
