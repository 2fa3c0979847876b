import { variableCell, type PilotVariable, type VariableValue } from '@wegwijzer/domain';
import type { Cells } from './header.ts';
import type { RowReport } from './report.ts';
import type { Delimiter } from './types.ts';
import { shown } from './values.ts';

/** The English message of a refused cell; the screens word the rule's code in Dutch. */
function message(v: PilotVariable, raw: string): string {
  switch (v.type) {
    case 'category':
      return `${v.code} must be one of ${v.levels.map((l) => l.code).join(', ')}, got ${shown(raw)}`;
    case 'boolean':
      return `${v.code} must be yes/no, ja/nee, true/false or 1/0, got ${shown(raw)}`;
    case 'integer':
      return `${v.code} must be a whole number from ${v.min} to ${v.max}, got ${shown(raw)}`;
  }
}

/**
 * The row's values of the pilot's own variables whose columns the file has, validated by each
 * variable's type (domain rules.ts); null when the file has none of them.
 */
export function variableColumn(
  variables: readonly PilotVariable[],
  cells: Cells,
  delimiter: Delimiter,
  report: RowReport,
): Record<string, VariableValue | null> | null {
  let values: Record<string, VariableValue | null> | null = null;
  for (const v of variables) {
    const raw = cells.get(v.code);
    if (raw === undefined) continue;
    const checked = variableCell(v, raw, delimiter);
    if (!checked.ok) {
      report.add(v.code, message(v, raw), checked.error);
      continue;
    }
    values ??= {};
    values[v.code] = checked.value;
  }
  return values;
}
