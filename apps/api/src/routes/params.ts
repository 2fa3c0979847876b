import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { useCaseCtx } from '../http/ctx.ts';
import type { AppEnv, UseCaseCtx } from '../http/env.ts';

/** The `{id}` of a pilot's path, as every pilot route validates it. */
export const PilotParam = z.object({ id: z.string().min(1).max(100) });

/**
 * What every use case of a route on one record (a budget line, a participant, a user) starts
 * from: the request's context and the record `id` of its path; handlers add their body to it.
 * Pilot routes take `pilotArgs` instead, which names the id `pilotId`.
 */
export function recordArgs(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any route path with an {id}
  c: Context<AppEnv, any, { out: { param: { id: string } } }>,
): { ctx: UseCaseCtx; id: string } {
  return { ctx: useCaseCtx(c), id: c.req.valid('param').id };
}
