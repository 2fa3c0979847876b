import type { Dynamics } from '../simulate.ts';
import { ADULTS, MOTIVATION_SPREAD, SOURCE, byMotivation, type PilotProfile } from './shared.ts';

export function partTimeEntrepreneurship(
  city: string,
  municipality: string,
  slug: string,
  size: readonly [number, number],
  pace: number,
): PilotProfile {
  return {
    key: `parttime-ondernemen-${slug}`,
    refPrefix: 'PTO',
    name: `Parttime ondernemen vanuit de bijstand ${city}`,
    municipality,
    theme: 'reintegration',
    targetGroup:
      'Bijstandsgerechtigden met een ondernemersidee die naast hun uitkering parttime een eigen bedrijf opzetten.',
    description:
      `Synthetische demodata, ${SOURCE} Bevinding 4: na een jaar zit ongeveer 40% niet meer in de bijstand, ` +
      'via het Bbz of regulier werk; de verrekende inkomsten verdienen de begeleiding bijna terug. Geen controlegroep.',
    intakeFrom: '2023-06-01',
    intakeTo: '2025-05-31',
    size,
    controlShare: 0,
    monthlyBenefitCents: 132_500,
    guidanceCostCents: 250_000,
    referenceLines: [
      {
        kind: 'general_outflow',
        // About a fifth of the general bijstand population leaves within a year.
        rate: Math.round(0.22 * pace * 100) / 100,
        windowMonths: 12,
        period: '2024',
        source: 'Synthetisch — illustratieve benchmark',
      },
      {
        kind: 'council_target',
        rate: 0.35,
        windowMonths: 12,
        period: '2024–2026',
        source: 'Synthetisch — illustratief raadsdoel',
      },
    ],
    population: {
      age: ADULTS,
      motivation: [
        [1, 0.04],
        [2, 0.1],
        [3, 0.3],
        [4, 0.34],
        [5, 0.22],
      ],
      ladderStep: [
        [3, 0.3],
        [4, 0.5],
        [5, 0.2],
      ],
      hasDebts: 0.3,
      disability: 0.18,
      refugeeStatus: 0.15,
    },
    dynamics: {
      exitHazard: (p, k) => (k < 2 ? 0 : 0.044 * pace * byMotivation(p)),
      exitRoute: (_p, rng) =>
        rng.weighted([
          ['bbz', 0.44],
          ['regular_work', 0.4],
          ['combination', 0.16],
        ]),
      jobLoss: 0.04,
      restartAfterLoss: 0.6,
      bbzStop: 0.02,
      otherRestart: 0.02,
      ladder: { every: 6, up: () => 0.25, down: 0.05, max: () => 5, workStep: 6 },
      offsetIncome: (p, rng) => rng.int(14_000, 43_000) * (0.6 + 0.12 * p.motivation),
    },
  };
}

export const werkLoont: PilotProfile = {
  key: 'werkloont-rotterdam',
  refPrefix: 'WLO',
  name: 'WerkLoont Rotterdam',
  municipality: 'GM0599',
  theme: 'reintegration',
  targetGroup:
    'Nieuwe bijstandsaanvragers met een niet al te grote afstand tot de arbeidsmarkt; verplichte sollicitatietraining en één dag per week werk.',
  description:
    `Synthetische demodata, ${SOURCE} Bevinding 1: gerandomiseerde controlegroep (ongeveer de helft). ` +
    'Deelnemers stromen sneller uit en zitten minder maanden in de bijstand; het effect zit vooral bij gemotiveerde deelnemers.',
  intakeFrom: '2023-07-01',
  intakeTo: '2025-06-30',
  // A trial large enough that the difference between motivation groups shows as more than noise.
  size: [900, 960],
  controlShare: 0.5,
  monthlyBenefitCents: 128_000,
  guidanceCostCents: 120_000,
  population: {
    age: ADULTS,
    motivation: MOTIVATION_SPREAD,
    ladderStep: [
      [2, 0.1],
      [3, 0.35],
      [4, 0.4],
      [5, 0.15],
    ],
    hasDebts: 0.4,
    disability: 0.12,
    refugeeStatus: 0.14,
  },
  dynamics: {
    exitHazard: (p, k) => {
      if (k < 1) return 0;
      const base = 0.023 * byMotivation(p);
      if (p.arm === 'control') return base;
      // The wake-up call works for those ready to act, hardly for the least motivated.
      const lift = [1, 1.05, 1.6, 2.3, 2.5][p.motivation - 1] ?? 1;
      return base * lift;
    },
    exitRoute: (_p, rng) =>
      rng.weighted([
        ['regular_work', 0.84],
        ['other', 0.16],
      ]),
    jobLoss: 0.05,
    restartAfterLoss: 0.7,
    bbzStop: 0.02,
    otherRestart: 0.02,
    ladder: { every: 6, up: () => 0.15, down: 0.05, max: () => 5, workStep: 6 },
  },
};

