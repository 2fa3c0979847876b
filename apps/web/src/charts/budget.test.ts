import { describe, expect, it } from 'vitest';
import type { BudgetReply } from '@wegwijzer/domain';
import { budgetEffect, domainSegments, fundingMatrix } from './budget.ts';

const reply = (over: Partial<BudgetReply> = {}): BudgetReply => ({
  pilotId: 'p',
  windowMonths: 12,
  totalBudget: 800_000,
  lines: 2,
  byDomain: [
    { domain: 'participation', amount: 380_000, share: 0.475 },
    { domain: 'debt', amount: 420_000, share: 0.525 },
  ],
  byFundingSource: [
    {
      fundingSource: 'Schuldhulpverlening',
      amount: 420_000,
      share: 0.525,
      domains: [{ domain: 'debt', amount: 420_000 }],
    },
    {
      fundingSource: 'Participatiebudget',
      amount: 380_000,
      share: 0.475,
      domains: [{ domain: 'participation', amount: 380_000 }],
    },
  ],
  effect: {
    basis: 'net_effect',
    avoidedBenefit: 900_000,
    offsetIncome: 100_000,
    counterfactual: 40_000,
    total: 960_000,
    perEuro: 1.2,
    participantGuidanceCost: 750_000,
    evaluable: 200,
  },
  ...over,
});

describe('domainSegments', () => {
  it('gives each domain with money its share, in the fixed domain order', () => {
    const segs = domainSegments(reply());
    expect(segs.map((s) => s.domain)).toEqual(['participation', 'debt']);
    expect(segs.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1);
  });
  it('leaves out an empty domain and works out a missing share', () => {
    const segs = domainSegments(
      reply({
        byDomain: [
          { domain: 'green', amount: 0, share: 0 },
          { domain: 'care', amount: 200_000, share: null },
          { domain: 'participation', amount: 600_000, share: null },
        ],
      }),
    );
    expect(segs.map((s) => s.domain)).toEqual(['participation', 'care']);
    expect(segs[1]!.share).toBeCloseTo(0.25);
  });
});

describe('fundingMatrix', () => {
  it('lays out funder × domain with column totals', () => {
    const m = fundingMatrix(reply());
    expect(m.domains).toEqual(['participation', 'debt']);
    expect(m.rows[0]!.fundingSource).toBe('Schuldhulpverlening');
    expect(m.rows[0]!.byDomain).toEqual({ debt: 420_000 });
    expect(m.rows[0]!.byDomain.participation).toBeUndefined();
    expect(m.totals).toEqual({ participation: 380_000, debt: 420_000 });
  });
});

describe('budgetEffect', () => {
  it('says a pilot paid from two domains that brings back more than it costs pays off across domains', () => {
    const e = budgetEffect(reply());
    expect(e.perEuro).toEqual({ kind: 'value', value: 1.2 });
    expect(e.netPerEuro).toBeCloseTo(0.2);
    expect(e.verdict).toBe('pays_off');
    expect(e.crossDomain).toBe(true);
  });
  it('says "not yet" below one euro per euro', () => {
    const e = budgetEffect(reply({ effect: { ...reply().effect, perEuro: 0.6 } }));
    expect(e.verdict).toBe('not_yet');
  });
  it('has no verdict when the effect is suppressed for viewers, and marks it as suppressed', () => {
    const b = reply({
      effect: { ...reply().effect, perEuro: null, total: null },
      suppressed: ['/effect/perEuro', '/effect/total'],
    });
    const e = budgetEffect(b);
    expect(e.perEuro.kind).toBe('suppressed');
    expect(e.total.kind).toBe('suppressed');
    expect(e.verdict).toBeNull();
  });
  it('is not cross-domain with one domain', () => {
    const e = budgetEffect(reply({ byDomain: [{ domain: 'participation', amount: 1, share: 1 }] }));
    expect(e.crossDomain).toBe(false);
  });
});
