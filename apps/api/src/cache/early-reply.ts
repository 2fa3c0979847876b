import type { MiddlewareHandler } from 'hono';
import { committedPilotVersion } from '@wegwijzer/db';
import { cachedActor } from '../auth/actor.ts';
import { canSeePilot, routeTable, type RouteRule } from '../http/access.ts';
import type { AppEnv } from '../http/env.ts';
import { replyKey } from './replies.ts';

interface CachedRoute {
  rule: RouteRule;
  pattern: RegExp;
}

let cachedRoutes: CachedRoute[] | null = null;

/** The GET routes declared with `cacheByPilotVersion`, as path patterns with the pilot `{id}`. */
function routes(): CachedRoute[] {
  return (cachedRoutes ??= routeTable
    .filter((r) => r.cachedByPilotVersion && r.method === 'GET')
    .map((rule) => ({
      rule,
      pattern: new RegExp(
        `^${rule.path.replace(/\{id\}/, '([^/]+)').replace(/\{[^}]+\}/g, '[^/]+')}$`,
      ),
    })));
}

/**
 * A warm cached reply, answered before the security-header, origin, body-limit and actor
 * middleware and before the router, whose work on such a request is all the same every time:
 * the stored headers are those the plain path gave (with this request's id), the caller is known
 * from the actor cache and held to the route's rule (role, grant on the pilot) exactly as the
 * route's guard does, and the pilot's committed data version is read as on the plain path. Any
 * doubt (an unknown caller, no access, no stored reply) takes the plain path, which gives the
 * error or the fresh reply. After a plain reply that was cached, the headers it left with are
 * kept with it.
 */
export const earlyCachedReply: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'GET' || !c.req.path.startsWith('/api/pilots/')) return next();
  const found = routes().find((r) => r.pattern.test(c.req.path));
  if (found) {
    const answer = await early(c, found);
    if (answer) return answer;
  }
  await next();
  const key = c.get('replyKey');
  // A reply that sets a cookie is someone's own: it is never answered to another request.
  if (key !== undefined && c.res.status === 200 && !c.res.headers.has('set-cookie')) {
    const headers = [...c.res.headers.entries()].filter(([name]) => !UNSTORED.has(name));
    const stored = c.get('deps').replies.get(key);
    if (stored) stored.headers = headers;
  }
};

/** Per request or per body, never part of a stored reply. */
const UNSTORED = new Set(['x-request-id', 'content-length', 'date']);

async function early(c: Parameters<MiddlewareHandler<AppEnv>>[0], { rule, pattern }: CachedRoute) {
  const actor = cachedActor(c);
  if (!actor || 'public' in rule.access || !rule.access.roles.includes(actor.role)) return null;
  let pilotId: string;
  try {
    pilotId = decodeURIComponent(pattern.exec(c.req.path)![1]!);
  } catch {
    return null;
  }
  if (!canSeePilot(actor, pilotId)) return null;
  const { store, replies } = c.get('deps');
  const version = await committedPilotVersion(store, pilotId);
  if (version === null) return null;
  const hit = replies.get(replyKey(c, version, actor.role));
  if (!hit?.headers) return null;
  c.set('actor', actor);
  c.set('routePattern', rule.path.replace(/\{(\w+)\}/g, ':$1'));
  // A plain header object: @hono/node-server writes it as it is, where a Headers instance
  // costs a validation of every header on every request.
  const headers: Record<string, string> = { 'x-request-id': c.get('requestId') };
  for (const [name, value] of hit.headers) headers[name] = value;
  return new Response(hit.body, { status: 200, headers });
}
