import type { ExitReason, IsoDate, TimelineEvent } from '@wegwijzer/domain';
import { addDays, addMonths, yearOf } from './dates.ts';
import type { Person } from './population.ts';
import type { Random } from './random.ts';

/**
 * How an intervention plays out month by month. Hazards are monthly chances,
 * `k` is the month after intake (0 = the intake month).
 */
export interface Dynamics {
  /** Chance of leaving bijstand in month `k` while on it. */
  exitHazard(p: Person, k: number): number;
  exitRoute(p: Person, rng: Random): ExitReason;
  /** Chance of starting a part-time job while staying on benefit. */
  partTimeWorkHazard?(p: Person, k: number): number;
  /** Monthly chance that a job ends. */
  jobLoss: number;
  /** Chance that bijstand restarts after the job (or Bbz business) that ended it stops. */
  restartAfterLoss: number;
  /** Monthly chance that a Bbz business stops. */
  bbzStop: number;
  /** Monthly chance of returning to bijstand after an `other` exit. */
  otherRestart: number;
  ladder: {
    /** Months between Participatieladder measurements. */
    every: number;
    up(p: Person, k: number): number;
    down: number;
    /** Highest step the intervention itself brings someone to. */
    max(p: Person): number;
    /** Step recorded while in paid work (5 with support, 6 without). */
    workStep: number;
  };
  /**
   * Part-time entrepreneurship: the participant's mean monthly business
   * income offset against the benefit (cents), booked monthly while on benefit.
   */
  offsetIncome?(p: Person, rng: Random): number;
}

interface Job {
  startMonth: number;
}

/**
 * Simulates one participant's timeline from intake to the end of observation.
 *
 * `firstExitDraw` (uniform 0–1) decides the first exit by inverse survival:
 * the participant leaves in the first month where the chance of still being
 * on benefit drops below it. The generator stratifies these draws so that
 * small subgroups hit their expected rates without sampling noise swamping
 * the pattern the demo should show. Later exits (after a restart) are drawn
 * month by month.
 */
export function simulateTimeline(
  d: Dynamics,
  p: Person,
  rng: Random,
  dataCompleteThrough: IsoDate,
  firstExitDraw: number,
): TimelineEvent[] {
  const obsEnd =
    p.lostToFollowUpDate !== null && p.lostToFollowUpDate < dataCompleteThrough
      ? p.lostToFollowUpDate
      : dataCompleteThrough;
  const events: TimelineEvent[] = [];
  const emit = (type: TimelineEvent['type'], date: IsoDate, extra: Partial<TimelineEvent> = {}) => {
    if (date <= obsEnd)
      events.push({ type, date, reason: null, value: null, amountCents: null, ...extra });
  };

  let onBenefit = true;
  let firstSpell = true;
  let survival = 1;
  let job: Job | null = null;
  let bbz = false;
  let bbzSettlementBooked = false;
  let exitReason: ExitReason | null = null;
  let step = p.ladderStep;
  let wasWorking = false;
  const offsetMean = d.offsetIncome?.(p, rng) ?? 0;
  const offsetFrom = rng.int(1, 2);

  for (let k = 0; ; k++) {
    const monthStart = addMonths(p.intakeDate, k);
    if (monthStart > obsEnd) break;
    // Months are at least 28 days, so offsets 0–27 keep each month's events inside it.
    const day = addDays(monthStart, rng.int(0, 20));
    const restartDay = addDays(day, rng.int(1, 7));

    if (onBenefit) {
      const hazard = d.exitHazard(p, k);
      survival *= 1 - hazard;
      const exits = firstSpell ? firstExitDraw > survival : rng.chance(hazard);
      if (exits) {
        const reason = d.exitRoute(p, rng);
        if (day <= obsEnd) {
          if ((reason === 'regular_work' || reason === 'combination') && job === null) {
            emit('work_start', day, {
              value: reason === 'combination' ? rng.int(12, 24) : rng.int(24, 38),
            });
            job = { startMonth: k };
          }
          if (reason === 'bbz' || reason === 'combination') {
            emit('bbz_start', day);
            bbz = true;
            if (!bbzSettlementBooked && offsetMean > 0) {
              // The Bbz allowance is settled against the annual accounts, a lump the next spring or summer.
              bbzSettlementBooked = true;
              const settled = addDays(`${yearOf(day) + 1}-04-01`, rng.int(0, 120));
              emit('offset_income', settled, { amountCents: rng.int(20_000, 120_000) });
            }
          }
          emit('benefit_end', day, { reason });
          onBenefit = false;
          firstSpell = false;
          exitReason = reason;
        }
      } else {
        const partTime = d.partTimeWorkHazard?.(p, k) ?? 0;
        if (job === null && rng.chance(partTime)) {
          emit('work_start', day, { value: rng.int(8, 24) });
          job = { startMonth: k };
        }
        if (offsetMean > 0 && k >= offsetFrom && rng.chance(0.88)) {
          const amount = Math.round(offsetMean * rng.between(0.55, 1.45));
          emit('offset_income', addDays(monthStart, rng.int(21, 27)), { amountCents: amount });
        }
      }
    } else if (job !== null && k > job.startMonth && rng.chance(d.jobLoss)) {
      emit('work_end', day);
      job = null;
      if (!bbz && rng.chance(d.restartAfterLoss)) restart(restartDay);
    } else if (bbz && rng.chance(d.bbzStop)) {
      emit('bbz_end', day);
      bbz = false;
      if (job === null && rng.chance(d.restartAfterLoss)) restart(restartDay);
    } else if (exitReason === 'other' && rng.chance(d.otherRestart)) {
      restart(day);
    }

    // A part-time job held while on benefit can end too.
    if (onBenefit && job !== null && k > job.startMonth && rng.chance(d.jobLoss)) {
      emit('work_end', addDays(monthStart, rng.int(22, 27)));
      job = null;
    }

    if ((k + 1) % d.ladder.every === 0) {
      const working = (job !== null && !onBenefit) || bbz;
      if (working) step = Math.max(step, d.ladder.workStep);
      else if (wasWorking)
        step = Math.min(step, 4); // the job is gone: back to looking
      else if (rng.chance(d.ladder.up(p, k)))
        step = Math.min(step + 1, Math.max(step, d.ladder.max(p)));
      else if (step > 1 && rng.chance(d.ladder.down)) step -= 1;
      emit('ladder', addDays(monthStart, rng.int(21, 27)), { value: step });
      wasWorking = working;
    }
  }

  function restart(date: IsoDate): void {
    emit('benefit_restart', date);
    if (date <= obsEnd) {
      onBenefit = true;
      exitReason = null;
    }
  }

  // Stable sort: same-day events keep their causal order (work_start before benefit_end).
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
