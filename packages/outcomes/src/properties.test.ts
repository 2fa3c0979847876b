// Property tests: the fast derivation against a literal, day-by-day reading of SPEC §3 built on
// Date.UTC, plus the invariants the aggregates must keep on random pilots.
import type {
  Baseline,
  EventType,
  ExitReason,
  PilotFacts,
  TimelineEvent,
} from '@wegwijzer/domain/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulate, summarizeArm } from './aggregate.ts';
import { deriveParticipant, windowOf } from './derive.ts';
import { baseline, pilot } from './test-fixtures.ts';

const DAY = 86_400_000;
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoOf = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);
function plusMonths(n: number, k: number): number {
  const d = new Date(n * DAY);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k + 1, 0)).getUTCDate();
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, Math.min(d.getUTCDate(), last)) / DAY;
}

/** SPEC §3 read literally, one day at a time; slow on purpose. */
function reference(b: Baseline, events: TimelineEvent[], p: PilotFacts, k: number) {
  const t0 = dayOf(b.intakeDate);
  const obsEnd = Math.min(
    dayOf(p.dataCompleteThrough),
    b.lostToFollowUpDate ? dayOf(b.lostToFollowUpDate) : Infinity,
  );
  const used = events.filter((e) => dayOf(e.date) >= t0 && dayOf(e.date) <= obsEnd);
  const benefit = used.filter((e) => e.type === 'benefit_end' || e.type === 'benefit_restart');
  const inForce = (d: number): TimelineEvent[] => {
    const before = benefit.filter((e) => dayOf(e.date) <= d);
    if (before.length === 0) return [];
    const latest = Math.max(...before.map((e) => dayOf(e.date)));
    return before.filter((e) => dayOf(e.date) === latest);
  };
  const onBenefit = (d: number): boolean => !inForce(d).some((e) => e.type === 'benefit_end');
  const mark = plusMonths(t0, k);
  const evaluable = mark <= obsEnd;
  const off = evaluable && !onBenefit(mark);
  const ends = inForce(mark).filter((e) => e.type === 'benefit_end');
  let sustained: boolean | null = null;
  if (k >= 6) {
    sustained = evaluable;
    for (let d = plusMonths(t0, k - 6); d <= mark && sustained; d++)
      if (onBenefit(d)) sustained = false;
  }
  let benefitDays = 0;
  for (let d = t0; d < mark; d++) if (onBenefit(d)) benefitDays++;
  const offset = used
    .filter((e) => e.type === 'offset_income' && dayOf(e.date) < mark)
    .reduce((s, e) => s + (e.amountCents ?? 0), 0);
  const ladders = used.filter((e) => e.type === 'ladder' && dayOf(e.date) <= mark);
  let latest: TimelineEvent | undefined;
  for (const e of ladders) if (!latest || dayOf(e.date) >= dayOf(latest.date)) latest = e;
  const firstEnd = Math.min(
    ...benefit.filter((e) => e.type === 'benefit_end').map((e) => dayOf(e.date)),
  );
  const starts = used.filter(
    (e) => e.type === 'work_start' && plusMonths(dayOf(e.date), 6) <= obsEnd,
  );
  const workEnds = used.filter((e) => e.type === 'work_end').map((e) => dayOf(e.date));
  // Debts (docs/outcomes-debts.md), read literally.
  const stabilising = (e: TimelineEvent) =>
    e.type === 'debt_settlement_start' || e.type === 'debt_stabilised' || e.type === 'debt_free';
  const intakeBy = (d: number) => used.some((e) => e.type === 'debt_intake' && dayOf(e.date) <= d);
  const stabilisedBy = (d: number) => used.some((e) => stabilising(e) && dayOf(e.date) <= d);
  const scores = used
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.type === 'money_stress' && dayOf(e.date) <= mark)
    .sort((x, y) => dayOf(x.e.date) - dayOf(y.e.date) || x.i - y.i)
    .map(({ e }) => Math.round(e.value! * 10));
  const firstStable = Math.min(...used.filter(stabilising).map((e) => dayOf(e.date)));
  return {
    debts: evaluable
      ? { intake: intakeBy(mark), stabilised: intakeBy(mark) && stabilisedBy(mark) }
      : null,
    moneyStressChangeTenths: evaluable && scores.length >= 2 ? scores.at(-1)! - scores[0]! : null,
    debtStabilisation: !intakeBy(obsEnd)
      ? null
      : Number.isFinite(firstStable)
        ? { days: firstStable - t0, censored: false }
        : { days: obsEnd - t0, censored: true },
    evaluable,
    offBenefit: off,
    route: off ? (ends.at(-1)?.reason ?? 'other') : null,
    sustained,
    benefitDays: evaluable ? benefitDays : null,
    offsetCents: evaluable ? offset : null,
    ladder:
      evaluable && b.ladderStep !== null && latest
        ? { intake: b.ladderStep, latest: latest.value }
        : null,
    firstExit: Number.isFinite(firstEnd)
      ? { days: firstEnd - t0, censored: false }
      : { days: obsEnd - t0, censored: true },
    placements: {
      eligible: starts.length,
      sustained: starts.filter((s) => {
        const from = dayOf(s.date);
        return !workEnds.some((e) => e >= from && e <= plusMonths(from, 6));
      }).length,
    },
  };
}

