import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { rememberedPilotVersion } from '@wegwijzer/db';
import { bearerActor } from '../auth/actor.ts';
import { canSeePilot, routeTable, type RouteRule } from '../http/access.ts';
import type { AppEnv, Deps } from '../http/env.ts';
import type { RequestLog } from '../http/logging.ts';
import { replyKeyOf } from './replies.ts';

interface CachedRoute {
  rule: RouteRule;
  pattern: RegExp;
  /** The route pattern as the request log names it (`/api/pilots/:id/outcomes`). */
  logRoute: string;
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
      logRoute: rule.path.replace(/\{(\w+)\}/g, ':$1'),
    })));
}

type Fetch = (request: Request, ...rest: never[]) => Response | Promise<Response>;

/**
 * The app's fetch with warm cached replies answered in front of it, before Hono builds a context
 * and runs its middleware: on such a request all that work is the same every time. A reply is
 * answered here only when everything is known at once: a GET of a route declared with
 * `cacheByPilotVersion`, a caller in the actor cache held to the route's rule (role, grant on the
 * pilot) exactly as the route's guard does, the pilot's committed data version known without
 * waiting (SQLite's prepared statement; the remembered version on PostgreSQL), and a stored reply
 * whose headers (security headers included) were kept when the plain path gave it. It leaves with
 * those headers and a request id of its own, and is logged as the request logger would. In any
 * doubt the plain app answers, with the error or the fresh reply.
 */
export function answerCachedFirst<F extends Fetch>(deps: Deps, log: RequestLog, plain: F): F {
  const fetch: Fetch = (request, ...rest) => {
    if (request.method === 'GET') {
      const answer = early(deps, log, request);
      if (answer) return answer;
    }
    return plain(request, ...rest);
  };
  return fetch as F;
}

function early(deps: Deps, log: RequestLog, request: Request): Response | null {
  const started = log.enabled ? performance.now() : 0;
  const url = request.url;
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const query = url.indexOf('?', start);
  const path = query < 0 ? url.slice(start) : url.slice(start, query);
  // A percent-encoded path is decoded by the router: leave it to the plain path.
  if (!path.startsWith('/api/pilots/') || path.includes('%')) return null;
  const found = routes().find((r) => r.pattern.test(path));
  if (!found) return null;
  const { rule, pattern, logRoute } = found;
  const actor = bearerActor(deps.actors, request.headers.get('authorization'));
  if (!actor || 'public' in rule.access || !rule.access.roles.includes(actor.role)) return null;
  const pilotId = pattern.exec(path)![1]!;
  if (!canSeePilot(actor, pilotId)) return null;
  const version = rememberedPilotVersion(deps.store, pilotId);
  if (version === null || version === undefined) return null;
  const key = replyKeyOf(
    version,
    actor.role,
    request.headers.get('accept-language') ?? '',
    query < 0 ? path : path + url.slice(query),
  );
  const hit = deps.replies.get(key);
  if (!hit?.headers) return null;
  const requestId = randomUUID();
  // A plain header object: @hono/node-server writes it as it is, where a Headers instance
  // costs a validation of every header on every request.
  const headers: Record<string, string> = { 'x-request-id': requestId };
  for (const [name, value] of hit.headers) headers[name] = value;
  if (log.enabled) log.write(requestId, 'GET', logRoute, 200, performance.now() - started);
  return new Response(hit.body, { status: 200, headers });
}

/**
 * After a plain reply that was cached (the route's `pilotReplyCache` set its key), keeps the
 * headers it left the app with, so that `answerCachedFirst` can give them with the stored body.
 * A reply that sets a cookie is someone's own: it is never answered to another request.
 */
export const keepCachedReplyHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const key = c.get('replyKey');
  if (key !== undefined && c.res.status === 200 && !c.res.headers.has('set-cookie')) {
    const headers = [...c.res.headers.entries()].filter(([name]) => !UNSTORED.has(name));
    const stored = c.get('deps').replies.get(key);
    if (stored) stored.headers = headers;
  }
};

/** Per request or per body, never part of a stored reply. */
const UNSTORED = new Set(['x-request-id', 'content-length', 'date']);
