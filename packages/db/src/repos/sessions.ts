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
  const expiresAt = new Date(Date.now() + ttlMs).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashSecret(secret),
      user_id: userId,
      created_at: nowIso(),
      expires_at: expiresAt,
    })
    .execute();
  return { secret, expiresAt };
}

export async function sessionUser(db: Kysely<Database>, secret: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .where('sessions.id_hash', '=', hashSecret(secret))
    .where('sessions.expires_at', '>', nowIso())
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
}

export async function deleteSession(db: Kysely<Database>, secret: string) {
  await db.deleteFrom('sessions').where('id_hash', '=', hashSecret(secret)).execute();
}

export async function createToken(
  db: Kysely<Database>,
  userId: string,
  name: string,
  expiresAt: string | null,
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

export async function revokeToken(db: Kysely<Database>, id: string) {
  await db
    .updateTable('tokens')
    .set({ revoked_at: nowIso() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
