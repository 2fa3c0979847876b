export { toDay, fromDay, addMonths, addMonthsCivil, daysInMonth, yearOfDay } from './dates.ts';
export { benefitSpells, buildTimeline, onBenefit, type Timeline } from './timeline.ts';
export {
  deriveParticipant,
  deriveWindowAt,
  participantTimeline,
  timelineFacts,
  windowOf,
  participantSavingsCents,
  type DerivedParticipant,
  type WindowOutcome,
} from './derive.ts';
export {
  wilson,
  newcombe,
  Z95,
  type Proportion,
  type Difference,
  type Interval,
} from './proportions.ts';
export { erfc } from './erfc.ts';
export { logRankK, type LogRankK } from './logrank.ts';
export {
  kaplanMeier,
  logRank,
  numbersAtRisk,
  RISK_TABLE_DAYS,
  type KaplanMeier,
  type KmPoint,
  type LogRank,
  type RiskRow,
  type SurvivalTime,
} from './survival.ts';
export {
  DAYS_PER_MONTH,
  avoidedBenefitCents,
  exactAvoidedCents,
  guidanceCentsFor,
} from './money.ts';
export {
  accumulate,
  addToTotals,
  emptyTotals,
  summarizeArm,
  summarizeOutcomes,
  compareArms,
  primaryArm,
  interventionArms,
  type Comparison,
  type ArmTotals,
  type ArmTotalsByArm,
  type TotalsParticipant,
  type ArmSummary,
  type OutcomeSummary,
  type Savings,
} from './aggregate.ts';
export {
  totalsByArm,
  outcomesFor,
  survivalByArm,
  stabilisationByArm,
  curvesByArm,
  type ArmCurve,
  type SurvivalByArm,
} from './arms.ts';
export {
  summarizeBudget,
  budgetEffectCents,
  type BudgetLineFacts,
  type BudgetSummary,
} from './budget.ts';
export {
  ageBand,
  subgroupValue,
  groupOrder,
  compareGroups,
  compareInOrder,
  summarizeSubgroups,
  type SubgroupValue,
  type SubgroupSummary,
} from './subgroups.ts';
export * from './heterogeneity.ts';
export {
  TimelinePacker,
  packTimelines,
  packedBytes,
  packedWindow,
  packedArm,
  packedGroupValue,
  packedTotals,
  packedStatusByMonth,
  type PackedTimelines,
  type StatusCounts,
  type TotalsPerArm,
} from './packed.ts';
export {
  statusMonths,
  summarizeStatusByMonth,
  type StatusByMonth,
  type StatusPoint,
} from './status.ts';
export * from './models/index.ts';
export {
  followUpsDue,
  FOLLOW_UP_MARKS,
  FOLLOW_UP_TOLERANCE_MONTHS,
  type FollowUpDue,
} from './followup.ts';
export { rateHomogeneity, type RateHomogeneity } from './rate-homogeneity.ts';
export {
  BALANCE_MARK,
  armOrder,
  balanceTable,
  meanSd,
  meanSmd,
  proportionSmd,
  type BalanceField,
  type BalanceRow,
  type BalanceTable,
  type BalanceValue,
  type FieldBalance,
  type LevelBalance,
  type NumericArm,
  type Smd,
} from './balance.ts';
export {
  BASELINE_BALANCE_FIELDS,
  baselineBalanceValues,
  variableBalanceField,
} from './balance-fields.ts';
export {
  LADDER_MOVES,
  MAX_LADDER_MOVE,
  addMove,
  emptyMoveCounts,
  moveCountsOf,
  packedMoveCounts,
  stepsMoved,
  summarizeLadderMoves,
  summarizeLadderMovesByArm,
  type LadderMove,
  type LadderMoveCounts,
  type LadderMoves,
} from './ladder-moves.ts';
