import { isIsoDate, type TimelineEvent } from '@wegwijzer/domain';
import { describe, expect, it } from 'vitest';
import { generateDemoPilots } from './index.ts';

// Two seeds, so the rules hold for the generator and not just one draw.
const all = [...generateDemoPilots(), ...generateDemoPilots(11)].flatMap((pilot) =>
  pilot.participants.map((p) => ({ pilot, ...p })),
);

describe('demo events obey the import rules', () => {
  it('dates every event as a real date on or after intake and within observation', () => {
    const wrong = all.flatMap(({ pilot, baseline, events, participantRef }) => {
      const end = baseline.lostToFollowUpDate ?? pilot.pilot.dataCompleteThrough;
      return events
        .filter((e) => !isIsoDate(e.date) || e.date < baseline.intakeDate || e.date > end)
        .map((e) => `${participantRef} ${e.type} ${e.date}`);
    });
    expect(wrong).toEqual([]);
  });

  it('lists each timeline in date order', () => {
    for (const { events } of all) {
      const dates = events.map((e) => e.date);
      expect(dates).toEqual([...dates].sort());
    }
  });

  it('never has two benefit_end events on one day for one participant', () => {
    for (const { events, participantRef } of all) {
      const days = events.filter((e) => e.type === 'benefit_end').map((e) => e.date);
      expect(new Set(days).size, participantRef).toBe(days.length);
    }
  });

  it('gives every benefit_end a reason and no other event one', () => {
    const reasons = new Set<string | null>(['regular_work', 'bbz', 'combination', 'other']);
    const wrong = all.flatMap(({ events, participantRef }) =>
      events
        .filter((e) => (e.type === 'benefit_end' ? !reasons.has(e.reason) : e.reason !== null))
        .map((e) => `${participantRef} ${e.type} ${e.date} ${e.reason}`),
    );
    expect(wrong).toEqual([]);
  });

  it('alternates exits and restarts, starting on benefit', () => {
    for (const { events, participantRef } of all) {
      let on = true;
      for (const e of events) {
        if (e.type === 'benefit_end') {
          expect(on, participantRef).toBe(true);
          on = false;
        } else if (e.type === 'benefit_restart') {
          expect(on, participantRef).toBe(false);
          on = true;
        }
      }
    }
  });

  it('includes exits followed by a restart and a later exit', () => {
    const reExits = all.filter(
      ({ events }) => events.filter((e) => e.type === 'benefit_end').length >= 2,
    );
    expect(reExits.length).toBeGreaterThan(5);
    expect(all.some(({ events }) => events.some((e) => e.type === 'benefit_restart'))).toBe(true);
  });

  it('keeps values in their domains: ladder 1–6, work hours, money stress 0–10, amounts in positive cents', () => {
    const valueOk = (e: TimelineEvent): boolean => {
      if (e.type === 'ladder')
        return e.value !== null && Number.isInteger(e.value) && e.value >= 1 && e.value <= 6;
      if (e.type === 'work_start')
        return e.value !== null && Number.isInteger(e.value) && e.value >= 8 && e.value <= 40;
      if (e.type === 'money_stress')
        return e.value !== null && Number.isInteger(e.value * 10) && e.value >= 0 && e.value <= 10;
      return e.value === null;
    };
    const amountOk = (e: TimelineEvent): boolean =>
      e.type === 'offset_income' || e.type === 'debt_intake'
        ? e.amountCents !== null && Number.isInteger(e.amountCents) && e.amountCents > 0
        : e.amountCents === null;
    const wrong = all.flatMap(({ events, participantRef }) =>
      events
        .filter((e) => !valueOk(e) || !amountOk(e))
        .map((e) => `${participantRef} ${JSON.stringify(e)}`),
    );
    expect(wrong).toEqual([]);
  });

  it('opens a Bbz business on the day of every bbz or combination exit and closes only open ones', () => {
    for (const { events, participantRef } of all) {
      let open = false;
      for (const e of events) {
        if (e.type === 'bbz_start') {
          expect(open, participantRef).toBe(false);
          open = true;
        } else if (e.type === 'bbz_end') {
          expect(open, participantRef).toBe(true);
          open = false;
        } else if (e.type === 'benefit_end' && (e.reason === 'bbz' || e.reason === 'combination')) {
          expect(
            events.some((b) => b.type === 'bbz_start' && b.date === e.date),
            participantRef,
          ).toBe(true);
        }
      }
    }
  });

  it('ends only jobs that started, one job at a time', () => {
    for (const { events, participantRef } of all) {
      let open = false;
      for (const e of events) {
        if (e.type === 'work_start') {
          expect(open, participantRef).toBe(false);
          open = true;
        } else if (e.type === 'work_end') {
          expect(open, participantRef).toBe(true);
          open = false;
        }
      }
    }
  });
});
