import type { OutcomeSummary } from '@wegwijzer/domain';
import { secondarySuppression } from './breakdown.ts';
import {
  large,
  MONEY_STEP,
  protectCount,
  protectMean,
  protectProportion,
  roundTo,
  TENTH,
  type DisclosureRules,
  type ViewerProportion,
} from './rules.ts';

export type ArmOutcome = OutcomeSummary['arms']['intervention'];

const ROUTES = ['regular_work', 'bbz', 'combination', 'other'] as const;
const MONEY = ['avoidedBenefit', 'offsetIncome', 'guidanceCost'] as const;

/** Pointers (relative to the arm) of the figures a viewer does not see, for the `suppressed` list. */
export function hiddenPointers(exact: unknown, shown: unknown, at = ''): string[] {
  if (exact === null || exact === undefined) return [];
  if (shown === null) return [at];
  if (typeof exact !== 'object' || typeof shown !== 'object' || Array.isArray(exact)) return [];
  return Object.entries(exact as Record<string, unknown>).flatMap(([k, v]) =>
    hiddenPointers(v, (shown as Record<string, unknown>)[k], `${at}/${k}`),
  );
}

/**
 * One arm of the outcome summary as a viewer sees it (SPEC §6): every count checked and rounded,
 * every share from the rounded counts, every mean rounded (money to €10) before the totals are
 * built from it as rounded mean × rounded n, and the secondary rule on evaluable + pending =
 * participants and on the routes of the off-benefit count.
 */
export function protectArm(a: ArmOutcome, rules: DisclosureRules): ArmOutcome {
  const c = (x: number | null) => protectCount(x, rules);
  const n = a.evaluable;
  const nShown = c(n);
  const [evaluable = null, pending = null] = secondarySuppression(
    c(a.participants),
    [n ?? 0, a.pending ?? 0],
    [nShown, c(a.pending)],
    rules,
  );
  const offBenefit = protectProportion(a.offBenefit.count, n, rules);
  const routeCells = secondarySuppression(
    offBenefit.count,
    ROUTES.map((r) => a.routes[r] ?? 0),
    ROUTES.map((r) => c(a.routes[r])),
    rules,
  );
  const routes = Object.fromEntries(
    ROUTES.map((r, i) => [r, routeCells[i]!]),
  ) as ArmOutcome['routes'];

  const means = Object.fromEntries(
    MONEY.map((m) => [m, protectMean(a.savingsMean[m], n, MONEY_STEP, rules)]),
  ) as Record<(typeof MONEY)[number], number | null>;
  const net =
    means.avoidedBenefit === null || means.offsetIncome === null || means.guidanceCost === null
      ? null
      : means.avoidedBenefit + means.offsetIncome - means.guidanceCost;
  const total = (mean: number | null) =>
    mean === null || evaluable === null ? null : roundTo(mean * evaluable, 0.01);

  const ladderN = a.ladderProgress.n;
  const placementN = a.sustainedPlacement.n;
  const shareOf = (p: { count: number | null }, over: number | null): ViewerProportion =>
    protectProportion(p.count, over, rules);
  const shown: ArmOutcome = {
    participants: c(a.participants),
    evaluable,
    pending,
    offBenefit: evaluable === null ? { ...offBenefit, rate: null, ci95: null } : offBenefit,
    routes,
    sustained: a.sustained.count === null ? a.sustained : shareOf(a.sustained, n),
    meanBenefitMonths: protectMean(a.meanBenefitMonths, n, TENTH, rules),
    savings: {
      avoidedBenefit: total(means.avoidedBenefit),
      offsetIncome: total(means.offsetIncome),
      guidanceCost: total(means.guidanceCost),
      net: total(net),
    },
    savingsMean: { ...means, net },
    ladderProgress: {
      n: c(ladderN),
      ...shareOf(a.ladderProgress, ladderN),
      meanChange: protectMean(a.ladderProgress.meanChange, ladderN, TENTH, rules),
    },
    sustainedPlacement: { n: c(placementN), ...shareOf(a.sustainedPlacement, placementN) },
    debts: {
      n: c(a.debts.n),
      stabilised: shareOf(a.debts.stabilised, a.debts.n),
      moneyStressN: c(a.debts.moneyStressN),
      meanMoneyStressChange: protectMean(
        a.debts.meanMoneyStressChange,
        a.debts.moneyStressN,
        TENTH,
        rules,
      ),
    },
  };
  dropDependents(shown);
  return shown;
}

/**
 * After the secondary rule has hidden a denominator or a count, the figures built on it go too:
 * a rate and a mean would give the hidden count back (count / rate, total / mean).
 */
export function dropDependents(a: ArmOutcome): void {
  const none = { rate: null, ci95: null };
  if (a.evaluable === null) {
    a.offBenefit = { ...a.offBenefit, ...none };
    if (a.sustained.count !== null) a.sustained = { ...a.sustained, ...none };
    a.meanBenefitMonths = null;
    a.savings = { avoidedBenefit: null, offsetIncome: null, guidanceCost: null, net: null };
    a.savingsMean = { ...a.savings };
  }
  if (a.offBenefit.count === null) a.offBenefit = { ...a.offBenefit, ...none };
  if (a.sustained.count === null) a.sustained = { ...a.sustained, ...none };
  if (a.ladderProgress.n === null || a.ladderProgress.count === null)
    a.ladderProgress = { ...a.ladderProgress, ...none, meanChange: null };
  if (a.sustainedPlacement.n === null || a.sustainedPlacement.count === null)
    a.sustainedPlacement = { ...a.sustainedPlacement, ...none };
  if (a.debts.n === null || a.debts.stabilised.count === null)
    a.debts.stabilised = { ...a.debts.stabilised, ...none };
  if (a.debts.moneyStressN === null) a.debts.meanMoneyStressChange = null;
}

/** Whether an arm's exit rate is shown, so that a comparison with it may be too. */
export function comparable(exact: ArmOutcome | undefined, rules: DisclosureRules): boolean {
  return exact !== undefined && large(exact.evaluable, rules);
}
