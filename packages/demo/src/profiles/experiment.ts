import type { PilotVariable } from '@wegwijzer/domain';
import type { Person } from '../population.ts';
import { MOTIVATION_SPREAD, byMotivation, type PilotProfile } from './shared.ts';

const EXPERIMENT_SOURCE =
  'gemodelleerd op de experimenten met de Participatiewet (2017–2020) in onder meer Groningen, Tilburg, ' +
  'Utrecht, Wageningen, Deventer, Nijmegen en Apeldoorn: loting over een controlegroep en drie regimes. ' +
  'Verzonnen deelnemers en cijfers; geen echte personen of gemeentegegevens.';

const VARIABLES: PilotVariable[] = [
  {
    code: 'werkervaring',
    label: 'Werkervaring in de vijf jaar voor instroom',
    labelEn: 'Work experience in the five years before intake',
    type: 'boolean',
    levels: [],
    min: null,
    max: null,
    description: 'Betaald werk van minstens drie maanden in de vijf jaar voor de loting.',
  },
  {
    code: 'bijstandsduur',
    label: 'Bijstandsduur bij loting',
    labelEn: 'Time on bijstand at randomisation',
    type: 'category',
    levels: [
      { code: 'korter_1j', label: 'Korter dan 1 jaar', labelEn: 'Less than 1 year' },
      { code: '1_tot_3j', label: '1 tot 3 jaar', labelEn: '1 to 3 years' },
      { code: '3j_of_langer', label: '3 jaar of langer', labelEn: '3 years or more' },
    ],
    min: null,
    max: null,
    description: 'Hoe lang de deelnemer al bijstand ontving toen de loting plaatsvond.',
  },
];

/** Exit hazard multipliers: recent work experience and a short benefit spell help most. */
const DURATION = { korter_1j: 1.4, '1_tot_3j': 1, '3j_of_langer': 0.65 } as const;
/**
 * The regimes' effects are small, as the experiments found: extra guidance a few points more
 * outflow to work, keeping part of earnings a little more (part-time) work, exemption from
 * obligations about none.
 */
const LIFT: Record<string, number> = {
  vrijstelling: 1,
  extra_begeleiding: 1.4,
  bijverdienen: 1.15,
  control: 1,
};

const durationOf = (p: Person): keyof typeof DURATION =>
  (p.variables?.bijstandsduur as keyof typeof DURATION | undefined) ?? '1_tot_3j';

/** A person's exit chance before the regime's effect, relative to the typical participant. */
function prospects(p: Person): number {
  const experience = p.variables?.werkervaring === true ? 1.35 : 0.8;
  return byMotivation(p) * experience * DURATION[durationOf(p)];
}

export const bijstandExperiment: PilotProfile = {
  key: 'bijstandsexperiment-wageningen',
  refPrefix: 'EXP',
  name: 'Experiment Participatiewet Wageningen',
  municipality: 'GM0289',
  theme: 'reintegration',
  targetGroup:
    'Bijstandsgerechtigden die al langer een uitkering hebben, met loting over een controlegroep en drie regimes.',
  description:
    `Synthetische demodata, ${EXPERIMENT_SOURCE} Drie regimes naast de controlegroep (de gewone ` +
    'regels): vrijstelling van de re-integratie- en sollicitatieplicht, extra begeleiding naar werk, ' +
    'en behoud van een deel van de bijverdiensten. De effecten zijn klein, zoals in de echte experimenten: ' +
    'extra begeleiding geeft een paar procentpunten meer uitstroom, vrijstelling vrijwel geen.',
  // Randomised over a year and a half; those drawn last are still pending at 12 months.
  intakeFrom: '2023-10-01',
  intakeTo: '2025-04-30',
  size: [780, 820],
  controlShare: 0.25,
  monthlyBenefitCents: 126_000,
  // The default for a participant without a recorded cost: the mean over the three regimes.
  guidanceCostCents: 75_000,
  arms: [
    {
      code: 'vrijstelling',
      label: 'Vrijstelling van verplichtingen',
      labelEn: 'Exemption from obligations',
      share: 0.25,
      guidanceCostCents: 25_000,
    },
    {
      code: 'extra_begeleiding',
      label: 'Extra begeleiding',
      labelEn: 'Extra guidance',
      share: 0.25,
      guidanceCostCents: 160_000,
    },
    {
      code: 'bijverdienen',
      label: 'Behoud van bijverdienste',
      labelEn: 'Keeping part of earnings',
      share: 0.25,
      guidanceCostCents: 40_000,
    },
    {
      code: 'control',
      label: 'Controlegroep',
      labelEn: 'Control group',
      share: 0.25,
      guidanceCostCents: 0,
    },
  ],
  // Stratified on the person's own exit chance (in bands), so each arm shows its modelled effect.
  strata: (p) => `${p.arm}:${Math.min(4, Math.floor(prospects(p) / 0.35))}`,
  variables: {
    declared: VARIABLES,
    draw: (p, rng) => ({
      // Those higher on the ladder more often worked recently.
      werkervaring: rng.chance(p.ladderStep >= 4 ? 0.6 : 0.3),
      bijstandsduur: rng.weighted([
        ['korter_1j', 0.2],
        ['1_tot_3j', 0.35],
        ['3j_of_langer', 0.45],
      ]),
    }),
  },
  population: {
    age: [
      ['18-26', 0.08],
      ['27-44', 0.42],
      ['45-54', 0.28],
      ['55-66', 0.22],
    ],
    motivation: MOTIVATION_SPREAD,
    ladderStep: [
      [1, 0.1],
      [2, 0.25],
      [3, 0.35],
      [4, 0.25],
      [5, 0.05],
    ],
    hasDebts: 0.45,
    disability: 0.22,
    refugeeStatus: 0.12,
  },
  dynamics: {
    exitHazard: (p, k) => {
      if (k < 1) return 0;
      return 0.014 * prospects(p) * (LIFT[p.arm] ?? 1);
    },
    exitRoute: (_p, rng) =>
      rng.weighted([
        ['regular_work', 0.78],
        ['other', 0.22],
      ]),
    // Keeping part of earnings makes a small part-time job worth taking while on benefit.
    partTimeWorkHazard: (p, k) => (k < 1 ? 0 : p.arm === 'bijverdienen' ? 0.03 : 0.012),
    jobLoss: 0.05,
    restartAfterLoss: 0.65,
    bbzStop: 0.02,
    otherRestart: 0.02,
    ladder: {
      every: 6,
      up: (p) => (p.arm === 'extra_begeleiding' ? 0.2 : 0.12),
      down: 0.05,
      max: () => 4,
      workStep: 6,
    },
  },
};
