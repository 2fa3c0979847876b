import { z } from '@hono/zod-openapi';
import {
  ARM_CODE,
  ARM_ROLES,
  BUDGET_DOMAINS,
  EDUCATIONS,
  EVENT_TYPES,
  EXIT_REASONS,
  HOUSEHOLDS,
  REFERENCE_KINDS,
  ROLES,
  SUBGROUP_FIELDS,
  THEMES,
} from './values.ts';

// The values and their helpers; each type below shares its name with its schema.
export * from './values.ts';

/** zod schemas of the allowed values in values.ts: they validate requests and type the API. */

export const Theme = z.enum(THEMES);
export type Theme = z.infer<typeof Theme>;
/** An arm code; which codes a pilot takes is its own declaration (rules.ts `checkArm`). */
export const Arm = z
  .string()
  .regex(ARM_CODE, 'an arm code: a-z, 0-9 and _, starting with a letter')
  .openapi({
    description: "One of the pilot's arm codes, e.g. intervention, control or vrijstelling",
  });
export type Arm = z.infer<typeof Arm>;
export const ArmRole = z.enum(ARM_ROLES);
export type ArmRole = z.infer<typeof ArmRole>;
export const Household = z.enum(HOUSEHOLDS);
export type Household = z.infer<typeof Household>;
export const Education = z.enum(EDUCATIONS);
export type Education = z.infer<typeof Education>;
export const ExitReason = z.enum(EXIT_REASONS);
export type ExitReason = z.infer<typeof ExitReason>;
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;
export const BudgetDomain = z.enum(BUDGET_DOMAINS);
export type BudgetDomain = z.infer<typeof BudgetDomain>;
export const ReferenceKind = z.enum(REFERENCE_KINDS);
export type ReferenceKind = z.infer<typeof ReferenceKind>;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const SubgroupField = z.enum(SUBGROUP_FIELDS);
export type SubgroupField = z.infer<typeof SubgroupField>;
