import { describe, expect, it } from 'vitest';
import {
  budgetLineBody,
  parseAmount,
  parsePercent,
  referenceBody,
  validateBudgetLine,
  validateReference,
  type BudgetLineDraft,
} from './forms.ts';
import { budgetStrings } from './strings.ts';

const s = budgetStrings.nl;
const draft = (over: Partial<BudgetLineDraft> = {}): BudgetLineDraft => ({
  amount: '125.000',
  periodStart: '2024-01-01',
  periodEnd: '2024-12-31',
  domain: 'debt',
  fundingSource: ' Schuldhulpverlening ',
  description: '',
  ...over,
});

describe('parseAmount', () => {
  it.each([
    ['125.000', 125_000],
    ['1.250,50', 1250.5],
    ['€ 380.000', 380_000],
    ['1250.5', 1250.5],
    ['1,250.50', 1250.5],
    ['1250', 1250],
    ['0', 0],
  ])('reads %s as %d', (input, value) => {
    expect(parseAmount(input)).toBe(value);
  });
  it('reads comma groups of three as thousands (cents never have three digits)', () => {
    expect(parseAmount('10,123')).toBe(10_123);
  });
  it.each(['', 'abc', '-5', '1.2.3,4', '12,3456', '1,5.0'])('rejects %j', (input) => {
    expect(parseAmount(input)).toBeNaN();
  });
});

describe('parsePercent', () => {
  it.each([
    ['22', 0.22],
    ['22,5', 0.225],
    ['22.5%', 0.225],
    ['100', 1],
    ['0', 0],
  ])('reads %s as %d', (input, value) => {
    expect(parsePercent(input)).toBeCloseTo(value, 10);
  });
  it.each(['101', '-1', '22,55', 'x', ''])('rejects %j', (input) => {
    expect(parsePercent(input)).toBeNaN();
  });
});

describe('validateBudgetLine', () => {
  it('accepts a complete line and builds the body the server expects', () => {
    expect(validateBudgetLine(draft(), s)).toEqual({});
    expect(budgetLineBody(draft())).toEqual({
      amount: 125_000,
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      domain: 'debt',
      fundingSource: 'Schuldhulpverlening',
      description: null,
    });
  });
  it('puts each problem next to its field', () => {
    const e = validateBudgetLine(
      draft({ amount: 'veel', periodStart: '', domain: 'sport', fundingSource: ' ' }),
      s,
    );
    expect(e).toEqual({
      amount: s.errAmount,
      periodStart: s.errRequired,
      domain: s.errRequired,
      fundingSource: s.errRequired,
    });
  });
  it('refuses an end date before the start date', () => {
    expect(validateBudgetLine(draft({ periodEnd: '2023-12-31' }), s).periodEnd).toBe(
      s.errPeriodOrder,
    );
  });
});

describe('validateReference', () => {
  const ref = {
    kind: 'general_outflow',
    percent: '22',
    windowMonths: '12',
    period: '2024',
    source: 'CBS',
  };
  it('accepts a complete reference line and sends the rate as a share', () => {
    expect(validateReference(ref, s)).toEqual({});
    expect(referenceBody(ref)).toEqual({
      kind: 'general_outflow',
      rate: 0.22,
      windowMonths: 12,
      period: '2024',
      source: 'CBS',
    });
  });
  it('requires a percentage from 0 to 100, a period and a source', () => {
    expect(validateReference({ ...ref, percent: '220', period: '', source: '' }, s)).toEqual({
      percent: s.errPercent,
      period: s.errRequired,
      source: s.errRequired,
    });
  });
});
