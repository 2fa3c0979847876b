import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from './env.ts';

/**
 * The caller's address, for login throttling and anonymous-failure entries. Behind a reverse
 * proxy (WEGWIJZER_TRUST_PROXY=true) it is the last address of X-Forwarded-For, the one the
 * proxy itself added; earlier entries are the client's to choose and are ignored. In-process
 * test requests have no socket: 'unknown'.
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.get('deps').config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
