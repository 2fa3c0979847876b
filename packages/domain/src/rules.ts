/**
 * The validation rules of SPEC §2 and §4 for an event and for a participant's fields, written
 * once and free of any framework, so the JSON API, the CSV import and the dashboard's forms give
 * the same verdict on the same value. Each entry point reads its own text format (a JSON number,
 * a cell of a `,` or `;` file, what a person types) into a `Decimal`, then calls these rules.
 * A refusal is a code with its parameters; each path words it in its own language.
 */
import {
  ARM_CODE,
  EDUCATIONS,
  EVENT_TYPES,
  EXIT_REASONS,
  HOUSEHOLDS,
  isAmountEvent,
  type Education,
  type EventType,
  type ExitReason,
  type Household,
} from './values.ts';
import { VARIABLE_INTEGER_LIMIT, type PilotVariable, type VariableValue } from './variables.ts';

/** Why a value is refused. The screens translate the code; params carry the figures. */
export type RuleCode =
  | 'required'
  | 'not_allowed'
  | 'not_a_number'
  | 'negative'
  | 'too_many_decimals'
  | 'too_large'
  | 'out_of_range'
  | 'not_whole'
  | 'unknown_value'
  | 'not_a_date'
  | 'impossible_date'
  | 'before_intake'
  | 'too_long'
  | 'not_a_code'
  | 'duplicate';

export interface RuleError {
  code: RuleCode;
  params?: Record<string, string | number>;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: RuleError };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const refuse = (code: RuleCode, params?: RuleError['params']): Checked<never> => ({
  ok: false,
  error: params ? { code, params } : { code },
});

// ─── Numbers as written ────────────────────────────────────────────────────────────────────

/** A number with the count of decimals it was written with (a third decimal of money matters). */
export interface Decimal {
  value: number;
  negative: boolean;
  decimals: number;
}

/** A cell that held no text, or text that is no number; both are not a `Decimal`. */
export type NumberReading = Decimal | 'empty' | 'not_a_number';

// In the comma style the decimal mark is the comma and `.` only groups thousands (Dutch
// Excel, SPEC §4), so `1.234` is one thousand two hundred thirty-four.
const POINT_STYLE = /^(-?)(\d+)(?:\.(\d+))?$/;
const COMMA_STYLE = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;

/**
 * A decimal written with `.` (`1234.56`) or `,` (`1234,56`, `1.234,56`) as its decimal mark;
 * null when the text is not one.
 * @example readDecimal('1.234,5', ',') // { value: 1234.5, negative: false, decimals: 1 }
 */
export function readDecimal(raw: string, mark: '.' | ','): Decimal | null {
  const m = (mark === ',' ? COMMA_STYLE : POINT_STYLE).exec(raw);
  if (!m) return null;
  const whole = m[2]!.replaceAll('.', '');
  const fraction = m[3] ?? '';
  const value = Number(`${whole}.${fraction || '0'}`);
  const negative = m[1] === '-' && value !== 0;
  return { value: negative ? -value : value, negative, decimals: fraction.length };
}

/**
 * A number in plain decimal notation, as the shortest round-trip form writes it but without an
 * exponent: 5e-7 → "0.0000005", 1e21 → "1000000000000000000000".
 */
export function plainDecimal(n: number): string {
  const s = String(Math.abs(n));
  const sign = n < 0 ? '-' : '';
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return sign + s;
  const digits = m[1]! + (m[2] ?? '');
  const exponent = Number(m[3]);
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  return sign + digits.padEnd(exponent + 1, '0');
}

/** A JSON value read as a number: its decimals as the shortest round-trip form writes them. */
export function readJsonNumber(v: unknown): NumberReading {
  if (v === null || v === undefined) return 'empty';
  if (typeof v !== 'number' || !Number.isFinite(v)) return 'not_a_number';
  return readDecimal(plainDecimal(v), '.') ?? 'not_a_number';
}

