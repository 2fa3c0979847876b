import type { Baseline } from '@wegwijzer/domain/core';
import { describe, expect, it } from 'vitest';
import { analyseCox, analyseDifference, type ModelParticipant } from './analyse.ts';
import { coxph } from './cox.ts';

const baseline = (over: Partial<Baseline>): Baseline => ({
  arm: 'intervention',
  intakeDate: '2024-01-01',
  monthlyBenefitCents: null,
  guidanceCostCents: null,
  household: null,
  birthYear: null,
  motivation: null,
  ladderStep: null,
  hasDebts: null,
  disability: null,
  refugeeStatus: null,
  education: null,
  lostToFollowUpDate: null,
  ...over,
});

// 24 people: arm alternates, household cycles, exits at varying days, two missing household.
const people: ModelParticipant[] = Array.from({ length: 24 }, (_, i) => ({
  baseline: baseline({
    arm: i % 2 === 0 ? 'intervention' : 'control',
    household: i === 5 || i === 6 ? null : (['single', 'couple', 'single_parent'] as const)[i % 3]!,
    motivation: 1 + (i % 5),
    birthYear: 1970 + i,
  }),
  firstExit: { days: 30 + ((i * 37) % 300), event: i % 4 !== 3 },
  evaluable: i < 20,
  offBenefit: i % 3 !== 0,
}));

describe('analyseCox', () => {
  it('fits unadjusted and adjusted on the same complete cases and reports those left out', () => {
    const a = analyseCox(people, ['household', 'motivation']);
    expect([a.n, a.excluded]).toEqual([22, 2]);
    const used = people.filter((_, i) => i !== 5 && i !== 6);
    const direct = coxph({
      time: used.map((p) => p.firstExit.days),
      event: used.map((p) => p.firstExit.event),
      x: used.map((p) => [p.baseline.arm === 'intervention' ? 1 : 0]),
    });
    expect(direct.ok && a.unadjusted.ok).toBe(true);
    if (direct.ok && a.unadjusted.ok) expect(a.unadjusted.hazardRatio).toBe(direct.hazardRatio[0]);
    expect(a.adjusted?.ok && a.adjusted.coefficients.map((c) => c.name)).toEqual([
      'arm',
      'householdsingle_parent',
      'householdcouple',
      'motivation',
    ]);
    expect(a.proportionalHazards?.terms.map((t) => [t.name, t.df])).toEqual([
      ['arm', 1],
      ['household', 2],
      ['motivation', 1],
    ]);
  });

  it('names the covariate with one level among the complete cases', () => {
    const same = people.map((p) => ({
      ...p,
      baseline: { ...p.baseline, education: 'mid' as const },
    }));
    expect(analyseCox(same, ['education']).adjusted).toEqual({
      ok: false,
      reason: 'constant_covariate',
      covariate: 'education',
    });
  });

  it('says no events when nobody left benefit', () => {
    const none = people.map((p) => ({ ...p, firstExit: { days: 400, event: false } }));
    expect(analyseCox(none, []).unadjusted).toEqual({
      ok: false,
      reason: 'no_events',
      covariate: null,
    });
  });
});

describe('analyseDifference', () => {
  it('uses the evaluable only, with the raw difference beside the standardised one', () => {
    const a = analyseDifference(people, ['age']);
    expect([a.n, a.excluded, a.pending]).toEqual([20, 0, 4]);
    expect(a.unadjusted.ok && a.adjusted?.ok).toBe(true);
    if (a.unadjusted.ok && a.adjusted?.ok) {
      expect(a.adjusted.ci95[0]).toBeLessThan(a.adjusted.difference);
      expect(a.adjusted.coefficients[0]!.name).toBe('(Intercept)');
    }
  });

  it('reports separation when one arm has everyone off benefit', () => {
    const sep = people.map((p) => ({ ...p, offBenefit: p.baseline.arm === 'intervention' }));
    expect(analyseDifference(sep, ['age']).adjusted).toEqual({
      ok: false,
      reason: 'separation',
      covariate: null,
    });
  });
});
