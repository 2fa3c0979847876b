import { CONTROL_ARM, type Arm, type ExitReason } from '@wegwijzer/domain/core';
import { windowOf, type DerivedParticipant, type WindowOutcome } from './derive.ts';
import {
  avoidedBenefitCents,
  DAYS_PER_MONTH,
  euros,
  exactAvoidedCents,
  guidanceCentsFor,
  roundCents,
} from './money.ts';
import { newcombe, wilson, type Difference, type Interval } from './proportions.ts';

/**
 * Step (a) of the aggregation: one arm's plain sums and counts for one window. Every field is a
 * SUM or COUNT over participant rows (sums over evaluable rows unless said otherwise), so the
 * storage layer can compute it in SQL and hand it to `summarizeArm`.
 */
export interface ArmTotals {
  /** COUNT(*) of the arm. */
  participants: number;
  /** COUNT where m(k) <= obsEnd. */
  evaluable: number;
  /** COUNT where m(k) > obsEnd. */
  pending: number;
  /** COUNT of evaluable rows off benefit at m(k). */
  off: number;
  /** COUNT of off-benefit rows by the reason in force. */
  routes: Record<ExitReason, number>;
  /** Whether the window has a sustained measure (k >= 6). */
  hasSustained: boolean;
  /** COUNT of evaluable rows off benefit every day of [m(k-6), m(k)]. */
  sustained: number;
  /** SUM of days on benefit in [t0, m(k)). */
  benefitDays: number;
  /** SUM of offDays × monthlyBenefitCents (an integer; divide by 30.4375 only at the end). */
  offDayBenefitCents: number;
  /** SUM of offset income dated in [t0, m(k)), cents. */
  offsetCents: number;
  /** SUM of guidance cost, cents; 0 for the control arm. */
  guidanceCostCents: number;
  /** Evaluable rows with both ladder steps: COUNT, COUNT(latest > intake), SUM(latest − intake). */
  ladder: { n: number; up: number; sumChange: number };
  /** SUM of eligible and of sustained job placements (window-independent). */
  placements: { eligible: number; sustained: number };
  /**
   * Evaluable rows with a debt_intake in [t0, m(k)] (`n`), of those stabilised by m(k); rows
   * with two or more money-stress scores (`stressN`) and SUM of their change in tenths.
   */
  debts: { n: number; stabilised: number; stressN: number; stressSumTenths: number };
}

/** All-zero totals for an arm, the starting point of `accumulate`. */
export function emptyTotals(k: number): ArmTotals {
  return {
    participants: 0,
    evaluable: 0,
    pending: 0,
    off: 0,
    routes: { regular_work: 0, bbz: 0, combination: 0, other: 0 },
    hasSustained: k >= 6,
    sustained: 0,
    benefitDays: 0,
    offDayBenefitCents: 0,
    offsetCents: 0,
    guidanceCostCents: 0,
    ladder: { n: 0, up: 0, sumChange: 0 },
    placements: { eligible: 0, sustained: 0 },
    debts: { n: 0, stabilised: 0, stressN: 0, stressSumTenths: 0 },
  };
}

/**
 * Sum the derived rows of one arm for window `k` (step a). Throws when a row was derived
 * without window `k`, which is a programming error rather than data.
 */
export function accumulate(rows: readonly DerivedParticipant[], k: number): ArmTotals {
  const t = emptyTotals(k);
  for (const p of rows) {
    const w = windowOf(p, k);
    if (!w) throw new Error(`Window ${k} was not derived for this participant`);
    addToTotals(t, p, w);
  }
  return t;
}

/** The window-free facts of a participant that its arm's totals add up. */
export type TotalsParticipant = Pick<
  DerivedParticipant,
  'arm' | 'monthlyBenefitCents' | 'guidanceCostCents' | 'placements'
>;

/**
 * Add one participant's window outcome to its arm's totals: the one place the sums of step (a)
 * are defined, for derived rows (`accumulate`) and for packed timelines alike.
 */
