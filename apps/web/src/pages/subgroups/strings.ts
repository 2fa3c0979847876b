/** Strings of the rates view of "Wat werkt voor wie". */

const nl = {
  ratesTitle: (field: string, k: string) => `Uitstroom per groep: ${field} — ${k}`,
  ratesAlt:
    'Per groep een punt voor het aandeel dat na het venster uit de bijstand is, met een lijn voor het 95%-interval; per groep het aantal deelnemers dat meetelt.',
  group: 'Groep',
  rate: 'Uit de bijstand',
  nEval: 'n',
  ci: '95%-BI',
  noControlNote:
    'Deze pilot heeft geen controlegroep: we tonen per groep het aandeel uit de bijstand, geen effect. Verschillen tussen groepen zeggen wie vaker uitstroomt, niet voor wie de pilot beter werkt.',
  testCochran: (stat: string, df: number, p: string) =>
    `Verschilt het effect tussen de groepen? Cochran's Q = ${stat} (${df} vrijheidsgraden), ${p}.`,
  testChi: (stat: string, df: number, p: string) =>
    `Verschilt de uitstroom tussen de groepen? χ² = ${stat} (${df} vrijheidsgraden), ${p}.`,
  testSig: 'Dat verschil is waarschijnlijk geen toeval.',
  testNs: 'Dat verschil kan goed toeval zijn.',
  testNone: 'Geen toets mogelijk: te weinig groepen met deelnemers die meetellen.',
  testNotRecorded: 'De groep zonder vastgelegde waarde doet niet mee aan de toets.',
};

export type SubgroupStrings = typeof nl;

const en: SubgroupStrings = {
  ratesTitle: (field: string, k: string) => `Exit rate per group: ${field} — ${k}`,
  ratesAlt:
    'Per group a dot for the share off benefit after the window, with a line for the 95% interval; per group the number of participants counted.',
  group: 'Group',
  rate: 'Off benefit',
  nEval: 'n',
  ci: '95% CI',
  noControlNote:
    'This pilot has no control group: per group we show the share off benefit, not an effect. Differences between groups say who leaves more often, not for whom the pilot works better.',
  testCochran: (stat: string, df: number, p: string) =>
    `Does the effect differ between groups? Cochran's Q = ${stat} (${df} degrees of freedom), ${p}.`,
  testChi: (stat: string, df: number, p: string) =>
    `Does the exit rate differ between groups? χ² = ${stat} (${df} degrees of freedom), ${p}.`,
  testSig: 'That difference is unlikely to be chance.',
  testNs: 'That difference may well be chance.',
  testNone: 'No test possible: too few groups with participants counted.',
  testNotRecorded: 'The group without a recorded value is not part of the test.',
};

export const subgroupStrings = { nl, en };
