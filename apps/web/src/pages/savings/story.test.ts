import { describe, expect, it } from 'vitest';
import type { OutcomeSummary } from '../../api/queries.ts';
import { storyArm, savingsStory } from './story.ts';

type Savings = {
  avoidedBenefit: number | null;
  offsetIncome: number | null;
  guidanceCost: number | null;
  net: number | null;
};
const arm = (savings: Savings) => ({ savings }) as unknown as OutcomeSummary['arms'][string];

/**
 * The pilot: avoided benefit € 700.000 and offset income € 743.454 in the intervention
 * arm, guidance cost € 858.965, so the gross waterfall ends at € 584.489; against control the
 * net effect is € 62.361, which puts the counterfactual at € 522.128 and the return due to the
 * pilot at € 921.326: € 7,37 per euro of a € 125.000 budget, € 1,07 per euro of guidance cost.
 */
const withControl = {
  arms: {
    intervention: arm({
      avoidedBenefit: 700_000,
      offsetIncome: 743_454,
      guidanceCost: 858_965,
      net: 584_489,
    }),
    control: arm({ avoidedBenefit: 1, offsetIncome: 1, guidanceCost: 0, net: 2 }),
  },
  netEffect: 62_361,
  savingsBasis: 'net_effect' as const,
  suppressed: undefined,
};

const v = (value: number) => ({ kind: 'value', value });

describe('savingsStory', () => {
  it('tells the waterfall, the net effect and the return per euro as one ledger', () => {
    const s = savingsStory(withControl, 125_000)!;
    expect(s.basis).toBe('net_effect');
    expect(s.counterfactual).toEqual(v(522_128));
    expect(s.attributable).toEqual(v(921_326));
    // The ledger adds up to the reply's net effect, which is its last line.
    expect(s.result).toEqual(v(62_361));
    expect(s.perEuroBudget.kind === 'value' && s.perEuroBudget.value).toBeCloseTo(7.37, 2);
    expect(s.perEuroGuidance.kind === 'value' && s.perEuroGuidance.value).toBeCloseTo(1.0726, 4);
    expect(s.budget).toBe(125_000);
  });

  it('is gross without a control arm: no counterfactual, the waterfall net as its result', () => {
    const s = savingsStory({
      ...withControl,
      arms: { intervention: withControl.arms.intervention },
      netEffect: null,
      savingsBasis: 'gross',
    })!;
    expect(s.basis).toBe('gross');
    expect(s.counterfactual).toEqual({ kind: 'missing' });
    expect(s.attributable).toEqual(v(1_443_454));
    expect(s.result).toEqual(v(584_489));
    expect(s.perEuroBudget).toEqual({ kind: 'missing' });
  });

  it('keeps what a viewer may not see suppressed, and whatever is built on it', () => {
    const s = savingsStory({
      ...withControl,
      arms: {
        ...withControl.arms,
        intervention: arm({
          avoidedBenefit: 700_000,
          offsetIncome: null,
          guidanceCost: 858_965,
          net: null,
        }),
      },
      suppressed: ['/arms/intervention/savings/offsetIncome', '/arms/intervention/savings/net'],
    })!;
    expect(s.offsetIncome).toEqual({ kind: 'suppressed' });
    expect(s.counterfactual).toEqual({ kind: 'suppressed' });
    expect(s.perEuroGuidance).toEqual({ kind: 'suppressed' });
    expect(s.result).toEqual(v(62_361));
  });

  it('tells the story of the first declared arm of a pilot without an arm called intervention', () => {
    const s = savingsStory({
      ...withControl,
      arms: { vrijstelling: withControl.arms.intervention, control: withControl.arms.control },
    })!;
    expect(s.arm).toBe('vrijstelling');
  });
});

describe('storyArm', () => {
  it('picks the primary arm as the engine does: intervention, else the first non-control arm', () => {
    const a = {} as OutcomeSummary['arms'][string];
    expect(storyArm({ arms: { control: a, intervention: a } })).toBe('intervention');
    expect(
      storyArm({ arms: { vrijstelling: a, extra_begeleiding: a, bijverdienen: a, control: a } }),
    ).toBe('vrijstelling');
    expect(storyArm({ arms: { control: a } })).toBeUndefined();
  });
});
