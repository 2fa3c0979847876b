import {
  Arm,
  BUDGET_DOMAINS,
  Education,
  EVENT_TYPES_FOR_EXPORT,
  EXIT_REASONS,
  Household,
} from './enums.ts';
import { DAYS_PER_MONTH } from '@wegwijzer/outcomes';
import type { NumberFormat } from './csv.ts';

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';
export type Unit = 'EUR' | 'months' | 'days' | 'hours per week' | 'year';

/** One column of an export table: how it is written and how datapackage.json describes it. */
export interface Field {
  name: string;
  type: FieldType;
  /** Dutch, then English. */
  description: string;
  unit?: Unit;
  enum?: readonly string[];
  /** Labels of the `enum` values (Frictionless `categories`): a pilot variable's levels. */
  categories?: readonly { value: string; label: string }[];
  minimum?: number;
  maximum?: number;
  required?: boolean;
  format?: NumberFormat;
}

export interface Table {
  /** Resource name in datapackage.json (lower case). */
  name: string;
  path: string;
  title: string;
  description: string;
  fields: readonly Field[];
  primaryKey?: string;
  foreignKey?: { field: string; resource: string; reference: string };
}

const MONEY: NumberFormat = { fixed: 2 };

/**
 * Avoided benefit (and so net savings) of one participant is days × benefit ÷ DAYS_PER_MONTH: a whole
 * number of 487ths of a cent, which no decimal writes exactly. An arm's exact total is never
 * closer than 1/974 cent to a half cent, so the column sum rounds to the summary's cent as long
 * as the rows' rounding adds up to less than that; ten decimals (at most 5·10⁻¹¹ EUR a row) keep
 * that for arms of up to 100,000 participants (SPEC §7).
 */
const MONEY_SHARE: NumberFormat = { fixed: 10 };

/** The cohort windows of SPEC §7. */
export const COHORT_WINDOWS = [6, 12, 24] as const;

const BASELINE_FIELDS = (
  refName: string,
  refDescription: string,
  effectiveAmounts: boolean,
): Field[] => [
  { name: refName, type: 'string', required: true, description: refDescription },
  {
    name: 'arm',
    type: 'string',
    enum: Arm,
    required: true,
    description:
      'Onderzoeksarm: een van de armen die de pilot declareert, control = vergelijkingsgroep / Study arm: one of the arms the pilot declares; control is the comparison group.',
  },
  {
    name: 'intake_date',
    type: 'date',
    required: true,
    description: 'Intakedatum t0 / Intake date t0; every window is counted from it.',
  },
  {
    name: 'monthly_benefit',
    type: 'number',
    unit: 'EUR',
    minimum: 0,
    format: MONEY,
    description: effectiveAmounts
      ? 'Bijstandsuitkering per maand (EUR); eigen bedrag, anders het standaardbedrag van de pilot / Monthly benefit (EUR): the participant’s own amount, else the pilot default, as the savings use it.'
      : 'Bijstandsuitkering per maand (EUR), leeg = standaardbedrag van de pilot / Monthly benefit (EUR); empty means the pilot default.',
  },
  {
    name: 'guidance_cost',
    type: 'number',
    unit: 'EUR',
    minimum: 0,
    format: MONEY,
    description: effectiveAmounts
      ? 'Begeleidingskosten (EUR); eigen bedrag, anders het standaardbedrag van de pilot / Guidance cost (EUR): own amount, else the pilot default. Counted in savings for the intervention arm only.'
      : 'Begeleidingskosten (EUR), leeg = standaardbedrag van de pilot / Guidance cost (EUR); empty means the pilot default.',
  },
  {
    name: 'household',
    type: 'string',
    enum: Household,
    description: 'Huishouden / Household type.',
  },
  {
    name: 'birth_year',
    type: 'integer',
    unit: 'year',
    minimum: 1900,
    maximum: 2100,
    description: 'Geboortejaar / Year of birth (age band = year of intake − birth year).',
  },
  {
    name: 'motivation',
    type: 'integer',
    minimum: 1,
    maximum: 5,
    description:
      'Motivatie bij intake, 1 (laag) – 5 (hoog) / Motivation at intake, 1 (low) to 5 (high).',
  },
  {
    name: 'ladder_step',
    type: 'integer',
    minimum: 1,
    maximum: 6,
    description:
      'Trede op de Participatieladder bij intake (1 Geïsoleerd … 6 Betaald werk) / Participation ladder step at intake (1 isolated … 6 paid work).',
  },
  { name: 'has_debts', type: 'boolean', description: 'Schulden bij intake / Has debts at intake.' },
  { name: 'disability', type: 'boolean', description: 'Arbeidsbeperking / Has a disability.' },
  { name: 'refugee_status', type: 'boolean', description: 'Statushouder / Has refugee status.' },
  {
    name: 'education',
    type: 'string',
    enum: Education,
    description: 'Opleidingsniveau / Education level.',
  },
  {
    name: 'lost_to_follow_up_date',
    type: 'date',
    description:
      'Uit beeld sinds / Lost to follow-up from this date; the observation end is the earlier of this and the pilot’s data-complete-through date.',
  },
];

