import type { Context } from 'hono';
import { Unauthorized } from '@wegwijzer/domain';
import type { AppEnv, UseCaseCtx } from './env.ts';

/** The use-case context of a request whose route guard has admitted an actor. */
export function useCaseCtx(c: Context<AppEnv>): UseCaseCtx {
  const actor = c.get('actor');
  if (!actor) throw new Unauthorized();
  return {
    ...c.get('deps'),
    actor,
    requestId: c.get('requestId'),
    clientRequestId: c.get('clientRequestId'),
  };
}

/**
 * What every use case of a pilot route starts from: the request's context and the pilot `id` of
 * its path. Route handlers add their own query or body fields to it.
 */
export function pilotArgs(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any route path with an {id}
  c: Context<AppEnv, any, { out: { param: { id: string } } }>,
): { ctx: UseCaseCtx; pilotId: string } {
  return { ctx: useCaseCtx(c), pilotId: c.req.valid('param').id };
}
