import type { Context, MiddlewareHandler } from 'hono';
import { committedPilotVersion } from '@wegwijzer/db';
import type { AppEnv } from '../http/env.ts';

/** Enough for every pilot's hot replies of a municipality; each is a few kilobytes of JSON. */
const MAX_ENTRIES = 2_000;

interface Reply {
  body: string;
  contentType: string;
  /**
   * Every header of the plain reply as it left the app (security headers too) but its request
   * id: set by `keepCachedReplyHeaders` once the reply has passed all middleware, and what lets
   * `answerCachedFirst` answer before the app.
   */
  headers?: [string, string][];
}

/** A bounded least-recently-used map of serialized replies. */
export class ReplyCache {
  readonly #entries = new Map<string, Reply>();

  get(key: string): Reply | undefined {
    const reply = this.#entries.get(key);
    if (reply) {
      // Most recently used last, so the oldest entry is the first to go.
      this.#entries.delete(key);
      this.#entries.set(key, reply);
    }
    return reply;
  }

  put(key: string, reply: Reply): void {
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, reply);
  }
}

/** The cache key of a request: everything a cached route's reply depends on (see below). */
export function replyKey(c: Context<AppEnv>, version: number, role: string): string {
  const url = c.req.url;
  const query = url.indexOf('?');
  return replyKeyOf(
    version,
    role,
    c.req.header('accept-language') ?? '',
    c.req.path + (query < 0 ? '' : url.slice(query)),
  );
}

/** `replyKey` from its parts, for `answerCachedFirst`, which has no Hono context. */
export function replyKeyOf(
  version: number,
  role: string,
  acceptLanguage: string,
  pathAndQuery: string,
): string {
  return `${version}\n${role}\n${acceptLanguage}\n${pathAndQuery}`;
}

/**
 * Answers a pilot's GET from the bytes the same request gave before, while the pilot's committed
 * `data_version` is unchanged. It runs after the route's guard (the caller is authenticated and
 * may see the pilot) and before validation and the use case; the app's middleware around it sets
 * the request id and security headers on either path. The key holds everything the reply depends
 * on: the version (every write that changes a figure of the pilot bumps it, in its transaction),
 * the role (viewers get the protected reply, ADR 5), the language asked for, the path and query.
 * Only 200 JSON replies of routes without audit rows are kept.
 */
export const pilotReplyCache: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { store, replies } = c.get('deps');
  const actor = c.get('actor');
  const pilotId = c.req.param('id');
  const version = actor && pilotId ? await committedPilotVersion(store, pilotId) : null;
  if (version === null) return next();
  const key = replyKey(c, version, actor!.role);
  const hit = replies.get(key);
  if (hit) return c.body(hit.body, 200, { 'content-type': hit.contentType });
  await next();
  const contentType = c.res.headers.get('content-type');
  if (
    c.res.status === 200 &&
    contentType?.startsWith('application/json') &&
    !c.res.headers.has('set-cookie')
  ) {
    replies.put(key, { body: await c.res.clone().text(), contentType });
    c.set('replyKey', key);
  }
};