const TYPES: EventType[] = [
  'benefit_end',
  'benefit_restart',
  'benefit_end',
  'benefit_restart',
  'work_start',
  'work_end',
  'ladder',
  'offset_income',
  'bbz_start',
  'debt_intake',
  'debt_settlement_start',
  'debt_stabilised',
  'debt_free',
  'money_stress',
  'money_stress',
];
const REASONS: (ExitReason | null)[] = ['regular_work', 'bbz', 'combination', 'other', null];

// Intakes cluster on month ends and leap days so clamping is exercised often.
const intakeArb = fc.oneof(
  fc.integer({ min: dayOf('2022-01-01'), max: dayOf('2025-12-31') }),
  fc.constantFrom('2024-02-29', '2024-01-31', '2023-08-31', '2024-03-31', '2023-10-31').map(dayOf),
);

const caseArb = intakeArb.chain((t0) =>
  fc.record({
    t0: fc.constant(t0),
    // Offsets 0..1200 days, often landing on the same days to create same-day ties.
    events: fc.array(
      fc.record({
        type: fc.constantFrom(...TYPES),
        offset: fc.oneof(
          fc.integer({ min: 0, max: 1200 }),
          fc.constantFrom(0, 181, 182, 183, 365, 366),
        ),
        reason: fc.constantFrom(...REASONS),
        value: fc.integer({ min: 1, max: 6 }),
        scoreTenths: fc.integer({ min: 0, max: 100 }),
        amount: fc.integer({ min: 0, max: 200_000 }),
      }),
      { maxLength: 12 },
    ),
    complete: fc.integer({ min: -30, max: 1300 }),
    lost: fc.option(fc.integer({ min: -30, max: 1300 })),
    ladderStep: fc.option(fc.integer({ min: 1, max: 6 })),
    arm: fc.constantFrom('intervention' as const, 'control' as const),
  }),
);

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case) {
  const b = baseline({
    arm: c.arm,
    intakeDate: isoOf(c.t0),
    ladderStep: c.ladderStep,
    lostToFollowUpDate: c.lost === null ? null : isoOf(c.t0 + c.lost),
  });
  const events: TimelineEvent[] = c.events.map((e) => ({
    type: e.type,
    date: isoOf(c.t0 + e.offset),
    reason: e.type === 'benefit_end' ? e.reason : null,
    value: e.type === 'ladder' ? e.value : e.type === 'money_stress' ? e.scoreTenths / 10 : null,
    amountCents: e.type === 'offset_income' || e.type === 'debt_intake' ? e.amount : null,
  }));
  return { b, events, p: pilot({ dataCompleteThrough: isoOf(c.t0 + c.complete) }) };
}

