export { coxph, type CoxFit, type CoxOptions, type SurvivalData } from './cox.ts';
export { coxZph, type Zph, type ZphTerm, type ZphTest } from './zph.ts';
export {
  logistic,
  standardisedDifference,
  type BinaryData,
  type LogisticFit,
  type StandardisedDifference,
} from './logistic.ts';
export {
  designMatrix,
  type CovariateSpec,
  type CovariateValue,
  type Design,
  type DesignColumn,
} from './design.ts';
export { sampleSize, detectableP2, powerOfTwoProportions, type SampleSize } from './power.ts';
export {
  forecast,
  type ArmForecast,
  type ForecastInput,
  type ForecastParticipant,
} from './forecast.ts';
export { pnorm, qnorm, pchisqUpper, twoSidedP, Z975 } from './distributions.ts';
export type { ModelFailure, ModelFailureReason, ModelResult } from './result.ts';
export { covariateSpec, covariateValue } from './covariates.ts';
export {
  armAgainstControl,
  analyseCox,
  analyseDifference,
  type CoxAnalysis,
  type DifferenceAnalysis,
  type EffectFailure,
  type HazardRatio,
  type RiskDifference,
  type Coefficient,
  type ModelParticipant,
} from './analyse.ts';
