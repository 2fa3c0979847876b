import { z } from '@hono/zod-openapi';
import { IsoDate } from './dates.ts';
import {
  ProcessingInput,
  ProcessingRecordJson,
  RetentionActionEnum,
  RetentionJson,
} from './api-processing.ts';
import { Arm, Education, EventType, ExitReason, Household, Role, Theme } from './enums.ts';

/** A money-stress score: 0 to 10, whole or with one decimal (7 or 7.5). */
export function isMoneyStressScore(v: number): boolean {
  return v >= 0 && v <= 10 && Math.abs(v * 10 - Math.round(v * 10)) < 1e-9;
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

const euros = z.number().nonnegative().max(1e9);

export const PilotInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    municipality: z.string().regex(/^GM\d{4}$/, 'a CBS municipality code such as GM0599'),
    theme: Theme,
    startDate: IsoDate,
    dataCompleteThrough: IsoDate,
    monthlyBenefit: euros.nullable().optional(),
    guidanceCost: euros.nullable().optional(),
    targetGroup: z.string().max(2000).nullable().optional(),
    description: z.string().max(10000).nullable().optional(),
    /** SPEC §8: until when the participant data are kept; not before startDate. */
    retainUntil: IsoDate,
    retentionAction: RetentionActionEnum.optional(),
    processing: ProcessingInput.optional(),
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
  birthYear: z.number().int().min(1900).max(2100).nullable(),
  motivation: z.number().int().min(1).max(5).nullable(),
  ladderStep: z.number().int().min(1).max(6).nullable(),
  hasDebts: z.boolean().nullable(),
  disability: z.boolean().nullable(),
  refugeeStatus: z.boolean().nullable(),
  education: Education.nullable(),
  lostToFollowUpDate: IsoDate.nullable(),
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
    const issue = (message: string, path: string) =>
      ctx.addIssue({ code: 'custom', message, path: [path] });
    if (e.reason != null && e.type !== 'benefit_end')
      issue('only benefit_end has a reason', 'reason');
    const v = e.value;
    switch (e.type) {
      case 'ladder':
        if (v == null || !Number.isInteger(v) || v < 1 || v > 6)
          issue('ladder step must be a whole number from 1 to 6', 'value');
        break;
      case 'offset_income':
        if (v == null || !(v >= 0))
          issue('offset income needs an amount in euros of 0 or more', 'value');
        break;
      case 'debt_intake':
        if (v == null || !(v >= 0) || v > 1e9)
          issue('debt intake needs the total debt in euros, 0 or more', 'value');
        break;
      case 'money_stress':
        if (v == null || !isMoneyStressScore(v))
          issue('money stress must be a score from 0 to 10 with at most one decimal', 'value');
        break;
      case 'work_start':
        if (v != null && !(v >= 0 && v <= 168))
          issue('hours per week must be from 0 to 168', 'value');
        break;
      default:
        if (v != null) issue(`${e.type} takes no value`, 'value');
    }
  })
  .openapi('EventInput');
export type EventInput = z.infer<typeof EventInput>;

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
    rowCount: z.number().int().nullable(),
    details: z.unknown().nullable(),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry');
export type AuditEntry = z.infer<typeof AuditEntry>;
