import type { Event } from '@wegwijzer/domain';
import { benefitSpells, buildTimeline, fromDay, observationEnd, toDay } from '@wegwijzer/outcomes';

export type SpellKind = 'benefit' | 'bbz' | 'work';
export interface Spell {
  kind: SpellKind;
  from: string;
  to: string;
  open: boolean;
}

// Benefit spells come from the engine (SPEC §3 onBenefit); Bbz and work spells are context the
// engine does not define, paired here by date.
const OPEN: Partial<Record<Event['type'], SpellKind>> = {
  bbz_start: 'bbz',
  work_start: 'work',
};
const CLOSE: Partial<Record<Event['type'], SpellKind>> = {
  bbz_end: 'bbz',
  work_end: 'work',
};

/** Benefit spells as the engine sees them through `until`; a running spell is open. */
function benefit(
  intakeDate: string,
  events: readonly Pick<Event, 'type' | 'date'>[],
  until: string,
): Spell[] {
  const end = Math.max(toDay(intakeDate), toDay(until));
  const timeline = buildTimeline(
    events.map((e) => ({
      type: e.type,
      date: e.date,
      reason: null,
      value: null,
      amountCents: null,
    })),
    toDay(intakeDate),
    end,
  );
  return benefitSpells(timeline).map((s) => ({
    kind: 'benefit',
    from: fromDay(s.from),
    to: fromDay(s.to ?? end),
    open: s.to === null,
  }));
}

/** Benefit, Bbz and work spells from a timeline: everyone starts on benefit at intake; open spells run to `until`. */
export function spells(
  intakeDate: string,
  events: readonly Pick<Event, 'type' | 'date'>[],
  until: string,
): Spell[] {
  const sorted = [...events].sort((a, b) => a.date.localeCompare(b.date));
  const open: Partial<Record<SpellKind, string>> = {};
  const out: Spell[] = benefit(intakeDate, events, until);
  for (const e of sorted) {
    const o = OPEN[e.type];
    const c = CLOSE[e.type];
    if (o && open[o] == null) open[o] = e.date;
    if (c && open[c] != null) {
      out.push({ kind: c, from: open[c]!, to: e.date, open: false });
      delete open[c];
    }
  }
  for (const [kind, from] of Object.entries(open) as [SpellKind, string][])
    out.push({ kind, from, to: until > from ? until : from, open: true });
  return out.sort((a, b) => a.from.localeCompare(b.from));
}

/** Position of an ISO date on a [start, end] axis as a fraction 0–1. */
export function position(date: string, start: string, end: string): number {
  const d = Date.parse(date);
  const s = Date.parse(start);
  const e = Date.parse(end);
  if (!(e > s)) return 0;
  return Math.min(1, Math.max(0, (d - s) / (e - s)));
}

/**
 * The last day a participant's timeline shows: their observation end (SPEC §3 `obsEnd`, the
 * engine's), past which no outcome looks; never before intake. Only while the pilot is not yet
 * known does it fall back to today or the latest event.
 */
export function timelineEnd(
  p: { intakeDate: string; lostToFollowUpDate: string | null },
  dataCompleteThrough: string | null | undefined,
  events: readonly Pick<Event, 'date'>[],
  today: string,
): string {
  const end = dataCompleteThrough
    ? observationEnd(dataCompleteThrough, p.lostToFollowUpDate)
    : [today, ...events.map((e) => e.date)].sort().at(-1)!;
  return end < p.intakeDate ? p.intakeDate : end;
}