/** A cell of an import file in its dialect (`;` files write decimal commas). */
export function readCellNumber(raw: string, delimiter: ',' | ';'): NumberReading {
  if (raw === '') return 'empty';
  return readDecimal(raw, delimiter === ';' ? ',' : '.') ?? 'not_a_number';
}

/**
 * A number as a person types it into a form: Dutch first (`1.234,56`, `1234,56`), else with a
 * decimal point (`22.5`). `1.500` is fifteen hundred, as in a `;` file.
 */
export function readTypedNumber(raw: string): NumberReading {
  const s = raw.trim();
  if (s === '') return 'empty';
  return readDecimal(s, ',') ?? readDecimal(s, '.') ?? 'not_a_number';
}

// ─── Values ────────────────────────────────────────────────────────────────────────────────

/** The largest amount in euros anywhere (a benefit, a cost, income, a debt): one billion. */
export const MAX_EUROS = 1e9;

/** Euros (as typed or sent in JSON) to integer cents, rounding half away from zero. */
export function eurosToCents(euros: number): number {
  return Math.sign(euros) * Math.round(Math.abs(euros) * 100);
}

/** An amount in euros: 0 or more, whole cents, at most MAX_EUROS; to integer cents. */
export function amountCents(d: Decimal): Checked<number> {
  if (d.negative) return refuse('negative');
  // Rounding a third decimal away would silently change the money.
  if (d.decimals > 2) return refuse('too_many_decimals', { max: 2 });
  if (d.value > MAX_EUROS) return refuse('too_large', { max: MAX_EUROS });
  return ok(eurosToCents(d.value));
}

/** A whole number from `min` to `max`. */
export function wholeNumber(d: Decimal, min: number, max: number): Checked<number> {
  if (d.decimals > 0 || !Number.isInteger(d.value)) return refuse('not_whole', { min, max });
  if (d.value < min || d.value > max) return refuse('out_of_range', { min, max });
  return ok(d.value);
}

/** A number from `min` to `max` with at most `decimals` decimals (no limit when omitted). */
export function numberInRange(
  d: Decimal,
  min: number,
  max: number,
  decimals?: number,
): Checked<number> {
  if (d.value < min || d.value > max) return refuse('out_of_range', { min, max });
  if (decimals !== undefined && d.decimals > decimals)
    return refuse('too_many_decimals', { max: decimals });
  return ok(d.value);
}

/** Hours per week of a job: 0 to 168, decimals allowed. */
export const HOURS_PER_WEEK = { min: 0, max: 168 } as const;
/** The ladder step (Participatieladder, SPEC §2): 1 to 6. */
export const LADDER_STEP = { min: 1, max: 6 } as const;
/** Motivation at intake: 1 to 5. */
export const MOTIVATION = { min: 1, max: 5 } as const;
/** Year of birth. */
export const BIRTH_YEAR = { min: 1900, max: 2100 } as const;
/** A money-stress score: 0 to 10, whole or with one decimal (docs/outcomes-debts.md). */
export const MONEY_STRESS = { min: 0, max: 10, decimals: 1 } as const;

/** One of `allowed`, exactly as written (the CSV import lower-cases first: any case there). */
export function oneOf<T extends string>(raw: string, allowed: readonly T[]): Checked<T> {
  const value = allowed.find((a) => a === raw);
  return value === undefined ? refuse('unknown_value', { allowed: allowed.join(', ') }) : ok(value);
}

/** True when `s` is a real calendar date written as YYYY-MM-DD (no 2024-02-30). */
export function isIsoDate(s: string): boolean {
  return checkIsoDate(s).ok;
}

/** A date as YYYY-MM-DD that exists on the calendar. */
export function checkIsoDate(s: string): Checked<string> {
  if (s === '') return refuse('required');
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return refuse('not_a_date');
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate())
    return refuse('impossible_date');
  return ok(s);
}

// ─── An event ──────────────────────────────────────────────────────────────────────────────

