/**
 * A pilot's own baseline variables (SPEC §2, issue 17): a REDCap-style data dictionary per
 * pilot. Framework-free, so the import, the API, the engine and the dashboard share one
 * definition of what a declaration is and which values it accepts (the value rules are in
 * rules.ts, beside the standard fields' rules).
 */

import { PARTICIPANT_COLUMNS } from './values.ts';

export const VARIABLE_TYPES = ['category', 'integer', 'boolean'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

export interface VariableLevel {
  /** As written in participants.csv: `a-z0-9_`. */
  code: string;
  label: string;
  labelEn: string | null;
}

export interface PilotVariable {
  /** snake_case; also the participants.csv header and the export column. */
  code: string;
  label: string;
  labelEn: string | null;
  type: VariableType;
  /** `category` only, in the order the screens list them; empty for the other types. */
  levels: VariableLevel[];
  /** `integer` only: the inclusive bounds; null for the other types. */
  min: number | null;
  max: number | null;
  description: string | null;
}

/** A stored value: a level code, a whole number, or a yes/no. */
export type VariableValue = string | number | boolean;

/** Codes are short snake_case identifiers starting with a letter. */
export const VARIABLE_CODE = /^[a-z][a-z0-9_]{0,39}$/;
export const LEVEL_CODE = /^[a-z0-9_]{1,40}$/;
/** At most this many variables per pilot, and levels per category. */
export const MAX_VARIABLES = 50;
export const MAX_LEVELS = 30;
/** Integer bounds stay within what every layer stores exactly. */
export const VARIABLE_INTEGER_LIMIT = 1_000_000_000;

/**
 * Names a variable may not take: the standard columns of participants.csv (SPEC §4), the
 * columns the cohort export adds (SPEC §7) and the subgroup fields' own names, so a header, an
 * export column and a `by=` value always mean one thing.
 */
export const RESERVED_VARIABLE_CODES: ReadonlySet<string> = new Set([
  ...PARTICIPANT_COLUMNS,
  'bsn_hash',
  'pseudonym',
  'age_band',
  'days_to_first_exit',
  'first_exit_censored',
  'id',
  'pilot_id',
]);

/** Names of the cohort export's derived columns (`evaluable_12m`, …), also reserved. */
const DERIVED_COLUMN = /_\d+m$/;

/** Why a code cannot name a variable, or null when it can. */
export function variableCodeProblem(code: string): string | null {
  if (!VARIABLE_CODE.test(code))
    return `code ${JSON.stringify(code)} must be snake_case: a lower-case letter, then letters, digits or _, at most 40 characters`;
  if (RESERVED_VARIABLE_CODES.has(code) || DERIVED_COLUMN.test(code))
    return `code ${JSON.stringify(code)} is taken by a standard field or export column; choose another`;
  return null;
}

/** The problems of a declaration on its own (codes, levels, bounds); empty when it is sound. */
export function declarationProblems(v: PilotVariable): string[] {
  const problems: string[] = [];
  const codeProblem = variableCodeProblem(v.code);
  if (codeProblem) problems.push(codeProblem);
  if (v.type === 'category') {
    if (v.levels.length === 0) problems.push('a category variable needs at least one level');
    if (v.levels.length > MAX_LEVELS) problems.push(`a category has at most ${MAX_LEVELS} levels`);
    const seen = new Set<string>();
    for (const l of v.levels) {
      if (!LEVEL_CODE.test(l.code))
        problems.push(`level code ${JSON.stringify(l.code)} must be a-z, 0-9 or _`);
      if (seen.has(l.code)) problems.push(`level code ${JSON.stringify(l.code)} appears twice`);
      seen.add(l.code);
    }
  } else if (v.levels.length > 0) problems.push(`only a category variable has levels`);
  if (v.type === 'integer') {
    if (v.min === null || v.max === null) problems.push('an integer variable needs min and max');
    else if (v.min > v.max) problems.push(`min ${v.min} is above max ${v.max}`);
  } else if (v.min !== null || v.max !== null)
    problems.push('only an integer variable has min and max');
  return problems;
}

/** What the stored values of one variable look like, to judge a change against. */
export interface VariableUsage {
  /** Participants with a value. */
  count: number;
  /** Integer: the smallest and largest stored value (null without values). */
  min: number | null;
  max: number | null;
  /** Category: the level codes in use. */
  levels: string[];
}

/**
 * Why `next` may not replace `current` given the values stored, or null when the change is
 * safe. Safe means every stored value stays valid and keeps its meaning: labels and the
 * description may change freely, levels may be added (or removed while unused), bounds may
 * widen (or narrow while every value still fits); the code and the type stay as they are once
 * values exist.
 */
export function variableChangeProblem(
  current: PilotVariable,
  next: PilotVariable,
  usage: VariableUsage,
): string | null {
  if (usage.count === 0) return null;
  const has = `${usage.count} participant${usage.count === 1 ? ' has' : 's have'} a value`;
  if (next.code !== current.code)
    return `${has} for ${current.code}; its code cannot change (clear the values first)`;
  if (next.type !== current.type)
    return `${has} for ${current.code}; its type cannot change from ${current.type} to ${next.type}`;
  if (next.type === 'category') {
    const kept = new Set(next.levels.map((l) => l.code));
    const lost = usage.levels.filter((l) => !kept.has(l));
    if (lost.length > 0)
      return `level${lost.length === 1 ? '' : 's'} ${lost.join(', ')} of ${current.code} ${lost.length === 1 ? 'is' : 'are'} in use and cannot be removed`;
  }
  if (next.type === 'integer' && usage.min !== null && usage.max !== null) {
    if ((next.min ?? -Infinity) > usage.min || (next.max ?? Infinity) < usage.max)
      return `${current.code} holds values from ${usage.min} to ${usage.max}; the bounds ${next.min}–${next.max} would leave some outside`;
  }
  return null;
}

/** The label of a level, in Dutch or English (English falls back to Dutch). */
export function levelLabel(v: PilotVariable, code: string, lang: 'nl' | 'en' = 'nl'): string {
  const l = v.levels.find((x) => x.code === code);
  if (!l) return code;
  return lang === 'en' ? (l.labelEn ?? l.label) : l.label;
}

// ─── Subgroups ─────────────────────────────────────────────────────────────────────────────

/** An integer variable with at most this many possible values splits by value, else in bands. */
export const MAX_INTEGER_GROUPS = 10;
/** The number of equal-width bands a wider integer variable splits into. */
export const INTEGER_BANDS = 4;

export interface IntegerBand {
  from: number;
  to: number;
  /** As the subgroup reply names the group: `0-10`. */
  label: string;
}

/**
 * The bands of an integer variable's subgroups, from its declared bounds (never from the data,
 * so the groups stay the same as values arrive and a viewer learns nothing from where they cut):
 * empty when the range is small enough to split by value.
 * @example integerBands({ type: 'integer', min: 0, max: 40, … }) // 0-10, 11-21, 22-32, 33-40
 */
export function integerBands(v: Pick<PilotVariable, 'type' | 'min' | 'max'>): IntegerBand[] {
  if (v.type !== 'integer' || v.min === null || v.max === null) return [];
  const size = v.max - v.min + 1;
  if (size <= MAX_INTEGER_GROUPS) return [];
  const width = Math.ceil(size / INTEGER_BANDS);
  const bands: IntegerBand[] = [];
  for (let from = v.min; from <= v.max; from += width) {
    const to = Math.min(v.max, from + width - 1);
    bands.push({ from, to, label: `${from}-${to}` });
  }
  return bands;
}

/** The subgroup a value falls in: the level, the yes/no, the number, or its band's label. */
export function variableGroup(v: PilotVariable, value: VariableValue | null): VariableValue | null {
  if (value === null || v.type !== 'integer' || typeof value !== 'number') return value;
  const bands = integerBands(v);
  if (bands.length === 0) return value;
  return bands.find((b) => value >= b.from && value <= b.to)?.label ?? null;
}

/** The subgroups of a variable in their natural order (levels as declared, `false` first). */
export function variableGroupOrder(v: PilotVariable): readonly VariableValue[] {
  if (v.type === 'category') return v.levels.map((l) => l.code);
  if (v.type === 'boolean') return [false, true];
  const bands = integerBands(v);
  if (bands.length > 0) return bands.map((b) => b.label);
  const values: number[] = [];
  for (let x = v.min ?? 0; x <= (v.max ?? -1); x++) values.push(x);
  return values;
}
