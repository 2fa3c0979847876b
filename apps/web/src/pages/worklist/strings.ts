/** Strings of the follow-up worklist (Opvolging). */

const nl = {
  title: 'Opvolging',
  intro: (tolerance: number) =>
    `Metingen op de participatieladder rond 6, 12 en 24 maanden na intake, en ontbrekende gegevens bij intake. Een meting telt voor een moment als hij tot ${tolerance} maanden ervoor of erna is gedaan.`,
  basis: 'Tellen vanaf',
  bases: { observationEnd: 'einde van de gegevens', today: 'vandaag' },
  asOf: (date: string) => `Stand op ${date}`,
  kind: 'Soort',
  kinds: { all: 'Alles', followup: 'Metingen', baseline: 'Ontbrekende gegevens' },
  overdue: 'Te laat',
  overdueOptions: { all: 'Alles', true: 'Alleen te laat', false: 'Nog niet te laat' },
  sort: 'Volgorde',
  sorts: { due: 'Te laat eerst, dan op datum', ref: 'Referentie', intake: 'Intakedatum' },
  summary: (n: string, late: string) =>
    `${n} deelnemers met werk te doen, van wie ${late} te laat.`,
  ref: 'Referentie',
  arm: 'Groep',
  intake: 'Intake',
  measurements: 'Meting te doen',
  missing: 'Ontbrekende gegevens',
  due: 'Uiterlijk',
  mark: (k: number) => `${k} maanden`,
  dueOn: (date: string) => `uiterlijk ${date}`,
  late: 'te laat',
  none: '–',
  download: 'Download als CSV (Excel)',
  empty: 'Niets te doen: alle metingen en gegevens zijn compleet.',
  prev: 'Vorige',
  next: 'Volgende',
  page: (p: number, n: number) => `Pagina ${p} van ${n}`,
};

export type WorklistStrings = typeof nl;

const en: WorklistStrings = {
  title: 'Follow-up',
  intro: (tolerance: number) =>
    `Participation ladder measurements around 6, 12 and 24 months after intake, and missing intake data. A measurement counts for a mark when taken up to ${tolerance} months before or after it.`,
  basis: 'Count from',
  bases: { observationEnd: 'end of the data', today: 'today' },
  asOf: (date: string) => `As of ${date}`,
  kind: 'Kind',
  kinds: { all: 'All', followup: 'Measurements', baseline: 'Missing data' },
  overdue: 'Overdue',
  overdueOptions: { all: 'All', true: 'Overdue only', false: 'Not yet overdue' },
  sort: 'Order',
  sorts: { due: 'Overdue first, then by date', ref: 'Reference', intake: 'Intake date' },
  summary: (n: string, late: string) =>
    `${n} participants with work to do, ${late} of them overdue.`,
  ref: 'Reference',
  arm: 'Group',
  intake: 'Intake',
  measurements: 'Measurement due',
  missing: 'Missing data',
  due: 'Due',
  mark: (k: number) => `${k} months`,
  dueOn: (date: string) => `due ${date}`,
  late: 'overdue',
  none: '–',
  download: 'Download as CSV (Excel)',
  empty: 'Nothing to do: every measurement and all data are complete.',
  prev: 'Previous',
  next: 'Next',
  page: (p: number, n: number) => `Page ${p} of ${n}`,
};

export const worklistStrings = { nl, en };
