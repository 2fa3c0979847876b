import { z } from '@hono/zod-openapi';
import { RoundedMark } from './api-outcomes.ts';
import {
  LEVEL_CODE,
  MAX_LEVELS,
  VARIABLE_CODE,
  VARIABLE_INTEGER_LIMIT,
  VARIABLE_TYPES,
} from './variables.ts';

/** The HTTP shape of a pilot's own variables (SPEC §2); the rules live in variables.ts. */

const Label = z.string().trim().min(1).max(200);
const bound = z.number().int().min(-VARIABLE_INTEGER_LIMIT).max(VARIABLE_INTEGER_LIMIT);

export const VariableLevelJson = z
  .object({
    code: z.string().regex(LEVEL_CODE, 'a-z, 0-9 or _, at most 40 characters'),
    label: Label,
    labelEn: Label.nullable().optional(),
  })
  .openapi('VariableLevel');

export const PilotVariableInput = z
  .object({
    code: z
      .string()
      .regex(VARIABLE_CODE, 'snake_case: a lower-case letter, then a-z, 0-9 or _, at most 40'),
    label: Label,
    labelEn: Label.nullable().optional(),
    type: z.enum(VARIABLE_TYPES),
    levels: z.array(VariableLevelJson).max(MAX_LEVELS).optional(),
    min: bound.nullable().optional(),
    max: bound.nullable().optional(),
    description: z.string().trim().max(2000).nullable().optional(),
  })
  .openapi('PilotVariableInput');
export type PilotVariableInput = z.infer<typeof PilotVariableInput>;

/** A change replaces the declaration; the code in the path names the one changed. */
export const PilotVariableUpdate = PilotVariableInput.partial().openapi('PilotVariableUpdate');
export type PilotVariableUpdate = z.infer<typeof PilotVariableUpdate>;

export const PilotVariableJson = z
  .object({
    code: z.string(),
    label: z.string(),
    labelEn: z.string().nullable(),
    type: z.enum(VARIABLE_TYPES),
    levels: z.array(
      z.object({ code: z.string(), label: z.string(), labelEn: z.string().nullable() }),
    ),
    min: z.number().nullable(),
    max: z.number().nullable(),
    description: z.string().nullable(),
    values: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Participants with a value; null for viewers (a count of people)' }),
  })
  .openapi('PilotVariable');
export type PilotVariableJson = z.infer<typeof PilotVariableJson>;

export const PilotVariableList = z
  .object({ items: z.array(PilotVariableJson), rounded: RoundedMark })
  .openapi('PilotVariableList');
