/** Strings of the one savings story (SPEC §3: gross without control, net effect with it). */

const nl = {
  title: (k: number) => `Wat de pilot oplevert na ${k} maanden`,
  introNet:
    'Eén rekensom: wat de interventiegroep aan uitkering uitspaarde en aan inkomsten verrekende, min wat de controlegroep zonder de pilot ook bereikte, min de begeleidingskosten. Dat is het netto-effect.',
  introGross:
    'Zonder controlegroep is niet bekend wat er zonder de pilot was gebeurd: alle bedragen zijn bruto, niet het effect van de pilot.',
  avoidedBenefit: 'Vermeden uitkering',
  offsetIncome: 'Verrekende inkomsten',
  counterfactual: 'Wat de controlegroep zonder de pilot ook bereikte',
  attributable: 'Opbrengst door de pilot',
  attributableGross: 'Bruto opbrengst',
  guidanceCost: 'Begeleidingskosten van de deelnemers',
  netEffect: 'Netto-effect t.o.v. controle',
  grossSavings: 'Bruto besparing (geen vergelijkingsgroep)',
  ledger: 'Rekensom',
  perEuroTitle: 'Opbrengst per euro',
  perEuroGuidance: (v: string, base: string) =>
    `${v} per euro begeleidingskosten (kostenbasis: de begeleidingskosten van de deelnemers, ${base})`,
  perEuroBudget: (v: string, base: string) =>
    `${v} per euro begroting (kostenbasis: de begrotingsregels van de pilot, ${base})`,
  basesDiffer:
    'De begroting en de begeleidingskosten van de deelnemers verschillen: de opbrengst per euro hangt af van welke kosten u rekent. Het netto-effect trekt de begeleidingskosten af.',
  grossNote: 'Bruto: zonder vergelijkingsgroep is dit niet het effect van de pilot.',
  alt: (steps: string) => `Rekensom van de besparing: ${steps}`,
};

export type SavingsStrings = typeof nl;

const en: SavingsStrings = {
  title: (k: number) => `What the pilot yields after ${k} months`,
  introNet:
    'One sum: the benefit the intervention group saved and the income offset, minus what the control group reached without the pilot, minus the guidance cost. That is the net effect.',
  introGross:
    'Without a control group nobody knows what would have happened without the pilot: every amount is gross, not the effect of the pilot.',
  avoidedBenefit: 'Avoided benefit',
  offsetIncome: 'Offset income',
  counterfactual: 'What the control group reached without the pilot',
  attributable: 'Return due to the pilot',
  attributableGross: 'Gross return',
  guidanceCost: "Participants' guidance cost",
  netEffect: 'Net effect vs control',
  grossSavings: 'Gross savings (no comparison group)',
  ledger: 'The sum',
  perEuroTitle: 'Return per euro',
  perEuroGuidance: (v: string, base: string) =>
    `${v} per euro of guidance cost (cost base: the participants' guidance cost, ${base})`,
  perEuroBudget: (v: string, base: string) =>
    `${v} per euro of budget (cost base: the pilot's budget lines, ${base})`,
  basesDiffer:
    "The budget and the participants' guidance cost differ: the return per euro depends on which cost you count. The net effect subtracts the guidance cost.",
  grossNote: 'Gross: without a comparison group this is not the effect of the pilot.',
  alt: (steps: string) => `The savings sum: ${steps}`,
};

export const savingsStrings = { nl, en };
