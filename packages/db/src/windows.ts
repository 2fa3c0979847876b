import type { Kysely } from 'kysely';
import {
  CONTROL_ARM,
  type Arm,
  type Baseline,
  type SubgroupField,
  type TimelineEvent,
} from '@wegwijzer/domain';
import {
  emptyTotals,
  packedBytes,
  TimelinePacker,
  type PackedTimelines,
  type ArmTotals,
  type ArmTotalsByArm,
} from '@wegwijzer/outcomes';
import { withArmGuidanceCosts } from './repos/arms.ts';
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

type Entry = PilotPack & { facts: Facts; bytes: number };
const cache = new Map<string, Entry>();
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

function remember(entry: PilotPack & { facts: Facts }): void {
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

type Facts = {
  dataCompleteThrough: string;
  monthlyBenefitCents: number | null;
  guidanceCostCents: number | null;
  armGuidanceCostCents?: Readonly<Record<string, number>>;
};

/** The participants (all, or those with the given ids) of a pilot with their events, in id order. */
async function readParticipants(
  db: Kysely<Database>,
  pilotId: string,
  ids: readonly number[] | null,
): Promise<{ baseline: Baseline; events: TimelineEvent[]; id: number }[]> {
  if (ids !== null && ids.length === 0) return [];
  let pq = db.selectFrom('participants').selectAll().where('pilot_id', '=', pilotId);
  if (ids) pq = pq.where('id', 'in', ids);
  const participants = (await pq.orderBy('id').execute()) as ParticipantRow[];
  // Driven from the pilot's participants (events are indexed by participant), in the order of
  // recomputeDerived, so same-day ladder and stress scores keep their recording order.
  let eq = db
    .selectFrom('participants as p')
    .innerJoin('events as e', 'e.participant_id', 'p.id')
    .select(['e.participant_id', 'e.type', 'e.date', 'e.reason', 'e.value', 'e.amount_cents'])
    .where('p.pilot_id', '=', pilotId);
  if (ids) eq = eq.where('p.id', 'in', ids);
  const events = await eq.orderBy('e.participant_id').orderBy('e.date').orderBy('e.id').execute();
  const out = [];
  let e = 0;
  for (const p of participants) {
    while (e < events.length && Number(events[e]!.participant_id) < p.id) e++;
    const mine: TimelineEvent[] = [];
    while (e < events.length && Number(events[e]!.participant_id) === p.id)
      mine.push(toTimelineEvent(events[e++]!));
    out.push({ baseline: toBaseline(p), events: mine, id: Number(p.id) });
  }
  return out;
}

async function readFacts(db: Kysely<Database>, pilotId: string): Promise<Facts | undefined> {
  const pilot = await db
    .selectFrom('pilots')
    .select(['data_complete_through', 'monthly_benefit_cents', 'guidance_cost_cents'])
    .where('id', '=', pilotId)
    .executeTakeFirst();
  return (
    pilot &&
    withArmGuidanceCosts(db, pilotId, {
      dataCompleteThrough: pilot.data_complete_through,
      monthlyBenefitCents: pilot.monthly_benefit_cents,
      guidanceCostCents: pilot.guidance_cost_cents,
    })
  );
}

const sameFacts = (a: Facts, b: Facts) =>
  a.dataCompleteThrough === b.dataCompleteThrough &&
  a.monthlyBenefitCents === b.monthlyBenefitCents &&
  a.guidanceCostCents === b.guidanceCostCents &&
  JSON.stringify(a.armGuidanceCostCents) === JSON.stringify(b.armGuidanceCostCents);

/**
 * Reads one pilot as of its current version: from scratch, or, given the pack of an older
 * version, only the participants recomputed since (their derived row carries the version of
 * the write) with everyone else copied from the old pack. A removed participant, or changed
 * pilot facts, make it read everything.
 */
async function load(
  db: Kysely<Database>,
  pilotId: string,
  old: (PilotPack & { facts: Facts }) | undefined,
): Promise<(PilotPack & { facts: Facts }) | undefined> {
  // A write between the two version reads means the rows may mix two states: read again.
  for (let attempt = 0; ; attempt++) {
    const version = await pilotDataVersion(db, pilotId);
    if (version === undefined) return undefined;
    const facts = await readFacts(db, pilotId);
    if (!facts) return undefined;
    let base = old && sameFacts(old.facts, facts) ? old : undefined;
    let changed: number[] | null = null;
    if (base) {
      const rows = await db
        .selectFrom('participant_derived')
        .select('participant_id')
        .where('pilot_id', '=', pilotId)
        .where('data_version', '>', base.version)
        .execute();
      changed = rows.map((r) => Number(r.participant_id));
      const count = await db
        .selectFrom('participant_derived')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('pilot_id', '=', pilotId)
        .executeTakeFirstOrThrow();
      const known = new Set(base.pack.id);
      const added = changed.filter((id) => !known.has(id)).length;
      // Fewer rows than the old pack plus the new ones: someone was removed.
      if (Number(count.n) !== base.pack.n + added) {
        base = undefined;
        changed = null;
      }
    }
    const fresh = await readParticipants(db, pilotId, changed);
    if ((await pilotDataVersion(db, pilotId)) !== version && attempt < 5) continue;
    const packer = new TimelinePacker(facts);
    if (base) {
      const byId = new Map(fresh.map((p) => [p.id, p]));
      const b = base.pack;
      for (let i = 0; i < b.n; i++) {
        const p = byId.get(b.id[i]!);
        if (p) {
          packer.add(p.baseline, p.events, p.id);
          byId.delete(p.id);
        } else packer.copy(b, i);
      }
      for (const p of byId.values()) packer.add(p.baseline, p.events, p.id);
    } else {
      for (const p of fresh) packer.add(p.baseline, p.events, p.id);
    }
    const pack = packer.done();
    // Arm indices point into the pack's own code list, which holds every code seen.
    const hasControl = pack.arm.includes(pack.armCodes.indexOf(CONTROL_ARM));
    return { pilotId, version, pack, hasControl, facts };
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
    pending = load(db, pilotId, hit)
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

/**
 * Per-arm totals of a pack (indexed as its `armCodes`) as `ArmTotalsByArm` with the arms
 * `codes`, in that order; an arm nobody of the group is in has zero totals.
 */
export function byArmIndex(
  arms: ArmTotals[],
  armCodes: readonly Arm[],
  codes: readonly Arm[],
  k: number,
): ArmTotalsByArm {
  const totals: ArmTotalsByArm = {};
  for (const code of codes) {
    const i = armCodes.indexOf(code);
    totals[code] = (i < 0 ? undefined : arms[i]) ?? emptyTotals(k);
  }
  return totals;
}

/** The subgroup field's value of each packed participant, as a function for `packedTotals`. */
export function groupKey(pack: PackedTimelines, field: SubgroupField): (i: number) => number {
  const codes = pack.groups[field].codes;
  return (i) => codes[i]!;
}
