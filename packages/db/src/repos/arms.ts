import type { Kysely } from 'kysely';
import { armRole, DEFAULT_PILOT_ARMS, shownArms, type Arm, type PilotArm } from '@wegwijzer/domain';
import type { Database } from '../schema.ts';

/**
 * The declared arms (SPEC §2) of each of the given pilots, in order. A pilot without rows in
 * `pilot_arms` (none after migration 008) has the default two.
 */
export async function loadPilotArms(
  db: Kysely<Database>,
  pilotIds: readonly string[],
): Promise<Map<string, PilotArm[]>> {
  const result = new Map<string, PilotArm[]>(pilotIds.map((id) => [id, []]));
  if (pilotIds.length === 0) return result;
  const rows = await db
    .selectFrom('pilot_arms')
    .selectAll()
    .where('pilot_id', 'in', pilotIds)
    .orderBy('pilot_id')
    .orderBy('position')
    .execute();
  for (const r of rows) {
    result.get(r.pilot_id)!.push({
      code: r.code,
      label: r.label,
      labelEn: r.label_en,
      role: armRole(r.code),
      order: Number(r.position),
    });
  }
  for (const [id, arms] of result) if (arms.length === 0) result.set(id, [...DEFAULT_PILOT_ARMS]);
  return result;
}

/** One pilot's declared arms, in order. */
export async function pilotArms(db: Kysely<Database>, pilotId: string): Promise<PilotArm[]> {
  return (await loadPilotArms(db, [pilotId])).get(pilotId)!;
}

/** Replaces a pilot's declared arms (the caller has checked the change is safe). */
export async function savePilotArms(
  db: Kysely<Database>,
  pilotId: string,
  arms: readonly Pick<PilotArm, 'code' | 'label' | 'labelEn'>[],
): Promise<void> {
  await db.deleteFrom('pilot_arms').where('pilot_id', '=', pilotId).execute();
  if (arms.length > 0)
    await db
      .insertInto('pilot_arms')
      .values(
        arms.map((a, position) => ({
          pilot_id: pilotId,
          code: a.code,
          label: a.label,
          label_en: a.labelEn,
          position,
        })),
      )
      .execute();
  // Arm labels and order are part of the pilot's replies, cached by its data version.
  await db
    .updateTable('pilots')
    .set((eb) => ({ data_version: eb('data_version', '+', 1) }))
    .where('id', '=', pilotId)
    .execute();
}

/** How many participants each arm code of a pilot holds (codes without any are absent). */
export async function armParticipantCounts(
  db: Kysely<Database>,
  pilotId: string,
): Promise<Map<Arm, number>> {
  const rows = await db
    .selectFrom('participants')
    .select(['arm', (eb) => eb.fn.countAll<number>().as('n')])
    .where('pilot_id', '=', pilotId)
    .groupBy('arm')
    .execute();
  return new Map(rows.map((r) => [r.arm, Number(r.n)]));
}

/**
 * The arm codes the replies of each pilot show, in order (`shownArms`): its declared
 * intervention arms, then `control` when declared and `hasControl(pilotId)`.
 */
export async function shownArmsByPilot(
  db: Kysely<Database>,
  pilotIds: readonly string[],
  hasControl: (pilotId: string) => boolean,
): Promise<Map<string, Arm[]>> {
  const declared = await loadPilotArms(db, pilotIds);
  const result = new Map<string, Arm[]>();
  for (const [id, arms] of declared)
    result.set(
      id,
      shownArms(arms, () => hasControl(id)),
    );
  return result;
}
