import type { Arm, Education, EventType, ExitReason, Household, Theme } from './enums.ts';
import type { IsoDate } from './dates.ts';

/**
 * A participant's baseline as the outcome engine and storage see it.
 * Money is in integer euro cents so sums never drift.
 */
export interface Baseline {
  arm: Arm;
  intakeDate: IsoDate;
  monthlyBenefitCents: number | null;
  guidanceCostCents: number | null;
  household: Household | null;
  birthYear: number | null;
  motivation: number | null;
  ladderStep: number | null;
  hasDebts: boolean | null;
  disability: boolean | null;
  refugeeStatus: boolean | null;
  education: Education | null;
  lostToFollowUpDate: IsoDate | null;
}

/** One dated fact on a participant's timeline. */
export interface TimelineEvent {
  type: EventType;
  date: IsoDate;
  /** Only for `benefit_end`; `null` counts as `other`. */
  reason: ExitReason | null;
  /** Hours per week for `work_start`, the step for `ladder`; otherwise null. */
  value: number | null;
  /** Only for `offset_income`: the amount in integer euro cents. */
  amountCents: number | null;
}

/** The pilot facts the outcome engine needs. */
export interface PilotFacts {
  dataCompleteThrough: IsoDate;
  monthlyBenefitCents: number | null;
  guidanceCostCents: number | null;
}

export interface PilotRecord extends PilotFacts {
  id: string;
  name: string;
  municipality: string;
  theme: Theme;
  startDate: IsoDate;
  targetGroup: string | null;
  description: string | null;
  synthetic: boolean;
}
