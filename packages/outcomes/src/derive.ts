import { WINDOWS } from '@wegwijzer/domain/core';
import { observationEndDay } from './observation.ts';
import type { Arm, Baseline, ExitReason, PilotFacts, TimelineEvent } from '@wegwijzer/domain/core';
import { addMonthsCivil, civilFromDay, toDay } from './dates.ts';
import { effectiveGuidanceCents, exactAvoidedCents, guidanceCentsFor } from './money.ts';
import {
  benefitDaysBefore,
  buildTimeline,
  changeInForce,
  firstExitIndex,
  offThroughout,
  emptyTimeline,
  type Timeline,
} from './timeline.ts';

// One timeline refilled for every participant (derivation is synchronous), so deriving a
// million participants does not allocate a million timelines.
let scratch = emptyTimeline();

/** A participant's outcomes at one window of `months` after intake (SPEC §3). */
export interface WindowOutcome {
  months: number;
  /** m(k) as a day number. */
  mark: number;
  /** m(k) <= obsEnd; a participant who is not evaluable is pending. */
  evaluable: boolean;
  /** Off benefit at m(k); false when not evaluable. */
  offBenefit: boolean;
  /** Reason of the benefit_end in force at m(k); null unless off benefit. */
  route: ExitReason | null;
  /** Off benefit every day of [m(k-6), m(k)]; null for k < 6, false when not evaluable. */
  sustained: boolean | null;
  /** Days in [t0, m(k)) on benefit; null when not evaluable (the window is not observed). */
  benefitDays: number | null;
  /** Days in [t0, m(k)) off benefit; null when not evaluable. */
  offDays: number | null;
  /** Sum of offset income dated in [t0, m(k)), in cents; null when not evaluable. */
  offsetCents: number | null;
  /** Intake step and the latest step measured in [t0, m(k)]; null when either is missing. */
  ladder: { intake: number; latest: number } | null;
  /**
   * Debts at m(k) (docs/outcomes-debts.md): `intake` when a debt_intake is dated in [t0, m(k)];
   * `stabilised` when also a settlement start, stabilisation or debt-free event is. Null when
   * not evaluable.
   */
  debts: { intake: boolean; stabilised: boolean } | null;
  /**
   * Latest minus earliest money-stress score dated in [t0, m(k)], in tenths of a point; null
   * with fewer than two scores or when not evaluable.
   */
  moneyStressChangeTenths: number | null;
}

/** Everything the aggregates need from one participant, as plain data. */
export interface DerivedParticipant {
  arm: Arm;
  /** Intake and observation end as day numbers (see `fromDay`). */
  t0: number;
  obsEnd: number;
  /** Effective amounts: the participant's own, else the pilot default, else 0. */
  monthlyBenefitCents: number;
  guidanceCostCents: number;
  /**
   * One entry per requested window, in the order asked (look one up with `windowOf`). An array
   * rather than a record keyed by months: integer keys 6…36 make a sparse object that costs
   * twice the memory and time when a million participants are derived.
   */
  windows: WindowOutcome[];
  /** Time to first exit for Kaplan–Meier; `days` may be negative when obsEnd < t0. */
  firstExit: { days: number; censored: boolean };
  /** Job starts observable for six months, and those without a work_end in that span. */
  placements: { eligible: number; sustained: number };
  /**
   * Time to debt stabilisation for Kaplan–Meier: days from t0 to the first stabilising event on
   * or before obsEnd, else censored at obsEnd; null without a debt_intake in [t0, obsEnd].
   */
  debtStabilisation: { days: number; censored: boolean } | null;
}

/**
 * Derive one participant's outcomes for every window (SPEC §3).
 * @example windowOf(deriveParticipant(baseline, events, pilot), 12)?.offBenefit
 */
export function deriveParticipant(
  baseline: Baseline,
  events: readonly TimelineEvent[],
  pilot: PilotFacts,
  windows: readonly number[] = WINDOWS,
): DerivedParticipant {
  const tl = participantTimeline(baseline, events, pilot);
  const t0 = tl.t0;
  const obsEnd = tl.obsEnd;
  const c = civilFromDay(t0);

  const out: WindowOutcome[] = [];
  for (const k of windows) {
    out.push(deriveWindow(tl, baseline.ladderStep, k, c.year, c.month, c.day));
  }

  return {
    arm: baseline.arm,
    t0,
    obsEnd,
    monthlyBenefitCents: baseline.monthlyBenefitCents ?? pilot.monthlyBenefitCents ?? 0,
    guidanceCostCents: effectiveGuidanceCents(baseline, pilot),
    windows: out,
    firstExit: firstExit(tl),
    placements: placements(tl),
    debtStabilisation: debtStabilisation(tl),
  };
}

/**
 * A participant's timeline from intake to observation end (SPEC §3's `t0` and `obsEnd`). The
 * timeline returned is shared scratch, valid until the next call: copy what must outlive it.
 */
export function participantTimeline(
  baseline: Baseline,
  events: readonly TimelineEvent[],
  pilot: PilotFacts,
): Timeline {
  const t0 = toDay(baseline.intakeDate);
  const obsEnd = observationEndDay(
    toDay(pilot.dataCompleteThrough),
    baseline.lostToFollowUpDate === null ? null : toDay(baseline.lostToFollowUpDate),
  );
  const tl = buildTimeline(events, t0, obsEnd, scratch);
  scratch = tl; // keeps a grown timeline for the next participant
  return tl;
}

/**
 * The outcome of any whole window `k` from a timeline: the same derivation as
 * `deriveParticipant`, for callers that keep timelines of their own (see `packed.ts`).
 */
