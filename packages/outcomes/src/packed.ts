import { ARMS, EXIT_REASONS, SUBGROUP_FIELDS } from '@wegwijzer/domain/core';
import type {
  Arm,
  Baseline,
  PilotFacts,
  SubgroupField,
  TimelineEvent,
} from '@wegwijzer/domain/core';
import { addToTotals, emptyTotals, type ArmTotals, type TotalsParticipant } from './aggregate.ts';
import { addMonthsCivil, civilFromDay } from './dates.ts';
import {
  deriveWindowAt,
  participantTimeline,
  timelineFacts,
  type WindowOutcome,
} from './derive.ts';
import { effectiveGuidanceCents } from './money.ts';
import { subgroupValue, type SubgroupValue } from './subgroups.ts';
import { emptyTimeline, onBenefit, type Timeline } from './timeline.ts';

/**
 * The timelines of a whole pilot packed into a few typed arrays (struct of arrays, one slice per
 * participant), so any window can be derived on demand without reading the database again
 * (ADR 0001, "Any window"). A window is derived by unpacking a participant's slice into one
 * reused `Timeline` and running the engine's own `deriveWindowAt`: there is no second copy of
 * the rules of SPEC §3 here, only storage.
 *
 * Why typed arrays: a national deployment holds a million participants in memory; a million
 * small objects with arrays inside cost several times the memory and make the collector walk
 * them all on every pass, while a few dozen flat arrays cost about 100 bytes a participant.
 */
export interface PackedTimelines {
  n: number;
  /** The caller's id of each participant (storage's row id), for refreshing a pack in part. */
  id: Float64Array;
  /** Index into `armCodes`. */
  arm: Uint8Array;
  /**
   * The arm codes the indexes of `arm` stand for: `ARMS` first (so a two-arm pilot packs as it
   * always did), then a pilot's own codes in order of first appearance.
   */
  armCodes: Arm[];
  t0: Int32Array;
  obsEnd: Int32Array;
  monthlyBenefitCents: Float64Array;
  guidanceCostCents: Float64Array;
  /** Participatieladder step at intake, 0 when not recorded. */
  intakeStep: Uint8Array;
  placementsEligible: Int32Array;
  placementsSustained: Int32Array;
  /** Status changes of participant i are at [changeStart[i], changeStart[i + 1]). */
  changeStart: Int32Array;
  changeDays: Int32Array;
  changeOff: Uint8Array;
  /** Index into `EXIT_REASONS`, or NO_REASON. */
  changeReason: Uint8Array;
  ladderStart: Int32Array;
  ladderDays: Int32Array;
  ladderSteps: Float64Array;
  offsetStart: Int32Array;
  offsetDays: Int32Array;
  offsetCents: Float64Array;
  stressStart: Int32Array;
  stressDays: Int32Array;
  stressTenths: Int32Array;
  /** Day numbers, or NO_DAY. */
  debtIntake: Int32Array;
  debtStabilised: Int32Array;
  /** Per subgroup field: participant i's value is `groups[f].values[groups[f].codes[i]]`. */
  groups: Record<SubgroupField, { codes: Uint8Array; values: SubgroupValue[] }>;
}

const NO_REASON = 255;
const NO_DAY = -2147483648;

/** A growable typed array: packing does not know the number of events in advance. */
class Column<A extends Int32Array | Uint8Array | Float64Array> {
  length = 0;
  constructor(
    private data: A,
    private readonly make: (n: number) => A,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
  done(): A {
    return this.data.slice(0, this.length) as A;
  }
}

const int32 = (n = 1024) => new Column(new Int32Array(n), (m) => new Int32Array(m));
const uint8 = (n = 1024) => new Column(new Uint8Array(n), (m) => new Uint8Array(m));
const float64 = (n = 1024) => new Column(new Float64Array(n), (m) => new Float64Array(m));

/**
 * Packs participants one at a time (so a caller can stream them from storage), then `done()`.
 * @example const b = new TimelinePacker(pilot); b.add(baseline, events); const pack = b.done();
 */
export class TimelinePacker {
  private readonly id = float64();
  private readonly arm = uint8();
  private readonly t0 = int32();
  private readonly obsEnd = int32();
  private readonly benefit = float64();
  private readonly guidance = float64();
  private readonly intakeStep = uint8();
  private readonly eligible = int32();
  private readonly sustained = int32();
  private readonly changeStart = int32();
  private readonly changeDays = int32();
  private readonly changeOff = uint8();
  private readonly changeReason = uint8();
  private readonly ladderStart = int32();
  private readonly ladderDays = int32();
  private readonly ladderSteps = float64();
  private readonly offsetStart = int32();
  private readonly offsetDays = int32();
  private readonly offsetCents = float64();
  private readonly stressStart = int32();
  private readonly stressDays = int32();
  private readonly stressTenths = int32();
  private readonly debtIntake = int32();
  private readonly debtStabilised = int32();
  private readonly groupCodes = SUBGROUP_FIELDS.map(() => uint8());
  private readonly groupValues = SUBGROUP_FIELDS.map(() => [] as SubgroupValue[]);
  private readonly armCodes: Arm[] = [...ARMS];
  private n = 0;

