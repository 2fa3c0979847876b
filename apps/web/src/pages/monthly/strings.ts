/** Strings of the window picker and the status-by-month figure (issue 18). */
const nl = {
  otherWindow: 'Andere periode…',
  monthsInput: 'Aantal maanden (1–60)',
  monthsHint: 'Een heel aantal maanden van 1 tot en met 60.',
  monthsError: 'Kies een heel aantal maanden van 1 tot en met 60.',
  title: 'Uit de bijstand, maand voor maand',
  intro:
    'Per maand na de intake: welk deel van de deelnemers die we zo lang volgen, is op die dag uit de bijstand. Twee lijnen die uit elkaar lopen, laten zien dat de aanpak verschil maakt.',
  alt: (arms: string) =>
    `Lijn per groep over de maanden na intake, met 95%-interval als band. ${arms}`,
  altArm: (arm: string, from: string, first: string, to: string, last: string) =>
    `${arm}: van ${from} na ${first} tot ${to} na ${last}.`,
  altEmpty: 'Nog geen maand met genoeg gevolgde deelnemers.',
  month: 'Maand na intake',
  evaluable: 'Gevolgd (n)',
  share: 'Uit de bijstand',
  interval: '95%-interval',
  tooFew: 'te weinig',
  note: (n: number) =>
    `Maanden waarin een groep minder dan ${n} gevolgde deelnemers heeft, tekenen we niet: daar zegt een percentage weinig. De tabel noemt per maand hoeveel deelnemers we volgen.`,
  nBelow: 'Gevolgde deelnemers per maand',
};
export type MonthlyStrings = typeof nl;
const en: MonthlyStrings = {
  otherWindow: 'Other period…',
  monthsInput: 'Number of months (1–60)',
  monthsHint: 'A whole number of months from 1 to 60.',
  monthsError: 'Choose a whole number of months from 1 to 60.',
  title: 'Off social assistance, month by month',
  intro:
    'For each month after intake: which share of the participants followed that long is off social assistance on that day. Two lines that open up show that the approach makes a difference.',
  alt: (arms: string) =>
    `One line per group over the months after intake, with the 95% interval as a band. ${arms}`,
  altArm: (arm: string, from: string, first: string, to: string, last: string) =>
    `${arm}: from ${from} after ${first} to ${to} after ${last}.`,
  altEmpty: 'No month yet with enough participants followed.',
  month: 'Month after intake',
  evaluable: 'Followed (n)',
  share: 'Off social assistance',
  interval: '95% interval',
  tooFew: 'too few',
  note: (n: number) =>
    `Months in which a group has fewer than ${n} participants followed are not drawn: a percentage says little there. The table gives the number followed for every month.`,
  nBelow: 'Participants followed per month',
};
export const monthlyStrings = { nl, en };
