import type BetterSqlite3 from 'better-sqlite3';
import type { PilotFacts } from '@wegwijzer/domain';
import { deriveParticipant, type DerivedParticipant } from '@wegwijzer/outcomes';
import { toTimelineEvent, type EventRow } from './repos/events.ts';
import { toBaseline, type ParticipantRow } from './repos/participants.ts';

/**
 * Keeps the derived tables current. Outcome requests aggregate these small rows instead of
 * replaying every timeline; the figures themselves come from @wegwijzer/outcomes alone.
 */

const CHUNK = 2000;

function windowRow(d: DerivedParticipant, participantId: number, pilotId: string) {
  return Object.values(d.windows).map((w) => {
    const ladder = w.evaluable ? w.ladder : null;
    const offDays = w.evaluable ? (w.offDays ?? 0) : 0;
    return [
      participantId,
      pilotId,
      d.arm,
      w.months,
      w.evaluable ? 1 : 0,
      w.offBenefit ? 1 : 0,
      w.route,
      w.sustained === null ? null : w.sustained ? 1 : 0,
      w.evaluable ? (w.benefitDays ?? 0) : 0,
      offDays,
      offDays * d.monthlyBenefitCents,
      w.evaluable ? (w.offsetCents ?? 0) : 0,
      w.evaluable && d.arm === 'intervention' ? d.guidanceCostCents : 0,
      ladder ? 1 : 0,
      ladder && ladder.latest > ladder.intake ? 1 : 0,
      ladder ? ladder.latest - ladder.intake : 0,
      d.placements.eligible,
      d.placements.sustained,
    ];
  });
}

/** Recomputes the derived rows of the given participants, inside the caller's transaction. */
export function recomputeDerived(
  raw: BetterSqlite3.Database,
  pilotId: string,
  pilot: PilotFacts,
  participantIds: readonly number[],
): void {
  const delWindows = raw.prepare('DELETE FROM participant_windows WHERE participant_id = ?');
  const insWindow = raw.prepare(
    `INSERT INTO participant_windows (participant_id, pilot_id, arm, window_months, evaluable, off_benefit,
      route, sustained, benefit_days, off_days, avoided_numerator, offset_cents, guidance_cents,
      ladder_measured, ladder_up, ladder_change, placements_eligible, placements_sustained)
      VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const upsertDerived = raw.prepare(
    `INSERT INTO participant_derived (participant_id, pilot_id, arm, first_exit_days, first_exit_censored,
      placements_eligible, placements_sustained) VALUES (?,?,?,?,?,?,?)
     ON CONFLICT (participant_id) DO UPDATE SET arm = excluded.arm,
      first_exit_days = excluded.first_exit_days, first_exit_censored = excluded.first_exit_censored,
      placements_eligible = excluded.placements_eligible, placements_sustained = excluded.placements_sustained`,
  );
  for (let i = 0; i < participantIds.length; i += CHUNK) {
    const ids = participantIds.slice(i, i + CHUNK);
    const marks = ids.map(() => '?').join(',');
    const participants = raw
      .prepare(`SELECT * FROM participants WHERE id IN (${marks})`)
      .all(...ids) as ParticipantRow[];
    const events = raw
      .prepare(
        `SELECT participant_id, type, date, reason, value, amount_cents FROM events
         WHERE participant_id IN (${marks}) ORDER BY participant_id, date, id`,
      )
      .all(...ids) as (EventRow & { participant_id: number })[];
    const byParticipant = new Map<number, ReturnType<typeof toTimelineEvent>[]>();
    for (const e of events) {
      let list = byParticipant.get(e.participant_id);
      if (!list) byParticipant.set(e.participant_id, (list = []));
      list.push(toTimelineEvent(e));
    }
    for (const p of participants) {
      const d = deriveParticipant(toBaseline(p), byParticipant.get(p.id) ?? [], pilot);
      delWindows.run(p.id);
      for (const row of windowRow(d, p.id, pilotId)) insWindow.run(row);
      upsertDerived.run(
        p.id,
        pilotId,
        d.arm,
        d.firstExit.days,
        d.firstExit.censored ? 1 : 0,
        d.placements.eligible,
        d.placements.sustained,
      );
    }
  }
}

/** Recomputes every participant of a pilot, e.g. after its observation end or defaults changed. */
export function recomputePilot(raw: BetterSqlite3.Database, pilotId: string, pilot: PilotFacts): number {
  const ids = (
    raw.prepare('SELECT id FROM participants WHERE pilot_id = ? ORDER BY id').all(pilotId) as { id: number }[]
  ).map((r) => r.id);
  recomputeDerived(raw, pilotId, pilot, ids);
  return ids.length;
}
