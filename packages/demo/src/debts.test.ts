import { describe, expect, it } from 'vitest';
import type { DemoParticipant, DemoPilot } from './index.ts';
import { generateDemoPilots } from './index.ts';
import { inArm, isEvaluable, monthsAfter, observationEnd } from './measures.test-helpers.ts';

// Debt targets measured independently of packages/outcomes (docs/outcomes-debts.md read plainly).
const pilots = generateDemoPilots();
const mobility = pilots.find((p) => p.key === 'mobility-mentoring-den-haag')!;
const DEBT_TYPES = new Set([
  'debt_intake',
  'debt_settlement_start',
  'debt_stabilised',
  'debt_free',
  'money_stress',
]);
const STABILISING = new Set(['debt_settlement_start', 'debt_stabilised', 'debt_free']);

const hasIntakeBy = (p: DemoParticipant, date: string) =>
  p.events.some((e) => e.type === 'debt_intake' && e.date <= date);
const stabilisedBy = (p: DemoParticipant, date: string) =>
  p.events.some((e) => STABILISING.has(e.type) && e.date <= date);

function stabilisedRate(pl: DemoPilot, k: number, arm: 'intervention' | 'control') {
  const n = pl.participants.filter(
    (p) =>
      inArm(arm)(p) &&
      isEvaluable(pl, p, k) &&
      hasIntakeBy(p, monthsAfter(p.baseline.intakeDate, k)),
  );
  const stable = n.filter((p) => stabilisedBy(p, monthsAfter(p.baseline.intakeDate, k)));
  return { n: n.length, rate: stable.length / n.length };
}

function meanStressChange(pl: DemoPilot, k: number, arm: 'intervention' | 'control') {
  const changes = pl.participants
    .filter((p) => inArm(arm)(p) && isEvaluable(pl, p, k))
    .map((p) =>
      p.events.filter(
        (e) => e.type === 'money_stress' && e.date <= monthsAfter(p.baseline.intakeDate, k),
      ),
    )
    .filter((s) => s.length >= 2)
    .map((s) => s.at(-1)!.value! - s[0]!.value!);
  return changes.reduce((a, b) => a + b, 0) / changes.length;
}

describe('demo debts (mobility mentoring)', () => {
  it('gives debt events to the mobility-mentoring pilot only', () => {
    for (const pl of pilots) {
      const any = pl.participants.some((p) => p.events.some((e) => DEBT_TYPES.has(e.type)));
      expect(any, pl.key).toBe(pl === mobility);
    }
  });

  it('records one debt_intake within three weeks of intake for most participants, with the debt in whole euros', () => {
    const withIntake = mobility.participants.filter((p) =>
      p.events.some((e) => e.type === 'debt_intake'),
    );
    expect(withIntake.length / mobility.participants.length).toBeGreaterThan(0.85);
    for (const p of withIntake) {
      const intakes = p.events.filter((e) => e.type === 'debt_intake');
      expect(intakes).toHaveLength(1);
      expect(intakes[0]!.date <= monthsAfter(p.baseline.intakeDate, 1)).toBe(true);
      expect(intakes[0]!.amountCents! % 100).toBe(0);
      expect(intakes[0]!.amountCents).toBeGreaterThanOrEqual(250_000);
    }
  });

  it('stabilises more debts in the intervention arm, mostly 6–18 months after intake', () => {
    const i18 = stabilisedRate(mobility, 18, 'intervention');
    const c18 = stabilisedRate(mobility, 18, 'control');
    expect(i18.n).toBeGreaterThan(40);
    expect(c18.n).toBeGreaterThan(40);
    expect(i18.rate).toBeGreaterThan(0.45);
    expect(i18.rate - c18.rate).toBeGreaterThan(0.2);
    expect(stabilisedRate(mobility, 6, 'intervention').rate).toBeLessThan(0.35);
    const months = mobility.participants.filter(inArm('intervention')).flatMap((p) => {
      const first = p.events.find((e) => STABILISING.has(e.type));
      if (!first) return [];
      let k = 0;
      while (monthsAfter(p.baseline.intakeDate, k + 1) <= first.date) k++;
      return [k];
    });
    expect(months.filter((k) => k >= 6 && k < 18).length / months.length).toBeGreaterThan(0.5);
  });

  it('lowers money stress over time, more in the intervention arm', () => {
    const i12 = meanStressChange(mobility, 12, 'intervention');
    const c12 = meanStressChange(mobility, 12, 'control');
    expect(i12).toBeLessThan(-0.8);
    expect(c12).toBeLessThan(0);
    expect(i12).toBeLessThan(c12 - 0.5);
    expect(meanStressChange(mobility, 24, 'intervention')).toBeLessThan(i12);
  });

  it('measures money stress every three months at most, from intake to the observation end', () => {
    for (const p of mobility.participants) {
      const scores = p.events.filter((e) => e.type === 'money_stress');
      if (!p.events.some((e) => e.type === 'debt_intake')) {
        expect(scores).toEqual([]);
        continue;
      }
      for (const s of scores) expect(s.date <= observationEnd(mobility, p)).toBe(true);
      const dates = scores.map((s) => s.date);
      expect(new Set(dates).size).toBe(dates.length);
    }
  });
});

describe('demo budgets and reference lines', () => {
  it('funds Binthout from participation, green and liveability budgets by three funders', () => {
    const binthout = pilots.find((p) => p.key === 'binthout-zwolle')!;
    expect(new Set(binthout.budgetLines.map((l) => l.domain))).toEqual(
      new Set(['participation', 'green', 'liveability']),
    );
    expect(new Set(binthout.budgetLines.map((l) => l.fundingSource)).size).toBe(3);
    for (const l of binthout.budgetLines) {
      expect(l.periodStart <= l.periodEnd).toBe(true);
      expect(Number.isInteger(l.amountCents) && l.amountCents > 0).toBe(true);
    }
  });

  it('gives each part-time entrepreneurship pilot a general outflow of 20–25% a year and a council target, with sources', () => {
    const partTime = pilots.filter((p) => p.key.startsWith('parttime-ondernemen-'));
    expect(partTime).toHaveLength(3);
    for (const pl of partTime) {
      const outflow = pl.referenceLines.find((r) => r.kind === 'general_outflow')!;
      expect(outflow).toMatchObject({
        windowMonths: 12,
        source: 'Synthetisch — illustratieve benchmark',
      });
      expect(outflow.rate).toBeGreaterThanOrEqual(0.2);
      expect(outflow.rate).toBeLessThanOrEqual(0.25);
      expect(
        pl.referenceLines.some((r) => r.kind === 'council_target' && r.source.length > 0),
      ).toBe(true);
    }
    const others = pilots.filter((p) => !p.key.startsWith('parttime-ondernemen-'));
    expect(others.every((p) => p.referenceLines.length === 0)).toBe(true);
  });
});
