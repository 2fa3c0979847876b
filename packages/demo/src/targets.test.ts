import type { DemoParticipant, DemoPilot } from './index.ts';
import { describe, expect, it } from 'vitest';
import { generateDemoPilots } from './index.ts';
import {
  exitAt,
  inArm,
  isEvaluable,
  ladderProgress,
  meanBenefitMonths,
  meanGuidanceCost,
  meanOffsetIncome,
  monthsAfter,
  onBenefit,
  sustainedPlacement,
} from './measures.test-helpers.ts';

const pilots = generateDemoPilots();
const pilot = (key: string): DemoPilot => {
  const found = pilots.find((p) => p.key === key);
  if (!found) throw new Error(`no pilot ${key}`);
  return found;
};
const partTime = pilots.filter((p) => p.key.startsWith('parttime-ondernemen-'));
const werkLoont = pilot('werkloont-rotterdam');
const peerGroups = pilot('peer-groups-leeuwarden');
const binthout = pilot('binthout-zwolle');
const placements = [pilot('heilige-boontjes-rotterdam'), pilot('mentorwijs-groningen')];
const mobility = pilot('mobility-mentoring-den-haag');

const motivated = (lo: number, hi: number) => (p: DemoParticipant) =>
  p.baseline.motivation !== null && p.baseline.motivation >= lo && p.baseline.motivation <= hi;
const both =
  (...fs: Array<(p: DemoParticipant) => boolean>) =>
  (p: DemoParticipant) =>
    fs.every((f) => f(p));
const rate = (pl: DemoPilot, k: number, f: (p: DemoParticipant) => boolean): number =>
  exitAt(pl, k, f).rate ?? Number.NaN;
const effect = (
  pl: DemoPilot,
  k: number,
  f: (p: DemoParticipant) => boolean = () => true,
): number => rate(pl, k, both(inArm('intervention'), f)) - rate(pl, k, both(inArm('control'), f));
const share = <T>(rows: readonly T[], f: (r: T) => boolean): number =>
  rows.filter(f).length / rows.length;

/** The reason of the benefit_end in force at m(k), for those off benefit. */
function routesAt(pl: DemoPilot, k: number): Record<string, number> {
  const routes: Record<string, number> = {};
  for (const p of pl.participants) {
    if (!isEvaluable(pl, p, k)) continue;
    const at = monthsAfter(p.baseline.intakeDate, k);
    if (onBenefit(p.events, at)) continue;
    const exit = p.events.filter((e) => e.type === 'benefit_end' && e.date <= at).at(-1);
    const reason = exit?.reason ?? 'other';
    routes[reason] = (routes[reason] ?? 0) + 1;
  }
  return routes;
}

describe('the measuring helper follows SPEC §3', () => {
  const ev = (type: 'benefit_end' | 'benefit_restart', date: string) => ({
    type,
    date,
    reason: type === 'benefit_end' ? ('other' as const) : null,
    value: null,
    amountCents: null,
  });
  it.each([
    [[], '2024-05-01', true],
    [[ev('benefit_end', '2024-05-01')], '2024-05-01', false],
    [[ev('benefit_end', '2024-05-01')], '2024-04-30', true],
    [[ev('benefit_end', '2024-05-01'), ev('benefit_restart', '2024-06-01')], '2024-06-01', true],
    [[ev('benefit_restart', '2024-06-01'), ev('benefit_end', '2024-06-01')], '2024-06-01', false],
  ])('onBenefit(%j, %s) is %s', (events, date, expected) => {
    expect(onBenefit(events, date)).toBe(expected);
  });

  it('clamps m(k) to the end of the month', () => {
    expect(monthsAfter('2024-01-31', 1)).toBe('2024-02-29');
    expect(monthsAfter('2024-02-29', 6)).toBe('2024-08-29');
  });
});

describe('every demo pilot', () => {
  it.each(pilots.map((p) => [p.key, p] as const))(
    '%s has 15–30% of participants pending at 12 months',
    (_k, pl) => {
      const { pending } = exitAt(pl, 12);
      expect(pending / pl.participants.length).toBeGreaterThanOrEqual(0.15);
      expect(pending / pl.participants.length).toBeLessThanOrEqual(0.3);
    },
  );
});

