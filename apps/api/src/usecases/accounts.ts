import {
  appendAudit,
  clearFailures,
  countFailures,
  recordFailure,
  createSession,
  createToken,
  deleteSession,
  findUserByEmail,
  getToken,
  getUser,
  grantedPilots,
  listTokens,
  revokeToken,
  updateUser,
  insertUser,
  listUsers as loadUsers,
  listPilots,
} from '@wegwijzer/db';
import {
  BadRequest,
  Conflict,
  Forbidden,
  NotFound,
  TooManyRequests,
  Unauthorized,
  type User,
  type UserInput,
  type UserUpdate,
} from '@wegwijzer/domain';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password.ts';
import type { Deps, UseCaseCtx } from '../http/env.ts';
import { requireNotDemo } from '../http/access.ts';
import { audit } from './audit.ts';

// Verifying against a fixed hash when the account does not exist keeps login time the same,
// so response times do not reveal which e-mail addresses have an account.
const DUMMY_HASH = hashPassword('not-a-real-password-at-all');

/** Failed logins allowed per account and per address within the window before throttling. */
export const LOGIN_FAILURE_LIMIT = 10;
const LOGIN_WINDOW_MS = 15 * 60_000;

export async function login(
  deps: Deps,
  input: { email: string; password: string },
  requestId: string,
  address: string,
): Promise<{ secret: string; expiresAt: string; user: User }> {
  const email = input.email.toLowerCase();
  const keys = [`account:${email}`, `address:${address}`];
  const since = new Date(Date.now() - LOGIN_WINDOW_MS).toISOString();
  if ((await countFailures(deps.store.db, keys, since)) >= LOGIN_FAILURE_LIMIT) {
    await appendAudit(deps.store.db, {
      actorId: null,
      actorEmail: email,
      action: 'login.throttled',
      requestId,
    });
    throw new TooManyRequests('Too many failed logins; try again in 15 minutes');
  }
  const user = await findUserByEmail(deps.store.db, email);
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await DUMMY_HASH));
  if (!user || !ok || user.disabled) {
    await recordFailure(deps.store.db, keys, new Date().toISOString());
    await appendAudit(deps.store.db, {
      actorId: user?.id ?? null,
      actorEmail: input.email.toLowerCase(),
      action: 'login.failed',
      requestId,
    });
    throw new Unauthorized('E-mail address or password is wrong');
  }
  await clearFailures(deps.store.db, `account:${email}`);
  const session = await createSession(deps.store.db, user.id, deps.config.sessionTtlMs);
  await appendAudit(deps.store.db, {
    actorId: user.id,
    actorEmail: user.email,
    action: 'login',
    requestId,
  });
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

export async function createUser({
  ctx,
  input,
}: {
  ctx: UseCaseCtx;
  input: UserInput;
}): Promise<User> {
  requireNotDemo(ctx.actor, 'manage users');
  const problem = passwordProblem(input.password);
  if (problem) throw new BadRequest(problem);
  if (await findUserByEmail(ctx.store.db, input.email))
    throw new Conflict('A user with this e-mail address exists');
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
  await audit(ctx, {
    action: 'user.create',
    rowCount: 1,
    details: { userId: row.id, role: input.role },
  });
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: input.role,
    pilots: [...new Set(input.pilots)],
  };
}

export async function listUsers({ ctx }: { ctx: UseCaseCtx }): Promise<User[]> {
  requireNotDemo(ctx.actor, 'manage users');
  const rows = await loadUsers(ctx.store.db);
  return Promise.all(
    rows.map(async (u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role as User['role'],
      pilots: await grantedPilots(ctx.store.db, u.id),
      disabled: u.disabled === 1,
    })),
  );
}

export async function issueToken({
  ctx,
  input,
}: {
  ctx: UseCaseCtx;
  input: { name: string; expiresInDays?: number };
}) {
  const expiresAt = input.expiresInDays
    ? new Date(Date.now() + input.expiresInDays * 86_400_000).toISOString()
    : null;
  const { id, token } = await createToken(ctx.store.db, ctx.actor.id, input.name, expiresAt);
  await audit(ctx, { action: 'token.create', details: { tokenId: id, name: input.name } });
  return { id, name: input.name, token, expiresAt };
}

export async function changeUser({
  ctx,
  id,
  input,
}: {
  ctx: UseCaseCtx;
  id: string;
  input: UserUpdate;
}): Promise<User> {
  requireNotDemo(ctx.actor, 'manage users or grants');
  const user = await getUser(ctx.store.db, id);
  if (!user) throw new NotFound('User');
  if (input.pilots) {
    const known = new Set((await listPilots(ctx.store.db, null)).map((p) => p.id));
    const unknown = input.pilots.filter((p) => !known.has(p));
    if (unknown.length > 0) throw new BadRequest(`Unknown pilots: ${unknown.join(', ')}`);
  }
  if (id === ctx.actor.id && (input.disabled || (input.role && input.role !== 'admin'))) {
    throw new BadRequest('You cannot disable yourself or take away your own admin role');
  }
  await updateUser(ctx.store.db, id, {
    ...input,
    pilots: input.pilots && [...new Set(input.pilots)],
  });
  await audit(ctx, { action: 'user.update', details: { userId: id, fields: Object.keys(input) } });
  const after = (await getUser(ctx.store.db, id))!;
  return {
    id,
    email: after.email,
    name: after.name,
    role: after.role as User['role'],
    pilots: await grantedPilots(ctx.store.db, id),
    disabled: after.disabled === 1,
  };
}

function toTokenInfo(t: Awaited<ReturnType<typeof listTokens>>[number]) {
  return {
    id: t.id,
    userId: t.user_id,
    name: t.name,
    createdAt: t.created_at,
    expiresAt: t.expires_at,
    revokedAt: t.revoked_at,
  };
}

/** The caller's own tokens; an admin sees everyone's. */
export async function tokensOf({ ctx }: { ctx: UseCaseCtx }) {
  const everyone = ctx.actor.role === 'admin' && !ctx.actor.demo;
  return (await listTokens(ctx.store.db, everyone ? null : ctx.actor.id)).map(toTokenInfo);
}

export async function revoke({ ctx, id }: { ctx: UseCaseCtx; id: string }) {
  const token = await getToken(ctx.store.db, id);
  if (!token) throw new NotFound('Token');
  if (token.user_id !== ctx.actor.id && (ctx.actor.role !== 'admin' || ctx.actor.demo))
    throw new Forbidden('Not your token');
  await revokeToken(ctx.store.db, id);
  await audit(ctx, { action: 'token.revoke', details: { tokenId: id } });
}
