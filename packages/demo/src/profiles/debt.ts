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
    'Met controlegroep; trage start, treden en uitstroom vooral tussen 12 en 24 maanden na intake. ' +
    'Schulden stabiliseren vooral 6–18 maanden na intake, vaker in de interventiegroep; de geldstress daalt.',
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
  debts: {
    // Mobility mentoring puts money stress first: a settlement or stabilisation mostly in
    // months 4–17; the control group gets the regular debt help, slower.
    stabiliseHazard: (p, k) => {
      if (p.arm === 'control') return k < 6 ? 0.005 : 0.025;
      if (k < 4) return 0.01;
      return k < 18 ? 0.07 : 0.03;
    },
    stressEvery: 3,
    stressDrift: (p, stabilised) => (stabilised ? -0.7 : p.arm === 'intervention' ? -0.35 : -0.05),
  },
  budgetLines: [
    {
      amountCents: 38_000_000,
      periodStart: '2023-01-01',
      periodEnd: '2025-12-31',
      domain: 'participation',
      fundingSource: 'Participatiebudget',
      description: 'Mentoren en coaching naar werk (synthetisch).',
    },
    {
      amountCents: 42_000_000,
      periodStart: '2023-01-01',
      periodEnd: '2025-12-31',
      domain: 'debt',
      fundingSource: 'Schuldhulpverlening (gemeentefonds)',
      description: 'Budgetbeheer, saneringskredieten en schuldregelingen (synthetisch).',
    },
  ],
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