describe('Parttime ondernemen vanuit de bijstand (finding 4)', () => {
  it('runs in three municipalities without a control arm', () => {
    expect(partTime.map((p) => p.pilot.municipality)).toEqual(['GM0363', 'GM0344', 'GM0772']);
    for (const pl of partTime)
      expect(pl.participants.every((p) => p.baseline.arm === 'intervention')).toBe(true);
  });

  it.each(partTime.map((p) => [p.key, p] as const))(
    '%s has about 40% off benefit at 12 months',
    (_k, pl) => {
      expect(exitAt(pl, 12).rate).toBeGreaterThan(0.33);
      expect(exitAt(pl, 12).rate).toBeLessThan(0.47);
    },
  );

  it.each(partTime.map((p) => [p.key, p] as const))(
    '%s leaves benefit via Bbz and regular work, with some combination',
    (_k, pl) => {
      const r = routesAt(pl, 12);
      const off = Object.values(r).reduce((a, b) => a + b, 0);
      expect((r.bbz ?? 0) / off).toBeGreaterThan(0.25);
      expect((r.regular_work ?? 0) / off).toBeGreaterThan(0.25);
      expect(r.combination ?? 0).toBeGreaterThan(0);
    },
  );

  it.each(partTime.map((p) => [p.key, p] as const))(
    '%s offsets business income that nearly pays back the guidance cost (70–100% in 12 months)',
    (_k, pl) => {
      const ratio = meanOffsetIncome(pl, 12) / meanGuidanceCost(pl, 12);
      expect(ratio).toBeGreaterThanOrEqual(0.7);
      expect(ratio).toBeLessThan(1);
    },
  );

  it('books offset income monthly while participants are still on benefit', () => {
    const pl = partTime[0];
    if (!pl) throw new Error('no part-time pilot');
    const counts = pl.participants
      .filter((p) => isEvaluable(pl, p, 12))
      .map((p) => p.events.filter((e) => e.type === 'offset_income').length);
    expect(counts.filter((c) => c >= 6).length / counts.length).toBeGreaterThan(0.6);
  });
});

describe('WerkLoont Rotterdam (findings 1 and 2)', () => {
  it('randomises about half the participants to the control arm', () => {
    const control = share(werkLoont.participants, inArm('control'));
    expect(control).toBeGreaterThan(0.4);
    expect(control).toBeLessThan(0.6);
  });

  it('gets intervention participants off benefit faster than control (~35% vs ~22% at 12 months)', () => {
    const i = rate(werkLoont, 12, inArm('intervention'));
    const c = rate(werkLoont, 12, inArm('control'));
    expect(i).toBeGreaterThan(0.3);
    expect(i).toBeLessThan(0.45);
    expect(c).toBeGreaterThan(0.15);
    expect(c).toBeLessThan(0.3);
    expect(i - c).toBeGreaterThan(0.08);
  });

  it('keeps intervention participants fewer months on benefit in the first year', () => {
    const i = meanBenefitMonths(werkLoont, 12, inArm('intervention'));
    const c = meanBenefitMonths(werkLoont, 12, inArm('control'));
    expect(c - i).toBeGreaterThan(0.3);
  });

  it('concentrates the effect in motivated participants (4–5), near zero for motivation 1–2', () => {
    const high = effect(werkLoont, 12, motivated(4, 5));
    const low = effect(werkLoont, 12, motivated(1, 2));
    expect(high).toBeGreaterThan(0.15);
    expect(Math.abs(low)).toBeLessThan(0.08);
    expect(high - low).toBeGreaterThan(0.1);
  });

  it.each([1, 2, 3])('shows the same pattern with seed %i', (seed) => {
    const pl = generateDemoPilots(seed).find((p) => p.key === 'werkloont-rotterdam');
    if (!pl) throw new Error('no WerkLoont');
    expect(effect(pl, 12)).toBeGreaterThan(0.05);
    expect(effect(pl, 12, motivated(4, 5))).toBeGreaterThan(effect(pl, 12, motivated(1, 2)));
  });
});

describe('Peer groups Leeuwarden (findings 3 and 7)', () => {
  it('has few exits (about 8% at 12 months)', () => {
    expect(exitAt(peerGroups, 12).rate).toBeGreaterThan(0.03);
    expect(exitAt(peerGroups, 12).rate).toBeLessThan(0.13);
  });

  it('starts participants low on the Participatieladder (steps 1–3)', () => {
    const steps = peerGroups.participants.flatMap((p) =>
      p.baseline.ladderStep === null ? [] : [p.baseline.ladderStep],
    );
    expect(Math.max(...steps)).toBeLessThanOrEqual(3);
  });

  it('measures the ladder every few months and most climb one or two steps in a year', () => {
    const lp = ladderProgress(peerGroups, 12);
    expect(lp.rate).toBeGreaterThan(0.6);
    expect(lp.meanChange).toBeGreaterThan(0.7);
    expect(lp.meanChange).toBeLessThan(2);
    const evaluable = peerGroups.participants.filter((p) => isEvaluable(peerGroups, p, 12));
    expect(
      share(evaluable, (p) => p.events.filter((e) => e.type === 'ladder').length >= 4),
    ).toBeGreaterThan(0.9);
  });
});

