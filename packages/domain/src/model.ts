import type {
  Arm,
  BudgetDomain,
  Education,
  EventType,
  ExitReason,
  Household,
  ReferenceKind,
  Theme,
} from './values.ts';

/** A calendar date as `YYYY-MM-DD` (the zod schema of the same name is in dates.ts). */
type IsoDate = string;

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
  /**
   * Hours per week for `work_start`, the step for `ladder`, the score 0–10 (at most one
   * decimal) for `money_stress`; otherwise null.
   */
  value: number | null;
  /** Only for `offset_income` and `debt_intake` (total debt): the amount in integer euro cents. */
  amountCents: number | null;
}

/** The pilot facts the outcome engine needs. */
export interface PilotFacts {
  dataCompleteThrough: IsoDate;
  monthlyBenefitCents: number | null;
  guidanceCostCents: number | null;
  /**
   * Default guidance cost per arm code, for the arms that declare one (issue 17: a trial's
   * regimes cost different amounts); a participant without a cost takes its arm's, then the
   * pilot's. Absent when no arm declares one.
   */
  armGuidanceCostCents?: Readonly<Record<string, number>>;
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
  /** SPEC §8: until when the participant data are kept. */
  retainUntil: IsoDate;
  /** The date was set by the upgrade, not agreed by anyone: an admin must review it. */
  retentionReview: boolean;
  /** At the date: erase everything, or (where the agreement allows) reduce to the aggregates. */
  retentionAction: RetentionAction;
  /** What was done at the retention date, and when; null before. */
  retentionState: RetentionState | null;
  retentionAppliedAt: string | null;
  processing: ProcessingRecord;
}

export type RetentionAction = 'erase' | 'reduce';
export type RetentionState = 'erased' | 'reduced';

/** A pilot's entry in the register of processing activities (AVG art. 30). */
export interface ProcessingRecord {
  purpose: string | null;
  legalBasis: string | null;
  /** The reference of the data agreement (verwerkersovereenkomst, convenant) it runs under. */
  agreementRef: string | null;
  /** The responsible department. */
  department: string | null;
  contact: string | null;
}

/** The fields of a budget line as stored (money in integer cents); see docs/outcomes-debts.md. */
export interface BudgetLineFields {
  amountCents: number;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  domain: BudgetDomain;
  fundingSource: string;
  description: string | null;
}

export interface BudgetLineRecord extends BudgetLineFields {
  id: string;
  pilotId: string;
  createdAt: string;
  updatedAt: string;
}

/** A municipal reference figure: a general outflow benchmark or a council target. */
export interface ReferenceLineFields {
  kind: ReferenceKind;
  /** Share 0–1. */
  rate: number;
  windowMonths: number;
  period: string;
  source: string;
}

export interface ReferenceLineRecord extends ReferenceLineFields {
  id: string;
  pilotId: string;
  createdAt: string;
}
