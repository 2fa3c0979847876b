import { armTotalsByPilot, pilotVersions, type Store } from '@wegwijzer/db';
import type { ArmTotalsByArm } from '@wegwijzer/outcomes';

/**
 * Per-pilot outcome totals, reused while the pilot's data version in the database is unchanged.
 * Every write that can change an outcome bumps that version in the same transaction, so the
 * check stays right with several server processes on one database.
 */
export class TotalsCache {
  private readonly entries = new Map<string, { version: number; totals: ArmTotalsByArm }>();

  async get(store: Store, pilotIds: readonly string[], k: number): Promise<Map<string, ArmTotalsByArm>> {
    // Read the versions first: a write racing with the query below can only make the cached
    // totals newer than their version, which costs a recompute, never a stale answer.
    const versions = await pilotVersions(store.db, pilotIds);
    const result = new Map<string, ArmTotalsByArm>();
    const stale: string[] = [];
    for (const id of pilotIds) {
      const hit = this.entries.get(`${id}:${k}`);
      if (hit && hit.version === versions.get(id)) result.set(id, hit.totals);
      else stale.push(id);
    }
    if (stale.length > 0) {
      for (const [id, totals] of await armTotalsByPilot(store.db, stale, k)) {
        const version = versions.get(id);
        if (version !== undefined) this.entries.set(`${id}:${k}`, { version, totals });
        result.set(id, totals);
      }
    }
    return result;
  }

  async one(store: Store, pilotId: string, k: number): Promise<ArmTotalsByArm> {
    return (await this.get(store, [pilotId], k)).get(pilotId)!;
  }
}
