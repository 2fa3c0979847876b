import type { PilotArm } from '@wegwijzer/domain';
import type { Table } from './tables.ts';

/**
 * The `arm` column of a table described by the pilot's own declaration (SPEC §2, §7): its
 * allowed values are the declared arm codes in order, with their labels as Frictionless
 * `categories`, so a four-arm experiment's export names `vrijstelling` and what it means.
 *
 * @example withArms(PARTICIPANTS, await pilotArms(db, pilotId))
 */
export function withArms(
  table: Table,
  arms: readonly Pick<PilotArm, 'code' | 'label' | 'labelEn'>[],
): Table {
  return {
    ...table,
    fields: table.fields.map((f) =>
      f.name === 'arm'
        ? {
            ...f,
            enum: arms.map((a) => a.code),
            categories: arms.map((a) => ({
              value: a.code,
              label: a.labelEn ? `${a.label} / ${a.labelEn}` : a.label,
            })),
          }
        : f,
    ),
  };
}
