import { describe, expect, it } from 'vitest';
import { emptyTotals, summarizeOutcomes, type ArmTotals } from './aggregate.ts';
import { summarizeBudget, type BudgetLineFacts } from './budget.ts';

// Hand-worked: 487 off-day-cents make 16 cents of avoided benefit, so these sums divide exactly.
function arm(
  evaluable: number,
  offDayBenefitCents: number,
  offsetCents: number,
  guidanceCostCents = 0,
): ArmTotals {
  return {
    ...emptyTotals(12),
    participants: evaluable,
    evaluable,
    offDayBenefitCents,
    offsetCents,
    guidanceCostCents,
  };
}
// Intervention: 10 evaluable, € 160.000 avoided benefit, € 20.000 offset income.
const intervention = arm(10, 487 * 1_000_000, 2_000_000, 3_000_000);
// Control: 5 evaluable, € 40.000 avoided benefit: € 8.000 a head, € 80.000 for ten.
const control = arm(5, 487 * 250_000, 0);

const LINES: BudgetLineFacts[] = [
  { amountCents: 10_000_000, domain: 'participation', fundingSource: 'Participatiebudget' },
  { amountCents: 2_000_000, domain: 'green', fundingSource: 'Provincie Fryslân' },
  { amountCents: 3_000_000, domain: 'liveability', fundingSource: 'Provincie Fryslân' },
  { amountCents: 5_000_000, domain: 'participation', fundingSource: 'Provincie Fryslân' },
];

describe('summarizeBudget', () => {
  const s = summarizeBudget(LINES, { intervention, control }, 12);

  it('totals the budget per domain in the domain order, with shares', () => {
    expect(s.totalBudget).toBe(200_000);
    expect(s.lines).toBe(4);
    expect(s.byDomain).toEqual([
      { domain: 'participation', amount: 150_000, share: 0.75 },
      { domain: 'green', amount: 20_000, share: 0.1 },
      { domain: 'liveability', amount: 30_000, share: 0.15 },
    ]);
  });

  it('says who funds what: per funding source, largest first, ties by name', () => {
    expect(s.byFundingSource).toEqual([
      {
        fundingSource: 'Participatiebudget',
        amount: 100_000,
        share: 0.5,
        domains: [{ domain: 'participation', amount: 100_000 }],
      },
      {
        fundingSource: 'Provincie Fryslân',
        amount: 100_000,
        share: 0.5,
        domains: [
          { domain: 'participation', amount: 50_000 },
          { domain: 'green', amount: 20_000 },
          { domain: 'liveability', amount: 30_000 },
        ],
      },
    ]);
  });

  it.each([
    // case, totals, basis, counterfactual, total, perEuro
    [
      'with a control arm subtracts its counterfactual',
      { intervention, control },
      'net_effect',
      80_000,
      100_000,
      0.5,
    ],
    ['without a control arm is gross', { intervention }, 'gross', null, 180_000, 0.9],
    [
      'with an unevaluable control arm is gross',
      { intervention, control: arm(0, 0, 0) },
      'gross',
      null,
      180_000,
      0.9,
    ],
    [
      'without evaluable intervention participants is null',
      { intervention: arm(0, 0, 0), control },
      'gross',
      null,
      null,
      null,
    ],
  ] as const)('effect per euro %s', (_name, totals, basis, counterfactual, total, perEuro) => {
    const e = summarizeBudget(LINES, totals, 12).effect;
    expect(e).toMatchObject({ basis, counterfactual, total, perEuro });
  });

  it('reports avoided benefit, offset income and the participants’ own guidance cost', () => {
    expect(s.effect).toEqual({
      basis: 'net_effect',
      avoidedBenefit: 160_000,
      offsetIncome: 20_000,
      counterfactual: 80_000,
      total: 100_000,
      perEuro: 0.5,
      participantGuidanceCost: 30_000,
      evaluable: 10,
    });
  });

  it('equals the net effect plus the guidance cost, so both figures tell one story', () => {
    const o = summarizeOutcomes({ intervention, control }, 12);
    expect(s.effect.total! - s.effect.participantGuidanceCost!).toBe(o.netEffect);
  });

  it('gives null shares and per-euro figures without budget lines', () => {
    const empty = summarizeBudget([], { intervention }, 12);
    expect(empty).toMatchObject({ totalBudget: 0, lines: 0, byDomain: [], byFundingSource: [] });
    expect(empty.effect.perEuro).toBeNull();
    expect(empty.effect.total).toBe(180_000);
  });
});