function windowFields(k: number): Field[] {
  const mark = `m(${k}) = intake + ${k} calendar months, day clamped to the month’s last day`;
  const pending = 'Empty when the window is not evaluable.';
  return [
    {
      name: `evaluable_${k}m`,
      type: 'boolean',
      required: true,
      description: `Evalueerbaar op ${k} maanden / Evaluable at ${k} months: ${mark} lies on or before the observation end. Participants that are not evaluable are pending and belong in no denominator.`,
    },
    {
      name: `off_benefit_${k}m`,
      type: 'boolean',
      description: `Uit de bijstand op ${k} maanden / Off benefit at ${k} months: evaluable and not on benefit on m(${k}) (the latest benefit_end/benefit_restart on or before that day decides; benefit_end wins on the same day). Exit rate = mean over evaluable participants. ${pending}`,
    },
    {
      name: `route_${k}m`,
      type: 'string',
      enum: EXIT_REASONS,
      description: `Uitstroomroute op ${k} maanden / Exit route at ${k} months: reason of the benefit_end in force on m(${k}); a missing reason counts as other. Empty unless off benefit.`,
    },
    {
      name: `sustained_${k}m`,
      type: 'boolean',
      description: `Duurzame uitstroom op ${k} maanden / Sustained exit at ${k} months: off benefit on every day from m(${k - 6}) to m(${k}), both included. ${pending}`,
    },
    {
      name: `benefit_months_${k}m`,
      type: 'number',
      unit: 'months',
      minimum: 0,
      format: { maxDecimals: 6 },
      description: `Uitkeringsmaanden in venster / Benefit months in the window: days d in [intake, m(${k})) on benefit, divided by ${DAYS_PER_MONTH}. ${pending}`,
    },
    {
      name: `savings_avoided_benefit_${k}m`,
      type: 'number',
      unit: 'EUR',
      format: MONEY_SHARE,
      description: `Vermeden uitkering (EUR) / Avoided benefit (EUR): days off benefit in [intake, m(${k})) / ${DAYS_PER_MONTH} × monthly_benefit. ${pending}`,
    },
    {
      name: `savings_offset_income_${k}m`,
      type: 'number',
      unit: 'EUR',
      format: MONEY,
      description: `Verrekende inkomsten (EUR) / Offset income (EUR): sum of offset_income events dated in [intake, m(${k})). ${pending}`,
    },
    {
      name: `savings_guidance_cost_${k}m`,
      type: 'number',
      unit: 'EUR',
      format: MONEY,
      description: `Begeleidingskosten (EUR) / Guidance cost (EUR): guidance_cost for the intervention arm, 0 for control. ${pending}`,
    },
    {
      name: `savings_net_${k}m`,
      type: 'number',
      unit: 'EUR',
      format: MONEY_SHARE,
      description: `Netto besparing (EUR) / Net savings (EUR): avoided benefit + offset income − guidance cost; gross, without a counterfactual. ${pending}`,
    },
  ];
}

const PSEUDONYM =
  'Pseudoniem, stabiel per onderzoeker en pilot; geen gemeentelijk kenmerk / Pseudonym, stable per researcher and pilot; not the municipal reference.';

const listOf = (ks: readonly number[], and: string) =>
  ks.length === 1 ? String(ks[0]) : `${ks.slice(0, -1).join(', ')} ${and} ${ks.at(-1)}`;

/**
 * cohort.csv: one row per participant, baseline plus the derived outcomes of SPEC §3 at the
 * given windows (SPEC §7's 6, 12 and 24 unless the researcher chooses others).
 */
