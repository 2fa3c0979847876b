import { z } from '@hono/zod-openapi';
import { IsoDate } from './dates.ts';
import {
  ProcessingInput,
  ProcessingRecordJson,
  RetentionActionEnum,
  RetentionJson,
} from './api-processing.ts';
import { Arm, ArmRole, Education, EventType, ExitReason, Household, Role, Theme } from './enums.ts';
import {
  eventReason,
  eventValue,
  MAX_EUROS,
  PARTICIPANT_NUMBERS,
  participantNumber,
  readJsonNumber,
  type ParticipantNumberField,
  type RuleError,
} from './rules.ts';
import { CONTROL_ARM, MAX_INTERVENTION_ARMS } from './values.ts';

/**
 * A zod issue for a refusal of the shared rules: the English message in `message`, the rule's
 * code and params in `params`, which the API's validation hook hands on as `code` and `params`.
 */
function ruleIssue(error: RuleError, message: string, path?: string) {
  return {
    code: 'custom' as const,
    message,
    ...(path === undefined ? {} : { path: [path] }),
    params: { rule: error.code, ...error.params },
  };
}

/** Schemas of the HTTP API: they validate requests, type the client and generate the OpenAPI document. */

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

/**
 * A number checked by the shared participant rule of `field`; the bounds are repeated for the
 * OpenAPI document only.
 */
function ruledNumber(field: ParticipantNumberField, message: string) {
  const rule = PARTICIPANT_NUMBERS[field];
  const doc =
    rule === 'amount'
      ? { minimum: 0, maximum: MAX_EUROS, multipleOf: 0.01 }
      : { type: 'integer' as const, minimum: rule.min, maximum: rule.max };
  return z
    .number()
    .superRefine((v, ctx) => {
      const r = participantNumber(field, readJsonNumber(v));
      if (!r.ok) ctx.addIssue(ruleIssue(r.error, message));
    })
    .openapi(doc);
}

const AMOUNT = `an amount in euros from 0 to ${MAX_EUROS} with at most 2 decimals`;
const euros = ruledNumber('monthlyBenefit', `must be ${AMOUNT}`);

/** The years a pilot's dates may fall in: a typo such as 0202 or 20255 is refused. */
export const PILOT_YEARS = { min: 1990, max: 2100 } as const;
const PilotDate = IsoDate.refine(
  (d) => Number(d.slice(0, 4)) >= PILOT_YEARS.min && Number(d.slice(0, 4)) <= PILOT_YEARS.max,
  { message: `Expected a year from ${PILOT_YEARS.min} to ${PILOT_YEARS.max}` },
);

/** The message for a pilot whose start lies after its observation end, or null. */
export function pilotDatesProblem(startDate: string, dataCompleteThrough: string): string | null {
  return startDate > dataCompleteThrough
    ? `dataCompleteThrough: ${dataCompleteThrough} lies before startDate ${startDate}`
    : null;
}

/** One arm as a pilot declares it (SPEC §2). */
export const PilotArmInput = z
  .object({
    code: Arm,
    label: z.string().trim().min(1).max(100),
    labelEn: z.string().trim().min(1).max(100).nullable().optional(),
    guidanceCost: euros.nullable().optional().openapi({
      description:
        "The arm's default guidance cost per participant (EUR), taken before the pilot's default by its participants without one (SPEC §3 savings); intervention arms only",
    }),
  })
  .refine((a) => a.code !== CONTROL_ARM || a.guidanceCost == null, {
    message:
      'the control arm has no guidance cost (savings count guidance in intervention arms only)',
    path: ['guidanceCost'],
  })
  .openapi('PilotArmInput');

/**
 * A pilot's arms: 1–6 intervention arms (any code but `control`) and at most one `control`,
 * each code once; the order given is the order replies show.
 */
export const PilotArmsInput = z
  .array(PilotArmInput)
  .min(1)
  .max(MAX_INTERVENTION_ARMS + 1)
  .superRefine((arms, ctx) => {
    const codes = arms.map((a) => a.code);
    const dup = codes.find((c, i) => codes.indexOf(c) !== i);
    if (dup) ctx.addIssue({ code: 'custom', message: `arm code ${dup} is declared twice` });
    const interventions = codes.filter((c) => c !== CONTROL_ARM).length;
    if (interventions < 1 || interventions > MAX_INTERVENTION_ARMS)
      ctx.addIssue({
        code: 'custom',
        message: `a pilot has 1 to ${MAX_INTERVENTION_ARMS} intervention arms besides an optional control arm; got ${interventions}`,
      });
  })
  .openapi({
    description:
      "The pilot's arms in order: 1–6 intervention arms and optionally `control`. Default: `intervention` and `control`",
  });

