import type { Theme } from '@wegwijzer/domain/values';
import { formatNumber, type Locale } from '../../format.ts';
import { ruleMessage, isRuleCode } from '../../rule-messages.ts';
import type { Problem } from './forms.ts';

/** Strings of the manager's pilot and participant forms (`useStrings(manageStrings)`). */

const nl = {
  newPilot: 'Nieuwe pilot',
  newPilotIntro:
    'Leg de pilot vast: wat hij doet, in welke gemeente, vanaf wanneer, en hoe lang de gegevens van deelnemers bewaard blijven.',
  settings: 'Instellingen',
  settingsIntro:
    'Wijzig de gegevens van de pilot. Een nieuwe einddatum van de gegevens of nieuwe standaardbedragen rekenen alle cijfers opnieuw uit.',
  sectionPilot: 'De pilot',
  sectionAmounts: 'Standaardbedragen',
  sectionAmountsHint:
    'Gelden voor deelnemers zonder eigen bedrag. Bedragen in euro’s, bijvoorbeeld 1.250,50.',
  sectionPrivacy: 'Bewaren en verwerken (AVG)',
  arms: 'Groepen',
  armsHint:
    'Elke pilot heeft minstens één interventiegroep, en hooguit zes. Elke interventiegroep wordt vergeleken met de controlegroep, als de pilot die heeft.',
  armsInUseHint:
    'Een groep met deelnemers kan een andere naam krijgen, maar de code blijft en de groep kan niet weg.',
  interventionArm: (n: number) => `Interventiegroep ${n}`,
  armCode: 'Code',
  armCodeHint:
    'Kleine letters, cijfers en _, bijvoorbeeld extra_begeleiding. Zo heet de groep in importbestanden.',
  armLabel: 'Naam (Nederlands)',
  armLabelEn: 'Naam (Engels)',
  addArm: 'Interventiegroep toevoegen',
  removeArm: (label: string) => `Verwijder ${label}`,
  hasControl: 'Deze pilot heeft een controlegroep (code control)',
  controlLabel: 'Naam van de controlegroep (Nederlands)',
  controlLabelEn: 'Naam van de controlegroep (Engels)',
  name: 'Naam',
  municipality: 'Gemeente (CBS-code)',
  municipalityHint: 'GM gevolgd door vier cijfers, bijvoorbeeld GM0599 voor Rotterdam.',
  theme: 'Thema',
  themes: {
    reintegration: 'Re-integratie',
    debt: 'Schulden',
    poverty: 'Armoede',
    methodical: 'Methodisch werken',
  } satisfies Record<Theme, string>,
  chooseTheme: 'Kies een thema',
  startDate: 'Startdatum',
  dataCompleteThrough: 'Gegevens volledig tot en met',
  dataCompleteThroughHint:
    'De datum tot waar de uitkeringsadministratie volledig is bijgewerkt: het einde van de waarneming.',
  monthlyBenefit: 'Uitkering per maand',
  guidanceCost: 'Kosten begeleiding per deelnemer',
  targetGroup: 'Doelgroep',
  description: 'Beschrijving',
  retainUntil: 'Bewaren tot',
  retainUntilHint:
    'Niet vóór de startdatum. Daarna worden de gegevens van deelnemers verwijderd of teruggebracht tot totalen.',
  retentionAction: 'Wat er op die datum gebeurt',
  retentionActions: { erase: 'Alles verwijderen', reduce: 'Terugbrengen tot totalen' },
  purpose: 'Doel van de verwerking',
  legalBasis: 'Grondslag',
  agreementRef: 'Kenmerk van de overeenkomst',
  department: 'Afdeling',
  contact: 'Contactpersoon',
  optional: '(niet verplicht)',
  create: 'Pilot aanmaken',
  save: 'Opslaan',
  saved: 'Opgeslagen.',
  cancel: 'Annuleren',
  fixErrors: (n: number) =>
    n === 1 ? 'Er is 1 veld dat nog niet klopt.' : `Er zijn ${n} velden die nog niet kloppen.`,
  // The participant form.
  addParticipant: 'Deelnemer toevoegen',
  addParticipantIntro:
    'Voeg één deelnemer toe. Voor veel deelnemers tegelijk gebruikt u Importeren.',
  editBaseline: 'Gegevens bij intake wijzigen',
  participantRef: 'Referentie',
  participantRefHint: 'Het eigen kenmerk van de gemeente; geen BSN.',
  bsn: 'BSN',
  bsnHint:
    'Alleen om dubbele inschrijving te voorkomen: het BSN wordt gecontroleerd en niet bewaard.',
  arm: 'Groep',
  intakeDate: 'Intakedatum',
  household: 'Huishouden',
  birthYear: 'Geboortejaar',
  motivation: 'Motivatie (1–5)',
  ladderStep: 'Trede participatieladder bij intake (1–6)',
  hasDebts: 'Schulden',
  disability: 'Beperking',
  refugeeStatus: 'Statushouder',
  education: 'Opleiding',
  lostToFollowUpDate: 'Uit beeld sinds',
  unknown: 'Onbekend',
  yes: 'Ja',
  no: 'Nee',
  added: (ref: string) => `Deelnemer ${ref} is toegevoegd.`,
  ownVariables: 'Eigen variabelen van de pilot',
  notRecorded: 'Niet vastgelegd',
  wholeFromTo: (min: number | null, max: number | null, l: Locale) =>
    `Een heel getal van ${formatNumber(min ?? 0, 0, l)} tot en met ${formatNumber(max ?? 0, 0, l)}.`,
  open: 'Openen',
  // The forms' own checks.
  problems: {
    municipality_code: 'Vul een CBS-code in: GM en vier cijfers, bijvoorbeeld GM0599.',
    year_range: 'Vul een jaar van 1990 tot en met 2100 in.',
    end_before_start: 'Deze datum ligt vóór de startdatum.',
    retain_before_start: 'De bewaardatum mag niet vóór de startdatum liggen.',
    control_code: 'De code control is van de controlegroep; kies een andere.',
    arm_in_use: (arm: string, n: number) =>
      `Groep ${arm} heeft ${n === 1 ? '1 deelnemer' : `${n} deelnemers`} en kan niet weg of een andere code krijgen. Geef de groep hooguit een andere naam, of verplaats of verwijder eerst die deelnemers.`,
  },
};

