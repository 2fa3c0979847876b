import { primaryArm } from '@wegwijzer/outcomes';
import type { CoxResult, DifferenceResult } from './queries.ts';
import type { ModelStrings } from './strings.ts';

/** The full replies (researchers, managers, admins); viewers get `plain` verdicts instead. */
export type Cox = Exclude<CoxResult, { plain: true }>;
export type Difference = Exclude<DifferenceResult, { plain: true }>;
type Effect = Cox['unadjusted'] | Difference['unadjusted'];

/** One row of the forest plot: estimate with its interval, and the interval as error bars. */
export interface ForestRow {
  label: string;
  estimate: number;
  lo: number;
  hi: number;
  /** Distances from the estimate to the interval ends, as Recharts' ErrorBar wants them. */
  error: [number, number];
  p: number | null;
}

/** A model that gave no estimate, in words. */
export interface ForestFailure {
  label: string;
  text: string;
}

const row = (
  label: string,
  estimate: number,
  ci: [number, number],
  p: number | null,
): ForestRow => ({
  label,
  estimate,
  lo: ci[0],
  hi: ci[1],
  error: [estimate - ci[0], ci[1] - estimate],
  p,
});

function rows(
  effects: [string, Effect | null][],
  value: (e: Extract<Effect, { ok: true }>) => [number, [number, number], number | null],
  s: ModelStrings,
): { rows: ForestRow[]; failures: ForestFailure[] } {
  const out: ForestRow[] = [];
  const failures: ForestFailure[] = [];
  for (const [label, e] of effects) {
    if (e === null) continue;
    if (e.ok) out.push(row(label, ...value(e)));
    else {
      const about = e.covariate ? ` ${s.about(e.covariate)}` : '';
      failures.push({ label, text: `${s.reasons[e.reason]}${about}` });
    }
  }
  return { rows: out, failures };
}

/** Hazard ratios of the unadjusted and the adjusted Cox model. */
export function hazardRows(r: Cox, s: ModelStrings) {
  return rows(
    [
      [s.unadjusted, r.unadjusted],
      [s.adjusted, r.adjusted],
    ],
    (e) => ('hazardRatio' in e ? [e.hazardRatio, e.ci95, e.p] : [NaN, [NaN, NaN], null]),
    s,
  );
}

/** Risk differences in percentage points: raw and standardised. */
export function differenceRows(r: Difference, s: ModelStrings) {
  return rows(
    [
      [s.unadjusted, r.unadjusted],
      [s.adjusted, r.adjusted],
    ],
    (e) =>
      'difference' in e
        ? [e.difference * 100, [e.ci95[0] * 100, e.ci95[1] * 100], e.p]
        : [NaN, [NaN, NaN], null],
    s,
  );
}

/** A log-scale domain around the rows and 1, padded to round-ish ratios. */
export function ratioDomain(rs: readonly ForestRow[]): [number, number] {
  const lo = Math.min(1, ...rs.map((r) => r.lo));
  const hi = Math.max(1, ...rs.map((r) => r.hi));
  return [lo / 1.25, hi * 1.25];
}

/** Terms whose proportional-hazards test has p < 0.05. */
export function phViolations(ph: NonNullable<Cox['proportionalHazards']>): string[] {
  return ph.terms.filter((t) => t.p < 0.05).map((t) => t.name);
}

/**
 * Which intervention arm the models compare with control. `choices` are the pilot's
 * intervention arms in declared order; `arm` the asked one when it is one of them, else the
 * primary arm. `param` is what the API is sent: only with several intervention arms, so that a
 * two-arm pilot asks exactly what it asked before.
 */
export function modelArm(
  codes: readonly string[],
  asked: string | null,
): { choices: string[]; arm: string | undefined; param: string | undefined } {
  const choices = codes.filter((c) => c !== 'control');
  const arm = asked && choices.includes(asked) ? asked : primaryArm(codes);
  return { choices, arm, param: choices.length > 1 ? arm : undefined };
}
