import {
  LEVEL_CODE,
  MAX_LEVELS,
  readTypedNumber,
  VARIABLE_CODE,
  VARIABLE_INTEGER_LIMIT,
  variableCodeProblem,
  wholeNumber,
  type RuleError,
  type VariableType,
} from '@wegwijzer/domain/core';
import type { PilotVariableInput, PilotVariableJson } from '@wegwijzer/domain';

/**
 * A variable declaration as the manager types it (SPEC §2: code, labels, type with its levels
 * or bounds, description), checked before it is sent with the domain's own patterns; the
 * server checks the same and judges a change against the stored values.
 */

export interface LevelDraft {
  code: string;
  label: string;
  labelEn: string;
}
export interface DeclarationDraft {
  code: string;
  label: string;
  labelEn: string;
  type: VariableType;
  description: string;
  min: string;
  max: string;
  levels: LevelDraft[];
}
export type LevelField = `levels.${number}.${'code' | 'label'}`;
export type DeclarationField = Exclude<keyof DeclarationDraft, 'levels'> | 'levels' | LevelField;

/** A refusal of the declaration form: a shared rule's code, or the form's own. */
export type DeclarationProblem =
  | RuleError
  | { code: 'code_reserved' }
  | { code: 'min_above_max' }
  | { code: 'no_levels' }
  | { code: 'code_taken' };

export const DECLARATION_FIELDS = [
  'code',
  'label',
  'labelEn',
  'type',
  'description',
  'min',
  'max',
  'levels',
] as const satisfies readonly DeclarationField[];

export function emptyDeclaration(): DeclarationDraft {
  return {
    code: '',
    label: '',
    labelEn: '',
    type: 'boolean',
    description: '',
    min: '',
    max: '',
    levels: [],
  };
}

export function draftFromVariable(v: PilotVariableJson): DeclarationDraft {
  return {
    code: v.code,
    label: v.label,
    labelEn: v.labelEn ?? '',
    type: v.type,
    description: v.description ?? '',
    min: v.min === null ? '' : String(v.min),
    max: v.max === null ? '' : String(v.max),
    levels: v.levels.map((l) => ({ code: l.code, label: l.label, labelEn: l.labelEn ?? '' })),
  };
}

function bound(raw: string): { problem?: RuleError; value: number | null } {
  const r = readTypedNumber(raw);
  if (r === 'empty') return { problem: { code: 'required' }, value: null };
  if (r === 'not_a_number') return { problem: { code: 'not_a_number' }, value: null };
  const w = wholeNumber(r, -VARIABLE_INTEGER_LIMIT, VARIABLE_INTEGER_LIMIT);
  return w.ok ? { value: w.value } : { problem: w.error, value: null };
}

const LABEL_MAX = 200;
function label(raw: string, required: boolean): RuleError | undefined {
  if (required && raw.trim() === '') return { code: 'required' };
  return raw.trim().length > LABEL_MAX
    ? { code: 'too_long', params: { max: LABEL_MAX } }
    : undefined;
}

/** Every refusal of a declaration, per field; `taken` are the codes other variables have. */
export function checkDeclaration(
  d: DeclarationDraft,
  taken: readonly string[],
): Partial<Record<DeclarationField, DeclarationProblem>> {
  const e: Partial<Record<DeclarationField, DeclarationProblem>> = {};
  const code = d.code.trim();
  if (code === '') e.code = { code: 'required' };
  else if (!VARIABLE_CODE.test(code)) e.code = { code: 'not_a_code' };
  else if (variableCodeProblem(code)) e.code = { code: 'code_reserved' };
  else if (taken.includes(code)) e.code = { code: 'code_taken' };
  e.label = label(d.label, true);
  e.labelEn = label(d.labelEn, false);
  if (d.description.trim().length > 2000)
    e.description = { code: 'too_long', params: { max: 2000 } };
  if (d.type === 'integer') {
    const min = bound(d.min);
    const max = bound(d.max);
    e.min = min.problem;
    e.max = max.problem;
    if (min.value !== null && max.value !== null && min.value > max.value)
      e.max = { code: 'min_above_max' };
  }
  if (d.type === 'category') {
    if (d.levels.length === 0) e.levels = { code: 'no_levels' };
    if (d.levels.length > MAX_LEVELS) e.levels = { code: 'too_long', params: { max: MAX_LEVELS } };
    const seen = new Set<string>();
    d.levels.forEach((l, i) => {
      const c = l.code.trim();
      if (c === '') e[`levels.${i}.code`] = { code: 'required' };
      else if (!LEVEL_CODE.test(c)) e[`levels.${i}.code`] = { code: 'not_a_code' };
      else if (seen.has(c)) e[`levels.${i}.code`] = { code: 'duplicate', params: { value: c } };
      seen.add(c);
      e[`levels.${i}.label`] = label(l.label, true);
    });
  }
  for (const k of Object.keys(e) as DeclarationField[]) if (!e[k]) delete e[k];
  return e;
}

const textOrNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The API input of a checked draft (POST, and PATCH, which takes the whole declaration). */
export function declarationInput(d: DeclarationDraft): PilotVariableInput {
  const integer = d.type === 'integer';
  return {
    code: d.code.trim(),
    label: d.label.trim(),
    labelEn: textOrNull(d.labelEn),
    type: d.type,
    levels:
      d.type === 'category'
        ? d.levels.map((l) => ({
            code: l.code.trim(),
            label: l.label.trim(),
            labelEn: textOrNull(l.labelEn),
          }))
        : [],
    min: integer ? bound(d.min).value : null,
    max: integer ? bound(d.max).value : null,
    description: textOrNull(d.description),
  };
}
