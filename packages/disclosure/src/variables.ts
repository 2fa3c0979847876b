import type { PilotVariableJson } from '@wegwijzer/domain';

/**
 * A pilot's data dictionary as a viewer sees it: the declarations (labels for the subgroup
 * screens) without how many people have a value, which is a count of people (SPEC §6).
 */
export function protectVariableList(list: { items: readonly PilotVariableJson[] }): {
  items: PilotVariableJson[];
  rounded: true;
} {
  return { items: list.items.map((v) => ({ ...v, values: null })), rounded: true };
}
