/**
 * The pilot-level models of the Analyse page: an intervention arm against control, unadjusted
 * and adjusted for chosen baseline covariates, on the same complete cases so the two can be read
 * side by side. Plain data in (a participant's arm, baseline and derived outcomes), plain data
 * out. The participants given are those of one intervention arm and of control: a pilot with
 * several intervention arms is modelled one arm at a time (`armAgainstControl`).
 */
import { CONTROL_ARM, type Arm, type Baseline, type ModelCovariate } from '@wegwijzer/domain/core';
import { newcombe } from '../proportions.ts';
import { coxph } from './cox.ts';
import { Z975 } from './distributions.ts';
import { covariateSpec, covariateValue } from './covariates.ts';
import { designMatrix, type CovariateValue, type Design } from './design.ts';
import { logistic, standardisedDifference } from './logistic.ts';
import type { ModelFailureReason } from './result.ts';
import { coxZph, type Zph } from './zph.ts';

/** One participant as the models need them. */
export interface ModelParticipant {
  baseline: Baseline;
  /** Days to the first benefit_end on or before obsEnd, or to obsEnd when censored. */
  firstExit: { days: number; event: boolean };
  /** At the window asked for. */
  evaluable: boolean;
  offBenefit: boolean;
}

/** A model that gave no estimate, with the covariate concerned where there is one. */
export interface EffectFailure {
  ok: false;
  reason: ModelFailureReason;
  /** `arm` or a covariate name. */
  covariate: string | null;
}

export interface Coefficient {
  /** Design column: `arm` (the intervention arm = 1), a covariate, or a covariate with its level. */
  name: string;
  coef: number;
  se: number;
  /** exp(coef): the hazard ratio (Cox) or odds ratio (logistic). */
  ratio: number;
  ci95: [number, number];
  p: number;
}

export interface HazardRatio {
  ok: true;
  hazardRatio: number;
  ci95: [number, number];
  p: number;
  coefficients: Coefficient[];
}

export interface CoxAnalysis {
  covariates: ModelCovariate[];
  /** People in the models (complete cases) and those left out for a missing covariate. */
  n: number;
  excluded: number;
  events: number;
  unadjusted: HazardRatio | EffectFailure;
  /** Null without covariates. */
  adjusted: HazardRatio | EffectFailure | null;
  /** cox.zph of the adjusted model (the unadjusted one without covariates). */
  proportionalHazards: Zph | null;
}

const failure = (reason: ModelFailureReason, design: Design, column?: number): EffectFailure => ({
  ok: false,
  reason,
  covariate: column === undefined ? null : (design.columns[column]?.covariate ?? null),
});

/** A categorical covariate with one level among the complete cases has no column to adjust by. */
function oneLevel(design: Design): EffectFailure | null {
  const c = design.singleLevel[0];
  return c === undefined ? null : { ok: false, reason: 'constant_covariate', covariate: c };
}

/**
 * The participants of intervention arm `arm` and of control, the two groups one model compares.
 * @example analyseCox(armAgainstControl(people, 'vrijstelling'), []).unadjusted
 */
export function armAgainstControl<T extends { baseline: Baseline }>(
  people: readonly T[],
  arm: Arm,
): T[] {
  return people.filter((p) => p.baseline.arm === arm || p.baseline.arm === CONTROL_ARM);
}

function withArm(
  people: readonly { baseline: Baseline }[],
  covariates: readonly ModelCovariate[],
): Record<string, CovariateValue>[] {
  return people.map((p) => {
    const row: Record<string, CovariateValue> = { arm: p.baseline.arm === CONTROL_ARM ? 0 : 1 };
    for (const c of covariates) row[c] = covariateValue(p.baseline, c);
    return row;
  });
}

const specsOf = (covariates: readonly ModelCovariate[]) => [
  { name: 'arm', kind: 'numeric' as const },
  ...covariates.map(covariateSpec),
];

/**
 * Cox models of time to first exit, intervention against control.
 * @example analyseCox(participants, ['motivation', 'household']).adjusted
 */
