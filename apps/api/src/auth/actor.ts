import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import {
  grantedPilots,
  hashSecret,
  listPilotRecords,
  sessionUser,
  tokenUser,
  type UserRow,
} from '@wegwijzer/db';
import type { Role } from '@wegwijzer/domain';
import type { Actor, AppEnv } from '../http/env.ts';
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

/** The secret a request comes with (bearer token, else session cookie) and its cache key. */
function credentials(c: Context<AppEnv>) {
  const auth = c.req.header('authorization');
  const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : null;
  const secret = bearer ?? getCookie(c, SESSION_COOKIE);
  return {
    bearer,
    secret,
    key: secret ? (bearer ? 'token:' : 'session:') + hashSecret(secret) : '',
  };
}

/** The request's actor when the actor cache knows its secret, without asking the database. */
export function cachedActor(c: Context<AppEnv>): Actor | undefined {
  const { key } = credentials(c);
  return key ? c.get('deps').actors.get(key, Date.now()) : undefined;
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
    const cached = actors.get(key, now);
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
        actors.put(key, actor, generation, now, endsAt === null ? null : Date.parse(endsAt));
        c.set('actor', actor);
      }
    }
  }
  await next();
};
