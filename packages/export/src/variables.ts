import type { PilotVariable, VariableValue } from '@wegwijzer/domain';
import type { CellValue } from './csv.ts';
import type { Field, Table } from './tables.ts';

/**
 * A pilot's own variables as export columns (SPEC §2, §7): headed by their code, as the import
 * reads them, each with its Table Schema — type, the levels with their labels (`enum` and
 * Frictionless `categories`), the bounds, and the label and description in words.
 */
export function variableFields(variables: readonly PilotVariable[]): Field[] {
  return variables.map((v) => {
    const words = [
      `${v.label}${v.labelEn ? ` / ${v.labelEn}` : ''}`,
      v.description,
      'Eigen variabele van de pilot / The pilot’s own variable.',
    ]
      .filter((s) => s)
      .join('. ');
    const base = { name: v.code, description: words };
    if (v.type === 'category')
      return {
        ...base,
        type: 'string' as const,
        enum: v.levels.map((l) => l.code),
        categories: v.levels.map((l) => ({
          value: l.code,
          label: l.labelEn ? `${l.label} / ${l.labelEn}` : l.label,
        })),
      };
    if (v.type === 'boolean') return { ...base, type: 'boolean' as const };
    return {
      ...base,
      type: 'integer' as const,
      ...(v.min === null ? {} : { minimum: v.min }),
      ...(v.max === null ? {} : { maximum: v.max }),
    };
  });
}

/** A table with the pilot's variables as its last columns. */
export function withVariables(table: Table, variables: readonly PilotVariable[]): Table {
  if (variables.length === 0) return table;
  return { ...table, fields: [...table.fields, ...variableFields(variables)] };
}

/** A participant's cells of those columns; empty where no value is recorded. */
export function variableCells(
  values: Readonly<Record<string, VariableValue>> | undefined,
  variables: readonly PilotVariable[],
): CellValue[] {
  return variables.map((v) => values?.[v.code] ?? null);
}
