import {
  armDeclarationProblems,
  checkIsoDate,
  participantNumber,
  readTypedNumber,
  type ParticipantNumberField,
  type RuleError,
} from '@wegwijzer/domain/rules';
import {
  ARMS,
  CONTROL_ARM,
  DEFAULT_PILOT_ARMS,
  EDUCATIONS,
  MAX_INTERVENTION_ARMS,
  HOUSEHOLDS,
  THEMES,
  type Arm,
  type Education,
  type Household,
  type Theme,
} from '@wegwijzer/domain/values';
import type { Participant, ParticipantInput, Pilot, PilotInput } from '@wegwijzer/domain';
import { isRuleCode } from '../../rule-messages.ts';

/**
 * The pilot and participant forms of the manager: drafts as typed, checked with the shared
 * domain rules before anything is sent, and turned into the API's input. The server checks the
 * same rules again; its refusals carry the same codes.
 */

/** A refusal of a form field: a shared rule's code, or one of the forms' own cross-field checks. */
export type Problem =
  | RuleError
  | { code: 'municipality_code' }
  | { code: 'year_range' }
  | { code: 'end_before_start' }
  | { code: 'retain_before_start' }
  | { code: 'control_code' }
  | { code: 'arm_in_use'; params: { arm: string; participants: number } };
export type Problems<F extends string> = Partial<Record<F, Problem>>;

/** The years a pilot's dates may fall in (as the API's PILOT_YEARS). */
const PILOT_YEARS = { min: 1990, max: 2100 };

export interface PilotDraft {
  name: string;
  municipality: string;
  theme: Theme | '';
  startDate: string;
  dataCompleteThrough: string;
  monthlyBenefit: string;
  guidanceCost: string;
  targetGroup: string;
  description: string;
  retainUntil: string;
  retentionAction: 'erase' | 'reduce';
  purpose: string;
  legalBasis: string;
  agreementRef: string;
  department: string;
  contact: string;
  /** The intervention arms in order (1 to 6). */
  arms: ArmDraft[];
  /** Whether the pilot has a control arm, and its labels. */
  control: boolean;
  controlLabel: string;
  controlLabelEn: string;
}

/** One intervention arm as typed; `was` is its stored code, to name it when a change is refused. */
export interface ArmDraft {
  code: string;
  label: string;
  labelEn: string;
  was?: string;
}
/** The field of one part of one arm: `arms.0.code`, `arms.2.label`. */
export type ArmField = `arms.${number}.${'code' | 'label' | 'labelEn'}`;
export type PilotField = Exclude<keyof PilotDraft, 'arms'> | 'arms' | ArmField;
export const PILOT_FIELDS = [
  'name',
  'municipality',
  'theme',
  'startDate',
  'dataCompleteThrough',
  'monthlyBenefit',
  'guidanceCost',
  'targetGroup',
  'description',
  'retainUntil',
  'retentionAction',
  'purpose',
  'legalBasis',
  'agreementRef',
  'department',
  'contact',
  'arms',
] as const satisfies readonly PilotField[];
export const PROCESSING_FIELDS = [
  'purpose',
  'legalBasis',
  'agreementRef',
  'department',
  'contact',
] as const satisfies readonly PilotField[];
export { THEMES, ARMS, HOUSEHOLDS, EDUCATIONS, MAX_INTERVENTION_ARMS };

const [DEFAULT_INTERVENTION, DEFAULT_CONTROL] = DEFAULT_PILOT_ARMS as [
  (typeof DEFAULT_PILOT_ARMS)[number],
  (typeof DEFAULT_PILOT_ARMS)[number],
];

/** A new intervention arm row: the first is `intervention`, as pilots without arms have it. */
export function emptyArm(first: boolean): ArmDraft {
  return first
    ? {
        code: DEFAULT_INTERVENTION.code,
        label: DEFAULT_INTERVENTION.label,
        labelEn: DEFAULT_INTERVENTION.labelEn ?? '',
      }
    : { code: '', label: '', labelEn: '' };
}

export function emptyPilotDraft(): PilotDraft {
  return {
    name: '',
    municipality: '',
    theme: '',
    startDate: '',
    dataCompleteThrough: '',
    monthlyBenefit: '',
    guidanceCost: '',
    targetGroup: '',
    description: '',
    retainUntil: '',
    retentionAction: 'erase',
    purpose: '',
    legalBasis: '',
    agreementRef: '',
    department: '',
    contact: '',
    arms: [emptyArm(true)],
    control: true,
    controlLabel: DEFAULT_CONTROL.label,
    controlLabelEn: DEFAULT_CONTROL.labelEn ?? '',
  };
}

