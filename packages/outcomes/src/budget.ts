import { BUDGET_DOMAINS, CONTROL_ARM, type BudgetDomain } from '@wegwijzer/domain/core';
import {
  counterfactualCents,
  emptyTotals,
  grossCents,
  primaryArm,
  type ArmTotalsByArm,
} from './aggregate.ts';
import { avoidedBenefitCents, euros, roundCents } from './money.ts';

/** What the budget summary needs of one budget line. */
export interface BudgetLineFacts {
  amountCents: number;
  domain: BudgetDomain;
  fundingSource: string;
}

/**
 * What the intervention bought back for the municipality in window `k`, in cents
 * (docs/outcomes-debts.md, "Budget"): the intervention arm's avoided benefit plus offset income,
 * minus the control arm's counterfactual (its mean of the same × the intervention's evaluable n)
 * when both arms have evaluable participants, as the net effect does. Unlike the net effect the
 * guidance cost is not subtracted here: the budget lines are the cost it is divided by.
 * `total` is null when the intervention arm has no evaluable participant. With several
 * intervention arms, "the intervention" is the primary one (`primaryArm`), as for `netEffect`.
 */
export function budgetEffectCents(totals: ArmTotalsByArm): {
  basis: 'net_effect' | 'gross';
  avoidedBenefit: number;
  offsetIncome: number;
  counterfactual: number | null;
  total: number | null;
  evaluable: number;
} {
  const i = primaryTotals(totals);
  const c = totals[CONTROL_ARM];
  const grossI = grossCents(i);
  const counterfactual = counterfactualCents(i, c);
  return {
    basis: counterfactual !== null ? 'net_effect' : 'gross',
    avoidedBenefit: avoidedBenefitCents(i.offDayBenefitCents),
    offsetIncome: i.offsetCents,
    counterfactual,
    total: i.evaluable > 0 ? grossI - (counterfactual ?? 0) : null,
    evaluable: i.evaluable,
  };
}

/** The primary intervention arm's totals (all-zero when the pilot has none; the window is immaterial here). */
function primaryTotals(totals: ArmTotalsByArm) {
  const code = primaryArm(Object.keys(totals));
  return (code === undefined ? undefined : totals[code]) ?? emptyTotals(0);
}

/** The budget reply without the pilot id (money in EUR, rounded to the cent). */
export interface BudgetSummary {
  windowMonths: number;
  totalBudget: number;
  lines: number;
  byDomain: { domain: BudgetDomain; amount: number; share: number | null }[];
  byFundingSource: {
    fundingSource: string;
    amount: number;
    share: number | null;
    domains: { domain: BudgetDomain; amount: number }[];
  }[];
  effect: {
    basis: 'net_effect' | 'gross';
    avoidedBenefit: number | null;
    offsetIncome: number | null;
    counterfactual: number | null;
    total: number | null;
    perEuro: number | null;
    participantGuidanceCost: number | null;
    evaluable: number | null;
  };
}

const DOMAIN_ORDER = BUDGET_DOMAINS;
const byDomainOrder = (a: { domain: BudgetDomain }, b: { domain: BudgetDomain }) =>
  DOMAIN_ORDER.indexOf(a.domain) - DOMAIN_ORDER.indexOf(b.domain);

/**
 * Who pays for what, and the effect per euro of budget (issue 11, finding 5).
 * @example summarizeBudget(lines, totalsByArm(rows, 12), 12).effect.perEuro
 */
export function summarizeBudget(
  lines: readonly BudgetLineFacts[],
  totals: ArmTotalsByArm,
  k: number,
): BudgetSummary {
  const totalCents = lines.reduce((s, l) => s + l.amountCents, 0);
  const share = (cents: number) => (totalCents > 0 ? cents / totalCents : null);

  const domains = new Map<BudgetDomain, number>();
  const sources = new Map<string, Map<BudgetDomain, number>>();
  for (const l of lines) {
    domains.set(l.domain, (domains.get(l.domain) ?? 0) + l.amountCents);
    let mine = sources.get(l.fundingSource);
    if (!mine) sources.set(l.fundingSource, (mine = new Map()));
    mine.set(l.domain, (mine.get(l.domain) ?? 0) + l.amountCents);
  }

  const byFundingSource = [...sources].map(([fundingSource, m]) => {
    const cents = [...m.values()].reduce((s, v) => s + v, 0);
    return {
      fundingSource,
      amount: euros(cents),
      share: share(cents),
      domains: [...m].map(([domain, c]) => ({ domain, amount: euros(c) })).sort(byDomainOrder),
    };
  });
  // Largest funder first; equal amounts by name, so the order is stable.
  byFundingSource.sort(
    (a, b) => b.amount - a.amount || a.fundingSource.localeCompare(b.fundingSource),
  );

  const e = budgetEffectCents(totals);
  return {
    windowMonths: k,
    totalBudget: euros(totalCents),
    lines: lines.length,
    byDomain: [...domains]
      .map(([domain, cents]) => ({ domain, amount: euros(cents), share: share(cents) }))
      .sort(byDomainOrder),
    byFundingSource,
    effect: {
      basis: e.basis,
      avoidedBenefit: euros(e.avoidedBenefit),
      offsetIncome: euros(e.offsetIncome),
      counterfactual: e.counterfactual === null ? null : euros(roundCents(e.counterfactual)),
      total: e.total === null ? null : euros(roundCents(e.total)),
      perEuro: e.total !== null && totalCents > 0 ? e.total / totalCents : null,
      participantGuidanceCost: euros(primaryTotals(totals).guidanceCostCents),
      evaluable: e.evaluable,
    },
  };
}