/** Placement with a supervisor who knows the job: work starts that last (finding 6). */
function supportedPlacement(exit: number): Dynamics {
  return {
    exitHazard: (p, k) => (k < 2 ? 0 : exit * byMotivation(p)),
    exitRoute: (_p, rng) =>
      rng.weighted([
        ['regular_work', 0.92],
        ['other', 0.08],
      ]),
    partTimeWorkHazard: (_p, k) => (k < 1 ? 0 : 0.025),
    jobLoss: 0.03,
    restartAfterLoss: 0.65,
    bbzStop: 0.02,
    otherRestart: 0.02,
    ladder: { every: 3, up: () => 0.2, down: 0.04, max: () => 4, workStep: 5 },
  };
}

export const heiligeBoontjes: PilotProfile = {
  key: 'heilige-boontjes-rotterdam',
  refPrefix: 'HBR',
  name: 'Heilige Boontjes Rotterdam',
  municipality: 'GM0599',
  theme: 'reintegration',
  targetGroup:
    '(Voormalige) straatjongeren, meest jonger dan 27, die in een koffiebar werken onder begeleiders met dezelfde achtergrond.',
  description:
    `Synthetische demodata, ${SOURCE} Bevindingen 3 en 6: geloofwaardige begeleiders binden de jongeren; ` +
    'plaatsingen houden meestal stand en ongeveer 30% stroomt binnen een jaar uit naar regulier werk.',
  intakeFrom: '2023-06-01',
  intakeTo: '2025-05-31',
  size: [200, 240],
  controlShare: 0,
  monthlyBenefitCents: 118_000,
  guidanceCostCents: 650_000,
  population: {
    age: [
      ['18-26', 0.86],
      ['27-30', 0.14],
    ],
    motivation: MOTIVATION_SPREAD,
    ladderStep: [
      [1, 0.2],
      [2, 0.35],
      [3, 0.35],
      [4, 0.1],
    ],
    household: [
      ['single', 0.88],
      ['single_parent', 0.09],
      ['couple', 0.03],
    ],
    education: [
      ['low', 0.75],
      ['mid', 0.22],
      ['high', 0.03],
    ],
    hasDebts: 0.7,
    disability: 0.2,
    refugeeStatus: 0.08,
  },
  dynamics: supportedPlacement(0.037),
};

export const mentorwijs: PilotProfile = {
  key: 'mentorwijs-groningen',
  refPrefix: 'MWG',
  name: 'Mentorwijs Groningen',
  municipality: 'GM0014',
  theme: 'reintegration',
  targetGroup:
    'Kwetsbare werkzoekenden in de bijstand, geplaatst bij werkgevers van wie de leidinggevende de training Mentorwijs volgde.',
  description:
    `Synthetische demodata, ${SOURCE} Bevinding 6: de getrainde leidinggevende is de sleutel tot duurzame plaatsing; ` +
    'ongeveer 30% stroomt binnen een jaar uit naar regulier werk.',
  intakeFrom: '2023-06-01',
  intakeTo: '2025-05-31',
  size: [240, 320],
  controlShare: 0,
  monthlyBenefitCents: 130_000,
  guidanceCostCents: 180_000,
  population: {
    age: ADULTS,
    motivation: MOTIVATION_SPREAD,
    ladderStep: [
      [2, 0.15],
      [3, 0.4],
      [4, 0.45],
    ],
    hasDebts: 0.4,
    disability: 0.3,
    refugeeStatus: 0.15,
  },
  dynamics: supportedPlacement(0.038),
};
