import type { Kysely } from 'kysely';
import { ARMS, type SubgroupField, type TimelineEvent } from '@wegwijzer/domain';
import {
  packedBytes,
  TimelinePacker,
  type PackedTimelines,
  type ArmTotals,
  type ArmTotalsByArm,
} from '@wegwijzer/outcomes';
import { pilotDataVersion } from './repos/pilots.ts';
import { toTimelineEvent } from './repos/events.ts';
import { toBaseline, type ParticipantRow } from './repos/participants.ts';
import type { Database } from './schema.ts';

/**
 * Any window on demand (ADR 0001, "Any window"): a pilot's participants and events, packed into
 * the engine's compact timelines once, kept in this process keyed by the pilot's `data_version`
 * (which every write bumps in its own transaction), and derived for whatever window a request
 * asks. The version is read from the database on every request, so several API instances on
 * one PostgreSQL database never serve a pack older than the data.
 */

export interface PilotPack {
  pilotId: string;
  version: number;
  pack: PackedTimelines;
  /** Whether the pilot has any control participant (the summary then shows a control arm). */
  hasControl: boolean;
}

/**
 * Packs held at most, in bytes: room for a national deployment (a million participants take
 * about 100 MB) without letting the cache grow without bound. The least recently used go first.
 */
const CACHE_BYTES = 256 * 2 ** 20;

const cache = new Map<string, PilotPack & { bytes: number }>();
/** Loads in flight, so concurrent requests for one pilot share one read. */
const loading = new Map<string, Promise<PilotPack>>();
let cachedBytes = 0;

/** What the cache holds, for tests and the benchmark. */
export function windowCacheStats(): { pilots: number; bytes: number } {
  return { pilots: cache.size, bytes: cachedBytes };
}

/** Forgets every pack (the benchmark measures a cold start with it). */
export function clearWindowCache(): void {
  cache.clear();
  cachedBytes = 0;
}

function remember(entry: PilotPack): void {
  const bytes = packedBytes(entry.pack);
  const old = cache.get(entry.pilotId);
  if (old) {
    cachedBytes -= old.bytes;
    cache.delete(entry.pilotId);
  }
  cache.set(entry.pilotId, { ...entry, bytes });
  cachedBytes += bytes;
  for (const [id, e] of cache) {
    if (cachedBytes <= CACHE_BYTES || cache.size === 1) break;
    cache.delete(id);
    cachedBytes -= e.bytes;
  }
}

/** Reads and packs one pilot's data as of `version`. */
async function load(db: Kysely<Database>, pilotId: string): Promise<PilotPack | undefined> {
  // A write between the two version reads means the rows may mix two states: read again.
  for (let attempt = 0; ; attempt++) {
    const version = await pilotDataVersion(db, pilotId);
    if (version === undefined) return undefined;
    const pilot = await db
      .selectFrom('pilots')
      .select(['data_complete_through', 'monthly_benefit_cents', 'guidance_cost_cents'])
      .where('id', '=', pilotId)
      .executeTakeFirst();
    if (!pilot) return undefined;
    const participants = (await db
      .selectFrom('participants')
      .selectAll()
      .where('pilot_id', '=', pilotId)
      .orderBy('id')
      .execute()) as ParticipantRow[];
    // The order of recomputeDerived, so same-day ladder and stress scores keep recording order.
    const events = await db
      .selectFrom('events')
      .select(['participant_id', 'type', 'date', 'reason', 'value', 'amount_cents'])
      .where('pilot_id', '=', pilotId)
      .orderBy('participant_id')
      .orderBy('date')
      .orderBy('id')
      .execute();
    if ((await pilotDataVersion(db, pilotId)) !== version && attempt < 5) continue;
    const packer = new TimelinePacker({
      dataCompleteThrough: pilot.data_complete_through,
      monthlyBenefitCents: pilot.monthly_benefit_cents,
      guidanceCostCents: pilot.guidance_cost_cents,
    });
    let e = 0;
    const mine: TimelineEvent[] = [];
    let hasControl = false;
    for (const p of participants) {
      while (e < events.length && events[e]!.participant_id < p.id) e++;
      mine.length = 0;
      while (e < events.length && events[e]!.participant_id === p.id)
        mine.push(toTimelineEvent(events[e++]!));
      const baseline = toBaseline(p);
      if (baseline.arm === 'control') hasControl = true;
      packer.add(baseline, mine);
    }
    return { pilotId, version, pack: packer.done(), hasControl };
  }
}

/**
 * The packed timelines of a pilot, current with its data: from the cache when the stored
 * version is the cached one, else read afresh. Undefined for an unknown pilot.
 */
export async function pilotPack(
  db: Kysely<Database>,
  pilotId: string,
): Promise<PilotPack | undefined> {
  const version = await pilotDataVersion(db, pilotId);
  if (version === undefined) return undefined;
  const hit = cache.get(pilotId);
  if (hit && hit.version === version) {
    // Most recently used last, so eviction takes the oldest.
    cache.delete(pilotId);
    cache.set(pilotId, hit);
    return hit;
  }
  let pending = loading.get(pilotId);
  if (!pending) {
    pending = load(db, pilotId)
      .then((p) => {
        if (!p) throw new Error(`Pilot ${pilotId} disappeared while loading`);
        remember(p);
        return p;
      })
      .finally(() => loading.delete(pilotId));
    loading.set(pilotId, pending);
  }
  const loaded = await pending;
  // A load that began before this request's version was written is too old for it.
  return loaded.version >= version ? loaded : pilotPack(db, pilotId);
}

const INTERVENTION = ARMS.indexOf('intervention');
const CONTROL = ARMS.indexOf('control');

/** Per-arm totals as `ArmTotalsByArm`, with `control` when the pilot has one. */
export function byArmIndex(arms: ArmTotals[], withControl: boolean): ArmTotalsByArm {
  return withControl
    ? { intervention: arms[INTERVENTION]!, control: arms[CONTROL]! }
    : { intervention: arms[INTERVENTION]! };
}

/** The subgroup field's value of each packed participant, as a function for `packedTotals`. */
export function groupKey(pack: PackedTimelines, field: SubgroupField): (i: number) => number {
  const codes = pack.groups[field].codes;
  return (i) => codes[i]!;
}