  /** The index of an arm code in `armCodes`, adding it on first sight. */
  private armIndex(code: Arm): number {
    const i = this.armCodes.indexOf(code);
    return i >= 0 ? i : this.armCodes.push(code) - 1;
  }

  constructor(private readonly pilot: PilotFacts) {}

  /** Pack one participant, `id` being the caller's key for it. */
  add(baseline: Baseline, events: readonly TimelineEvent[], id = this.n): void {
    const tl = participantTimeline(baseline, events, this.pilot);
    const facts = timelineFacts(tl);
    this.id.push(id);
    this.arm.push(this.armIndex(baseline.arm));
    this.t0.push(tl.t0);
    this.obsEnd.push(tl.obsEnd);
    this.benefit.push(baseline.monthlyBenefitCents ?? this.pilot.monthlyBenefitCents ?? 0);
    this.guidance.push(effectiveGuidanceCents(baseline, this.pilot));
    this.intakeStep.push(baseline.ladderStep ?? 0);
    this.eligible.push(facts.placements.eligible);
    this.sustained.push(facts.placements.sustained);
    this.changeStart.push(this.changeDays.length);
    for (let i = 0; i < tl.nChanges; i++) {
      this.changeDays.push(tl.changeDays[i]!);
      this.changeOff.push(tl.changeOff[i]!);
      const reason = tl.changeReason[i];
      this.changeReason.push(reason ? EXIT_REASONS.indexOf(reason) : NO_REASON);
    }
    this.ladderStart.push(this.ladderDays.length);
    for (let i = 0; i < tl.nLadder; i++) {
      this.ladderDays.push(tl.ladderDays[i]!);
      this.ladderSteps.push(tl.ladderSteps[i]!);
    }
    this.offsetStart.push(this.offsetDays.length);
    for (let i = 0; i < tl.nOffsets; i++) {
      this.offsetDays.push(tl.offsetDays[i]!);
      this.offsetCents.push(tl.offsetCents[i]!);
    }
    this.stressStart.push(this.stressDays.length);
    for (let i = 0; i < tl.nStress; i++) {
      this.stressDays.push(tl.stressDays[i]!);
      this.stressTenths.push(tl.stressTenths[i]!);
    }
    this.debtIntake.push(tl.debtIntake ?? NO_DAY);
    this.debtStabilised.push(tl.debtStabilised ?? NO_DAY);
    SUBGROUP_FIELDS.forEach((field, f) => {
      const v = subgroupValue(baseline, field);
      const values = this.groupValues[f]!;
      let code = values.indexOf(v);
      if (code < 0) code = values.push(v) - 1;
      this.groupCodes[f]!.push(code);
    });
    this.n++;
  }

  /**
   * Copy participant i of an existing pack (packed for the same pilot facts) as it is, without
   * deriving it again: a pack refreshed after a write copies everyone the write did not touch.
   */
  copy(p: PackedTimelines, i: number): void {
    this.id.push(p.id[i]!);
    this.arm.push(this.armIndex(p.armCodes[p.arm[i]!]!));
    this.t0.push(p.t0[i]!);
    this.obsEnd.push(p.obsEnd[i]!);
    this.benefit.push(p.monthlyBenefitCents[i]!);
    this.guidance.push(p.guidanceCostCents[i]!);
    this.intakeStep.push(p.intakeStep[i]!);
    this.eligible.push(p.placementsEligible[i]!);
    this.sustained.push(p.placementsSustained[i]!);
    this.changeStart.push(this.changeDays.length);
    for (let j = p.changeStart[i]!; j < p.changeStart[i + 1]!; j++) {
      this.changeDays.push(p.changeDays[j]!);
      this.changeOff.push(p.changeOff[j]!);
      this.changeReason.push(p.changeReason[j]!);
    }
    this.ladderStart.push(this.ladderDays.length);
    for (let j = p.ladderStart[i]!; j < p.ladderStart[i + 1]!; j++) {
      this.ladderDays.push(p.ladderDays[j]!);
      this.ladderSteps.push(p.ladderSteps[j]!);
    }
    this.offsetStart.push(this.offsetDays.length);
    for (let j = p.offsetStart[i]!; j < p.offsetStart[i + 1]!; j++) {
      this.offsetDays.push(p.offsetDays[j]!);
      this.offsetCents.push(p.offsetCents[j]!);
    }
    this.stressStart.push(this.stressDays.length);
    for (let j = p.stressStart[i]!; j < p.stressStart[i + 1]!; j++) {
      this.stressDays.push(p.stressDays[j]!);
      this.stressTenths.push(p.stressTenths[j]!);
    }
    this.debtIntake.push(p.debtIntake[i]!);
    this.debtStabilised.push(p.debtStabilised[i]!);
    SUBGROUP_FIELDS.forEach((field, f) => {
      const g = p.groups[field];
      const v = g.values[g.codes[i]!]!;
      const values = this.groupValues[f]!;
      let code = values.indexOf(v);
      if (code < 0) code = values.push(v) - 1;
      this.groupCodes[f]!.push(code);
    });
    this.n++;
  }

