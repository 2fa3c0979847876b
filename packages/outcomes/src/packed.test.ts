import { ARMS, EXIT_REASONS, MAX_WINDOW, SUBGROUP_FIELDS } from '@wegwijzer/domain/core';
import type { Baseline, TimelineEvent } from '@wegwijzer/domain/core';
import { describe, expect, it } from 'vitest';
import { totalsByArm } from './arms.ts';
import { addMonths, fromDay, toDay } from './dates.ts';
import { deriveParticipant, windowOf } from './derive.ts';
import {
  packedArm,
  packedGroupValue,
  packedStatusByMonth,
  packedTotals,
  packedWindow,
  packTimelines,
  TimelinePacker,
} from './packed.ts';
import { summarizeStatusByMonth } from './status.ts';
import { subgroupValue } from './subgroups.ts';
import { baseline, ev, pilot } from './test-fixtures.ts';

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

/** Participants with every kind of event, month-end intakes and losses to follow-up. */
function population(size: number, seed: number) {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: { baseline: Baseline; events: TimelineEvent[] }[] = [];
  for (let i = 0; i < size; i++) {
    // Month ends and leap days exercise the clamping of m(k).
    const t0 =
      pick([toDay('2022-01-31'), toDay('2024-02-29'), toDay('2023-08-31')]) +
      (rnd() < 0.5 ? 0 : Math.floor(rnd() * 900));
    const b = baseline({
      arm: pick(ARMS),
      intakeDate: fromDay(t0),
      ladderStep: rnd() < 0.8 ? 1 + Math.floor(rnd() * 6) : null,
      motivation: rnd() < 0.8 ? 1 + Math.floor(rnd() * 5) : null,
      birthYear: rnd() < 0.9 ? 1960 + Math.floor(rnd() * 45) : null,
      hasDebts: rnd() < 0.5,
      monthlyBenefitCents: rnd() < 0.5 ? null : 90_000 + Math.floor(rnd() * 50_000),
      lostToFollowUpDate: rnd() < 0.1 ? fromDay(t0 + Math.floor(rnd() * 1500)) : null,
    });
    const events: TimelineEvent[] = [];
    let d = t0;
    for (let e = Math.floor(rnd() * 8); e > 0; e--) {
      d += Math.floor(rnd() * 200);
      const date = fromDay(d);
      const r = rnd();
      if (r < 0.3)
        events.push(ev('benefit_end', date, { reason: rnd() < 0.2 ? null : pick(EXIT_REASONS) }));
      else if (r < 0.45) events.push(ev('benefit_restart', date));
      else if (r < 0.55) events.push(ev('ladder', date, { value: 1 + Math.floor(rnd() * 6) }));
      else if (r < 0.7)
        events.push(ev('offset_income', date, { amountCents: Math.floor(rnd() * 90_000) }));
      else if (r < 0.75) events.push(ev('work_start', date));
      else if (r < 0.8) events.push(ev('work_end', date));
      else if (r < 0.85) events.push(ev('debt_intake', date, { amountCents: 500_000 }));
      else if (r < 0.9) events.push(ev('debt_stabilised', date));
      else events.push(ev('money_stress', date, { value: Math.round(rnd() * 100) / 10 }));
    }
    out.push({ baseline: b, events });
  }
  return out;
}

const facts = pilot({ dataCompleteThrough: '2026-06-30' });
const people = population(400, 18);
const pack = packTimelines(people, facts);
const ALL_MONTHS = Array.from({ length: MAX_WINDOW }, (_, i) => i + 1);
const derived = people.map((p) => deriveParticipant(p.baseline, p.events, facts, ALL_MONTHS));

describe('packed timelines', () => {
  it('derive every window 1–60 exactly as deriveParticipant does', () => {
    for (let i = 0; i < pack.n; i++) {
      expect(packedArm(pack, i)).toBe(people[i]!.baseline.arm);
      for (const k of ALL_MONTHS)
        expect(packedWindow(pack, i, k)).toEqual(windowOf(derived[i]!, k));
    }
  });

  it('copy participants of another pack exactly as packing them again would', () => {
    const packer = new TimelinePacker(facts);
    people.forEach((p, i) =>
      i % 7 === 0 ? packer.add(p.baseline, p.events, i) : packer.copy(pack, i),
    );
    expect(packer.done()).toEqual(pack);
  });

  it('keep every subgroup value of the baseline', () => {
    for (let i = 0; i < pack.n; i++)
      for (const f of SUBGROUP_FIELDS)
        expect(packedGroupValue(pack, i, f)).toBe(subgroupValue(people[i]!.baseline, f));
  });

  it.each([1, 3, 6, 9, 13, 30, 60])('sum to the totals of accumulate at window %i', (k) => {
    const expected = totalsByArm(derived, k, ['intervention', 'control']);
    const totals = packedTotals(pack, k, () => 'all').get('all')!;
    expect(totals[ARMS.indexOf('intervention')]).toEqual(expected.intervention);
    expect(totals[ARMS.indexOf('control')]).toEqual(expected.control);
  });

  it('count status by month as the windows of the same months do', () => {
    const counts = packedStatusByMonth(pack, MAX_WINDOW);
    for (const arm of ARMS) {
      const a = ARMS.indexOf(arm);
      for (const m of ALL_MONTHS) {
        const mine = derived.filter((d) => d.arm === arm).map((d) => windowOf(d, m)!);
        expect(counts.evaluable[a]![m - 1]).toBe(mine.filter((w) => w.evaluable).length);
        expect(counts.off[a]![m - 1]).toBe(mine.filter((w) => w.offBenefit).length);
      }
    }
  });
});

describe('summarizeStatusByMonth', () => {
  it('reports months 1–36 and on only while someone is evaluable', () => {
    // Every intake is on or after 2022-01-31 and data end 2026-06-30: month 53 is the last mark
    // anyone reaches (2022-01-31 + 53 months = 2026-06-30).
    expect(addMonths(toDay('2022-01-31'), 53)).toBe(toDay('2026-06-30'));
    const s = summarizeStatusByMonth(packedStatusByMonth(pack, MAX_WINDOW), [
      'intervention',
      'control',
    ]);
    expect(s.arms.intervention!.map((p) => p.month)).toEqual(ALL_MONTHS.slice(0, 53));
    expect(s.arms.control!.length).toBe(53);
    const twelve = totalsByArm(derived, 12, ['intervention', 'control']);
    expect(s.arms.control![11]!.evaluable).toBe(twelve.control!.evaluable);
    expect(s.arms.control![11]!.offBenefit.count).toBe(twelve.control!.off);
  });

  it('keeps months 1–36 with a null rate when nobody is evaluable yet', () => {
    const late = packTimelines(
      [{ baseline: baseline({ intakeDate: '2026-01-15' }), events: [] }],
      facts,
    );
    const s = summarizeStatusByMonth(packedStatusByMonth(late, MAX_WINDOW), ['intervention']);
    expect(s.arms.control).toBeUndefined();
    expect(s.arms.intervention!.length).toBe(36);
    expect(s.arms.intervention![4]).toEqual({
      month: 5,
      evaluable: 1,
      offBenefit: { count: 0, rate: 0, ci95: [0, expect.any(Number)] },
    });
    expect(s.arms.intervention![5]).toEqual({
      month: 6,
      evaluable: 0,
      offBenefit: { count: 0, rate: null, ci95: null },
    });
  });
});
