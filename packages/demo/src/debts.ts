import type { IsoDate, TimelineEvent } from '@wegwijzer/domain';
import { addDays, addMonths } from './dates.ts';
import type { Person } from './population.ts';
import type { Random } from './random.ts';

/**
 * How debts and money stress develop for participants with debts (finding 7: money stress
 * first). `k` is the month after intake.
 */
export interface DebtDynamics {
  /** Monthly chance that debts are brought under control (a settlement starts or they stabilise). */
  stabiliseHazard(p: Person, k: number): number;
  /** Months between money-stress measurements. */
  stressEvery: number;
  /** Change in money stress per measurement interval, before and after stabilisation. */
  stressDrift(p: Person, stabilised: boolean): number;
}

/**
 * Debt events of one participant: a debt_intake just after intake with the total debt, money
 * stress every few months (now and then a measurement is missed), a settlement start or
 * stabilisation when the hazard says so, and for most of those debt freedom 18–36 months later.
 * Draws from its own stream, so adding debts leaves the rest of the demo unchanged.
 */
export function simulateDebts(
  d: DebtDynamics,
  p: Person,
  rng: Random,
  dataCompleteThrough: IsoDate,
): TimelineEvent[] {
  if (!p.hasDebts) return [];
  const obsEnd =
    p.lostToFollowUpDate !== null && p.lostToFollowUpDate < dataCompleteThrough
      ? p.lostToFollowUpDate
      : dataCompleteThrough;
  const events: TimelineEvent[] = [];
  const emit = (type: TimelineEvent['type'], date: IsoDate, extra: Partial<TimelineEvent> = {}) => {
    if (date <= obsEnd)
      events.push({ type, date, reason: null, value: null, amountCents: null, ...extra });
  };

  emit('debt_intake', addDays(p.intakeDate, rng.int(0, 20)), {
    amountCents: rng.int(25, 450) * 10_000,
  });
  let stress = rng.between(6.5, 9.5);
  let stabilised = false;
  for (let k = 0; ; k++) {
    const monthStart = addMonths(p.intakeDate, k);
    if (monthStart > obsEnd) break;
    if (!stabilised && k >= 1 && rng.chance(d.stabiliseHazard(p, k))) {
      stabilised = true;
      const day = addDays(monthStart, rng.int(0, 20));
      emit(rng.chance(0.6) ? 'debt_settlement_start' : 'debt_stabilised', day);
      if (rng.chance(0.7))
        emit('debt_free', addDays(addMonths(day, rng.int(18, 36)), rng.int(0, 20)));
    }
    if (k % d.stressEvery === 0 && (k === 0 || rng.chance(0.85))) {
      if (k > 0) stress += d.stressDrift(p, stabilised) + rng.between(-0.6, 0.6);
      stress = Math.min(10, Math.max(0, stress));
      emit('money_stress', addDays(monthStart, rng.int(0, 14)), {
        value: Math.round(stress * 10) / 10,
      });
    }
  }
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
