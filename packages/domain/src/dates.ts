import { z } from '@hono/zod-openapi';

/** True when `s` is a real calendar date written as YYYY-MM-DD (no 2024-02-30). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** A calendar date as `YYYY-MM-DD`; dates carry no time and no time zone. */
export const IsoDate = z
  .string()
  .refine(isIsoDate, { message: 'Expected a real date as YYYY-MM-DD' })
  .openapi({ format: 'date', example: '2025-01-31' });
export type IsoDate = string;
