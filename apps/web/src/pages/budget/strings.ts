import type { BudgetDomain } from '../../charts/budget.ts';
import type { ReferenceKind } from './forms.ts';

/** Strings of the budget views (their own chunk: `useStrings(budgetStrings)`). */

const nl = {
  title: 'Begroting en financiering',
  intro:
    'Wat de pilot kost, uit welke budgetten het geld komt, en wat elke euro oplevert voor de gemeente als geheel.',
  noLines: 'Voor deze pilot zijn nog geen begrotingsregels vastgelegd.',
  domains: {
    participation: 'Participatie',
    debt: 'Schuldhulp',
    care: 'Zorg',
    green: 'Groen',
    liveability: 'Leefbaarheid',
    education: 'Onderwijs',
    other: 'Overig',
  } satisfies Record<BudgetDomain, string>,
  byDomain: 'Kosten per beleidsterrein',
  byDomainAlt: (parts: string, total: string) =>
    `Eén balk verdeeld over de beleidsterreinen waaruit de pilot wordt betaald: ${parts}. Totaal ${total}.`,
  domain: 'Beleidsterrein',
  amount: 'Bedrag',
  share: 'Aandeel',
  total: 'Totaal',
  whoPays: 'Wie betaalt wat',
  funder: 'Financier',
  perEuroTitle: 'Opbrengst per geïnvesteerde euro',
  perEuro: (v: string, k: number) =>
    `Per euro van de begroting levert de pilot ${v} op voor de gemeente als geheel (na ${k} maanden).`,
  perEuroUnknown: (k: number) =>
    `De opbrengst per euro na ${k} maanden is nog niet te berekenen: er is geen begroting, of nog niemand is lang genoeg gevolgd.`,
  perEuroSuppressed:
    'Minder dan 10 deelnemers zijn lang genoeg gevolgd: om hen te beschermen tonen we de opbrengst per euro nog niet.',
  paysOff: 'Op de begroting verdient de pilot zichzelf terug.',
  paysOffCross: (n: number) =>
    `Op de begroting verdient de pilot zichzelf terug over de beleidsterreinen heen: het geld komt uit ${n} budgetten, de opbrengst komt bij de gemeente als geheel terecht. Eén budget alleen zou dat niet laten zien.`,
  notYet: (v: string) =>
    `Nog niet terugverdiend: per euro komt ${v} terug. De winst voor andere beleidsterreinen (zoals groen of leefbaarheid) is hier niet in meegeteld.`,
  made: 'Waar de opbrengst uit bestaat',
  avoidedBenefit: 'Vermeden uitkering',
  offsetIncome: 'Verrekende inkomsten',
  counterfactual: 'Min: wat de controlegroep ook bereikte',
  effectTotal: 'Opbrengst',
  budgetTotal: 'Begroting',
  definitions: [
    'De begroting is de som van alle begrotingsregels van de pilot: wat er is of wordt uitgegeven, per beleidsterrein en per financier.',
    'De opbrengst is de uitkering die de gemeente niet hoefde te betalen omdat deelnemers uit de bijstand gingen, plus de inkomsten die met de uitkering zijn verrekend, tot het gekozen meetmoment.',
    'Heeft de pilot een controlegroep, dan trekken we af wat de controlegroep (omgerekend naar evenveel deelnemers) ook bereikte. Dan telt alleen het verschil als opbrengst van de pilot.',
    'Opbrengst per euro = opbrengst ÷ begroting. Boven € 1 verdient de pilot zichzelf terug. Opbrengsten buiten de bijstand, zoals minder zorgkosten of een groenere wijk, tellen niet mee: het werkelijke rendement is dus eerder hoger.',
  ],
  // Editing (managers and admins)
  linesTitle: 'Begrotingsregels',
  period: 'Periode',
  description: 'Omschrijving',
  actions: 'Acties',
  addLine: 'Begrotingsregel toevoegen',
  editLine: 'Begrotingsregel wijzigen',
  edit: 'Wijzigen',
  amountLabel: 'Bedrag (euro)',
  amountHint: 'Bijvoorbeeld 125.000 of 1.250,50',
  periodStart: 'Begindatum',
  periodEnd: 'Einddatum',
  fundingSource: 'Financier (budget)',
  fundingHint: 'Uit welk budget het geld komt, bijvoorbeeld Participatiebudget',
  descriptionLabel: 'Omschrijving (optioneel)',
  chooseDomain: 'Kies een beleidsterrein',
  saved: 'Opgeslagen.',
  deleted: 'Verwijderd.',
  confirmDelete: (what: string) => `Weet u zeker dat u ${what} wilt verwijderen?`,
  errRequired: 'Dit veld is verplicht.',
  errAmount: 'Vul een bedrag in euro in, 0 of meer, met hoogstens twee cijfers achter de komma.',
  errDate: 'Vul een geldige datum in.',
  errPeriodOrder: 'De einddatum ligt vóór de begindatum.',
  errTooLong: (max: number) => `Gebruik hoogstens ${max} tekens.`,
  errPercent: 'Vul een percentage in van 0 tot en met 100, bijvoorbeeld 22 of 22,5.',
  // Reference lines
  refTitle: 'Referentielijnen',
  refIntro:
    'Cijfers om de uitstroom van de pilot naast te leggen: de algemene uitstroom uit de bijstand in de gemeente, en het doel van de gemeenteraad. Ze verschijnen als lijn in de grafieken met dezelfde periode na intake.',
  refNone: 'Nog geen referentielijnen.',
  refAdd: 'Referentielijn toevoegen',
  refKind: 'Soort',
  refKinds: {
    general_outflow: 'Algemene uitstroom uit de bijstand',
    council_target: 'Doel van de gemeenteraad',
  } satisfies Record<ReferenceKind, string>,
  refPercent: 'Percentage',
  refPercentHint: 'Deel dat uit de bijstand is, bijvoorbeeld 22 of 22,5',
  refWindow: 'Gemeten na',
  refPeriod: 'Periode',
  refPeriodHint: 'Bijvoorbeeld 2024 of 2024–2026',
  refSource: 'Bron',
  refSourceHint: 'Waar het cijfer vandaan komt, bijvoorbeeld CBS of een raadsbesluit',
};
export type BudgetStrings = typeof nl;