export const PilotArmJson = z
  .object({
    code: z.string(),
    label: z.string(),
    labelEn: z.string().nullable(),
    role: ArmRole,
    order: z.number().int(),
    guidanceCost: z
      .number()
      .nullable()
      .openapi({ description: "The arm's default guidance cost (EUR); null: the pilot's default" }),
  })
  .openapi('PilotArm');

export const PilotInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    municipality: z.string().regex(/^GM\d{4}$/, 'a CBS municipality code such as GM0599'),
    theme: Theme,
    startDate: PilotDate,
    dataCompleteThrough: PilotDate,
    monthlyBenefit: euros.nullable().optional(),
    guidanceCost: euros.nullable().optional(),
    targetGroup: z.string().max(2000).nullable().optional(),
    description: z.string().max(10000).nullable().optional(),
    /** SPEC §8: until when the participant data are kept; not before startDate. */
    retainUntil: IsoDate,
    retentionAction: RetentionActionEnum.optional(),
    processing: ProcessingInput.optional(),
    arms: PilotArmsInput.optional(),
  })
  .openapi('PilotInput');
export type PilotInput = z.infer<typeof PilotInput>;

export const PilotUpdate = PilotInput.partial().openapi('PilotUpdate');
export type PilotUpdate = z.infer<typeof PilotUpdate>;

export const Pilot = z
  .object({
    id: z.string(),
    name: z.string(),
    municipality: z.string(),
    theme: Theme,
    startDate: z.string(),
    dataCompleteThrough: z.string(),
    monthlyBenefit: z.number().nullable(),
    guidanceCost: z.number().nullable(),
    targetGroup: z.string().nullable(),
    description: z.string().nullable(),
    synthetic: z.boolean(),
    /** Null for viewers when the count is under the disclosure threshold (SPEC §6). */
    participants: z.number().int().nullable(),
    hasControl: z.boolean(),
    arms: z
      .array(PilotArmJson)
      .optional()
      .openapi({ description: "The pilot's declared arms, in order" }),
    retainUntil: z.string(),
    retention: RetentionJson,
    processing: ProcessingRecordJson,
    /** True for viewers: the participant count is rounded (SPEC §6). */
    rounded: z.literal(true).optional(),
  })
  .openapi('Pilot');
export type Pilot = z.infer<typeof Pilot>;

export const PilotList = z
  .object({ items: z.array(Pilot), rounded: z.literal(true).optional() })
  .openapi('PilotList');

const baselineFields = {
  arm: Arm,
  intakeDate: IsoDate,
  monthlyBenefit: euros.nullable(),
  guidanceCost: euros.nullable(),
  household: Household.nullable(),
  birthYear: ruledNumber('birthYear', 'must be a whole number from 1900 to 2100').nullable(),
  motivation: ruledNumber('motivation', 'must be a whole number from 1 to 5').nullable(),
  ladderStep: ruledNumber('ladderStep', 'must be a whole number from 1 to 6').nullable(),
  hasDebts: z.boolean().nullable(),
  disability: z.boolean().nullable(),
  refugeeStatus: z.boolean().nullable(),
  education: Education.nullable(),
  lostToFollowUpDate: IsoDate.nullable(),
  variables: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]).nullable())
    .openapi({
      description:
        "Values of the pilot's own variables by code (GET /api/pilots/{id}/variables); null clears one",
    }),
};

export const ParticipantInput = z
  .object({
    participantRef: z.string().trim().min(1).max(100),
    ...baselineFields,
    bsn: z.string().optional(),
  })
  .partial()
  .required({ participantRef: true, intakeDate: true })
  .openapi('ParticipantInput');
export type ParticipantInput = z.infer<typeof ParticipantInput>;

export const ParticipantUpdate = z
  .object({ ...baselineFields })
  .partial()
  .openapi('ParticipantUpdate');
export type ParticipantUpdate = z.infer<typeof ParticipantUpdate>;

export const Participant = z
  .object({
    id: z.string(),
    pilotId: z.string(),
    participantRef: z.string(),
    arm: Arm,
    intakeDate: z.string(),
    monthlyBenefit: z.number().nullable(),
    guidanceCost: z.number().nullable(),
    household: Household.nullable(),
    birthYear: z.number().nullable(),
    motivation: z.number().nullable(),
    ladderStep: z.number().nullable(),
    hasDebts: z.boolean().nullable(),
    disability: z.boolean().nullable(),
    refugeeStatus: z.boolean().nullable(),
    education: Education.nullable(),
    lostToFollowUpDate: z.string().nullable(),
    hasBsn: z.boolean(),
    variables: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .openapi({ description: "The pilot's own variables that have a value, by code" }),
  })
  .openapi('Participant');
