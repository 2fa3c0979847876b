// Test fixtures: functions that build fresh plain data, so no test depends on another.
import type {
  Baseline,
  EventType,
  ExitReason,
  PilotFacts,
  TimelineEvent,
} from '@wegwijzer/domain/core';

export function baseline(overrides: Partial<Baseline> = {}): Baseline {
  return {
    arm: 'intervention',
    intakeDate: '2024-01-15',
    monthlyBenefitCents: 100_000,
    guidanceCostCents: 50_000,
    household: null,
    birthYear: null,
    motivation: null,
    ladderStep: null,
    hasDebts: null,
    disability: null,
    refugeeStatus: null,
    education: null,
    lostToFollowUpDate: null,
    ...overrides,
  };
}

export function pilot(overrides: Partial<PilotFacts> = {}): PilotFacts {
  return {
    dataCompleteThrough: '2027-12-31',
    monthlyBenefitCents: 120_000,
    guidanceCostCents: 300_000,
    ...overrides,
  };
}

export function ev(
  type: EventType,
  date: string,
  extra: { reason?: ExitReason | null; value?: number | null; amountCents?: number | null } = {},
): TimelineEvent {
  return {
    type,
    date,
    reason: extra.reason ?? null,
    value: extra.value ?? null,
    amountCents: extra.amountCents ?? null,
  };
}

/** A benefit_end with a reason (the common case in tests). */
export const end = (date: string, reason: ExitReason | null = 'regular_work'): TimelineEvent =>
  ev('benefit_end', date, { reason });
export const restart = (date: string): TimelineEvent => ev('benefit_restart', date);
