import type { Context, MiddlewareHandler } from 'hono';
import { hash } from 'node:crypto';
import { getCookie } from 'hono/cookie';
import {
  grantedPilots,
  listPilotRecords,
  sessionUser,
  tokenUser,
  type UserRow,
} from '@wegwijzer/db';
import type { Role } from '@wegwijzer/domain';
import type { Actor, AppEnv } from '../http/env.ts';
import type { ActorCache } from './actor-cache.ts';
import { isDemoAccount } from '../usecases/bootstrap.ts';

export const SESSION_COOKIE = 'ww_session';

async function toActor(
  c: Parameters<MiddlewareHandler<AppEnv>>[0],
  user: UserRow,
  via: Actor['via'],
  token?: Actor['token'],
): Promise<Actor> {
  const { store } = c.get('deps');
  const demo = isDemoAccount(user.email);
  let pilots = new Set(await grantedPilots(store.db, user.id));
  if (demo) {
    // Demo accounts see synthetic pilots only, whatever they were granted; a demo admin all of them.
    const synthetic = (await listPilotRecords(store.db, null)).filter((p) => p.synthetic);
    pilots = new Set(
      synthetic.filter((p) => user.role === 'admin' || pilots.has(p.id)).map((p) => p.id),
    );
  }
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    pilots,
    demo,
    via,
    ...(token ? { token } : {}),
  };
}

function bearerOf(authorization: string | null | undefined): string | null {
  return authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : null;
}

/** The actor cache's key of a secret: its SHA-256, as `hashSecret`, in one call. */
function cacheKey(kind: 'token:' | 'session:', secret: string): string {
  return kind + hash('sha256', secret, 'hex');
}

/** The secret a request comes with (bearer token, else session cookie) and its cache key. */
function credentials(c: Context<AppEnv>) {
  const bearer = bearerOf(c.req.header('authorization'));
  const secret = bearer ?? getCookie(c, SESSION_COOKIE);
  return {
    bearer,
    secret,
    key: secret ? cacheKey(bearer ? 'token:' : 'session:', secret) : '',
  };
}

/**
 * The actor of a request with this Authorization header when the actor cache knows its bearer
 * token, without asking the database (sessions always take the plain path: see below).
 */
export function bearerActor(
  actors: ActorCache,
  authorization: string | null | undefined,
): Actor | undefined {
  const bearer = bearerOf(authorization);
  return bearer ? actors.get(cacheKey('token:', bearer), Date.now()) : undefined;
}

/**
 * Resolves the acting user from a bearer token or the session cookie; anonymous otherwise. A
 * secret seen within the last seconds is answered from the actor cache (auth/actor-cache.ts).
 */
export const resolveActor: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { store, actors, config } = c.get('deps');
  c.set('actor', null);
  const { bearer, secret, key } = credentials(c);
  if (secret) {
    const now = Date.now();
    // Bearer tokens only: a session's every use moves its idle deadline on (SPEC §6), which the
    // session query does; scripts and load come with tokens.
    const cached = bearer ? actors.get(key, now) : undefined;
    if (cached) c.set('actor', cached);
    else {
      const generation = actors.generation;
      let actor: Actor | null = null;
      let endsAt: string | null = null;
      if (bearer) {
        const user = await tokenUser(store.db, bearer);
        if (user) {
          endsAt = user.token_expires_at;
          actor = await toActor(c, user, 'token', {
            id: user.token_id,
            expiresAt: user.token_expires_at,
          });
        }
      } else {
        const user = await sessionUser(store.db, secret, config.sessionIdleMs);
        if (user) {
          endsAt = user.session_expires_at;
          actor = await toActor(c, user, 'session');
        }
      }
      if (actor) {
        if (bearer)
          actors.put(key, actor, generation, now, endsAt === null ? null : Date.parse(endsAt));
        c.set('actor', actor);
      }
    }
  }
  await next();
};
