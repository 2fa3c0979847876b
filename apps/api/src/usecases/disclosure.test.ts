import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  protectBreakdown,
  suppressOutcomes,
  suppressSubgroups,
  suppressSurvival,
} from './disclosure.ts';

const T = 10;

describe('protectBreakdown', () => {
  it.each([
    // values, total shown, hidden
    [[50, 3], true, [true, true]],
    [[50, 30, 3], true, [false, true, true]],
    [[50, 4, 7], true, [false, true, true]],
    [[50, 4, 3, 2], true, [true, true, true, true]],
    [[50, 0, 3], true, [true, false, true]],
    [[50, 20, 0], true, [false, false, false]],
    [[50, 3], false, [false, true]],
    [[12, 15, 3, 6], true, [true, false, true, true]],
  ] as const)('hides %j (total shown: %s) as %j', (values, shown, expected) => {
    expect(
      protectBreakdown(
        values,
        values.map(() => false),
        T,
        shown,
      ),
    ).toEqual(expected);
  });

  it('never shows a count from 1 to 9', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { minLength: 1, maxLength: 8 }), (values) => {
        const hidden = protectBreakdown(
          values,
          values.map(() => false),
          T,
          true,
        );
        values.forEach((v, i) => {
          if (v >= 1 && v < T) expect(hidden[i]).toBe(true);
        });
      }),
    );
  });

  it('leaves no hidden cell that the total minus the visible cells gives away', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { minLength: 1, maxLength: 8 }), (values) => {
        const total = values.reduce((a, b) => a + b, 0);
        if (total >= 1 && total < T) return; // the total itself is suppressed then
        const hidden = protectBreakdown(
          values,
          values.map(() => false),
          T,
          true,
        );
        const hiddenSum = values.reduce((s, v, i) => (hidden[i] ? s + v : s), 0);
        const hiddenCount = hidden.filter(Boolean).length;
        // What an attacker learns: the hidden cells add up to total − visible. That sum must not
        // pin down any single cell: either nothing is hidden, or the sum spreads over at least
        // two cells and reaches the threshold.
        if (hiddenCount > 0) {
          expect(hiddenCount).toBeGreaterThanOrEqual(2);
          expect(hiddenSum).toBeGreaterThanOrEqual(T);
        }
      }),
    );
  });
});

function arm(over: Partial<Record<string, unknown>> = {}) {
  return {
    participants: 60,
    evaluable: 50,
    pending: 10,
    offBenefit: { count: 20, rate: 0.4, ci95: [0.27, 0.54] },
    routes: { regular_work: 10, bbz: 7, combination: 0, other: 3 },
    sustained: { count: 15, rate: 0.3, ci95: [0.19, 0.44] },
    meanBenefitMonths: 8,
    savings: { avoidedBenefit: 1000, offsetIncome: 10, guidanceCost: 500, net: 510 },
    savingsMean: { avoidedBenefit: 20, offsetIncome: 0.2, guidanceCost: 10, net: 10.2 },
    ladderProgress: { n: 30, count: 12, rate: 0.4, ci95: [0.2, 0.6], meanChange: 0.5 },
    sustainedPlacement: { n: 5, count: 4, rate: 0.8, ci95: [0.3, 0.9] },
    ...over,
  };
}