export function addToTotals(t: ArmTotals, p: TotalsParticipant, w: WindowOutcome): void {
  t.participants++;
  t.placements.eligible += p.placements.eligible;
  t.placements.sustained += p.placements.sustained;
  if (!w.evaluable) {
    t.pending++;
    return;
  }
  t.evaluable++;
  if (w.offBenefit) {
    t.off++;
    t.routes[w.route ?? 'other']++;
  }
  if (w.sustained) t.sustained++;
  t.benefitDays += w.benefitDays ?? 0;
  t.offDayBenefitCents += (w.offDays ?? 0) * p.monthlyBenefitCents;
  t.offsetCents += w.offsetCents ?? 0;
  t.guidanceCostCents += guidanceCentsFor(p.arm, p.guidanceCostCents);
  if (w.ladder) {
    const change = w.ladder.latest - w.ladder.intake;
    t.ladder.n++;
    if (change > 0) t.ladder.up++;
    t.ladder.sumChange += change;
  }
  if (w.debts?.intake) {
    t.debts.n++;
    if (w.debts.stabilised) t.debts.stabilised++;
  }
  if (w.moneyStressChangeTenths !== null) {
    t.debts.stressN++;
    t.debts.stressSumTenths += w.moneyStressChangeTenths;
  }
}

/** Savings in EUR, rounded to the cent. */
export interface Savings {
  avoidedBenefit: number;
  offsetIncome: number;
  guidanceCost: number;
  net: number;
}

type Nullable<T> = { [K in keyof T]: T[K] | null };

/** One arm of SPEC §5's outcome summary. */
export interface ArmSummary {
  participants: number;
  evaluable: number;
  pending: number;
  offBenefit: { count: number; rate: number | null; ci95: Interval | null };
  routes: Record<ExitReason, number>;
  sustained: { count: number | null; rate: number | null; ci95: Interval | null };
  meanBenefitMonths: number | null;
  savings: Savings;
  savingsMean: Nullable<Savings>;
  ladderProgress: {
    n: number;
    count: number;
    rate: number | null;
    ci95: Interval | null;
    meanChange: number | null;
  };
  sustainedPlacement: { n: number; count: number; rate: number | null; ci95: Interval | null };
  debts: {
    n: number;
    stabilised: { count: number; rate: number | null; ci95: Interval | null };
    moneyStressN: number;
    meanMoneyStressChange: number | null;
  };
}

/**
 * Turn one arm's totals into SPEC §5's arm object (step b). Money totals are rounded to the
 * cent once, from exact integer sums; means are taken from the exact sums and also rounded to
 * the cent.
 */
export function summarizeArm(t: ArmTotals, k: number): ArmSummary {
  const n = t.evaluable;
  // Exact (unrounded) cents, for the means.
  const avoidedExact = exactAvoidedCents(t.offDayBenefitCents);
  const netExact = avoidedExact + t.offsetCents - t.guidanceCostCents;
  const avoided = avoidedBenefitCents(t.offDayBenefitCents);
  const mean = (cents: number): number | null => (n > 0 ? euros(roundCents(cents / n)) : null);

  return {
    participants: t.participants,
    evaluable: t.evaluable,
    pending: t.pending,
    offBenefit: wilson(t.off, n),
    routes: { ...t.routes },
    sustained:
      k < 6 || !t.hasSustained ? { count: null, rate: null, ci95: null } : wilson(t.sustained, n),
    meanBenefitMonths: n > 0 ? t.benefitDays / DAYS_PER_MONTH / n : null,
    savings: {
      avoidedBenefit: euros(avoided),
      offsetIncome: euros(t.offsetCents),
      guidanceCost: euros(t.guidanceCostCents),
      net: euros(avoided + t.offsetCents - t.guidanceCostCents),
    },
    savingsMean: {
      avoidedBenefit: mean(avoidedExact),
      offsetIncome: mean(t.offsetCents),
      guidanceCost: mean(t.guidanceCostCents),
      net: mean(netExact),
    },
    ladderProgress: {
      n: t.ladder.n,
      ...wilson(t.ladder.up, t.ladder.n),
      meanChange: t.ladder.n > 0 ? t.ladder.sumChange / t.ladder.n : null,
    },
    sustainedPlacement: {
      n: t.placements.eligible,
      ...wilson(t.placements.sustained, t.placements.eligible),
    },
    debts: {
      n: t.debts.n,
      stabilised: wilson(t.debts.stabilised, t.debts.n),
      moneyStressN: t.debts.stressN,
      meanMoneyStressChange:
        t.debts.stressN > 0 ? t.debts.stressSumTenths / 10 / t.debts.stressN : null,
    },
  };
}

