import type { Event } from '@wegwijzer/domain';

export type SpellKind = 'benefit' | 'bbz' | 'work';
export interface Spell {
  kind: SpellKind;
  from: string;
  to: string;
  open: boolean;
}

const OPEN: Partial<Record<Event['type'], SpellKind>> = {
  benefit_restart: 'benefit',
  bbz_start: 'bbz',
  work_start: 'work',
};
const CLOSE: Partial<Record<Event['type'], SpellKind>> = {
  benefit_end: 'benefit',
  bbz_end: 'bbz',
  work_end: 'work',
};

/** Benefit, Bbz and work spells from a timeline: everyone starts on benefit at intake; open spells run to `until`. */
export function spells(
  intakeDate: string,
  events: readonly Pick<Event, 'type' | 'date'>[],
  until: string,
): Spell[] {
  const sorted = [...events].sort((a, b) => a.date.localeCompare(b.date));
  const open: Partial<Record<SpellKind, string>> = { benefit: intakeDate };
  const out: Spell[] = [];
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
