import { z } from '@hono/zod-openapi';
import { Participant } from './api.ts';
import { ProcessingRecordJson, RetentionActionEnum, RetentionJson } from './api-processing.ts';

/** Schemas of SPEC §8: processing record, erasure, access requests, retention. */

export const ErasureInput = z
  .object({ reason: z.string().trim().min(1).max(500) })
  .openapi('ErasureInput');
export type ErasureInput = z.infer<typeof ErasureInput>;

export const ErasureResult = z
  .object({ participantId: z.string(), events: z.number().int() })
  .openapi('ErasureResult');

export const AccessRequestInput = z
  .object({
    ref: z.string().trim().min(1).max(100).optional(),
    bsn: z.string().trim().min(1).max(20).optional(),
  })
  .refine((v) => (v.ref === undefined) !== (v.bsn === undefined), {
    message: 'give either ref or bsn',
    path: ['ref'],
  })
  .openapi('AccessRequestInput');
export type AccessRequestInput = z.infer<typeof AccessRequestInput>;

const EventHeld = z.object({
  id: z.string(),
  type: z.string(),
  date: z.string(),
  reason: z.string().nullable(),
  value: z.number().nullable(),
  createdAt: z.string(),
});

export const AccessRecord = z.object({
  pilot: z.object({
    id: z.string(),
    name: z.string(),
    municipality: z.string(),
    retainUntil: z.string(),
    processing: ProcessingRecordJson,
  }),
  participant: Participant,
  events: z.array(EventHeld),
  exports: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      researcher: z.string().nullable(),
      researcherEmail: z.string().nullable(),
      format: z.string(),
      dateShift: z.boolean(),
    }),
  ),
});

export const AccessReport = z
  .object({
    generatedAt: z.string(),
    generatedBy: z.string(),
    /** How the person was found; the BSN itself is never echoed. */
    foundBy: z.enum(['ref', 'bsn']),
    records: z.array(AccessRecord),
  })
  .openapi('AccessReport');
export type AccessReport = z.infer<typeof AccessReport>;

export const RetentionPreview = z
  .object({
    pilotId: z.string(),
    retainUntil: z.string(),
    retention: RetentionJson,
    participants: z.number().int(),
    events: z.number().int(),
    /** What stays after each action, in words the admin confirms. */
    remains: z.object({ erase: z.array(z.string()), reduce: z.array(z.string()) }),
  })
  .openapi('RetentionPreview');

export const RetentionApplyInput = z
  .object({
    action: RetentionActionEnum,
    /** The pilot's retention date, typed back as a confirmation. */
    confirm: z.string(),
  })
  .openapi('RetentionApplyInput');

export const RetentionResult = z
  .object({
    pilotId: z.string(),
    state: z.enum(['erased', 'reduced']),
    participants: z.number().int(),
    events: z.number().int(),
  })
  .openapi('RetentionResult');

export const RegisterRow = z.object({
  pilotId: z.string(),
  name: z.string(),
  municipality: z.string(),
  startDate: z.string(),
  retainUntil: z.string(),
  retention: RetentionJson,
  processing: ProcessingRecordJson,
  /** Fields of the processing record still empty. */
  missing: z.array(z.string()),
});
export const Register = z.object({ items: z.array(RegisterRow) }).openapi('ProcessingRegister');
export type Register = z.infer<typeof Register>;
