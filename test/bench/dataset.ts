import type { Store } from '@wegwijzer/db';
import { BulkInsert, recomputeDerived } from '@wegwijzer/db';
import { EXIT_REASONS } from '@wegwijzer/domain';

/**
 * A deterministic national dataset for benchmarks: `pilots` pilots of `perPilot` participants,
 * both arms, intakes spread over three years, about five events a participant.
 */
export interface DatasetSize {
  pilots: number;
  perPilot: number;
}

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface BenchParticipant {
  ref: string;
  arm: 'intervention' | 'control';
  intake: string;
  motivation: number;
  ladder: number;
  birthYear: number;
  events: {
    type: string;
    date: string;
    reason: string | null;
    value: number | null;
    amountCents: number | null;
  }[];
}

/** The participants of one pilot, as plain rows (the same for the CSV and the direct path). */
export function pilotParticipants(pilotIndex: number, perPilot: number): BenchParticipant[] {
  const rnd = mulberry32(1000 + pilotIndex);
  const start = Date.UTC(2022, 0, 1);
  const out: BenchParticipant[] = [];
  for (let i = 0; i < perPilot; i++) {
    const t0 = start + Math.floor(rnd() * 1095) * DAY;
    const arm = rnd() < 0.5 ? 'intervention' : 'control';
    const events: BenchParticipant['events'] = [];
    const ladder = 1 + Math.floor(rnd() * 5);
    events.push({
      type: 'ladder',
      date: iso(t0 + 90 * DAY),
      reason: null,
      value: Math.min(6, ladder + 1),
      amountCents: null,
    });
    events.push({
      type: 'offset_income',
      date: iso(t0 + 60 * DAY),
      reason: null,
      value: null,
      amountCents: Math.floor(rnd() * 40000),
    });
    if (rnd() < (arm === 'intervention' ? 0.45 : 0.3)) {
      const exit = t0 + Math.floor(rnd() * 500) * DAY;
      events.push({
        type: 'work_start',
        date: iso(Math.max(t0, exit - 5 * DAY)),
        reason: null,
        value: 24,
        amountCents: null,
      });
      events.push({
        type: 'benefit_end',
        date: iso(exit),
        reason: EXIT_REASONS[Math.floor(rnd() * 4)]!,
        value: null,
        amountCents: null,
      });
      if (rnd() < 0.2)
        events.push({
          type: 'benefit_restart',
          date: iso(exit + Math.floor(rnd() * 200 + 1) * DAY),
          reason: null,
          value: null,
          amountCents: null,
        });
    } else {
      events.push({
        type: 'offset_income',
        date: iso(t0 + 120 * DAY),
        reason: null,
        value: null,
        amountCents: Math.floor(rnd() * 40000),
      });
      events.push({
        type: 'ladder',
        date: iso(t0 + 200 * DAY),
        reason: null,
        value: ladder,
        amountCents: null,
      });
    }
    out.push({
      ref: `B${pilotIndex}-${i}`,
      arm,
      intake: iso(t0),
      motivation: 1 + Math.floor(rnd() * 5),
      ladder,
      birthYear: 1960 + Math.floor(rnd() * 45),
      events: events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    });
  }
  return out;
}

/** Writes the dataset straight into the store (no CSV), with derived rows; returns the pilot ids. */
export async function seed(store: Store, size: DatasetSize): Promise<string[]> {
  const ids: string[] = [];
  const now = new Date().toISOString();
  const facts = {
    dataCompleteThrough: '2025-12-31',
    monthlyBenefitCents: 120000,
    guidanceCostCents: 250000,
  };
  for (let p = 0; p < size.pilots; p++) {
    const id = `bench-${p}`;
    ids.push(id);
    await store.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO pilots (id, name, municipality, theme, start_date, data_complete_through, monthly_benefit_cents,
          guidance_cost_cents, synthetic, created_at, updated_at) VALUES (?, ?, 'GM0599', 'reintegration', '2022-01-01', ?, ?, ?, 1, ?, ?)`,
        [
          id,
          `Benchpilot ${p}`,
          facts.dataCompleteThrough,
          facts.monthlyBenefitCents,
          facts.guidanceCostCents,
          now,
          now,
        ],
      );
      const insP = new BulkInsert(
        tx,
        'participants',
        [
          'pilot_id',
          'participant_ref',
          'arm',
          'intake_date',
          'motivation',
          'ladder_step',
          'birth_year',
          'created_at',
          'updated_at',
        ],
        undefined,
        ' RETURNING id, participant_ref',
      );
      const pidByRef = new Map<string, number>();
      const keep = (rows: { id: number; participant_ref: string }[]) => {
        for (const r of rows) pidByRef.set(r.participant_ref, Number(r.id));
      };
      const participants = [...pilotParticipants(p, size.perPilot)];
      for (const x of participants)
        keep(
          await insP.add([
            id,
            x.ref,
            x.arm,
            x.intake,
            x.motivation,
            x.ladder,
            x.birthYear,
            now,
            now,
          ]),
        );
      keep(await insP.flush());
      const insE = new BulkInsert(tx, 'events', [
        'participant_id',
        'pilot_id',
        'type',
        'date',
        'reason',
        'value',
        'amount_cents',
        'created_at',
      ]);
      const pids: number[] = [];
      for (const x of participants) {
        const pid = pidByRef.get(x.ref)!;
        pids.push(pid);
        for (const e of x.events)
          await insE.add([pid, id, e.type, e.date, e.reason, e.value, e.amountCents, now]);
      }
      await insE.flush();
      await recomputeDerived(tx, id, facts, pids);
    });
  }
  return ids;
}

const PARTICIPANT_HEADER = 'participant_ref,arm,intake_date,motivation,ladder_step,birth_year';
const EVENT_HEADER = 'participant_ref,type,date,reason,value';

/** One pilot's import files, as the municipality would send them (`,` dialect). */
export function pilotCsv(
  pilotIndex: number,
  perPilot: number,
): { participants: string; events: string; rows: number } {
  const people = pilotParticipants(pilotIndex, perPilot);
  const p = [PARTICIPANT_HEADER];
  const e = [EVENT_HEADER];
  for (const x of people) {
    p.push(`${x.ref},${x.arm},${x.intake},${x.motivation},${x.ladder},${x.birthYear}`);
    for (const ev of x.events) {
      const value = ev.amountCents !== null ? (ev.amountCents / 100).toFixed(2) : (ev.value ?? '');
      e.push(`${x.ref},${ev.type},${ev.date},${ev.reason ?? ''},${value}`);
    }
  }
  return {
    participants: p.join('\n') + '\n',
    events: e.join('\n') + '\n',
    rows: p.length - 1 + e.length - 1,
  };
}
