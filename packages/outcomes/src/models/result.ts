/**
 * Why a model gives no estimate. A model that cannot be estimated says so in words the API and
 * the dashboard can show; it never returns Infinity, NaN or a meaningless large number.
 * - `no_events`: nobody had the event (or, for a logistic model, everybody or nobody did);
 * - `constant_covariate`: a column has one value among the people in the model (e.g. a
 *   covariate with one level, or an arm without participants);
 * - `collinear`: a column is a combination of others;
 * - `separation`: a column predicts the outcome perfectly, so its effect is infinite;
 * - `not_converged`: the iteration limit was reached.
 */
export type ModelFailureReason =
  'no_events' | 'constant_covariate' | 'collinear' | 'separation' | 'not_converged';

export interface ModelFailure {
  ok: false;
  reason: ModelFailureReason;
  /** The design column concerned, where one is (constant_covariate, separation). */
  column?: number;
}

export type ModelResult<T> = ({ ok: true } & T) | ModelFailure;

/** A column (0-based) whose values are all equal, or -1. */
export function constantColumn(x: readonly (readonly number[])[], p: number): number {
  for (let j = 0; j < p; j++) {
    const first = x[0]?.[j];
    if (x.every((row) => row[j] === first)) return j;
  }
  return -1;
}
