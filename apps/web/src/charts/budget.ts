import type { BudgetReply } from '@wegwijzer/domain';
import { BUDGET_DOMAINS, type BudgetDomain } from '@wegwijzer/domain/values';
import { cell, type Cell } from '../suppression.ts';

/** The budget split (finding 5: linking budgets across policy domains): pure mappers. */

export type { BudgetDomain };
/** The domains in their fixed order: the server's own list. */
export const DOMAIN_KEYS = BUDGET_DOMAINS;

export interface DomainSegment {
  domain: BudgetDomain;
  amount: number;
  /** Share of the total budget, 0–1. */
  share: number;
}

/** Cost per policy domain as segments of one stacked bar, in the fixed domain order; empty domains left out. */
export function domainSegments(b: Pick<BudgetReply, 'byDomain' | 'totalBudget'>): DomainSegment[] {
  const total = b.totalBudget;
  return DOMAIN_KEYS.flatMap((domain) => {
    const d = b.byDomain.find((x) => x.domain === domain);
    if (!d || d.amount <= 0) return [];
    return [{ domain, amount: d.amount, share: d.share ?? (total > 0 ? d.amount / total : 0) }];
  });
}

export interface FundingMatrix {
  /** The domains that have money, in the fixed order: the table's columns. */
  domains: BudgetDomain[];
  rows: {
    fundingSource: string;
    amount: number;
    share: number | null;
    byDomain: Partial<Record<BudgetDomain, number>>;
  }[];
  /** Column totals. */
  totals: Partial<Record<BudgetDomain, number>>;
}

/** "Wie betaalt wat": funder × domain, largest funder first (as the server orders them). */
export function fundingMatrix(
  b: Pick<BudgetReply, 'byDomain' | 'byFundingSource' | 'totalBudget'>,
): FundingMatrix {
  const domains = domainSegments(b).map((s) => s.domain);
  const totals: FundingMatrix['totals'] = {};
  for (const s of domainSegments(b)) totals[s.domain] = s.amount;
  return {
    domains,
    totals,
    rows: b.byFundingSource.map((f) => ({
      fundingSource: f.fundingSource,
      amount: f.amount,
      share: f.share,
      byDomain: Object.fromEntries(f.domains.map((d) => [d.domain, d.amount])),
    })),
  };
}

export interface BudgetEffect {
  basis: BudgetReply['effect']['basis'];
  /** What the pilot brought back per euro of budget (avoided benefit + offset income, less the control group's). */
  perEuro: Cell;
  total: Cell;
  avoidedBenefit: Cell;
  offsetIncome: Cell;
  counterfactual: Cell;
  /** perEuro − 1: what is left per euro after paying the euro back. */
  netPerEuro: number | null;
  /** 'pays_off' at a return of one euro or more per euro; 'not_yet' below; null when unknown. */
  verdict: 'pays_off' | 'not_yet' | null;
  /** The money comes from more than one policy domain. */
  crossDomain: boolean;
}

/** The effect per euro spent, with what it is made of, and whether the pilot pays for itself. */
export function budgetEffect(b: BudgetReply): BudgetEffect {
  const e = b.effect;
  const s = b.suppressed;
  const perEuro = cell(e.perEuro, '/effect/perEuro', s);
  const v = perEuro.kind === 'value' ? perEuro.value : null;
  return {
    basis: e.basis,
    perEuro,
    total: cell(e.total, '/effect/total', s),
    avoidedBenefit: cell(e.avoidedBenefit, '/effect/avoidedBenefit', s),
    offsetIncome: cell(e.offsetIncome, '/effect/offsetIncome', s),
    counterfactual: cell(e.counterfactual, '/effect/counterfactual', s),
    netPerEuro: v == null ? null : v - 1,
    verdict: v == null ? null : v >= 1 ? 'pays_off' : 'not_yet',
    crossDomain: b.byDomain.filter((d) => d.amount > 0).length > 1,
  };
}
