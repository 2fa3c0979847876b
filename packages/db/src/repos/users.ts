import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Role } from '@wegwijzer/domain';
import { nowIso } from '../clock.ts';
import type { Database, UsersTable } from '../schema.ts';

export type UserRow = Selectable<UsersTable>;

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  pilots: string[];
}

export async function insertUser(db: Kysely<Database>, u: NewUser): Promise<UserRow> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('users')
      .values({
        id: randomUUID(),
        email: u.email.toLowerCase(),
        name: u.name,
        password_hash: u.passwordHash,
        role: u.role,
        created_at: nowIso(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (u.pilots.length > 0) {
      await trx
        .insertInto('grants')
        .values(u.pilots.map((pilot_id) => ({ user_id: row.id, pilot_id })))
        .execute();
    }
    return row;
  });
}

export async function findUserByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function getUser(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Kysely<Database>) {
  return db.selectFrom('users').selectAll().orderBy('email').execute();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function grantedPilots(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('grants')
    .select('pilot_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.pilot_id);
}

export async function addGrant(db: Kysely<Database>, userId: string, pilotId: string) {
  await db
    .insertInto('grants')
    .values({ user_id: userId, pilot_id: pilotId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export interface UserPatch {
  name?: string;
  role?: Role;
  disabled?: boolean;
  pilots?: string[];
}

/** Updates a user; new pilots replace all grants; disabling ends every session. */
export async function updateUser(
  db: Kysely<Database>,
  id: string,
  patch: UserPatch,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const set: Record<string, unknown> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.role !== undefined) set.role = patch.role;
    if (patch.disabled !== undefined) set.disabled = patch.disabled ? 1 : 0;
    if (Object.keys(set).length > 0)
      await trx.updateTable('users').set(set).where('id', '=', id).execute();
    if (patch.pilots) {
      await trx.deleteFrom('grants').where('user_id', '=', id).execute();
      if (patch.pilots.length > 0) {
        await trx
          .insertInto('grants')
          .values(patch.pilots.map((pilot_id) => ({ user_id: id, pilot_id })))
          .execute();
      }
    }
    // Disabling is for good as far as credentials go: re-enabling brings no session or token back.
    if (patch.disabled) {
      await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      await trx
        .updateTable('tokens')
        .set({ revoked_at: nowIso() })
        .where('user_id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    }
  });
}

export async function setPasswordHash(db: Kysely<Database>, id: string, passwordHash: string) {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}
