/** Strings of the balance table ("Tabel 1") and the pilot's own variables. */
const nl = {
  title: 'Vergelijkbaarheid van de groepen (tabel 1)',
  intro:
    'Leken de groepen bij de start op elkaar? Per kenmerk het aandeel of het gemiddelde per groep, en het gestandaardiseerde verschil van elke interventiegroep met de controlegroep.',
  mark: (d: string) =>
    `Een verschil groter dan ${d} (in absolute waarde) markeren we: daar verschillen de groepen bij de start merkbaar, en dat kan een verschil in uitkomsten deels verklaren.`,
  noControl:
    'Deze pilot heeft geen controlegroep: er is geen gestandaardiseerd verschil te berekenen.',
  characteristic: 'Kenmerk',
  difference: (arm: string) => `Verschil ${arm} – controle`,
  meanSd: 'gemiddelde (SD)',
  missing: 'niet vastgelegd',
  flagged: 'verschil groter dan 0,1',
  ownVariable: 'eigen variabele',
  age: 'Leeftijd bij intake (jaren)',
  participants: 'Deelnemers',
  caption:
    'Tabel 1. Kenmerken bij de start per groep: aantal (aandeel) of gemiddelde (standaardafwijking).',
  variablesTitle: 'Eigen variabelen',
};
export type BalanceStrings = typeof nl;
const en: BalanceStrings = {
  title: 'Comparability of the groups (table 1)',
  intro:
    'Were the groups alike at the start? Per characteristic the share or the mean per group, and the standardised difference of each intervention arm against control.',
  mark: (d: string) =>
    `A difference above ${d} (in absolute value) is marked: there the groups differ noticeably at the start, which may partly explain a difference in outcomes.`,
  noControl: 'This pilot has no control group: no standardised difference can be computed.',
  characteristic: 'Characteristic',
  difference: (arm: string) => `Difference ${arm} – control`,
  meanSd: 'mean (SD)',
  missing: 'not recorded',
  flagged: 'difference above 0.1',
  ownVariable: 'own variable',
  age: 'Age at intake (years)',
  participants: 'Participants',
  caption:
    'Table 1. Characteristics at the start per group: count (share) or mean (standard deviation).',
  variablesTitle: 'Own variables',
};
export const balanceStrings = { nl, en };
