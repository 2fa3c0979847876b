import type { Kysely } from 'kysely';
import { MAX_WINDOW } from '@wegwijzer/domain';
import { packedStatusByMonth, type StatusCounts } from '@wegwijzer/outcomes';
import type { Database } from './schema.ts';
import { shownArmsByPilot } from './repos/arms.ts';
import { pilotPack } from './windows.ts';

/**
 * Evaluable and off-benefit counts per arm at every month 1–60 of a pilot (status by month,
 * SPEC §3), from the same packed timelines as any window on demand, with the arm codes the
 * reply shows. Undefined for an unknown pilot.
 */
export async function statusCounts(
  db: Kysely<Database>,
  pilotId: string,
): Promise<{ counts: StatusCounts; hasControl: boolean; arms: string[] } | undefined> {
  const p = await pilotPack(db, pilotId);
  if (!p) return undefined;
  const arms = (await shownArmsByPilot(db, [pilotId], () => p.hasControl)).get(pilotId)!;
  return { counts: packedStatusByMonth(p.pack, MAX_WINDOW), hasControl: p.hasControl, arms };
}