const en: BudgetStrings = {
  title: 'Budget and funding',
  intro:
    'What the pilot costs, which budgets pay for it, and what each euro brings back for the municipality as a whole.',
  noLines: 'No budget lines have been recorded for this pilot yet.',
  domains: {
    participation: 'Participation',
    debt: 'Debt assistance',
    care: 'Care',
    green: 'Green spaces',
    liveability: 'Liveability',
    education: 'Education',
    other: 'Other',
  },
  byDomain: 'Cost per policy domain',
  byDomainAlt: (parts: string, total: string) =>
    `One bar split over the policy domains that pay for the pilot: ${parts}. Total ${total}.`,
  domain: 'Policy domain',
  amount: 'Amount',
  share: 'Share',
  total: 'Total',
  whoPays: 'Who pays for what',
  funder: 'Funder',
  perEuroTitle: 'Return per euro invested',
  perEuro: (v: string, k: number) =>
    `Per euro of budget the pilot brings back ${v} for the municipality as a whole (after ${k} months).`,
  perEuroUnknown: (k: number) =>
    `The return per euro after ${k} months cannot be calculated yet: there is no budget, or no one has been followed long enough.`,
  perEuroSuppressed:
    'Fewer than 10 participants have been followed long enough: to protect them we do not show the return per euro yet.',
  paysOff: 'On its budget the pilot pays for itself.',
  paysOffCross: (n: number) =>
    `On its budget the pilot pays for itself across policy domains: the money comes from ${n} budgets, the return goes to the municipality as a whole. No single budget would show this.`,
  notYet: (v: string) =>
    `Not paid back yet: each euro brings back ${v}. Gains for other policy domains (such as green spaces or liveability) are not counted here.`,
  made: 'What the return is made of',
  avoidedBenefit: 'Avoided benefit',
  offsetIncome: 'Offset income',
  counterfactual: 'Less: what the control group achieved too',
  effectTotal: 'Return',
  budgetTotal: 'Budget',
  definitions: [
    'The budget is the sum of all budget lines of the pilot: what is or will be spent, per policy domain and per funder.',
    'The return is the benefit the municipality did not have to pay because participants left social assistance, plus income offset against the benefit, up to the chosen point in time.',
    'With a control group we subtract what the control group (scaled to the same number of participants) achieved too, so only the difference counts as the pilot’s return.',
    'Return per euro = return ÷ budget. Above € 1 the pilot pays for itself. Gains outside social assistance, such as lower care costs or a greener neighbourhood, are not counted: the true return is, if anything, higher.',
  ],
  linesTitle: 'Budget lines',
  period: 'Period',
  description: 'Description',
  actions: 'Actions',
  addLine: 'Add budget line',
  editLine: 'Change budget line',
  edit: 'Change',
  amountLabel: 'Amount (euros)',
  amountHint: 'For example 125,000 or 1,250.50',
  periodStart: 'Start date',
  periodEnd: 'End date',
  fundingSource: 'Funder (budget)',
  fundingHint: 'Which budget the money comes from, for example Participatiebudget',
  descriptionLabel: 'Description (optional)',
  chooseDomain: 'Choose a policy domain',
  saved: 'Saved.',
  deleted: 'Deleted.',
  confirmDelete: (what: string) => `Are you sure you want to delete ${what}?`,
  errRequired: 'This field is required.',
  errAmount: 'Enter an amount in euros, 0 or more, with at most two decimals.',
  errDate: 'Enter a valid date.',
  errPeriodOrder: 'The end date is before the start date.',
  errTooLong: (max: number) => `Use at most ${max} characters.`,
  errPercent: 'Enter a percentage from 0 to 100, for example 22 or 22.5.',
  refTitle: 'Reference lines',
  refIntro:
    'Figures to set the pilot’s exit rate against: the general exit from social assistance in the municipality, and the council’s target. They appear as a line in the charts with the same period after intake.',
  refNone: 'No reference lines yet.',
  refAdd: 'Add reference line',
  refKind: 'Kind',
  refKinds: {
    general_outflow: 'General exit from social assistance',
    council_target: 'Council target',
  },
  refPercent: 'Percentage',
  refPercentHint: 'Share off social assistance, for example 22 or 22.5',
  refWindow: 'Measured after',
  refPeriod: 'Period',
  refPeriodHint: 'For example 2024 or 2024–2026',
  refSource: 'Source',
  refSourceHint: 'Where the figure comes from, for example CBS or a council decision',
};

export const budgetStrings = { nl, en };