describe('suppressOutcomes', () => {
  it('hides small route counts and, since their total is shown, the next-smallest route too', () => {
    const out = suppressOutcomes(
      { arms: { intervention: arm() }, difference: null, netEffect: null },
      T,
    );
    const routes = out.arms.intervention.routes;
    expect(routes.bbz).toBeNull();
    expect(routes.other).toBeNull();
    expect(routes.regular_work).toBe(10);
    expect(routes.combination).toBe(0);
    expect(out.suppressed).toEqual(
      expect.arrayContaining(['/arms/intervention/routes/bbz', '/arms/intervention/routes/other']),
    );
  });

  it('hides rates, means and money of an arm with fewer than 10 evaluable participants', () => {
    const small = arm({
      participants: 12,
      evaluable: 8,
      pending: 4,
      offBenefit: { count: 3, rate: 0.375, ci95: [0.1, 0.7] },
    });
    const out = suppressOutcomes(
      {
        arms: { intervention: arm(), control: small },
        difference: { rate: 0.1, ci95: [0, 0.2] },
        netEffect: 1000,
      },
      T,
    );
    const c = out.arms.control!;
    expect(c.offBenefit).toEqual({ count: null, rate: null, ci95: null });
    expect(c.savings.net).toBeNull();
    expect(c.meanBenefitMonths).toBeNull();
    expect(out.difference).toEqual({ rate: null, ci95: null });
    expect(out.netEffect).toBeNull();
  });

  it('hides the placement rate computed over fewer than 10 job starts', () => {
    const out = suppressOutcomes(
      { arms: { intervention: arm() }, difference: null, netEffect: null },
      T,
    );
    expect(out.arms.intervention.sustainedPlacement).toEqual({
      n: null,
      count: null,
      rate: null,
      ci95: null,
    });
  });

  it('shows zero as zero', () => {
    const out = suppressOutcomes(
      { arms: { intervention: arm() }, difference: null, netEffect: null },
      T,
    );
    expect(out.arms.intervention.routes.combination).toBe(0);
  });

  it('protects an arm that is small against the pilot total with the other arm', () => {
    const out = suppressOutcomes(
      {
        arms: { intervention: arm({ participants: 200 }), control: arm({ participants: 4 }) },
        difference: null,
        netEffect: null,
      },
      T,
    );
    expect(out.arms.control!.participants).toBeNull();
    expect(out.arms.intervention.participants).toBeNull();
  });
});

describe('suppressSubgroups', () => {
  it('hides the participants of a small group and of the next-smallest group of the same arm', () => {
    const out = suppressSubgroups(
      {
        groups: [
          { value: 1, arms: { intervention: arm({ participants: 3 }) }, difference: null },
          { value: 2, arms: { intervention: arm({ participants: 40 }) }, difference: null },
          { value: 3, arms: { intervention: arm({ participants: 17 }) }, difference: null },
        ],
      },
      T,
    );
    const shown = out.groups.map((g) => g.arms.intervention.participants);
    expect(shown).toEqual([null, 40, null]);
  });
});

describe('suppressSurvival', () => {
  it('drops arms under the threshold, numbers at risk and the log-rank test', () => {
    const km = {
      points: [{ t: 5, survival: 0.9, lower: 0.8, upper: 1, atRisk: 20, events: 2 }],
      median: null,
    };
    const out = suppressSurvival(
      { arms: { intervention: km, control: km }, logRank: { chi2: 1, p: 0.3 } },
      { intervention: 20, control: 6 },
      T,
    );
    expect(out.arms.control).toBeUndefined();
    expect(out.arms.intervention!.points[0]).not.toHaveProperty('atRisk', 20);
    expect(out.logRank).toBeNull();
    expect(out.suppressed).toEqual(['/arms/control', '/logRank']);
  });

  it('cuts a curve where fewer than 10 are still at risk, with the median if it lies there', () => {
    const km = {
      points: [
        { t: 5, survival: 0.9, lower: 0.8, upper: 1, atRisk: 20, events: 2 },
        { t: 40, survival: 0.6, lower: 0.4, upper: 0.8, atRisk: 12, events: 4 },
        { t: 90, survival: 0.4, lower: 0.2, upper: 0.7, atRisk: 6, events: 2 },
        { t: 120, survival: 0, lower: null, upper: null, atRisk: 1, events: 1 },
      ],
      median: 90,
    };
    const out = suppressSurvival(
      { arms: { intervention: km }, logRank: null },
      { intervention: 20, control: 0 },
      T,
    );
    expect(out.arms.intervention!.points.map((p) => p.t)).toEqual([5, 40]);
    expect((out.arms.intervention as { median: number | null }).median).toBeNull();
    expect(out.suppressed).toEqual(['/arms/intervention/points/2', '/arms/intervention/median']);
  });
});
