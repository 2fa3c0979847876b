import {
  ARMS,
  BudgetDomain,
  Education as EducationSchema,
  EventType,
  EXIT_REASONS as REASONS,
  Household as HouseholdSchema,
} from '@wegwijzer/domain';

// The domain's zod enums as plain value lists for the Table Schemas.
export const Arm: readonly string[] = ARMS;
export const Household: readonly string[] = HouseholdSchema.options;
export const Education: readonly string[] = EducationSchema.options;
export const EXIT_REASONS: readonly string[] = REASONS;
export const EVENT_TYPES_FOR_EXPORT: readonly string[] = EventType.options;
export const BUDGET_DOMAINS: readonly string[] = BudgetDomain.options;