/** An amount as the Dutch form shows it: 1234,5 → "1234,50"; null → "". */
export function typedAmount(v: number | null): string {
  return v == null ? '' : v.toFixed(2).replace('.', ',');
}

export function draftFromPilot(p: Pilot): PilotDraft {
  const declared = p.arms && p.arms.length > 0 ? p.arms : DEFAULT_PILOT_ARMS;
  const control = declared.find((a) => a.code === CONTROL_ARM);
  return {
    arms: declared
      .filter((a) => a.code !== CONTROL_ARM)
      .map((a) => ({ code: a.code, label: a.label, labelEn: a.labelEn ?? '', was: a.code })),
    control: Boolean(control),
    controlLabel: control?.label ?? DEFAULT_CONTROL.label,
    controlLabelEn: control ? (control.labelEn ?? '') : (DEFAULT_CONTROL.labelEn ?? ''),
    name: p.name,
    municipality: p.municipality,
    theme: p.theme,
    startDate: p.startDate,
    dataCompleteThrough: p.dataCompleteThrough,
    monthlyBenefit: typedAmount(p.monthlyBenefit),
    guidanceCost: typedAmount(p.guidanceCost),
    targetGroup: p.targetGroup ?? '',
    description: p.description ?? '',
    retainUntil: p.retainUntil,
    retentionAction: p.retention.action,
    purpose: p.processing.purpose ?? '',
    legalBasis: p.processing.legalBasis ?? '',
    agreementRef: p.processing.agreementRef ?? '',
    department: p.processing.department ?? '',
    contact: p.processing.contact ?? '',
  };
}

function pilotDate(s: string): Problem | null {
  const r = checkIsoDate(s.trim());
  if (!r.ok) return r.error;
  const y = Number(s.slice(0, 4));
  return y < PILOT_YEARS.min || y > PILOT_YEARS.max ? { code: 'year_range' } : null;
}

/** An amount in euros as typed ("1.250,50"), checked by the participant amount rule. */
function amount(
  field: ParticipantNumberField,
  raw: string,
): { problem?: Problem; value: number | null } {
  const r = participantNumber(field, readTypedNumber(raw));
  return r.ok
    ? { value: r.value === null ? null : r.value / 100 }
    : { problem: r.error, value: null };
}

function tooLong(s: string, max: number): Problem | null {
  return s.trim().length > max ? { code: 'too_long', params: { max } } : null;
}

/** Every refusal of the pilot form, per field; empty when the draft can be sent. */
export function checkPilot(d: PilotDraft): Problems<PilotField> {
  const e: Problems<PilotField> = {};
  if (!d.name.trim()) e.name = { code: 'required' };
  else e.name = tooLong(d.name, 200) ?? undefined;
  if (!d.municipality.trim()) e.municipality = { code: 'required' };
  else if (!/^GM\d{4}$/.test(d.municipality.trim().toUpperCase()))
    e.municipality = { code: 'municipality_code' };
  if (!d.theme) e.theme = { code: 'required' };
  e.startDate = pilotDate(d.startDate) ?? undefined;
  e.dataCompleteThrough = pilotDate(d.dataCompleteThrough) ?? undefined;
  if (!e.startDate && !e.dataCompleteThrough && d.dataCompleteThrough < d.startDate)
    e.dataCompleteThrough = { code: 'end_before_start' };
  e.retainUntil = pilotDate(d.retainUntil) ?? undefined;
  if (!e.retainUntil && !e.startDate && d.retainUntil < d.startDate)
    e.retainUntil = { code: 'retain_before_start' };
  e.monthlyBenefit = amount('monthlyBenefit', d.monthlyBenefit).problem;
  e.guidanceCost = amount('guidanceCost', d.guidanceCost).problem;
  e.targetGroup = tooLong(d.targetGroup, 2000) ?? undefined;
  e.description = tooLong(d.description, 10000) ?? undefined;
  for (const f of PROCESSING_FIELDS)
    e[f] = tooLong(d[f], f === 'purpose' || f === 'legalBasis' ? 2000 : 200) ?? undefined;
  Object.assign(e, checkArms(d));
  for (const k of Object.keys(e) as PilotField[]) if (!e[k]) delete e[k];
  return e;
}