describe('Binthout Zwolle (finding 2)', () => {
  it('serves people with a psychiatric disability', () => {
    const recorded = binthout.participants.filter((p) => p.baseline.disability !== null);
    expect(share(recorded, (p) => p.baseline.disability === true)).toBeGreaterThan(0.8);
  });

  it('keeps the benefit running: very few exits', () => {
    expect(exitAt(binthout, 12).rate).toBeLessThan(0.05);
  });

  it('brings participants up to participation and unpaid work (ladder 3–4), rarely beyond', () => {
    const latest = binthout.participants
      .filter((p) => isEvaluable(binthout, p, 12))
      .map((p) => p.events.filter((e) => e.type === 'ladder').at(-1)?.value ?? null)
      .filter((v): v is number => v !== null);
    expect(share(latest, (v) => v === 3 || v === 4)).toBeGreaterThan(0.6);
    expect(share(latest, (v) => v > 4)).toBeLessThan(0.05);
    expect(ladderProgress(binthout, 12).rate).toBeGreaterThan(0.4);
  });
});

describe('Heilige Boontjes and Mentorwijs (finding 6)', () => {
  it('reaches mostly young people under 27 at Heilige Boontjes', () => {
    const young = placements[0]?.participants.filter((p) => p.baseline.birthYear !== null) ?? [];
    expect(
      share(
        young,
        (p) => Number(p.baseline.intakeDate.slice(0, 4)) - (p.baseline.birthYear ?? 0) < 27,
      ),
    ).toBeGreaterThan(0.75);
  });

  it('places Mentorwijs participants in another municipality than Rotterdam', () => {
    expect(placements[1]?.pilot.municipality).not.toBe('GM0599');
  });

  it.each(placements.map((p) => [p.key, p] as const))(
    '%s gets about 30% off benefit via regular work',
    (_k, pl) => {
      const r = exitAt(pl, 12).rate;
      expect(r).toBeGreaterThan(0.24);
      expect(r).toBeLessThan(0.37);
      const routes = routesAt(pl, 12);
      const off = Object.values(routes).reduce((a, b) => a + b, 0);
      expect((routes.regular_work ?? 0) / off).toBeGreaterThan(0.8);
    },
  );

  it.each(placements.map((p) => [p.key, p] as const))(
    '%s keeps most placements six months (sustained)',
    (_k, pl) => {
      const sp = sustainedPlacement(pl);
      expect(sp.starts).toBeGreaterThan(50);
      expect(sp.rate).toBeGreaterThan(0.75);
    },
  );
});

describe("Mobility mentoring 's-Gravenhage (finding 7)", () => {
  it('serves people with debts, with a control arm, intakes from January 2023', () => {
    const recorded = mobility.participants.filter((p) => p.baseline.hasDebts !== null);
    expect(share(recorded, (p) => p.baseline.hasDebts === true)).toBeGreaterThan(0.85);
    expect(mobility.pilot.theme).toBe('debt');
    expect(mobility.pilot.startDate.slice(0, 7)).toBe('2023-01');
    expect(share(mobility.participants, inArm('control'))).toBeGreaterThan(0.4);
  });

  it('has evaluable participants in both arms at 24 months', () => {
    expect(exitAt(mobility, 24, inArm('intervention')).evaluable).toBeGreaterThan(40);
    expect(exitAt(mobility, 24, inArm('control')).evaluable).toBeGreaterThan(40);
  });

  it('starts slowly: hardly any difference at 12 months, clearly more exits than control at 24', () => {
    expect(Math.abs(effect(mobility, 12))).toBeLessThan(0.05);
    expect(effect(mobility, 24)).toBeGreaterThan(0.15);
  });

  it('brings ladder gains mainly in the second year', () => {
    const i12 = ladderProgress(mobility, 12, inArm('intervention'));
    const i24 = ladderProgress(mobility, 24, inArm('intervention'));
    const c24 = ladderProgress(mobility, 24, inArm('control'));
    expect(i12.rate).toBeLessThan(0.35);
    expect((i24.rate ?? 0) - (i12.rate ?? 0)).toBeGreaterThan(0.2);
    expect((i24.rate ?? 0) - (c24.rate ?? 0)).toBeGreaterThan(0.15);
  });

  it.each([1, 2, 3])('shows more exits than control at 24 months with seed %i', (seed) => {
    const pl = generateDemoPilots(seed).find((p) => p.key === 'mobility-mentoring-den-haag');
    if (!pl) throw new Error('no mobility mentoring');
    expect(effect(pl, 24)).toBeGreaterThan(0.05);
  });
});
