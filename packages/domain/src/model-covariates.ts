/**
 * The baseline covariates the regression models may adjust for: SPEC §2's standard baseline
 * fields, age at intake (years) and age band. Their encoding lives in
 * @wegwijzer/outcomes (models/covariates.ts).
 */
export const MODEL_COVARIATES = [
  'motivation',
  'ladderStep',
  'household',
  'hasDebts',
  'disability',
  'refugeeStatus',
  'education',
  'age',
  'ageBand',
] as const;
export type ModelCovariate = (typeof MODEL_COVARIATES)[number];