/** The arms' refusals by the shared rule, per part of each arm; `control` names the control arm. */
function checkArms(d: PilotDraft): Problems<PilotField> {
  const e: Problems<PilotField> = {};
  const list = armList(d);
  for (const p of armDeclarationProblems(list)) {
    if (p.index < d.arms.length) {
      const key: ArmField = `arms.${p.index}.${p.field}`;
      if (!e[key]) e[key] = p.error;
    }
    // The control arm comes last; its code is fixed, so only its labels can be wrong.
    else if (p.field === 'label') e.controlLabel = p.error;
    else if (p.field === 'labelEn') e.controlLabelEn = p.error;
  }
  // An intervention arm may not take the control arm's code.
  d.arms.forEach((a, i) => {
    if (a.code.trim() === CONTROL_ARM) e[`arms.${i}.code`] = { code: 'control_code' };
  });
  return e;
}

/** The declared arms of a draft in order: the intervention arms, then control when it has one. */
function armList(d: PilotDraft) {
  const arms = d.arms.map((a) => ({
    code: a.code.trim(),
    label: a.label.trim(),
    labelEn: textOrNull(a.labelEn),
  }));
  if (d.control)
    arms.push({
      code: CONTROL_ARM,
      label: d.controlLabel.trim(),
      labelEn: textOrNull(d.controlLabelEn),
    });
  return arms;
}

const textOrNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The API input of a checked draft (POST /api/pilots; PATCH takes the same fields). */
export function pilotInput(d: PilotDraft): PilotInput {
  return {
    name: d.name.trim(),
    municipality: d.municipality.trim().toUpperCase(),
    theme: d.theme as Theme,
    startDate: d.startDate,
    dataCompleteThrough: d.dataCompleteThrough,
    monthlyBenefit: amount('monthlyBenefit', d.monthlyBenefit).value,
    guidanceCost: amount('guidanceCost', d.guidanceCost).value,
    targetGroup: textOrNull(d.targetGroup),
    description: textOrNull(d.description),
    retainUntil: d.retainUntil,
    retentionAction: d.retentionAction,
    processing: {
      purpose: textOrNull(d.purpose),
      legalBasis: textOrNull(d.legalBasis),
      agreementRef: textOrNull(d.agreementRef),
      department: textOrNull(d.department),
      contact: textOrNull(d.contact),
    },
    arms: armList(d),
  };
}

// ─── One participant ───────────────────────────────────────────────────────────────────────

/** A yes/no/unknown baseline field as a select holds it. */
export type Tri = '' | 'yes' | 'no';

export interface ParticipantDraft {
  participantRef: string;
  arm: Arm;
  intakeDate: string;
  monthlyBenefit: string;
  guidanceCost: string;
  household: Household | '';
  birthYear: string;
  motivation: string;
  ladderStep: string;
  hasDebts: Tri;
  disability: Tri;
  refugeeStatus: Tri;
  education: Education | '';
  lostToFollowUpDate: string;
}
export type ParticipantField = keyof ParticipantDraft;
export const PARTICIPANT_FIELDS = [
  'participantRef',
  'arm',
  'intakeDate',
  'monthlyBenefit',
  'guidanceCost',
  'household',
  'birthYear',
  'motivation',
  'ladderStep',
  'hasDebts',
  'disability',
  'refugeeStatus',
  'education',
  'lostToFollowUpDate',
] as const satisfies readonly ParticipantField[];

export function emptyParticipantDraft(): ParticipantDraft {
  return {
    participantRef: '',
    arm: 'intervention',
    intakeDate: '',
    monthlyBenefit: '',
    guidanceCost: '',
    household: '',
    birthYear: '',
    motivation: '',
    ladderStep: '',
    hasDebts: '',
    disability: '',
    refugeeStatus: '',
    education: '',
    lostToFollowUpDate: '',
  };
}

const tri = (v: boolean | null): Tri => (v == null ? '' : v ? 'yes' : 'no');
const fromTri = (v: Tri): boolean | null => (v === '' ? null : v === 'yes');
const whole = (v: number | null) => (v == null ? '' : String(v));

