import { z } from '@hono/zod-openapi';

export const Theme = z.enum(['reintegration', 'debt', 'poverty', 'methodical']);
export type Theme = z.infer<typeof Theme>;

export const Arm = z.enum(['intervention', 'control']);
export type Arm = z.infer<typeof Arm>;
export const ARMS = Arm.options;

export const Household = z.enum(['single', 'single_parent', 'couple']);
export type Household = z.infer<typeof Household>;

export const Education = z.enum(['low', 'mid', 'high']);
export type Education = z.infer<typeof Education>;

/** Why bijstand stopped; a `benefit_end` without a reason counts as `other`. */
export const ExitReason = z.enum(['regular_work', 'bbz', 'combination', 'other']);
export type ExitReason = z.infer<typeof ExitReason>;
export const EXIT_REASONS = ExitReason.options;

export const EventType = z.enum([
  'benefit_end',
  'benefit_restart',
  'bbz_start',
  'bbz_end',
  'work_start',
  'work_end',
  'ladder',
  'offset_income',
  'debt_intake',
  'debt_settlement_start',
  'debt_stabilised',
  'debt_free',
  'money_stress',
]);
export type EventType = z.infer<typeof EventType>;

/** Event types whose value is an amount in euros, stored as integer cents (`amountCents`). */
export const AMOUNT_EVENT_TYPES = [
  'offset_income',
  'debt_intake',
] as const satisfies readonly EventType[];
export function isAmountEvent(type: EventType): boolean {
  return (AMOUNT_EVENT_TYPES as readonly EventType[]).includes(type);
}

/**
 * Events that mark debts as under control (docs/outcomes-debts.md): a settlement starts
 * (schuldregeling / minnelijk traject), the debts are stabilised, or the participant is debt-free.
 */
export const STABILISING_EVENT_TYPES = [
  'debt_settlement_start',
  'debt_stabilised',
  'debt_free',
] as const satisfies readonly EventType[];

/** The policy domain a budget line is spent in or funded from (finding 5: smart linkages). */
export const BudgetDomain = z.enum([
  'participation',
  'debt',
  'care',
  'green',
  'liveability',
  'education',
  'other',
]);
export type BudgetDomain = z.infer<typeof BudgetDomain>;

/** A municipal reference figure drawn beside a pilot's exit rate. */
export const ReferenceKind = z.enum(['general_outflow', 'council_target']);
export type ReferenceKind = z.infer<typeof ReferenceKind>;

export const Role = z.enum(['admin', 'manager', 'researcher', 'viewer']);
export type Role = z.infer<typeof Role>;

/** The outcome windows (months after intake) that every view must support. */
export const WINDOWS = [6, 12, 18, 24, 36] as const;
export type WindowMonths = (typeof WINDOWS)[number];

/** Participatieladder step names as the UI shows them (SPEC §2). */
export const LADDER_STEPS: Record<number, string> = {
  1: 'Geïsoleerd',
  2: 'Sociale contacten buitenshuis',
  3: 'Deelname georganiseerde activiteiten',
  4: 'Onbetaald werk',
  5: 'Betaald werk met ondersteuning',
  6: 'Betaald werk',
};

export const AGE_BANDS = ['<27', '27-44', '45-54', '55+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Baseline fields a subgroup view can split by (SPEC §3). */
export const SubgroupField = z.enum([
  'motivation',
  'ladderStep',
  'household',
  'hasDebts',
  'disability',
  'refugeeStatus',
  'education',
  'ageBand',
]);
export type SubgroupField = z.infer<typeof SubgroupField>;