/** What the value of an event turns into: a number, or for amounts integer cents. */
export interface EventValue {
  value: number | null;
  amountCents: number | null;
}

const NO_VALUE: EventValue = { value: null, amountCents: null };

/** Event types whose value is required (the others take none, or hours optionally). */
const VALUE_REQUIRED: readonly EventType[] = [
  'ladder',
  'offset_income',
  'debt_intake',
  'money_stress',
];

/** Whether an event of this type takes a value at all. */
export function takesValue(type: EventType): boolean {
  return VALUE_REQUIRED.includes(type) || type === 'work_start';
}

/**
 * The value of an event of `type` (SPEC §2 table, docs/outcomes-debts.md).
 * @example eventValue('offset_income', readJsonNumber(100.555)) // refused: too_many_decimals
 */
export function eventValue(type: EventType, reading: NumberReading): Checked<EventValue> {
  if (reading === 'empty') return VALUE_REQUIRED.includes(type) ? refuse('required') : ok(NO_VALUE);
  if (!takesValue(type)) return refuse('not_allowed');
  if (reading === 'not_a_number') return refuse('not_a_number');
  const d = reading;
  if (isAmountEvent(type)) {
    const cents = amountCents(d);
    return cents.ok ? ok({ value: null, amountCents: cents.value }) : cents;
  }
  const n =
    type === 'ladder'
      ? wholeNumber(d, LADDER_STEP.min, LADDER_STEP.max)
      : type === 'money_stress'
        ? numberInRange(d, MONEY_STRESS.min, MONEY_STRESS.max, MONEY_STRESS.decimals)
        : numberInRange(d, HOURS_PER_WEEK.min, HOURS_PER_WEEK.max);
  return n.ok ? ok({ value: n.value, amountCents: null }) : n;
}

/** The reason of an event: only a `benefit_end` has one, and then one of EXIT_REASONS. */
export function eventReason(type: EventType, raw: string | null): Checked<ExitReason | null> {
  if (raw === null || raw === '') return ok(null);
  if (type !== 'benefit_end') return refuse('not_allowed');
  return oneOf(raw, EXIT_REASONS);
}

/** An event's date: a real date, not before the participant's intake when that is known. */
export function eventDate(raw: string, intakeDate?: string): Checked<string> {
  const date = checkIsoDate(raw);
  if (!date.ok) return date;
  if (intakeDate !== undefined && date.value < intakeDate)
    return refuse('before_intake', { intakeDate });
  return date;
}

export type EventField = 'type' | 'date' | 'reason' | 'value';

/** An event as an entry point hands it over: the type and reason as text, the value read. */
export interface EventDraft {
  type: string;
  date: string;
  reason: string | null;
  value: NumberReading;
  /** The participant's intake date, when the caller knows it. */
  intakeDate?: string;
}

export type FieldErrors<F extends string> = Partial<Record<F, RuleError>>;

/**
 * Every rule of one event, field by field; `event` is set when none refused.
 * @example checkEvent({ type: 'ladder', date: '2024-02-01', reason: null, value: readTypedNumber('4') })
 */
export function checkEvent(draft: EventDraft): {
  errors: FieldErrors<EventField>;
  event: ({ type: EventType; date: string; reason: ExitReason | null } & EventValue) | null;
} {
  const errors: FieldErrors<EventField> = {};
  const type = draft.type === '' ? refuse('required') : oneOf(draft.type, EVENT_TYPES);
  if (!type.ok) errors.type = type.error;
  const date = eventDate(draft.date, draft.intakeDate);
  if (!date.ok) errors.date = date.error;
  if (!type.ok || !date.ok) return { errors, event: null };
  const reason = eventReason(type.value, draft.reason);
  if (!reason.ok) errors.reason = reason.error;
  const value = eventValue(type.value, draft.value);
  if (!value.ok) errors.value = value.error;
  if (!reason.ok || !value.ok) return { errors, event: null };
  return {
    errors,
    event: { type: type.value, date: date.value, reason: reason.value, ...value.value },
  };
}

