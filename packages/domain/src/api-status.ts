import { z } from '@hono/zod-openapi';
import { RoundedMark } from './api-outcomes.ts';

/** Reply of status by month (SPEC §3): per arm, the share off benefit at m(m) among those evaluable at m(m). */

const n = z.number().nullable();
const Interval = z.tuple([z.number(), z.number()]).nullable();

const StatusPoint = z.object({
  month: z.number().int().openapi({ description: 'm, months after intake (1–60)' }),
  evaluable: n.openapi({
    description: 'Participants with m(m) on or before their observation end',
  }),
  offBenefit: z.object({ count: n, rate: n, ci95: Interval }),
});

export const StatusByMonthReply = z
  .object({
    pilotId: z.string(),
    observationEnd: z.string(),
    minEvaluable: z.number().int().openapi({
      description:
        'Months where an arm has fewer evaluable participants are left out of its curve (viewers do not get them at all)',
    }),
    arms: z.record(z.string(), z.array(StatusPoint)).openapi({
      description:
        "Per arm code (the pilot's intervention arms in order, then `control` when it has participants)",
    }),
    suppressed: z.array(z.string()).optional(),
    rounded: RoundedMark,
  })
  .openapi('StatusByMonth');
export type StatusByMonthReply = z.infer<typeof StatusByMonthReply>;
