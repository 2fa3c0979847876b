import type { DerivedParticipant } from './derive.ts';
import {
  accumulate,
  summarizeOutcomes,
  type ArmTotalsByArm,
  type OutcomeSummary,
} from './aggregate.ts';
import {
  kaplanMeier,
  logRank,
  numbersAtRisk,
  type KaplanMeier,
  type LogRank,
  type RiskRow,
  type SurvivalTime,
} from './survival.ts';

/**
 * Accumulate derived rows per arm for window `k`. The control arm is present whenever a row
 * belongs to it (even if, in a subgroup, it has no rows: pass `withControl`).
 */
export function totalsByArm(
  rows: readonly DerivedParticipant[],
  k: number,
  withControl: boolean = rows.some((r) => r.arm === 'control'),
): ArmTotalsByArm {
  const intervention = accumulate(
    rows.filter((r) => r.arm === 'intervention'),
    k,
  );
  if (!withControl) return { intervention };
  return {
    intervention,
    control: accumulate(
      rows.filter((r) => r.arm === 'control'),
      k,
    ),
  };
}

/**
 * The whole outcome summary of a pilot's derived rows for window `k`, in memory.
 * @example outcomesFor(rows, 12).arms.intervention.offBenefit.rate
 */
export function outcomesFor(rows: readonly DerivedParticipant[], k: number): OutcomeSummary {
  return summarizeOutcomes(totalsByArm(rows, k), k);
}

/** One arm's curve with the numbers at risk that the chart tables under it. */
export type ArmCurve = KaplanMeier & { riskTable: RiskRow[] };

/** SPEC §5's survival reply: Kaplan–Meier per arm and the log-rank test between them. */
export interface SurvivalByArm {
  arms: { intervention: ArmCurve; control?: ArmCurve };
  logRank: LogRank | null;
}

/**
 * Time to first exit per arm. `control` appears when any row is in the control arm (or when
 * `withControl` says the pilot has one); the log-rank test is null unless both arms have
 * participants and there is at least one event.
 */
export function survivalByArm(
  rows: readonly Pick<DerivedParticipant, 'arm' | 'firstExit'>[],
  withControl?: boolean,
): SurvivalByArm {
  return curvesByArm(
    rows.map((r) => ({ arm: r.arm, time: r.firstExit })),
    withControl,
  );
}

/**
 * Time to debt stabilisation per arm (docs/outcomes-debts.md), among participants with a
 * debt_intake; `withControl` as for `survivalByArm`.
 */
export function stabilisationByArm(
  rows: readonly Pick<DerivedParticipant, 'arm' | 'debtStabilisation'>[],
  withControl?: boolean,
): SurvivalByArm {
  const timed: { arm: DerivedParticipant['arm']; time: SurvivalTime }[] = [];
  for (const r of rows)
    if (r.debtStabilisation) timed.push({ arm: r.arm, time: r.debtStabilisation });
  return curvesByArm(timed, withControl ?? rows.some((r) => r.arm === 'control'));
}

/** Kaplan–Meier per arm and the log-rank test between them, from times tagged with their arm. */
export function curvesByArm(
  rows: readonly { arm: DerivedParticipant['arm']; time: SurvivalTime }[],
  withControl?: boolean,
): SurvivalByArm {
  const a: SurvivalTime[] = [];
  const b: SurvivalTime[] = [];
  for (const r of rows) (r.arm === 'control' ? b : a).push(r.time);
  const curve = (times: SurvivalTime[]): ArmCurve => ({
    ...kaplanMeier(times),
    riskTable: numbersAtRisk(times),
  });
  const arms: SurvivalByArm['arms'] = { intervention: curve(a) };
  if (withControl ?? b.length > 0) arms.control = curve(b);
  return { arms, logRank: a.length > 0 && b.length > 0 ? logRank(a, b) : null };
}
