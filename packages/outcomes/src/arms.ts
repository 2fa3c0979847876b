import { armsOfRows, CONTROL_ARM, type Arm } from '@wegwijzer/domain/core';
import type { DerivedParticipant } from './derive.ts';
import {
  accumulate,
  interventionArms,
  primaryArm,
  summarizeOutcomes,
  type ArmTotalsByArm,
  type OutcomeSummary,
} from './aggregate.ts';
import { logRankK, type LogRankK } from './logrank.ts';
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
 * Accumulate derived rows per arm for window `k`, one entry per code of `arms` in that order
 * (an arm without rows gets zero totals). Without `arms`, the arms the rows imply
 * (`armsOfRows`); a caller with the pilot's declaration passes its `shownArms`.
 */
export function totalsByArm(
  rows: readonly DerivedParticipant[],
  k: number,
  arms: readonly Arm[] = armsOfRows(rows),
): ArmTotalsByArm {
  const byArm = new Map<Arm, DerivedParticipant[]>(arms.map((a) => [a, []]));
  for (const r of rows) byArm.get(r.arm)?.push(r);
  const totals: ArmTotalsByArm = {};
  for (const a of arms) totals[a] = accumulate(byArm.get(a)!, k);
  return totals;
}

/**
 * The whole outcome summary of a pilot's derived rows for window `k`, in memory.
 * @example outcomesFor(rows, 12).arms.intervention?.offBenefit.rate
 */
export function outcomesFor(
  rows: readonly DerivedParticipant[],
  k: number,
  arms?: readonly Arm[],
): OutcomeSummary {
  return summarizeOutcomes(totalsByArm(rows, k, arms), k);
}

/** One arm's curve with the numbers at risk that the chart tables under it. */
export type ArmCurve = KaplanMeier & { riskTable: RiskRow[] };

/** SPEC §5's survival reply: Kaplan–Meier per arm and the log-rank tests between them. */
export interface SurvivalByArm {
  arms: Record<Arm, ArmCurve>;
  /** The primary intervention arm (`primaryArm`) against control. */
  logRank: LogRank | null;
  /** Every intervention arm against control, keyed by arm code. */
  comparisons: Record<Arm, { logRank: LogRank | null }>;
  /** The k-sample test over all arms with participants, when there are three or more. */
  logRankK: LogRankK | null;
}

/**
 * Time to first exit per arm, one curve per code of `arms` (default as `totalsByArm`); each
 * log-rank test is null unless both arms have participants and there is at least one event.
 */
export function survivalByArm(
  rows: readonly Pick<DerivedParticipant, 'arm' | 'firstExit'>[],
  arms?: readonly Arm[],
): SurvivalByArm {
  return curvesByArm(
    rows.map((r) => ({ arm: r.arm, time: r.firstExit })),
    arms ?? armsOfRows(rows),
  );
}

/**
 * Time to debt stabilisation per arm (docs/outcomes-debts.md), among participants with a
 * debt_intake; `arms` as for `survivalByArm`.
 */
export function stabilisationByArm(
  rows: readonly Pick<DerivedParticipant, 'arm' | 'debtStabilisation'>[],
  arms?: readonly Arm[],
): SurvivalByArm {
  const timed: { arm: Arm; time: SurvivalTime }[] = [];
  for (const r of rows)
    if (r.debtStabilisation) timed.push({ arm: r.arm, time: r.debtStabilisation });
  return curvesByArm(timed, arms ?? armsOfRows(rows));
}

/** Kaplan–Meier per arm and the log-rank tests, from times tagged with their arm. */
export function curvesByArm(
  rows: readonly { arm: Arm; time: SurvivalTime }[],
  arms: readonly Arm[] = armsOfRows(rows),
): SurvivalByArm {
  const times = new Map<Arm, SurvivalTime[]>(arms.map((a) => [a, []]));
  for (const r of rows) times.get(r.arm)?.push(r.time);
  const curves: SurvivalByArm['arms'] = {};
  for (const a of arms) {
    const t = times.get(a)!;
    curves[a] = { ...kaplanMeier(t), riskTable: numbersAtRisk(t) };
  }
  const control = times.get(CONTROL_ARM) ?? [];
  const pair = (a: Arm): LogRank | null => {
    const t = times.get(a)!;
    return t.length > 0 && control.length > 0 ? logRank(t, control) : null;
  };
  const comparisons: SurvivalByArm['comparisons'] = {};
  for (const a of interventionArms(arms)) comparisons[a] = { logRank: pair(a) };
  const primary = primaryArm(arms);
  const withData = arms.map((a) => times.get(a)!).filter((t) => t.length > 0);
  return {
    arms: curves,
    logRank: primary === undefined ? null : (comparisons[primary]?.logRank ?? null),
    comparisons,
    logRankK: withData.length >= 3 ? logRankK(withData) : null,
  };
}
