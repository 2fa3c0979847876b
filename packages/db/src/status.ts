import type { Kysely } from 'kysely';
import { MAX_WINDOW } from '@wegwijzer/domain';
import { packedStatusByMonth, type StatusCounts } from '@wegwijzer/outcomes';
import type { Database } from './schema.ts';
import { pilotPack } from './windows.ts';

/**
 * Evaluable and off-benefit counts per arm at every month 1–60 of a pilot (status by month,
 * SPEC §3), from the same packed timelines as any window on demand. Undefined for an unknown
 * pilot.
 */
export async function statusCounts(
  db: Kysely<Database>,
  pilotId: string,
): Promise<{ counts: StatusCounts; hasControl: boolean } | undefined> {
  const p = await pilotPack(db, pilotId);
  if (!p) return undefined;
  return { counts: packedStatusByMonth(p.pack, MAX_WINDOW), hasControl: p.hasControl };
}
