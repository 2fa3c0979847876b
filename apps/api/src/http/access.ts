import type { MiddlewareHandler } from 'hono';
import {
  pilotOfBudgetLine,
  pilotOfEvent,
  pilotOfParticipant,
  pilotOfReferenceLine,
} from '@wegwijzer/db';
import { Forbidden, NotFound, Unauthorized, type Role } from '@wegwijzer/domain';
import type { Actor, AppEnv, Deps } from './env.ts';

/**
 * Who may call a route. Every route declares one; nothing is reachable by default.
 * `pilot` says where the route's pilot comes from: the actor must hold a grant on it. It is the
 * `{id}` path parameter itself, or the pilot of the participant, event, budget line or reference
 * line that `{id}` names.
 */
export type PilotSource = 'id' | 'participant' | 'event' | 'budgetLine' | 'referenceLine';

/**
 * What a route that admits viewers gives them (SPEC §6): `protected`, a reply passed through
 * @wegwijzer/disclosure (it carries `rounded: true`); `verdict`, a model result in words only
 * (`plain: true`, from the package's `verdict`); or `no-participant-figures`, a reply with
 * nothing computed from participants (the caller's own account, budget lines, published
 * reference lines). The route-table test holds every viewer route to its declaration.
 */
export type ViewerReply = 'protected' | 'verdict' | 'no-participant-figures';

export type Access =
  { public: true } | { roles: readonly Role[]; pilot?: PilotSource; viewer?: ViewerReply };

export const ALL_ROLES: readonly Role[] = ['admin', 'manager', 'researcher', 'viewer'];

export interface RouteRule {
  method: string;
  path: string;
  access: Access;
  /** The declared replies by status, with their schemas: the tests check bodies against them. */
  responses?: Readonly<Record<string, unknown>>;
  /** Answered from the reply cache while its pilot's data version holds (cache/replies.ts). */
  cachedByPilotVersion?: boolean;
}

/** Every declared route with its rule: enforced by `guard`, enumerated by the authorization tests. */
export const routeTable: RouteRule[] = [];

export function canSeePilot(actor: Actor, pilotId: string): boolean {
  return (actor.role === 'admin' && !actor.demo) || actor.pilots.has(pilotId);
}

/** The pilots the actor may see, as ids, or null for every pilot (an admin, not a demo one). */
export function pilotScope(actor: Actor): string[] | null {
  return actor.role === 'admin' && !actor.demo ? null : [...actor.pilots];
}

/** Demo accounts have public passwords: they may not manage users, grants or others' tokens. */
export function requireNotDemo(actor: Actor, what: string): void {
  if (actor.demo) throw new Forbidden(`Demo accounts cannot ${what}`);
}

export function requirePilot(actor: Actor, pilotId: string): void {
  if (!canSeePilot(actor, pilotId)) throw new Forbidden('You have no access to this pilot');
}

export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) throw new Forbidden(`This needs the role ${roles.join(' or ')}`);
}

const NAMES: Record<Exclude<PilotSource, 'id'>, string> = {
  participant: 'Participant',
  event: 'Event',
  budgetLine: 'Budget line',
  referenceLine: 'Reference line',
};

async function routePilot(deps: Deps, from: PilotSource, id: string): Promise<string> {
  if (from === 'id') return id;
  const db = deps.store.db;
  let found: string | undefined;
  if (from === 'budgetLine') found = await pilotOfBudgetLine(db, id);
  else if (from === 'referenceLine') found = await pilotOfReferenceLine(db, id);
  else {
    const n = Number(id);
    found = Number.isSafeInteger(n)
      ? await (from === 'participant' ? pilotOfParticipant : pilotOfEvent)(db, n)
      : undefined;
  }
  if (found === undefined) throw new NotFound(NAMES[from]);
  return found;
}

export function guard(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if ('public' in access) return next();
    const actor = c.get('actor');
    if (!actor) throw new Unauthorized();
    requireRole(actor, access.roles);
    if (access.pilot)
      requirePilot(actor, await routePilot(c.get('deps'), access.pilot, c.req.param('id') ?? ''));
    return next();
  };
}
