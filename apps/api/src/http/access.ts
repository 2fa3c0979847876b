import type { MiddlewareHandler } from 'hono';
import { Forbidden, Unauthorized, type Role } from '@wegwijzer/domain';
import type { Actor, AppEnv } from './env.ts';

/**
 * Who may call a route. Every route declares one; nothing is reachable by default.
 * `pilotParam` names the path parameter that holds a pilot id: the actor must hold a grant on it.
 */
export type Access =
  | { public: true }
  | { roles: readonly Role[]; pilotParam?: string };

export const ALL_ROLES: readonly Role[] = ['admin', 'manager', 'researcher', 'viewer'];

export interface RouteRule {
  method: string;
  path: string;
  access: Access;
}

/** Every declared route with its rule: enforced by `guard`, enumerated by the authorization tests. */
export const routeTable: RouteRule[] = [];

export function canSeePilot(actor: Actor, pilotId: string): boolean {
  return actor.role === 'admin' || actor.pilots.has(pilotId);
}

export function requirePilot(actor: Actor, pilotId: string): void {
  if (!canSeePilot(actor, pilotId)) throw new Forbidden('You have no access to this pilot');
}

export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) throw new Forbidden(`This needs the role ${roles.join(' or ')}`);
}

export function guard(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if ('public' in access) return next();
    const actor = c.get('actor');
    if (!actor) throw new Unauthorized();
    requireRole(actor, access.roles);
    if (access.pilotParam) requirePilot(actor, c.req.param(access.pilotParam) ?? '');
    return next();
  };
}
