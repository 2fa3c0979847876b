/**
 * The baseline covariates a pilot's models may adjust for (SPEC §2's standard baseline fields
 * and the age of §3), and how each enters a design matrix. Motivation and ladder step are
 * ordered scales and enter as one linear term each (five or six levels as dummies would spend
 * most of a small pilot's degrees of freedom); household, education and age band are
 * categories with their first level as reference, as R does with factors; yes/no fields are
 * 0/1 columns.
 */
import {
  AGE_BANDS,
  EDUCATIONS,
  HOUSEHOLDS,
  type Baseline,
  type ModelCovariate,
} from '@wegwijzer/domain/core';
import { yearOfDay, toDay } from '../dates.ts';
import { ageBand } from '../subgroups.ts';
import type { CovariateSpec, CovariateValue } from './design.ts';

const SPECS: Record<ModelCovariate, CovariateSpec> = {
  motivation: { name: 'motivation', kind: 'numeric' },
  ladderStep: { name: 'ladderStep', kind: 'numeric' },
  household: { name: 'household', kind: 'categorical', levels: HOUSEHOLDS },
  hasDebts: { name: 'hasDebts', kind: 'numeric' },
  disability: { name: 'disability', kind: 'numeric' },
  refugeeStatus: { name: 'refugeeStatus', kind: 'numeric' },
  education: { name: 'education', kind: 'categorical', levels: EDUCATIONS },
  age: { name: 'age', kind: 'numeric' },
  ageBand: { name: 'ageBand', kind: 'categorical', levels: AGE_BANDS },
};

/** The design spec of a covariate. */
export function covariateSpec(c: ModelCovariate): CovariateSpec {
  return SPECS[c];
}

/** A covariate's value for one participant; null when missing. */
export function covariateValue(b: Baseline, c: ModelCovariate): CovariateValue {
  switch (c) {
    case 'age':
      return b.birthYear === null ? null : yearOfDay(toDay(b.intakeDate)) - b.birthYear;
    case 'ageBand':
      return b.birthYear === null ? null : ageBand(b.intakeDate, b.birthYear);
    case 'hasDebts':
    case 'disability':
    case 'refugeeStatus':
      return b[c] === null ? null : b[c] ? 1 : 0;
    default:
      return b[c];
  }
}