export type ManageStrings = typeof nl;

const en: ManageStrings = {
  newPilot: 'New pilot',
  newPilotIntro:
    'Record the pilot: what it does, in which municipality, from when, and how long participant data are kept.',
  settings: 'Settings',
  settingsIntro:
    'Change the pilot’s details. A new data end date or new default amounts recompute every figure.',
  sectionPilot: 'The pilot',
  sectionAmounts: 'Default amounts',
  sectionAmountsHint:
    'Apply to participants without their own amount. Amounts in euros, for example 1250.50.',
  sectionPrivacy: 'Retention and processing (GDPR)',
  arms: 'Groups',
  armsHint:
    'Every pilot has at least one intervention group, and at most six. Each intervention group is compared with the control group, if the pilot has one.',
  armsInUseHint:
    'A group with participants can be renamed, but its code stays and the group cannot be removed.',
  interventionArm: (n: number) => `Intervention group ${n}`,
  armCode: 'Code',
  armCodeHint:
    'Lower-case letters, digits and _, for example extra_support. Import files name the group by it.',
  armLabel: 'Name (Dutch)',
  armLabelEn: 'Name (English)',
  addArm: 'Add intervention group',
  removeArm: (label: string) => `Remove ${label}`,
  hasControl: 'This pilot has a control group (code control)',
  controlLabel: 'Name of the control group (Dutch)',
  controlLabelEn: 'Name of the control group (English)',
  name: 'Name',
  municipality: 'Municipality (CBS code)',
  municipalityHint: 'GM followed by four digits, for example GM0599 for Rotterdam.',
  theme: 'Theme',
  themes: {
    reintegration: 'Re-integration',
    debt: 'Debts',
    poverty: 'Poverty',
    methodical: 'Methodical work',
  },
  chooseTheme: 'Choose a theme',
  startDate: 'Start date',
  dataCompleteThrough: 'Data complete through',
  dataCompleteThroughHint:
    'The date through which the benefit administration is fully recorded: the end of observation.',
  monthlyBenefit: 'Monthly benefit',
  guidanceCost: 'Guidance cost per participant',
  targetGroup: 'Target group',
  description: 'Description',
  retainUntil: 'Keep until',
  retainUntilHint:
    'Not before the start date. After it, participant data are erased or reduced to totals.',
  retentionAction: 'What happens on that date',
  retentionActions: { erase: 'Erase everything', reduce: 'Reduce to totals' },
  purpose: 'Purpose of processing',
  legalBasis: 'Legal basis',
  agreementRef: 'Agreement reference',
  department: 'Department',
  contact: 'Contact person',
  optional: '(optional)',
  create: 'Create pilot',
  save: 'Save',
  saved: 'Saved.',
  cancel: 'Cancel',
  fixErrors: (n: number) =>
    n === 1 ? '1 field is not right yet.' : `${n} fields are not right yet.`,
  addParticipant: 'Add participant',
  addParticipantIntro: 'Add one participant. For many at once, use Import.',
  editBaseline: 'Change intake details',
  participantRef: 'Reference',
  participantRefHint: 'The municipality’s own reference; not a BSN.',
  bsn: 'BSN',
  bsnHint: 'Only to prevent double enrolment: the BSN is checked and not stored.',
  arm: 'Group',
  intakeDate: 'Intake date',
  household: 'Household',
  birthYear: 'Year of birth',
  motivation: 'Motivation (1–5)',
  ladderStep: 'Participation ladder step at intake (1–6)',
  hasDebts: 'Debts',
  disability: 'Disability',
  refugeeStatus: 'Refugee status',
  education: 'Education',
  lostToFollowUpDate: 'Lost to follow-up since',
  unknown: 'Unknown',
  yes: 'Yes',
  no: 'No',
  added: (ref: string) => `Participant ${ref} was added.`,
  ownVariables: 'The pilot’s own variables',
  notRecorded: 'Not recorded',
  wholeFromTo: (min: number | null, max: number | null, l: Locale) =>
    `A whole number from ${formatNumber(min ?? 0, 0, l)} to ${formatNumber(max ?? 0, 0, l)}.`,
  open: 'Open',
  problems: {
    municipality_code: 'Enter a CBS code: GM and four digits, for example GM0599.',
    year_range: 'Enter a year from 1990 to 2100.',
    end_before_start: 'This date is before the start date.',
    retain_before_start: 'The retention date must not be before the start date.',
    control_code: 'The code control belongs to the control group; choose another.',
    arm_in_use: (arm: string, n: number) =>
      `Group ${arm} has ${n === 1 ? '1 participant' : `${n} participants`} and cannot be removed or get another code. Rename it at most, or move or erase those participants first.`,
  },
};

export const manageStrings = { nl, en };

/** A field's refusal in the reader's words: the shared rules' wording, else the form's own. */
export function problemText(p: Problem | string | undefined, s: ManageStrings, locale: Locale) {
  if (p === undefined) return undefined;
  if (typeof p === 'string') return p;
  if (isRuleCode(p.code))
    return ruleMessage(
      { code: p.code, ...('params' in p && p.params ? { params: p.params } : {}) },
      locale,
    );
  if (p.code === 'arm_in_use') return s.problems.arm_in_use(p.params.arm, p.params.participants);
  return s.problems[p.code as Exclude<keyof ManageStrings['problems'], 'arm_in_use'>];
}
