import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { nowIso } from '../clock.ts';
import type { Database } from '../schema.ts';

/** Secrets are stored only as SHA-256 hashes: a leaked database holds no usable session or token. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export async function createSession(db: Kysely<Database>, userId: string, ttlMs: number) {
  const secret = newSecret('');
  const now = nowIso();
  const expiresAt = new Date(Date.now() + ttlMs).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashSecret(secret),
      user_id: userId,
      created_at: now,
      expires_at: expiresAt,
      last_seen_at: now,
    })
    .execute();
  return { secret, expiresAt };
}

/** Last use is written at most once a minute per session, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The user of a live session: not past its absolute lifetime, used within the last `idleMs`,
 * its user not disabled. Each use moves the idle deadline on.
 */
export async function sessionUser(db: Kysely<Database>, secret: string, idleMs: number) {
  const now = Date.now();
  const idHash = hashSecret(secret);
  const idleSince = new Date(now - idleMs).toISOString();
  const user = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select('sessions.expires_at as session_expires_at')
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', new Date(now).toISOString())
    .where((eb) => eb.fn.coalesce('sessions.last_seen_at', 'sessions.created_at'), '>', idleSince)
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
  if (user) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now).toISOString() })
      .where('id_hash', '=', idHash)
      .where(
        (eb) => eb.fn.coalesce('last_seen_at', 'created_at'),
        '<',
        new Date(now - TOUCH_EVERY_MS).toISOString(),
      )
      .execute();
  }
  return user;
}

/** Ends every session of a user but `keepSecret`'s (a password change keeps the one it came in). */
export async function deleteSessionsOf(
  db: Kysely<Database>,
  userId: string,
  keepSecret?: string,
): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSecret) q = q.where('id_hash', '!=', hashSecret(keepSecret));
  await q.execute();
}

export async function deleteSession(db: Kysely<Database>, secret: string) {
  await db.deleteFrom('sessions').where('id_hash', '=', hashSecret(secret)).execute();
}

export async function createToken(
  db: Kysely<Database>,
  userId: string,
  name: string,
  expiresAt: string | null,
  parentId: string | null = null,
) {
  const token = newSecret('ww_');
  const id = randomUUID();
  await db
    .insertInto('tokens')
    .values({
      id,
      user_id: userId,
      name,
      token_hash: hashSecret(token),
      created_at: nowIso(),
      expires_at: expiresAt,
      revoked_at: null,
      parent_id: parentId,
    })
    .execute();
  return { id, token };
}

export async function tokenUser(db: Kysely<Database>, token: string) {
  const now = nowIso();
  return db
    .selectFrom('tokens')
    .innerJoin('users', 'users.id', 'tokens.user_id')
    .selectAll('users')
    .select(['tokens.id as token_id', 'tokens.expires_at as token_expires_at'])
    .where('tokens.token_hash', '=', hashSecret(token))
    .where('tokens.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('tokens.expires_at', 'is', null), eb('tokens.expires_at', '>', now)]))
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
}

export async function listTokens(db: Kysely<Database>, userId: string | null) {
  let q = db
    .selectFrom('tokens')
    .select(['id', 'user_id', 'name', 'created_at', 'expires_at', 'revoked_at'])
    .orderBy('created_at', 'desc');
  if (userId) q = q.where('user_id', '=', userId);
  return q.execute();
}

export async function getToken(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('tokens')
    .select(['id', 'user_id', 'revoked_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Revokes a token and every token made with it, and with those, and so on. */
export async function revokeToken(db: Kysely<Database>, id: string) {
  const now = nowIso();
  let ids = [id];
  const seen = new Set<string>();
  while (ids.length > 0) {
    for (const i of ids) seen.add(i);
    await db
      .updateTable('tokens')
      .set({ revoked_at: now })
      .where('id', 'in', ids)
      .where('revoked_at', 'is', null)
      .execute();
    const children = await db
      .selectFrom('tokens')
      .select('id')
      .where('parent_id', 'in', ids)
      .execute();
    ids = children.map((c) => c.id).filter((c) => !seen.has(c));
  }
}
