import { z } from '@hono/zod-openapi';
import { checkIsoDate, isIsoDate } from './rules.ts';

export { isIsoDate };

/** A calendar date as `YYYY-MM-DD`; dates carry no time and no time zone. */
export const IsoDate = z
  .string()
  .superRefine((s, ctx) => {
    const r = checkIsoDate(s);
    if (!r.ok)
      ctx.addIssue({
        code: 'custom',
        message: 'Expected a real date as YYYY-MM-DD',
        params: { rule: r.error.code },
      });
  })
  .openapi({ format: 'date', example: '2025-01-31' });
export type IsoDate = string;
