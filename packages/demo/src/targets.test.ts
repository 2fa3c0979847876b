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

describe('Experiment Participatiewet (multi-arm bijstand experiments 2017–2020)', () => {
  const experiment = pilot('bijstandsexperiment-wageningen');
  const REGIMES = ['vrijstelling', 'extra_begeleiding', 'bijverdienen'] as const;
  const ARMS = [...REGIMES, 'control'] as const;
  const exit12 = (arm: string) => rate(experiment, 12, inArm(arm));

  it('declares three regimes and a control arm, with Dutch and English labels', () => {
    expect(experiment.arms?.map((a) => a.code)).toEqual(ARMS);
    for (const arm of experiment.arms ?? []) {
      expect(arm.label.length).toBeGreaterThan(5);
      expect(arm.labelEn?.length).toBeGreaterThan(5);
    }
  });

  it('randomises about 800 people over the four arms, 170–240 per arm', () => {
    expect(experiment.participants.length).toBeGreaterThanOrEqual(780);
    expect(experiment.participants.length).toBeLessThanOrEqual(820);
    for (const arm of ARMS) {
      const n = experiment.participants.filter(inArm(arm)).length;
      expect(n, arm).toBeGreaterThanOrEqual(170);
      expect(n, arm).toBeLessThanOrEqual(240);
    }
    expect(experiment.participants.every((p) => ARMS.some((a) => a === p.baseline.arm))).toBe(true);
  });

  it('has 8–20% off benefit at 12 months in every arm, and at least 140 evaluable per arm', () => {
    for (const arm of ARMS) {
      expect(exitAt(experiment, 12, inArm(arm)).evaluable, arm).toBeGreaterThanOrEqual(140);
      expect(exit12(arm), arm).toBeGreaterThanOrEqual(0.08);
      expect(exit12(arm), arm).toBeLessThanOrEqual(0.2);
    }
  });

  it('shows small effects, as the real experiments did: within −3 to +6 points of control, extra guidance the largest', () => {
    const control = exit12('control');
    for (const arm of REGIMES) {
      expect(exit12(arm) - control, arm).toBeGreaterThanOrEqual(-0.03);
      expect(exit12(arm) - control, arm).toBeLessThanOrEqual(0.06);
    }
    expect(exit12('extra_begeleiding')).toBeGreaterThan(exit12('vrijstelling'));
    expect(exit12('extra_begeleiding')).toBeGreaterThan(exit12('bijverdienen'));
    expect(exit12('extra_begeleiding')).toBeGreaterThan(control);
  });

  it('has more people in (part-time) work in the arm that keeps part of the earnings', () => {
    const working = (arm: string) =>
      share(experiment.participants.filter(inArm(arm)), (p) =>
        p.events.some((e) => e.type === 'work_start'),
      );
    expect(working('bijverdienen') - working('control')).toBeGreaterThan(0.1);
  });

  it('costs guidance in the regimes only, most in extra guidance', () => {
    const meanCost = (arm: string) => {
      const costs = experiment.participants
        .filter(inArm(arm))
        .map((p) => p.baseline.guidanceCostCents)
        .filter((c) => c !== null);
      return costs.reduce((s, c) => s + c, 0) / costs.length;
    };
    expect(
      experiment.participants
        .filter(inArm('control'))
        .every((p) => p.baseline.guidanceCostCents === null),
    ).toBe(true);
    expect(meanCost('extra_begeleiding')).toBeGreaterThan(meanCost('bijverdienen'));
    expect(meanCost('bijverdienen')).toBeGreaterThan(meanCost('vrijstelling'));
  });

  it('records its own variables for nearly everyone, with declared values only', () => {
    const declared = experiment.variables ?? [];
    expect(declared.map((v) => [v.code, v.type])).toEqual([
      ['werkervaring', 'boolean'],
      ['bijstandsduur', 'category'],
    ]);
    const levels = new Set(declared[1]?.levels.map((l) => l.code));
    const values = experiment.participants.map((p) => p.variables ?? {});
    for (const v of values) {
      expect(v.werkervaring === null || typeof v.werkervaring === 'boolean').toBe(true);
      expect(v.bijstandsduur === null || levels.has(String(v.bijstandsduur))).toBe(true);
    }
    expect(share(values, (v) => v.werkervaring === null)).toBeLessThan(0.08);
    expect(share(values, (v) => v.bijstandsduur === '3j_of_langer')).toBeGreaterThan(0.35);
  });

  it('lets people with recent work experience leave more often, in every arm', () => {
    for (const arm of ARMS) {
      const withWork = rate(
        experiment,
        12,
        both(inArm(arm), (p) => p.variables?.werkervaring === true),
      );
      const without = rate(
        experiment,
        12,
        both(inArm(arm), (p) => p.variables?.werkervaring === false),
      );
      expect(withWork, arm).toBeGreaterThan(without);
    }
  });
});