  done(): PackedTimelines {
    // One past the last participant closes every slice.
    this.changeStart.push(this.changeDays.length);
    this.ladderStart.push(this.ladderDays.length);
    this.offsetStart.push(this.offsetDays.length);
    this.stressStart.push(this.stressDays.length);
    const groups = Object.fromEntries(
      SUBGROUP_FIELDS.map((field, f) => [
        field,
        { codes: this.groupCodes[f]!.done(), values: this.groupValues[f]! },
      ]),
    ) as PackedTimelines['groups'];
    return {
      n: this.n,
      id: this.id.done(),
      arm: this.arm.done(),
      armCodes: [...this.armCodes],
      t0: this.t0.done(),
      obsEnd: this.obsEnd.done(),
      monthlyBenefitCents: this.benefit.done(),
      guidanceCostCents: this.guidance.done(),
      intakeStep: this.intakeStep.done(),
      placementsEligible: this.eligible.done(),
      placementsSustained: this.sustained.done(),
      changeStart: this.changeStart.done(),
      changeDays: this.changeDays.done(),
      changeOff: this.changeOff.done(),
      changeReason: this.changeReason.done(),
      ladderStart: this.ladderStart.done(),
      ladderDays: this.ladderDays.done(),
      ladderSteps: this.ladderSteps.done(),
      offsetStart: this.offsetStart.done(),
      offsetDays: this.offsetDays.done(),
      offsetCents: this.offsetCents.done(),
      stressStart: this.stressStart.done(),
      stressDays: this.stressDays.done(),
      stressTenths: this.stressTenths.done(),
      debtIntake: this.debtIntake.done(),
      debtStabilised: this.debtStabilised.done(),
      groups,
    };
  }
}

/** Pack a whole list of participants at once. */
export function packTimelines(
  participants: readonly { baseline: Baseline; events: readonly TimelineEvent[] }[],
  pilot: PilotFacts,
): PackedTimelines {
  const packer = new TimelinePacker(pilot);
  for (const p of participants) packer.add(p.baseline, p.events);
  return packer.done();
}

/** Approximate bytes held by a pack, for the cache's budget. */
export function packedBytes(p: PackedTimelines): number {
  let bytes = 0;
  for (const v of Object.values(p)) if (ArrayBuffer.isView(v)) bytes += v.byteLength;
  return bytes + p.n * SUBGROUP_FIELDS.length;
}

let scratch = emptyTimeline(64);

/** Copy participant i's slice of the pack into the reused timeline (work events are not kept). */
function unpack(p: PackedTimelines, i: number): Timeline {
  const from = p.changeStart[i]!;
  const nChanges = p.changeStart[i + 1]! - from;
  const lFrom = p.ladderStart[i]!;
  const nLadder = p.ladderStart[i + 1]! - lFrom;
  const oFrom = p.offsetStart[i]!;
  const nOffsets = p.offsetStart[i + 1]! - oFrom;
  const sFrom = p.stressStart[i]!;
  const nStress = p.stressStart[i + 1]! - sFrom;
  const need = Math.max(nChanges, nLadder, nOffsets, nStress);
  if (scratch.changeDays.length < need) scratch = emptyTimeline(need * 2);
  const tl = scratch;
  tl.t0 = p.t0[i]!;
  tl.obsEnd = p.obsEnd[i]!;
  tl.nChanges = nChanges;
  for (let j = 0; j < nChanges; j++) {
    tl.changeDays[j] = p.changeDays[from + j]!;
    tl.changeOff[j] = p.changeOff[from + j]!;
    const r = p.changeReason[from + j]!;
    tl.changeReason[j] = r === NO_REASON ? null : EXIT_REASONS[r]!;
  }
  tl.nLadder = nLadder;
  for (let j = 0; j < nLadder; j++) {
    tl.ladderDays[j] = p.ladderDays[lFrom + j]!;
    tl.ladderSteps[j] = p.ladderSteps[lFrom + j]!;
  }
  tl.nOffsets = nOffsets;
  for (let j = 0; j < nOffsets; j++) {
    tl.offsetDays[j] = p.offsetDays[oFrom + j]!;
    tl.offsetCents[j] = p.offsetCents[oFrom + j]!;
  }
  tl.nStress = nStress;
  for (let j = 0; j < nStress; j++) {
    tl.stressDays[j] = p.stressDays[sFrom + j]!;
    tl.stressTenths[j] = p.stressTenths[sFrom + j]!;
  }
  tl.nWorkStarts = 0;
  tl.nWorkEnds = 0;
  const intake = p.debtIntake[i]!;
  const stabilised = p.debtStabilised[i]!;
  tl.debtIntake = intake === NO_DAY ? null : intake;
  tl.debtStabilised = stabilised === NO_DAY ? null : stabilised;
  return tl;
}

/** Participant i's outcome at window `k`, exactly as `deriveParticipant` would give it. */
export function packedWindow(p: PackedTimelines, i: number, k: number): WindowOutcome {
  const step = p.intakeStep[i]!;
  return deriveWindowAt(unpack(p, i), step === 0 ? null : step, k);
}

/** Participant i's arm. */
export function packedArm(p: PackedTimelines, i: number): Arm {
  return p.armCodes[p.arm[i]!]!;
}

/** Participant i's value of a subgroup field (SPEC §3), as `subgroupValue` gives it. */
export function packedGroupValue(
  p: PackedTimelines,
  i: number,
  field: SubgroupField,
): SubgroupValue {
  const g = p.groups[field];
  return g.values[g.codes[i]!]!;
}

/** Window-`k` totals per arm (indexed as the pack's `armCodes`) of one group of participants. */
export type TotalsPerArm = ArmTotals[];

/**
 * Window-`k` totals per group and arm, summed with the same `addToTotals` as `accumulate`.
 * `groupOf(i)` names participant i's group (a constant for the whole pilot).
 */
export function packedTotals<G>(
  p: PackedTimelines,
  k: number,
  groupOf: (i: number) => G,
): Map<G, TotalsPerArm> {
  const out = new Map<G, TotalsPerArm>();
  // One mutable participant record, refilled: no allocation per participant but the window.
  const who: TotalsParticipant & { placements: { eligible: number; sustained: number } } = {
    arm: 'intervention',
    monthlyBenefitCents: 0,
    guidanceCostCents: 0,
    placements: { eligible: 0, sustained: 0 },
  };
  for (let i = 0; i < p.n; i++) {
    const g = groupOf(i);
    let arms = out.get(g);
    if (!arms) out.set(g, (arms = p.armCodes.map(() => emptyTotals(k))));
    who.arm = p.armCodes[p.arm[i]!]!;
    who.monthlyBenefitCents = p.monthlyBenefitCents[i]!;
    who.guidanceCostCents = p.guidanceCostCents[i]!;
    who.placements.eligible = p.placementsEligible[i]!;
    who.placements.sustained = p.placementsSustained[i]!;
    addToTotals(arms[p.arm[i]!]!, who, packedWindow(p, i, k));
  }
  return out;
}

/** Evaluable and off-benefit counts at m(m) for m = 1…months, per arm (indexed as `arms`). */
export interface StatusCounts {
  months: number;
  /** The arm codes of the indexes, the pack's `armCodes`. */
  arms: Arm[];
  /** `evaluable[a][m - 1]` and `off[a][m - 1]` for arm index a. */
  evaluable: Int32Array[];
  off: Int32Array[];
}

/**
 * Status by month (SPEC §3) of every packed participant: at each m(m) up to `months`, whether
 * evaluable (m(m) <= obsEnd) and then whether off benefit (`onBenefit`, the rule that
 * `deriveWindowAt` applies at m(k)). Marks grow with m, so a participant's loop stops at the
 * first mark past obsEnd.
 */
export function packedStatusByMonth(p: PackedTimelines, months: number): StatusCounts {
  const evaluable = p.armCodes.map(() => new Int32Array(months));
  const off = p.armCodes.map(() => new Int32Array(months));
  for (let i = 0; i < p.n; i++) {
    const tl = unpack(p, i);
    const a = p.arm[i]!;
    const c = civilFromDay(tl.t0);
    for (let m = 1; m <= months; m++) {
      const mark = addMonthsCivil(c.year, c.month, c.day, m);
      if (mark > tl.obsEnd) break;
      evaluable[a]![m - 1]!++;
      if (!onBenefit(tl, mark)) off[a]![m - 1]!++;
    }
  }
  return { months, arms: [...p.armCodes], evaluable, off };
}
