import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { Forbidden } from '@wegwijzer/domain';
import { SESSION_COOKIE } from '../auth/actor.ts';
import type { AppEnv } from './env.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin of a URL-valued header, or null when it is not an http(s) URL. */
function originOf(value: string): string | null {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * The origins the app answers on: the configured ones, or else the request's own host over http
 * or https (a proxy in front that terminates TLS talks plain http to us, the browser sends
 * `https://…`).
 */
function ownOrigins(c: Context<AppEnv>): string[] {
  const configured = c.get('deps').config.origins;
  if (configured.length > 0) return configured;
  const host = new URL(c.req.url).host;
  return [`http://${host}`, `https://${host}`];
}

/** Why a state-changing request is refused as cross-site, or null when it may go on. */
export function crossSiteProblem(c: Context<AppEnv>): string | null {
  if (SAFE_METHODS.has(c.req.method)) return null;
  // A bearer token is never sent by a browser on its own: another site cannot forge one.
  if (c.req.header('authorization')?.startsWith('Bearer ')) return null;
  const fetchSite = c.req.header('sec-fetch-site');
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none')
    return `Sec-Fetch-Site is ${fetchSite}`;
  const own = ownOrigins(c);
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    return own.includes(originOf(origin) ?? '') ? null : 'the Origin is not this application';
  }
  const referer = c.req.header('referer');
  if (referer !== undefined) {
    return own.includes(originOf(referer) ?? '') ? null : 'the Referer is not this application';
  }
  // Browsers send an Origin with every state-changing request; a cookie without one did not come
  // from our dashboard. Without a cookie there is no session for a forged request to ride on.
  return getCookie(c, SESSION_COOKIE) !== undefined ? 'the request has no Origin' : null;
}

/**
 * Cross-site request forgery defence (ASVS 4.0.3 §4.2.2): every state-changing request that could
 * carry the session cookie must come from the application's own origin, whatever its content
 * type. It runs before anything is read or written.
 */
export const sameOriginWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  const problem = crossSiteProblem(c);
  if (problem) throw new Forbidden(`Cross-site request refused: ${problem}`);
  await next();
};
