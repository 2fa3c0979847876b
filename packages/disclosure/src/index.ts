/**
 * Disclosure control for viewers (SPEC §6), pure and typed on the replies it protects: exact
 * aggregates in, the viewer's rounded reply out. The building blocks (`protectCount`,
 * `protectProportion`, `protectMean`, `protectCurve`, `secondarySuppression`) are for new viewer
 * replies; every reply a viewer can reach goes through one of the `protect*` functions.
 */
export {
  DEFAULT_RULES,
  MONEY_STEP,
  TENTH,
  large,
  protectCount,
  protectDifference,
  protectMean,
  protectProportion,
  roundTo,
  type DisclosureRules,
  type ViewerProportion,
} from './rules.ts';
export { secondarySuppression, secondarySuppressionWithin, shownRange } from './breakdown.ts';
export { protectArm, dropDependents, hiddenPointers, type ArmOutcome } from './arm.ts';
export { protectArms, protectOutcomes, type Rounded } from './outcomes.ts';
export { protectArmMoves, protectLadderMoves } from './ladder-moves.ts';
export { protectCohorts, protectSubgroups } from './subgroups.ts';
export { protectCurve, protectSurvival } from './survival.ts';
export { protectBudget, protectPilot } from './budget.ts';
export {
  protectRouteplanner,
  protectRouteplannerResult,
  type GroupCounts,
} from './routeplanner.ts';
export { hasSmallGroup, verdict } from './verdict.ts';
export { protectStatusByMonth } from './status.ts';
export { protectVariableList } from './variables.ts';
export { protectBalance } from './balance.ts';
