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