// ─── A participant's fields ────────────────────────────────────────────────────────────────

/** The rule of each optional numeric baseline field (SPEC §2). */
export const PARTICIPANT_NUMBERS = {
  monthlyBenefit: 'amount',
  guidanceCost: 'amount',
  birthYear: BIRTH_YEAR,
  motivation: MOTIVATION,
  ladderStep: LADDER_STEP,
} as const;
export type ParticipantNumberField = keyof typeof PARTICIPANT_NUMBERS;

/**
 * A numeric baseline field: an amount in euros (to cents) or a whole number in its range; an
 * empty reading is null (the field is unknown).
 */
export function participantNumber(
  field: ParticipantNumberField,
  reading: NumberReading,
): Checked<number | null> {
  if (reading === 'empty') return ok(null);
  if (reading === 'not_a_number') return refuse('not_a_number');
  const rule = PARTICIPANT_NUMBERS[field];
  return rule === 'amount' ? amountCents(reading) : wholeNumber(reading, rule.min, rule.max);
}

/** A lost-to-follow-up date: not before the participant's intake (SPEC §2). */
export function lostToFollowUpAfterIntake(
  lostToFollowUpDate: string | null,
  intakeDate: string,
): Checked<string | null> {
  if (lostToFollowUpDate !== null && lostToFollowUpDate < intakeDate)
    return refuse('before_intake', { intakeDate });
  return ok(lostToFollowUpDate);
}

export const householdOf = (raw: string): Checked<Household> => oneOf(raw, HOUSEHOLDS);
export const educationOf = (raw: string): Checked<Education> => oneOf(raw, EDUCATIONS);

/** A money-stress score: 0 to 10, whole or with one decimal (7 or 7.5). */
export function isMoneyStressScore(v: number): boolean {
  return eventValue('money_stress', readJsonNumber(v)).ok;
}

// ─── A pilot's own variables (SPEC §2, issue 17) ───────────────────────────────────────────

const YES_NO: Record<string, boolean> = {
  yes: true,
  ja: true,
  true: true,
  '1': true,
  no: false,
  nee: false,
  false: false,
  '0': false,
};

/** yes/no, ja/nee, true/false or 1/0, any case (SPEC §4). */
export function yesNo(raw: string): Checked<boolean> {
  const value = YES_NO[raw.toLowerCase()];
  return value === undefined ? refuse('unknown_value', { allowed: 'ja, nee' }) : ok(value);
}

/**
 * A cell of a pilot variable's column in participants.csv: a level code (any case), a whole
 * number within the bounds (in the file's dialect), or a yes/no; an empty cell is null.
 * @example variableCell({ type: 'integer', min: 0, max: 40, … }, '41', ',') // out_of_range
 */
export function variableCell(
  v: PilotVariable,
  raw: string,
  delimiter: ',' | ';',
): Checked<VariableValue | null> {
  if (raw === '') return ok(null);
  switch (v.type) {
    case 'category':
      return oneOf(
        raw.toLowerCase(),
        v.levels.map((l) => l.code),
      );
    case 'boolean':
      return yesNo(raw);
    case 'integer':
      return variableInteger(v, readCellNumber(raw, delimiter));
  }
}

/** A pilot variable's value as JSON sends it (the participant API); null clears it. */
export function variableJson(v: PilotVariable, value: unknown): Checked<VariableValue | null> {
  if (value === null) return ok(null);
  switch (v.type) {
    case 'category':
      return typeof value === 'string'
        ? oneOf(
            value,
            v.levels.map((l) => l.code),
          )
        : refuse('unknown_value', { allowed: v.levels.map((l) => l.code).join(', ') });
    case 'boolean':
      return typeof value === 'boolean'
        ? ok(value)
        : refuse('unknown_value', { allowed: 'true, false' });
    case 'integer':
      return variableInteger(v, readJsonNumber(value));
  }
}

