import type { MiddlewareHandler } from 'hono';
import { forgetCommittedVersions } from '@wegwijzer/db';
import type { AppEnv } from '../http/env.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request may bump pilots' data versions. The database tells every instance
 * (this one too) at commit, but the notification may come after this instance's next read: once
 * the write has committed, and before its reply leaves, the versions this instance remembers are
 * forgotten, so the caller's next request sees its own write (PostgreSQL; nothing to do on SQLite).
 */
export const forgetVersionsAfterWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  try {
    await next();
  } finally {
    forgetCommittedVersions(c.get('deps').store);
  }
};
