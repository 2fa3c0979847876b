import { z } from '@hono/zod-openapi';

/** The pilot's processing record and retention fields (SPEC §8), part of the pilot schemas. */

const text = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

/** The processing record as sent: every field optional; null clears it. */
export const ProcessingInput = z
  .object({
    purpose: text(2000),
    legalBasis: text(2000),
    agreementRef: text(200),
    department: text(200),
    contact: text(200),
  })
  .openapi('ProcessingInput');

export const ProcessingRecordJson = z
  .object({
    purpose: z.string().nullable(),
    legalBasis: z.string().nullable(),
    agreementRef: z.string().nullable(),
    department: z.string().nullable(),
    contact: z.string().nullable(),
  })
  .openapi('ProcessingRecord');

export const RetentionActionEnum = z.enum(['erase', 'reduce']);

export const RetentionJson = z
  .object({
    /** `soon` from 90 days before `retainUntil`, `due` after it. */
    status: z.enum(['ok', 'soon', 'due']),
    /** The date was set by an upgrade and awaits an admin's review. */
    review: z.boolean(),
    action: RetentionActionEnum,
    /** What was done at the date: `erased`, or `reduced` to the aggregate figures. */
    state: z.enum(['erased', 'reduced']).nullable(),
    appliedAt: z.string().nullable(),
  })
  .openapi('Retention');
