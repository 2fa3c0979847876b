import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { grantedPilots, sessionUser, tokenUser, type UserRow } from '@wegwijzer/db';
import type { Role } from '@wegwijzer/domain';
import type { Actor, AppEnv } from '../http/env.ts';

export const SESSION_COOKIE = 'ww_session';

async function toActor(
  c: Parameters<MiddlewareHandler<AppEnv>>[0],
  user: UserRow,
  via: Actor['via'],
  token?: Actor['token'],
): Promise<Actor> {
  const { store } = c.get('deps');
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    pilots: new Set(await grantedPilots(store.db, user.id)),
    via,
    ...(token ? { token } : {}),
  };
}

/** Resolves the acting user from a bearer token or the session cookie; anonymous otherwise. */
export const resolveActor: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { store } = c.get('deps');
  c.set('actor', null);
  const auth = c.req.header('authorization');
  if (auth?.startsWith('Bearer ')) {
    const user = await tokenUser(store.db, auth.slice(7).trim());
    if (user)
      c.set(
        'actor',
        await toActor(c, user, 'token', { id: user.token_id, expiresAt: user.token_expires_at }),
      );
  } else {
    const secret = getCookie(c, SESSION_COOKIE);
    if (secret) {
      const user = await sessionUser(store.db, secret, c.get('deps').config.sessionIdleMs);
      if (user) c.set('actor', await toActor(c, user, 'session'));
    }
  }
  await next();
};