/**
 * Totals per arm code, in the order the reply lists the arms: the intervention arms as declared,
 * then `control` when the pilot has one.
 */
export type ArmTotalsByArm = Record<Arm, ArmTotals>;

/** One intervention arm against control (SPEC §3): the exit-rate difference and the net effect. */
export interface Comparison {
  /** Exit rate arm − control with Newcombe's interval; null unless both have evaluable participants. */
  difference: Difference | null;
  /** Net effect in EUR; null unless both arms have evaluable participants. */
  netEffect: number | null;
}

/** SPEC §5's outcome summary without the pilot id and observation end, which the API adds. */
export interface OutcomeSummary {
  windowMonths: number;
  arms: Record<Arm, ArmSummary>;
  /** `comparisons` of the primary intervention arm (`primaryArm`), as replies had it before several arms. */
  difference: Difference | null;
  netEffect: number | null;
  /** 'gross' when there is no counterfactual to subtract. */
  savingsBasis: 'net_effect' | 'gross';
  /** Every intervention arm against control, keyed by arm code. */
  comparisons: Record<Arm, Comparison>;
}

/**
 * The intervention arm whose comparison with control the top-level `difference`, `netEffect`
 * and `logRank` give: `intervention` when the pilot has it, else its first intervention arm.
 */
export function primaryArm(codes: readonly Arm[]): Arm | undefined {
  return codes.includes('intervention') ? 'intervention' : codes.find((c) => c !== CONTROL_ARM);
}

/** The intervention arm codes among `codes`, in order. */
export function interventionArms(codes: readonly Arm[]): Arm[] {
  return codes.filter((c) => c !== CONTROL_ARM);
}

/** An arm's avoided benefit plus offset income, exact cents: what the net effect compares. */
export function grossCents(t: ArmTotals): number {
  return exactAvoidedCents(t.offDayBenefitCents) + t.offsetCents;
}

/**
 * The net effect's counterfactual (SPEC §3): the control arm's mean gross saving × the
 * intervention arm's evaluable n, in exact cents, written so that only the control mean is a
 * quotient; null unless both arms have evaluable participants. Net effect = gross_I − this − G_I.
 */
export function counterfactualCents(i: ArmTotals, c: ArmTotals | undefined): number | null {
  if (c === undefined || i.evaluable === 0 || c.evaluable === 0) return null;
  return (grossCents(c) * i.evaluable) / c.evaluable;
}

/** One intervention arm's totals against control's (SPEC §3), or nulls without a comparable control. */
export function compareArms(i: ArmTotals, c: ArmTotals | undefined): Comparison {
  if (c === undefined || i.evaluable === 0 || c.evaluable === 0) {
    return { difference: null, netEffect: null };
  }
  return {
    difference: newcombe(i.off, i.evaluable, c.off, c.evaluable),
    netEffect: euros(roundCents(grossCents(i) - counterfactualCents(i, c)! - i.guidanceCostCents)),
  };
}

/**
 * Summarise every arm for window `k` (step b), with each intervention arm's difference and net
 * effect against control; the top-level ones are the primary arm's (`primaryArm`).
 * @example summarizeOutcomes({ intervention: accumulate(rows, 12) }, 12).savingsBasis // 'gross'
 */
export function summarizeOutcomes(totals: ArmTotalsByArm, k: number): OutcomeSummary {
  const codes = Object.keys(totals);
  const arms: OutcomeSummary['arms'] = {};
  for (const code of codes) arms[code] = summarizeArm(totals[code]!, k);
  const comparisons: OutcomeSummary['comparisons'] = {};
  for (const code of interventionArms(codes)) {
    comparisons[code] = compareArms(totals[code]!, totals[CONTROL_ARM]);
  }
  const primary = primaryArm(codes);
  const top = (primary === undefined ? undefined : comparisons[primary]) ?? {
    difference: null,
    netEffect: null,
  };
  return {
    windowMonths: k,
    arms,
    difference: top.difference,
    netEffect: top.netEffect,
    savingsBasis: top.netEffect === null ? 'gross' : 'net_effect',
    comparisons,
  };
}
