import { MOTIVATION_SPREAD, SOURCE, byMotivation, type PilotProfile } from './shared.ts';

export const peerGroups: PilotProfile = {
  key: 'peer-groups-leeuwarden',
  refPrefix: 'PGL',
  name: 'Peer groups Leeuwarden',
  municipality: 'GM0080',
  theme: 'methodical',
  targetGroup:
    'Langdurig bijstandsgerechtigden met een grote afstand tot de arbeidsmarkt die elkaar in lotgenotengroepen steunen.',
  description:
    `Synthetische demodata, ${SOURCE} Bevindingen 3 en 7: weinig uitstroom, maar de meeste deelnemers ` +
    'klimmen in kleine stappen één of twee treden op de Participatieladder.',
  intakeFrom: '2023-06-01',
  intakeTo: '2025-05-31',
  size: [220, 280],
  controlShare: 0,
  monthlyBenefitCents: 127_500,
  guidanceCostCents: 90_000,
  population: {
    age: [
      ['18-26', 0.06],
      ['27-44', 0.36],
      ['45-54', 0.32],
      ['55-66', 0.26],
    ],
    motivation: MOTIVATION_SPREAD,
    ladderStep: [
      [1, 0.35],
      [2, 0.4],
      [3, 0.25],
    ],
    hasDebts: 0.45,
    disability: 0.3,
    refugeeStatus: 0.06,
    education: [
      ['low', 0.65],
      ['mid', 0.28],
      ['high', 0.07],
    ],
  },
  dynamics: {
    exitHazard: (p, k) => (k < 3 ? 0 : 0.0095 * byMotivation(p)),
    exitRoute: (_p, rng) =>
      rng.weighted([
        ['regular_work', 0.65],
        ['other', 0.35],
      ]),
    jobLoss: 0.05,
    restartAfterLoss: 0.6,
    bbzStop: 0.02,
    otherRestart: 0.02,
    ladder: {
      every: 3,
      up: () => 0.33,
      down: 0.04,
      max: (p) => Math.min(p.ladderStep + 2, 4),
      workStep: 5,
    },
  },
};

export const binthout: PilotProfile = {
  key: 'binthout-zwolle',
  refPrefix: 'BHT',
  name: 'Binthout Zwolle',
  municipality: 'GM0193',
  theme: 'methodical',
  targetGroup:
    'Mensen met een psychische of psychiatrische beperking die met behoud van uitkering designproducten maken van gerecycled stadshout.',
  description:
    `Synthetische demodata, ${SOURCE} Bevinding 2: zinvol werk en intrinsieke motivatie; deelnemers komen tot ` +
    'deelname en onbetaald werk (trede 3–4), de uitkering loopt door.',
  intakeFrom: '2023-06-01',
  intakeTo: '2025-05-31',
  size: [200, 240],
  controlShare: 0,
  monthlyBenefitCents: 131_000,
  guidanceCostCents: 480_000,
  // Finding 5: participation, green and liveability in one project, funded from three budgets.
  budgetLines: [
    {
      amountCents: 62_000_000,
      periodStart: '2023-06-01',
      periodEnd: '2025-12-31',
      domain: 'participation',
      fundingSource: 'Participatiebudget',
      description: 'Werkbegeleiding en dagbesteding in de houtwerkplaats (synthetisch).',
    },
    {
      amountCents: 21_000_000,
      periodStart: '2023-06-01',
      periodEnd: '2025-12-31',
      domain: 'green',
      fundingSource: 'Groenbeheer gemeente Zwolle',
      description: 'Inzameling en verwerking van stadshout uit het bomenonderhoud (synthetisch).',
    },
    {
      amountCents: 14_000_000,
      periodStart: '2024-01-01',
      periodEnd: '2025-12-31',
      domain: 'liveability',
      fundingSource: 'Provincie Overijssel',
      description: 'Stadsmeubilair voor buurten en schoolpleinen (synthetisch).',
    },
    {
      amountCents: 6_000_000,
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      domain: 'participation',
      fundingSource: 'Provincie Overijssel',
      description: 'Opschaling naar een tweede werkplaats (synthetisch).',
    },
  ],
  population: {
    age: [
      ['18-26', 0.15],
      ['27-44', 0.45],
      ['45-54', 0.25],
      ['55-66', 0.15],
    ],
    motivation: [
      [1, 0.08],
      [2, 0.17],
      [3, 0.3],
      [4, 0.28],
      [5, 0.17],
    ],
    ladderStep: [
      [1, 0.25],
      [2, 0.45],
      [3, 0.3],
    ],
    household: [
      ['single', 0.78],
      ['single_parent', 0.1],
      ['couple', 0.12],
    ],
    hasDebts: 0.35,
    disability: 0.9,
    refugeeStatus: 0.04,
  },
  dynamics: {
    exitHazard: (_p, k) => (k < 6 ? 0 : 0.004),
    exitRoute: (_p, rng) =>
      rng.weighted([
        ['regular_work', 0.5],
        ['other', 0.5],
      ]),
    jobLoss: 0.06,
    restartAfterLoss: 0.7,
    bbzStop: 0.02,
    otherRestart: 0.02,
    ladder: {
      every: 4,
      up: (p) => 0.2 + 0.04 * p.motivation,
      down: 0.06,
      max: (p) => (p.motivation >= 3 ? 4 : 3),
      workStep: 5,
    },
  },
};