/**
 * A pilot variable's value as a person types or picks it in a form: a level code, a whole
 * number (Dutch `1.500` or plain), or yes/no in any of the import's spellings; empty is null.
 */
export function variableTyped(v: PilotVariable, raw: string): Checked<VariableValue | null> {
  const s = raw.trim();
  if (s === '') return ok(null);
  if (v.type === 'integer') return variableInteger(v, readTypedNumber(s));
  return variableCell(v, s, ',');
}

function variableInteger(v: PilotVariable, reading: NumberReading): Checked<number> {
  if (reading === 'empty' || reading === 'not_a_number') return refuse('not_a_number');
  return wholeNumber(reading, v.min ?? -VARIABLE_INTEGER_LIMIT, v.max ?? VARIABLE_INTEGER_LIMIT);
}

// ─── Arms ──────────────────────────────────────────────────────────────────────────────────

/**
 * An arm as written (a CSV cell, a JSON field) against the pilot's declared arm codes (SPEC §2):
 * empty is the pilot's first intervention arm (SPEC §4: `intervention` for a pilot that has it),
 * any other value must be one of the codes, compared as written after trimming and lower-casing.
 * @example checkArm('Control', ['intervention', 'control']) // { ok: true, value: 'control' }
 */
export function checkArm(raw: string, declared: readonly string[]): Checked<string> {
  const text = raw.trim().toLowerCase();
  if (text === '') return ok(defaultArm(declared));
  if (declared.includes(text)) return ok(text);
  return refuse('unknown_value', { allowed: declared.join(', ') });
}

/** The arm a participant without one joins: `intervention` when declared, else the first intervention arm. */
export function defaultArm(declared: readonly string[]): string {
  if (declared.includes('intervention')) return 'intervention';
  return declared.find((c) => c !== 'control') ?? 'intervention';
}

/** One arm as a pilot declares it (SPEC §2), before it is stored. */
export interface ArmDeclaration {
  code: string;
  label: string;
  labelEn?: string | null;
}

/** The longest arm label the API stores. */
export const ARM_LABEL_MAX = 100;

/** A refusal of one part of one declared arm, by its place in the list. */
export interface ArmDeclarationProblem {
  index: number;
  field: 'code' | 'label' | 'labelEn';
  error: RuleError;
}

/**
 * What is wrong with a list of declared arms, part by part: a code in `a-z0-9_` starting with
 * a letter and each code once, a Dutch label, labels of at most 100 characters. (How many
 * intervention arms a pilot may have is the API schema's check: a form offers no more.)
 * @example armDeclarationProblems([{ code: 'Extra', label: '' }]) // code not_a_code, label required
 */
export function armDeclarationProblems(arms: readonly ArmDeclaration[]): ArmDeclarationProblem[] {
  const out: ArmDeclarationProblem[] = [];
  const seen = new Set<string>();
  arms.forEach((a, index) => {
    const code = a.code.trim();
    if (code === '') out.push({ index, field: 'code', error: { code: 'required' } });
    else if (!ARM_CODE.test(code))
      out.push({ index, field: 'code', error: { code: 'not_a_code' } });
    else if (seen.has(code))
      out.push({ index, field: 'code', error: { code: 'duplicate', params: { value: code } } });
    seen.add(code);
    if (a.label.trim() === '') out.push({ index, field: 'label', error: { code: 'required' } });
    else if (a.label.trim().length > ARM_LABEL_MAX)
      out.push({
        index,
        field: 'label',
        error: { code: 'too_long', params: { max: ARM_LABEL_MAX } },
      });
    if ((a.labelEn ?? '').trim().length > ARM_LABEL_MAX)
      out.push({
        index,
        field: 'labelEn',
        error: { code: 'too_long', params: { max: ARM_LABEL_MAX } },
      });
  });
  return out;
}