export function analyseCox(
  participants: readonly ModelParticipant[],
  covariates: readonly ModelCovariate[],
): CoxAnalysis {
  const design = designMatrix(withArm(participants, covariates), specsOf(covariates));
  const used = design.rows.map((i) => participants[i]!);
  const time = used.map((p) => p.firstExit.days);
  const event = used.map((p) => p.firstExit.event);
  const fitOf = (x: number[][], columns: Design['columns']) => {
    const fit = coxph({ time, event, x });
    if (!fit.ok) return { fit, effect: failure(fit.reason, design, fit.column) };
    const coefficients = columns.map((c, j) => ({
      name: c.name,
      coef: fit.coef[j]!,
      se: fit.se[j]!,
      ratio: fit.hazardRatio[j]!,
      ci95: fit.ci95[j]!,
      p: fit.p[j]!,
    }));
    const effect: HazardRatio = {
      ok: true,
      hazardRatio: fit.hazardRatio[0]!,
      ci95: fit.ci95[0]!,
      p: fit.p[0]!,
      coefficients,
    };
    return { fit, effect };
  };
  const unadjusted = fitOf(
    design.x.map((r) => [r[0]!]),
    design.columns.slice(0, 1),
  );
  const single = oneLevel(design);
  const adjusted = covariates.length === 0 ? null : (single ?? fitOf(design.x, design.columns));
  // The PH check belongs to the model shown last: the adjusted one, or the unadjusted alone.
  const checked = covariates.length === 0 ? unadjusted : adjusted;
  const terms = covariates.length === 0 ? design.terms.slice(0, 1) : design.terms;
  const x = covariates.length === 0 ? design.x.map((r) => [r[0]!]) : design.x;
  const proportionalHazards =
    checked !== null && 'fit' in checked && checked.fit.ok
      ? coxZph({ time, event, x }, checked.fit, terms)
      : null;
  return {
    covariates: [...covariates],
    n: used.length,
    excluded: design.excluded,
    events: event.filter(Boolean).length,
    unadjusted: unadjusted.effect,
    adjusted: adjusted === null ? null : 'fit' in adjusted ? adjusted.effect : adjusted,
    proportionalHazards,
  };
}

export interface RiskDifference {
  ok: true;
  /** Intervention minus control, as a proportion. */
  difference: number;
  ci95: [number, number];
  /** Mean predicted probability with everyone in the intervention arm, and in control. */
  risk1: number;
  risk0: number;
  p: number | null;
  coefficients: Coefficient[];
}

export interface DifferenceAnalysis {
  covariates: ModelCovariate[];
  /** Evaluable complete cases in the models; evaluable left out; pending (never in a model). */
  n: number;
  excluded: number;
  pending: number;
  /** The raw difference with Newcombe's interval, among the same people. */
  unadjusted: RiskDifference | EffectFailure;
  /** g-computation from the logistic model; null without covariates. */
  adjusted: RiskDifference | EffectFailure | null;
}

/**
 * Off benefit at k among the evaluable: the raw difference and the standardised difference of
 * a logistic model with the covariates.
 */
export function analyseDifference(
  participants: readonly ModelParticipant[],
  covariates: readonly ModelCovariate[],
): DifferenceAnalysis {
  const evaluable = participants.filter((p) => p.evaluable);
  const design = designMatrix(withArm(evaluable, covariates), specsOf(covariates));
  const used = design.rows.map((i) => evaluable[i]!);
  const y = used.map((p) => p.offBenefit);
  const arm = design.x.map((r) => r[0]!);
  const n1 = arm.filter((a) => a === 1).length;
  const x1 = y.filter((v, i) => v && arm[i] === 1).length;
  const x0 = y.filter((v, i) => v && arm[i] === 0).length;
  const raw = newcombe(x1, n1, x0, used.length - n1);
  const unadjusted: RiskDifference | EffectFailure =
    raw === null
      ? failure('constant_covariate', design, 0)
      : {
          ok: true,
          difference: raw.rate,
          ci95: raw.ci95,
          risk1: x1 / n1,
          risk0: x0 / (used.length - n1),
          p: null,
          coefficients: [],
        };
  let adjusted: RiskDifference | EffectFailure | null = null;
  if (covariates.length > 0) adjusted = oneLevel(design);
  if (covariates.length > 0 && adjusted === null) {
    const fit = logistic({ y, x: design.x });
    if (!fit.ok) adjusted = failure(fit.reason, design, fit.column);
    else {
      const sd = standardisedDifference({ x: design.x }, fit, 0);
      const names = ['(Intercept)', ...design.columns.map((c) => c.name)];
      adjusted = {
        ok: true,
        difference: sd.difference,
        ci95: sd.ci95,
        risk1: sd.risk1,
        risk0: sd.risk0,
        p: sd.p,
        coefficients: names.map((name, j) => {
          const half = Z975 * fit.se[j]!;
          return {
            name,
            coef: fit.coef[j]!,
            se: fit.se[j]!,
            ratio: Math.exp(fit.coef[j]!),
            ci95: [Math.exp(fit.coef[j]! - half), Math.exp(fit.coef[j]! + half)] as [
              number,
              number,
            ],
            p: fit.p[j]!,
          };
        }),
      };
    }
  }
  return {
    covariates: [...covariates],
    n: used.length,
    excluded: design.excluded,
    pending: participants.length - evaluable.length,
    unadjusted,
    adjusted,
  };
}