export function deriveWindowAt(tl: Timeline, intakeStep: number | null, k: number): WindowOutcome {
  const c = civilFromDay(tl.t0);
  return deriveWindow(tl, intakeStep, k, c.year, c.month, c.day);
}

/** Window-free facts of a timeline: time to first exit, placements, debt stabilisation. */
export function timelineFacts(
  tl: Timeline,
): Pick<DerivedParticipant, 'firstExit' | 'placements' | 'debtStabilisation'> {
  return {
    firstExit: firstExit(tl),
    placements: placements(tl),
    debtStabilisation: debtStabilisation(tl),
  };
}

/** The outcome of window `k` months, or undefined when it was not derived. */
export function windowOf(
  p: Pick<DerivedParticipant, 'windows'>,
  k: number,
): WindowOutcome | undefined {
  for (const w of p.windows) if (w.months === k) return w;
  return undefined;
}

function deriveWindow(
  tl: Timeline,
  intakeStep: number | null,
  k: number,
  y: number,
  m: number,
  d: number,
): WindowOutcome {
  const mark = addMonthsCivil(y, m, d, k);
  if (mark > tl.obsEnd) {
    return {
      months: k,
      mark,
      evaluable: false,
      offBenefit: false,
      route: null,
      sustained: k < 6 ? null : false,
      benefitDays: null,
      offDays: null,
      offsetCents: null,
      ladder: null,
      debts: null,
      moneyStressChangeTenths: null,
    };
  }
  const i = changeInForce(tl, mark);
  const off = i >= 0 && tl.changeOff[i] === 1;
  const benefitDays = benefitDaysBefore(tl, mark);

  let offset = 0;
  for (let j = 0; j < tl.nOffsets; j++) {
    if (tl.offsetDays[j]! < mark) offset += tl.offsetCents[j]!;
  }

  let ladder: WindowOutcome['ladder'] = null;
  if (intakeStep !== null) {
    // Ascending by day with same-day input order kept, so the last one <= m(k) is the latest.
    let j = tl.nLadder - 1;
    while (j >= 0 && tl.ladderDays[j]! > mark) j--;
    if (j >= 0) ladder = { intake: intakeStep, latest: tl.ladderSteps[j]! };
  }

  return {
    months: k,
    mark,
    evaluable: true,
    offBenefit: off,
    route: off ? (tl.changeReason[i] ?? 'other') : null,
    sustained: k < 6 ? null : off && offThroughout(tl, addMonthsCivil(y, m, d, k - 6), mark),
    benefitDays,
    offDays: mark - tl.t0 - benefitDays,
    offsetCents: offset,
    ladder,
    debts: debtsAt(tl, mark),
    moneyStressChangeTenths: stressChangeAt(tl, mark),
  };
}

function debtsAt(tl: Timeline, mark: number): WindowOutcome['debts'] {
  const intake = tl.debtIntake !== null && tl.debtIntake <= mark;
  return { intake, stabilised: intake && tl.debtStabilised !== null && tl.debtStabilised <= mark };
}

function stressChangeAt(tl: Timeline, mark: number): number | null {
  // Scores are within [t0, obsEnd] and ascending, so the earliest in the window is the first.
  let j = tl.nStress - 1;
  while (j >= 0 && tl.stressDays[j]! > mark) j--;
  return j >= 1 ? tl.stressTenths[j]! - tl.stressTenths[0]! : null;
}

function debtStabilisation(tl: Timeline): DerivedParticipant['debtStabilisation'] {
  if (tl.debtIntake === null) return null;
  return tl.debtStabilised !== null
    ? { days: tl.debtStabilised - tl.t0, censored: false }
    : { days: tl.obsEnd - tl.t0, censored: true };
}

function firstExit(tl: Timeline): DerivedParticipant['firstExit'] {
  // Change days are within [t0, obsEnd] and a day is "off" exactly when it has a benefit_end.
  const i = firstExitIndex(tl);
  return i >= 0
    ? { days: tl.changeDays[i]! - tl.t0, censored: false }
    : { days: tl.obsEnd - tl.t0, censored: true };
}

function placements(tl: Timeline): DerivedParticipant['placements'] {
  let eligible = 0;
  let sustained = 0;
  for (let s = 0; s < tl.nWorkStarts; s++) {
    const start = tl.workStarts[s]!;
    const c = civilFromDay(start);
    const until = addMonthsCivil(c.year, c.month, c.day, 6);
    if (until > tl.obsEnd) continue;
    eligible++;
    let ended = false;
    for (let e = 0; e < tl.nWorkEnds && !ended; e++) {
      const d = tl.workEnds[e]!;
      ended = d >= start && d <= until;
    }
    if (!ended) sustained++;
  }
  return { eligible, sustained };
}

/**
 * A participant's savings in window `k`, in cents (avoided benefit unrounded), for exports.
 * Null when the window is not evaluable. Guidance cost counts for the intervention arm only.
 */
export function participantSavingsCents(
  p: DerivedParticipant,
  k: number,
): { avoidedBenefit: number; offsetIncome: number; guidanceCost: number; net: number } | null {
  const w = windowOf(p, k);
  if (!w || !w.evaluable) return null;
  const avoidedBenefit = exactAvoidedCents((w.offDays ?? 0) * p.monthlyBenefitCents);
  const offsetIncome = w.offsetCents ?? 0;
  const guidanceCost = guidanceCentsFor(p.arm, p.guidanceCostCents);
  return {
    avoidedBenefit,
    offsetIncome,
    guidanceCost,
    net: avoidedBenefit + offsetIncome - guidanceCost,
  };
}
