import type { VariableType } from '@wegwijzer/domain/core';

/** Strings of the variable declaration screen (the pilot's Instellingen tab). */
const nl = {
  title: 'Eigen variabelen',
  intro:
    'Leg extra kenmerken van deelnemers vast naast de standaardvelden. De code wordt een kolom in deelnemers.csv; de variabele splitst de uitkomsten in Wat werkt voor wie en staat in de export.',
  none: 'Deze pilot heeft nog geen eigen variabelen.',
  code: 'Code',
  codeHint:
    'Kleine letters, cijfers en _, bijvoorbeeld sessions_attended. Ook de kolomnaam in het importbestand.',
  label: 'Naam (Nederlands)',
  labelEn: 'Naam (Engels)',
  type: 'Soort',
  types: {
    boolean: 'Ja of nee',
    integer: 'Heel getal',
    category: 'Keuze uit categorieën',
  } satisfies Record<VariableType, string>,
  description: 'Beschrijving',
  min: 'Kleinste waarde',
  max: 'Grootste waarde',
  levels: 'Categorieën',
  levelCode: 'Code',
  levelLabel: 'Naam (Nederlands)',
  levelLabelEn: 'Naam (Engels)',
  addLevel: 'Categorie toevoegen',
  removeLevel: (n: string) => `Verwijder categorie ${n}`,
  level: (n: number) => `Categorie ${n}`,
  optional: '(niet verplicht)',
  values: 'Met waarde',
  actions: 'Acties',
  add: 'Variabele toevoegen',
  declare: 'Variabele vastleggen',
  edit: (label: string) => `Wijzig ${label}`,
  editTitle: (code: string) => `Variabele ${code} wijzigen`,
  remove: (label: string) => `Verwijder ${label}`,
  save: 'Opslaan',
  cancel: 'Annuleren',
  saved: (code: string) => `Variabele ${code} is opgeslagen.`,
  removed: (code: string) => `Variabele ${code} is verwijderd.`,
  yesNo: 'ja / nee',
  range: (min: string, max: string) => `${min} tot en met ${max}`,
  participants: (n: number) => (n === 1 ? '1 deelnemer' : `${n} deelnemers`),
  inUse: (code: string, n: number) =>
    `Dit kan niet: ${n === 1 ? '1 deelnemer heeft' : `${n} deelnemers hebben`} een waarde voor ${code}. Zolang er waarden zijn, kunnen alleen de namen en de beschrijving veranderen, categorieën erbij komen en de grenzen zo veranderen dat elke waarde erbinnen blijft; code en soort blijven gelijk.`,
  removeInUse: (code: string, n: number) =>
    `${code} kan niet weg: ${n === 1 ? '1 deelnemer heeft' : `${n} deelnemers hebben`} een waarde. Maak eerst de kolom leeg met een import.`,
  problems: {
    code_reserved: 'Deze code hoort bij een standaardveld of exportkolom; kies een andere.',
    code_taken: 'Deze pilot heeft al een variabele met deze code.',
    min_above_max: 'De grootste waarde ligt onder de kleinste.',
    no_levels: 'Voeg minstens één categorie toe.',
  },
};
export type DeclareStrings = typeof nl;

const en: DeclareStrings = {
  title: 'Own variables',
  intro:
    'Record extra characteristics of participants beside the standard fields. The code becomes a column of participants.csv; the variable splits the outcomes in What works for whom and is in the export.',
  none: 'This pilot has no own variables yet.',
  code: 'Code',
  codeHint:
    'Lower-case letters, digits and _, for example sessions_attended. Also the column name in the import file.',
  label: 'Name (Dutch)',
  labelEn: 'Name (English)',
  type: 'Kind',
  types: { boolean: 'Yes or no', integer: 'Whole number', category: 'Choice of categories' },
  description: 'Description',
  min: 'Smallest value',
  max: 'Largest value',
  levels: 'Categories',
  levelCode: 'Code',
  levelLabel: 'Name (Dutch)',
  levelLabelEn: 'Name (English)',
  addLevel: 'Add category',
  removeLevel: (n: string) => `Remove category ${n}`,
  level: (n: number) => `Category ${n}`,
  optional: '(optional)',
  values: 'With a value',
  actions: 'Actions',
  add: 'Add variable',
  declare: 'Declare variable',
  edit: (label: string) => `Change ${label}`,
  editTitle: (code: string) => `Change variable ${code}`,
  remove: (label: string) => `Remove ${label}`,
  save: 'Save',
  cancel: 'Cancel',
  saved: (code: string) => `Variable ${code} was saved.`,
  removed: (code: string) => `Variable ${code} was removed.`,
  yesNo: 'yes / no',
  range: (min: string, max: string) => `${min} to ${max}`,
  participants: (n: number) => (n === 1 ? '1 participant' : `${n} participants`),
  inUse: (code: string, n: number) =>
    `Not possible: ${n === 1 ? '1 participant has' : `${n} participants have`} a value for ${code}. While values exist, only the names and the description can change, categories can be added and the bounds can change so that every value stays inside; code and kind stay the same.`,
  removeInUse: (code: string, n: number) =>
    `${code} cannot be removed: ${n === 1 ? '1 participant has' : `${n} participants have`} a value. Clear the column with an import first.`,
  problems: {
    code_reserved: 'This code belongs to a standard field or export column; choose another.',
    code_taken: 'This pilot already has a variable with this code.',
    min_above_max: 'The largest value is below the smallest.',
    no_levels: 'Add at least one category.',
  },
};

export const declareStrings = { nl, en };
