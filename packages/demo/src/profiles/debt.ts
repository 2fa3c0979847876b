import { ADULTS, MOTIVATION_SPREAD, SOURCE, byMotivation, type PilotProfile } from './shared.ts';

export const mobilityMentoring: PilotProfile = {
  key: 'mobility-mentoring-den-haag',
  refPrefix: 'MMH',
  name: "Mobility mentoring 's-Gravenhage",
  municipality: 'GM0518',
  theme: 'debt',
  targetGroup:
    'Bijstandsgerechtigden met problematische schulden en geldstress; eerst rust in de financiën, dan doelen voor werk.',
  description:
    `Synthetische demodata, ${SOURCE} Bevinding 7: eerst aandacht voor geldstress, daarna pas andere doelen. ` +
    'Met controlegroep; trage start, treden en uitstroom vooral tussen 12 en 24 maanden na intake.',
  intakeFrom: '2023-01-01',
  intakeTo: '2025-06-30',
  size: [340, 400],
  controlShare: 0.5,
  monthlyBenefitCents: 134_000,
  guidanceCostCents: 320_000,
  population: {
    age: ADULTS,
    motivation: MOTIVATION_SPREAD,
    ladderStep: [
      [1, 0.15],
      [2, 0.35],
      [3, 0.35],
      [4, 0.15],
    ],
    household: [
      ['single', 0.5],
      ['single_parent', 0.35],
      ['couple', 0.15],
    ],
    hasDebts: 0.92,
    disability: 0.2,
    refugeeStatus: 0.12,
  },
  dynamics: {
    exitHazard: (p, k) => {
      if (k < 2) return 0;
      if (p.arm === 'control' || k < 12) return 0.009 * byMotivation(p);
      return (k < 24 ? 0.032 : 0.022) * byMotivation(p);
    },
    exitRoute: (_p, rng) =>
      rng.weighted([
        ['regular_work', 0.75],
        ['combination', 0.05],
        ['other', 0.2],
      ]),
    jobLoss: 0.04,
    restartAfterLoss: 0.65,
    bbzStop: 0.02,
    otherRestart: 0.02,
    ladder: {
      every: 4,
      up: (p, k) => (p.arm === 'intervention' && k >= 12 ? 0.3 : 0.07),
      down: 0.05,
      max: () => 5,
      workStep: 6,
    },
  },
};
