import {
  appendAudit,
  createSession,
  createToken,
  deleteSession,
  findUserByEmail,
  grantedPilots,
  insertUser,
  listUsers as loadUsers,
  listPilots,
} from '@wegwijzer/db';
import { BadRequest, Conflict, Unauthorized, type User, type UserInput } from '@wegwijzer/domain';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password.ts';
import type { Deps, UseCaseCtx } from '../http/env.ts';
import { audit } from './audit.ts';

// Verifying against a fixed hash when the account does not exist keeps login time the same,
// so response times do not reveal which e-mail addresses have an account.
const DUMMY_HASH = hashPassword('not-a-real-password-at-all');

export async function login(
  deps: Deps,
  input: { email: string; password: string },
  requestId: string,
): Promise<{ secret: string; expiresAt: string; user: User }> {
  const user = await findUserByEmail(deps.store.db, input.email);
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await DUMMY_HASH));
  if (!user || !ok || user.disabled) {
    await appendAudit(deps.store.db, {
      actorId: user?.id ?? null,
      actorEmail: input.email.toLowerCase(),
      action: 'login.failed',
      requestId,
    });
    throw new Unauthorized('E-mail address or password is wrong');
  }
  const session = await createSession(deps.store.db, user.id, deps.config.sessionTtlMs);
  await appendAudit(deps.store.db, { actorId: user.id, actorEmail: user.email, action: 'login', requestId });
  return {
    ...session,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role as User['role'],
      pilots: await grantedPilots(deps.store.db, user.id),
    },
  };
}

export async function logout(deps: Deps, secret: string | undefined) {
  if (secret) await deleteSession(deps.store.db, secret);
}

export async function createUser({ ctx, input }: { ctx: UseCaseCtx; input: UserInput }): Promise<User> {
  const problem = passwordProblem(input.password);
  if (problem) throw new BadRequest(problem);
  if (await findUserByEmail(ctx.store.db, input.email)) throw new Conflict('A user with this e-mail address exists');
  const known = new Set((await listPilots(ctx.store.db, null)).map((p) => p.id));
  const unknown = input.pilots.filter((p) => !known.has(p));
  if (unknown.length > 0) throw new BadRequest(`Unknown pilots: ${unknown.join(', ')}`);
  const row = await insertUser(ctx.store.db, {
    email: input.email,
    name: input.name,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    pilots: [...new Set(input.pilots)],
  });
  await audit(ctx, { action: 'user.create', rowCount: 1, details: { userId: row.id, role: input.role } });
  return { id: row.id, email: row.email, name: row.name, role: input.role, pilots: [...new Set(input.pilots)] };
}

export async function listUsers({ ctx }: { ctx: UseCaseCtx }): Promise<User[]> {
  const rows = await loadUsers(ctx.store.db);
  return Promise.all(
    rows.map(async (u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role as User['role'],
      pilots: await grantedPilots(ctx.store.db, u.id),
    })),
  );
}

export async function issueToken({ ctx, input }: { ctx: UseCaseCtx; input: { name: string; expiresInDays?: number } }) {
  const expiresAt = input.expiresInDays
    ? new Date(Date.now() + input.expiresInDays * 86_400_000).toISOString()
    : null;
  const { id, token } = await createToken(ctx.store.db, ctx.actor.id, input.name, expiresAt);
  await audit(ctx, { action: 'token.create', details: { tokenId: id, name: input.name } });
  return { id, name: input.name, token, expiresAt };
}