export type Participant = z.infer<typeof Participant>;

export const ParticipantPage = z
  .object({
    items: z.array(Participant),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('ParticipantPage');

export const EventInput = z
  .object({
    type: EventType,
    date: IsoDate,
    reason: ExitReason.nullable().optional(),
    value: z.number().nullable().optional(),
  })
  .superRefine((e, ctx) => {
    const reason = eventReason(e.type, e.reason ?? null);
    if (!reason.ok)
      ctx.addIssue(ruleIssue(reason.error, 'only benefit_end has a reason', 'reason'));
    const value = eventValue(e.type, readJsonNumber(e.value));
    if (!value.ok)
      ctx.addIssue(ruleIssue(value.error, eventValueMessage(e.type, value.error), 'value'));
  })
  .openapi('EventInput');
export type EventInput = z.infer<typeof EventInput>;

/** The API's English words for a refused event value (the dashboard words the code itself). */
function eventValueMessage(type: EventType, error: RuleError): string {
  if (error.code === 'too_many_decimals' && (type === 'offset_income' || type === 'debt_intake'))
    return `${type === 'offset_income' ? 'offset income' : 'debt intake'} must have at most 2 decimals (whole cents)`;
  if (error.code === 'too_large') return `the amount must be at most ${MAX_EUROS} euros`;
  if (error.code === 'not_a_number') return 'value must be a number';
  switch (type) {
    case 'ladder':
      return 'ladder step must be a whole number from 1 to 6';
    case 'offset_income':
      return 'offset income needs an amount in euros of 0 or more';
    case 'debt_intake':
      return 'debt intake needs the total debt in euros, 0 or more';
    case 'money_stress':
      return 'money stress must be a score from 0 to 10 with at most one decimal';
    case 'work_start':
      return 'hours per week must be from 0 to 168';
    default:
      return `${type} takes no value`;
  }
}

export const Event = z
  .object({
    id: z.string(),
    participantId: z.string(),
    type: EventType,
    date: z.string(),
    reason: ExitReason.nullable(),
    /** Hours, ladder step, money-stress score, or for offset_income and debt_intake the amount in euros. */
    value: z.number().nullable(),
    createdAt: z.string(),
  })
  .openapi('Event');
export type Event = z.infer<typeof Event>;

export const ParticipantWithTimeline = Participant.extend({ events: z.array(Event) }).openapi(
  'ParticipantWithTimeline',
);

export const LoginInput = z
  .object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(1000) })
  .openapi('LoginInput');

export const User = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: Role,
    pilots: z.array(z.string()),
    disabled: z.boolean().optional(),
  })
  .openapi('User');
export type User = z.infer<typeof User>;

export const UserInput = z
  .object({
    email: z.email().max(320),
    name: z.string().trim().min(1).max(200),
    password: z.string().min(12, 'at least 12 characters').max(1000),
    role: Role,
    pilots: z.array(z.string()).default([]),
  })
  .openapi('UserInput');
export type UserInput = z.infer<typeof UserInput>;

const NewPassword = z.string().min(12, 'at least 12 characters').max(1000);
export const PasswordChange = z
  .object({ currentPassword: z.string().min(1).max(1000), newPassword: NewPassword })
  .openapi('PasswordChange');
export type PasswordChange = z.infer<typeof PasswordChange>;
export const PasswordReset = z.object({ newPassword: NewPassword }).openapi('PasswordReset');
export type PasswordReset = z.infer<typeof PasswordReset>;

export const TokenInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .openapi('TokenInput');
export const TokenCreated = z
  .object({ id: z.string(), name: z.string(), token: z.string(), expiresAt: z.string().nullable() })
  .openapi('TokenCreated');

export const ImportResult = z
  .object({
    kind: z.enum(['participants', 'events', 'budget']),
    dryRun: z.boolean(),
    delimiter: z.enum([',', ';']),
    rows: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
  })
  .openapi('ImportResult');
export type ImportResult = z.infer<typeof ImportResult>;

export const UserUpdate = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: Role,
    disabled: z.boolean(),
    pilots: z.array(z.string()),
  })
  .partial()
  .openapi('UserUpdate');
export type UserUpdate = z.infer<typeof UserUpdate>;

export const TokenInfo = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('TokenInfo');

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorEmail: z.string().nullable(),
    action: z.string(),
    pilotId: z.string().nullable(),
    participantId: z.string().nullable(),
    /** The participant's own reference (P-0012), for reading; null when erased or none. */
    participantRef: z.string().nullable().optional(),
    rowCount: z.number().int().nullable(),
    details: z.unknown().nullable(),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry');
export type AuditEntry = z.infer<typeof AuditEntry>;
