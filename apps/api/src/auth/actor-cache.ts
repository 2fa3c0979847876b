import type { MiddlewareHandler } from 'hono';
import type { Actor, AppEnv } from '../http/env.ts';

/**
 * How long a resolved session or token is trusted without asking the database again. A write
 * request on this instance forgets every cached actor at once; one on another instance (or a
 * CLI run) is seen within this bound (docs/adr/0012-serving-caches.md).
 */
export const ACTOR_CACHE_TTL_MS = 5_000;

const MAX_ENTRIES = 10_000;

interface Entry {
  actor: Actor;
  until: number;
}

/**
 * Actors resolved from a session cookie or bearer token, keyed by the secret's hash, so a warm
 * request skips the session, user and grant queries. A resolution that started before a write
 * began is not stored: its grants may be the ones that write just changed.
 */
export class ActorCache {
  readonly #entries = new Map<string, Entry>();
  #generation = 0;

  constructor(readonly ttlMs: number = ACTOR_CACHE_TTL_MS) {}

  /** The generation a database resolution starts in; pass it to `put`. */
  get generation(): number {
    return this.#generation;
  }

  get(key: string, now: number): Actor | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.until > now) return entry.actor;
    this.#entries.delete(key);
    return undefined;
  }

  /** Keeps `actor` until the TTL or `endsAt` (the session's or token's end), whichever is first. */
  put(key: string, actor: Actor, generation: number, now: number, endsAt: number | null): void {
    if (generation !== this.#generation) return;
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { actor, until: Math.min(now + this.ttlMs, endsAt ?? Infinity) });
  }

  /** Forgets every actor: logins, logouts, roles, grants, passwords or tokens may have changed. */
  clear(): void {
    this.#generation++;
    this.#entries.clear();
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every state-changing request may change who is who (logout, role, grant, password, token,
 * a disabled account, a new pilot a demo admin sees): the cache is emptied when it starts and
 * again when it ends, so no actor resolved meanwhile outlives it. Writes are rare beside reads.
 */
export const forgetActorsOnWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const { actors } = c.get('deps');
  actors.clear();
  try {
    await next();
  } finally {
    actors.clear();
  }
};
