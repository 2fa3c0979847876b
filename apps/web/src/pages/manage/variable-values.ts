import { variableTyped, type RuleError } from '@wegwijzer/domain/rules';
import type { PilotVariable, VariableValue } from '@wegwijzer/domain/core';

/**
 * A participant's values of the pilot's own variables as a form holds them: text per code
 * (a level code, a typed number, `yes`/`no`, or empty for "not recorded"), checked by the
 * shared rule the import and the API use.
 */

/** The form field of one variable's value; the API's refusals name the same path. */
export type VariableField = `variables.${string}`;
export type ValuesDraft = Record<string, string>;

export function valuesDraft(
  values: Readonly<Record<string, VariableValue>> | undefined,
): ValuesDraft {
  return Object.fromEntries(
    Object.entries(values ?? {}).map(([code, x]) => [
      code,
      typeof x === 'boolean' ? (x ? 'yes' : 'no') : String(x),
    ]),
  );
}

/** Every refused value, by its field. */
export function checkValues(
  vars: readonly PilotVariable[],
  draft: ValuesDraft,
): Partial<Record<VariableField, RuleError>> {
  const e: Partial<Record<VariableField, RuleError>> = {};
  for (const v of vars) {
    const r = variableTyped(v, draft[v.code] ?? '');
    if (!r.ok) e[`variables.${v.code}`] = r.error;
  }
  return e;
}

/**
 * The values as the participant API takes them: every declared code, null where nothing is
 * recorded (a PATCH clears it); a new participant sends only what was filled in.
 */
export function valuesInput(
  vars: readonly PilotVariable[],
  draft: ValuesDraft,
  { clear }: { clear: boolean },
): Record<string, VariableValue | null> {
  const out: Record<string, VariableValue | null> = {};
  for (const v of vars) {
    const r = variableTyped(v, draft[v.code] ?? '');
    const value = r.ok ? r.value : null;
    if (value !== null || clear) out[v.code] = value;
  }
  return out;
}