// Standard windows and others, the first and last allowed among them (any whole k 1–60 works).
const WINDOWS_UNDER_TEST = [1, 3, 6, 9, 12, 18, 24, 36, 60];

describe('deriveParticipant against a literal reading of SPEC §3', () => {
  it('agrees on every window, the first exit, placements and time to debt stabilisation', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { b, events, p } = build(c);
        const d = deriveParticipant(b, events, p, WINDOWS_UNDER_TEST);
        for (const k of WINDOWS_UNDER_TEST) {
          const r = reference(b, events, p, k);
          const w = windowOf(d, k)!;
          expect({ ...w, months: undefined, mark: undefined, offDays: undefined }).toEqual({
            months: undefined,
            mark: undefined,
            offDays: undefined,
            evaluable: r.evaluable,
            offBenefit: r.offBenefit,
            route: r.route,
            sustained: r.sustained,
            benefitDays: r.benefitDays,
            offsetCents: r.offsetCents,
            ladder: r.ladder,
            debts: r.debts,
            moneyStressChangeTenths: r.moneyStressChangeTenths,
          });
          if (w.evaluable) expect(w.offDays! + w.benefitDays!).toBe(w.mark - d.t0);
          expect(d.firstExit).toEqual(r.firstExit);
          expect(d.placements).toEqual(r.placements);
          expect(d.debtStabilisation).toEqual(r.debtStabilisation);
        }
      }),
      { numRuns: 400 },
    );
    // The literal reference walks every day of up to 60 months: slow on a busy machine.
  }, 90_000);

  it('changes nothing when an event dated after the observation end is added', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.constantFrom(...TYPES),
        fc.integer({ min: 1, max: 400 }),
        (c, type, after) => {
          const { b, events, p } = build(c);
          const before = deriveParticipant(b, events, p);
          const extra: TimelineEvent = {
            type,
            date: isoOf(before.obsEnd + after),
            reason: null,
            value: 6,
            amountCents: 99_999,
          };
          expect(deriveParticipant(b, [...events, extra], p)).toEqual(before);
        },
      ),
    );
  });
});

describe('aggregates on random pilots', () => {
  it('keep evaluable + pending = participants and every rate inside its interval', () => {
    fc.assert(
      fc.property(
        fc.array(caseArb, { maxLength: 25 }),
        fc.constantFrom(...WINDOWS_UNDER_TEST),
        (cases, k) => {
          const rows = cases.map((c) => {
            const { b, events, p } = build(c);
            return deriveParticipant(b, events, p, WINDOWS_UNDER_TEST);
          });
          const s = summarizeArm(accumulate(rows, k), k);
          expect(s.evaluable + s.pending).toBe(s.participants);
          expect(Object.values(s.routes).reduce((x, y) => x + y, 0)).toBe(s.offBenefit.count);
          expect(s.debts.stabilised.count).toBeLessThanOrEqual(s.debts.n);
          expect(s.debts.n).toBeLessThanOrEqual(s.evaluable);
          if (s.debts.moneyStressN === 0) expect(s.debts.meanMoneyStressChange).toBeNull();
          for (const prop of [
            s.offBenefit,
            s.sustained,
            s.ladderProgress,
            s.sustainedPlacement,
            s.debts.stabilised,
          ]) {
            if (prop.rate === null) {
              expect(prop.ci95).toBeNull();
              continue;
            }
            expect(prop.ci95![0]).toBeLessThanOrEqual(prop.rate);
            expect(prop.rate).toBeLessThanOrEqual(prop.ci95![1]);
          }
          if (s.evaluable === 0) {
            expect(s.meanBenefitMonths).toBeNull();
            expect(s.savingsMean.net).toBeNull();
          }
        },
      ),
    );
  });
});