export function cohortTable(windows: readonly number[] = COHORT_WINDOWS): Table {
  return {
    name: 'cohort',
    path: 'cohort.csv',
    title: 'Cohort',
    description: `Eén rij per deelnemer: uitgangssituatie en afgeleide uitkomsten (SPEC §3) op ${listOf(windows, 'en')} ${windows.length === 1 && windows[0] === 1 ? 'maand' : 'maanden'} / One row per participant: baseline and derived outcomes at ${listOf(windows, 'and')} ${windows.length === 1 && windows[0] === 1 ? 'month' : 'months'}.`,
    primaryKey: 'pseudonym',
    fields: [
      ...BASELINE_FIELDS('pseudonym', PSEUDONYM, true),
      ...windows.flatMap(windowFields),
      {
        name: 'days_to_first_exit',
        type: 'integer',
        unit: 'days',
        required: true,
        description:
          'Dagen tot eerste uitstroom / Days to first exit: days from intake to the first benefit_end dated on or before the observation end; otherwise days to the observation end (censored). Negative when the observation end precedes intake.',
      },
      {
        name: 'first_exit_censored',
        type: 'boolean',
        required: true,
        description:
          'Gecensureerd / Censored: true when no benefit_end was observed by the observation end (Kaplan–Meier censoring).',
      },
    ],
  };
}

/** cohort.csv with the windows of SPEC §7. */
export const COHORT: Table = cohortTable();

/** participants.csv: the import's columns (SPEC §4) without bsn, pseudonym as participant_ref. */
export const PARTICIPANTS: Table = {
  name: 'participants',
  path: 'participants.csv',
  title: 'Participants',
  description:
    'Deelnemers in het importformaat, met pseudoniemen / Participants in the import format (SPEC §4), with pseudonyms; imports back into a new pilot.',
  primaryKey: 'participant_ref',
  fields: BASELINE_FIELDS('participant_ref', PSEUDONYM, false),
};

/** events.csv: the import's columns (SPEC §4), pseudonym as participant_ref. */
export const EVENTS: Table = {
  name: 'events',
  path: 'events.csv',
  title: 'Events',
  description:
    'Gebeurtenissen op de tijdlijn van elke deelnemer / Dated events on each participant’s timeline, in the import format (SPEC §4).',
  foreignKey: { field: 'participant_ref', resource: 'participants', reference: 'participant_ref' },
  fields: [
    { name: 'participant_ref', type: 'string', required: true, description: PSEUDONYM },
    {
      name: 'type',
      type: 'string',
      enum: EVENT_TYPES_FOR_EXPORT,
      required: true,
      description:
        'Soort gebeurtenis / Event type: benefit_end (bijstand stops from this date), benefit_restart, bbz_start, bbz_end, work_start, work_end, ladder (step measured), offset_income (income offset against the benefit), debt_intake (debts registered, with the total), debt_settlement_start, debt_stabilised, debt_free (debts under control), money_stress (score 0–10).',
    },
    {
      name: 'date',
      type: 'date',
      required: true,
      description: 'Datum / Date; an event is in force on its own day.',
    },
    {
      name: 'reason',
      type: 'string',
      enum: EXIT_REASONS,
      description:
        'Uitstroomreden, alleen bij benefit_end / Exit reason, benefit_end only; empty counts as other.',
    },
    {
      name: 'value',
      type: 'number',
      minimum: 0,
      format: { maxDecimals: 2 },
      description:
        'Waarde / Value: hours per week for work_start, the step 1–6 for ladder, the amount in EUR for offset_income, the total debt in EUR for debt_intake, the score 0–10 (at most one decimal) for money_stress; empty otherwise.',
    },
  ],
};

/** budget.csv: the pilot's budget lines in the import format of `kind=budget`. */
export const BUDGET: Table = {
  name: 'budget',
  path: 'budget.csv',
  title: 'Budget lines',
  description:
    'Begrotingsregels van de pilot: kosten en financiering per beleidsterrein / The pilot’s budget lines: cost and funding per policy domain, in the import format of kind=budget; imports back into a new pilot.',
  fields: [
    {
      name: 'amount',
      type: 'number',
      unit: 'EUR',
      minimum: 0,
      format: MONEY,
      required: true,
      description: 'Bedrag (EUR) / Amount (EUR) of this line.',
    },
    {
      name: 'period_start',
      type: 'date',
      required: true,
      description: 'Begin van de periode / First day of the period the amount covers.',
    },
    {
      name: 'period_end',
      type: 'date',
      required: true,
      description: 'Einde van de periode / Last day of the period (on or after period_start).',
    },
    {
      name: 'domain',
      type: 'string',
      enum: BUDGET_DOMAINS,
      required: true,
      description:
        'Beleidsterrein / Policy domain: participation, debt, care, green, liveability, education or other.',
    },
    {
      name: 'funding_source',
      type: 'string',
      required: true,
      description:
        'Financier / Funding source, free text such as Participatiebudget or Provincie Fryslân.',
    },
    {
      name: 'description',
      type: 'string',
      description: 'Omschrijving / Description of what the line pays for.',
    },
  ],
};

export const TABLES: readonly Table[] = [COHORT, PARTICIPANTS, EVENTS, BUDGET];
