import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

/** How much of a caller's X-Request-Id is kept; it is theirs to correlate, not ours to trust. */
const MAX_CLIENT_ID = 100;

/**
 * Every request gets an id of the server's own (in the X-Request-Id reply header, the request log
 * and the audit log); an X-Request-Id the caller sent is kept apart, printable and capped.
 */
export const serverRequestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  const id = randomUUID();
  c.set('requestId', id);
  const theirs = c.req
    .header('x-request-id')
    ?.replace(/[^\x21-\x7e]/g, '')
    .slice(0, MAX_CLIENT_ID);
  c.set('clientRequestId', theirs || null);
  c.header('X-Request-Id', id);
  await next();
};