export function draftFromParticipant(p: Participant): ParticipantDraft {
  return {
    participantRef: p.participantRef,
    arm: p.arm,
    intakeDate: p.intakeDate,
    monthlyBenefit: typedAmount(p.monthlyBenefit),
    guidanceCost: typedAmount(p.guidanceCost),
    household: p.household ?? '',
    birthYear: whole(p.birthYear),
    motivation: whole(p.motivation),
    ladderStep: whole(p.ladderStep),
    hasDebts: tri(p.hasDebts),
    disability: tri(p.disability),
    refugeeStatus: tri(p.refugeeStatus),
    education: p.education ?? '',
    lostToFollowUpDate: p.lostToFollowUpDate ?? '',
  };
}

const NUMBER_FIELDS = [
  'monthlyBenefit',
  'guidanceCost',
  'birthYear',
  'motivation',
  'ladderStep',
] as const satisfies readonly (ParticipantField & ParticipantNumberField)[];

function numberOf(field: ParticipantNumberField, raw: string): Problem | number | null {
  const r = participantNumber(field, readTypedNumber(raw));
  if (!r.ok) return r.error;
  if (r.value === null) return null;
  return field === 'monthlyBenefit' || field === 'guidanceCost' ? r.value / 100 : r.value;
}

/** Every refusal of the participant form, per field, by the same rules as the CSV import. */
export function checkParticipant(d: ParticipantDraft): Problems<ParticipantField> {
  const e: Problems<ParticipantField> = {};
  if (!d.participantRef.trim()) e.participantRef = { code: 'required' };
  else if (d.participantRef.trim().length > 100)
    e.participantRef = { code: 'too_long', params: { max: 100 } };
  const intake = checkIsoDate(d.intakeDate);
  if (!intake.ok) e.intakeDate = intake.error;
  for (const f of NUMBER_FIELDS) {
    const v = numberOf(f, d[f]);
    if (v !== null && typeof v === 'object') e[f] = v;
  }
  if (d.lostToFollowUpDate !== '') {
    const lost = checkIsoDate(d.lostToFollowUpDate);
    if (!lost.ok) e.lostToFollowUpDate = lost.error;
    else if (intake.ok && d.lostToFollowUpDate < d.intakeDate)
      e.lostToFollowUpDate = { code: 'before_intake', params: { intakeDate: d.intakeDate } };
  }
  return e;
}

const num = (field: ParticipantNumberField, raw: string) => {
  const v = numberOf(field, raw);
  return typeof v === 'number' ? v : null;
};

/** The baseline of a checked draft, as PATCH /api/participants/{id} takes it. */
export function participantBaseline(
  d: ParticipantDraft,
): Omit<ParticipantInput, 'participantRef' | 'bsn'> {
  return {
    arm: d.arm,
    intakeDate: d.intakeDate,
    monthlyBenefit: num('monthlyBenefit', d.monthlyBenefit),
    guidanceCost: num('guidanceCost', d.guidanceCost),
    household: d.household || null,
    birthYear: num('birthYear', d.birthYear),
    motivation: num('motivation', d.motivation),
    ladderStep: num('ladderStep', d.ladderStep),
    hasDebts: fromTri(d.hasDebts),
    disability: fromTri(d.disability),
    refugeeStatus: fromTri(d.refugeeStatus),
    education: d.education || null,
    lostToFollowUpDate: d.lostToFollowUpDate || null,
  };
}

/** The input of POST /api/pilots/{id}/participants. */
export function participantInput(d: ParticipantDraft): ParticipantInput {
  return { participantRef: d.participantRef.trim(), ...participantBaseline(d) };
}

/**
 * A 400 reply's details mapped onto the form's fields (by the last segment of `path`); what names
 * no field is returned apart, to show above the form.
 */
export function serverProblems<F extends string>(
  details: readonly {
    path?: string;
    message: string;
    code?: string;
    params?: Record<string, string | number>;
  }[],
  fields: readonly F[],
): { fields: Partial<Record<F, Problem | string>>; rest: string[] } {
  const out: Partial<Record<F, Problem | string>> = {};
  const rest: string[] = [];
  for (const d of details) {
    // A field is named by its whole path (`variables.sessions_attended`) or its last segment.
    const path = String(d.path ?? '');
    const key = fields.find((f) => path === f || path.split('.').pop() === f);
    // A refusal by a shared rule is worded as the form's own check; any other in the server's words.
    const problem: Problem | string = isRuleCode(d.code)
      ? { code: d.code, ...(d.params ? { params: d.params } : {}) }
      : d.message;
    if (key && !out[key]) out[key] = problem;
    else rest.push(d.message);
  }
  return { fields: out, rest };
}
