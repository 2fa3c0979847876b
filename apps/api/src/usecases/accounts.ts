import {
  countAnonymousFailure,
  createSession,
  createToken,
  deleteSession,
  deleteSessionsOf,
  findUserByEmail,
  flushAnonymousFailures,
  forgiveLoginAttempt,
  getToken,
  getUser,
  grantedPilots,
  listTokens,
  revokeToken,
  setPasswordHash,
  takeLoginAttempt,
  throttleKey,
  updateUser,
  insertUser,
  listUsers as loadUsers,
  listPilots,
  type BackOff,
} from '@wegwijzer/db';
import {
  BadRequest,
  Conflict,
  Forbidden,
  NotFound,
  TooManyRequests,
  Unauthorized,
  type PasswordChange,
  type User,
  type UserInput,
  type UserUpdate,
} from '@wegwijzer/domain';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password.ts';
import type { Deps, UseCaseCtx } from '../http/env.ts';
import { requireNotDemo } from '../http/access.ts';
import { emitAudit } from './context.ts';

// Verifying against a fixed hash when the account does not exist keeps login time the same,
// so response times do not reveal which e-mail addresses have an account.
const DUMMY_HASH = hashPassword('not-a-real-password-at-all');

/**
 * Failed logins allowed per account-and-address pair before the pair is locked (ASVS 2.2.1).
 * The owner logging in from elsewhere is not affected; an address guessing at many accounts
 * meets the looser per-address limit.
 */
export const LOGIN_FAILURE_LIMIT = 10;
export const ADDRESS_FAILURE_LIMIT = 100;
/** One minute after the limit, doubling with each further failure, at most a day. */
export const LOGIN_BACK_OFF: BackOff = {
  firstLockMs: 60_000,
  maxLockMs: 24 * 3600_000,
  forgetAfterMs: 24 * 3600_000,
};

export interface RequestInfo {
  requestId: string;
  clientRequestId: string | null;
  /** The caller's address, for throttling and the anonymous-failure entries. */
  address: string;
}

/** An anonymous failure: counted per address and minute, finished minutes moved into the log. */
async function anonymousFailure(deps: Deps, address: string, action: string) {
  await countAnonymousFailure(deps.store, address, action);
  await flushAnonymousFailures(deps.store);
}

/** "3 minutes": how long a lock has to run, rounded up. */
function minutesUntil(iso: string): string {
  const n = Math.max(1, Math.ceil((Date.parse(iso) - Date.now()) / 60_000));
  return n === 1 ? '1 minute' : `${n} minutes`;
}

export async function login(
  deps: Deps,
  input: { email: string; password: string },
  req: RequestInfo,
): Promise<{ secret: string; expiresAt: string; user: User }> {
  const email = input.email.toLowerCase();
  const pair = throttleKey('pair', email, req.address);
  const address = throttleKey('address', req.address);
  // Counted before the password is checked, in one write transaction: concurrent guesses
  // cannot slip past the limit while their checks are running.
  const lockedUntil = await takeLoginAttempt(
    deps.store,
    [
      { key: pair, limit: LOGIN_FAILURE_LIMIT },
      { key: address, limit: ADDRESS_FAILURE_LIMIT },
    ],
    LOGIN_BACK_OFF,
  );
  if (lockedUntil) {
    await anonymousFailure(deps, req.address, 'login.throttled');
    throw new TooManyRequests(`Too many failed logins; try again in ${minutesUntil(lockedUntil)}`);
  }
  const user = await findUserByEmail(deps.store.db, email);
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await DUMMY_HASH));
  if (!user || !ok || user.disabled) {
    await anonymousFailure(deps, req.address, 'login.failed');
    throw new Unauthorized('E-mail address or password is wrong');
  }
  await forgiveLoginAttempt(deps.store.db, pair, address);
  const session = await createSession(deps.store.db, user.id, deps.config.sessionTtlMs);
  await emitAudit({ ...req, store: deps.store, actor: user }, { action: 'login' });
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

/** Ends the session; the logout of a known session is audit-logged. */
export async function logout(deps: Deps, secret: string | undefined, ctx: UseCaseCtx | null) {
  if (!secret) return;
  await deleteSession(deps.store.db, secret);
  if (ctx) await emitAudit(ctx, { action: 'logout' });
}

export async function createUser({
  ctx,
  input,
}: {
  ctx: UseCaseCtx;
  input: UserInput;
}): Promise<User> {
  requireNotDemo(ctx.actor, 'manage users');
  const problem = await passwordProblem(input.password, [input.email, input.name]);
  if (problem) throw new BadRequest(`password: ${problem}`);
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
  await emitAudit(ctx, {
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
  const { tokenDefaultDays, tokenMaxDays } = ctx.config;
  const days = input.expiresInDays ?? tokenDefaultDays;
  if (days > tokenMaxDays)
    throw new BadRequest(`expiresInDays: a token lives at most ${tokenMaxDays} days`);
  let expiresAt = new Date(Date.now() + days * 86_400_000).toISOString();
  // A token made with a token carries the same user's rights and ends no later than its maker,
  // and is revoked with it: a leaked token cannot mint itself a longer life.
  const parent = ctx.actor.token ?? null;
  if (parent?.expiresAt && parent.expiresAt < expiresAt) expiresAt = parent.expiresAt;
  const { id, token } = await createToken(
    ctx.store.db,
    ctx.actor.id,
    input.name,
    expiresAt,
    parent?.id ?? null,
  );
  await emitAudit(ctx, {
    action: 'token.create',
    details: { tokenId: id, name: input.name, expiresAt, parentTokenId: parent?.id ?? null },
  });
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
  await emitAudit(ctx, {
    action: 'user.update',
    details: { userId: id, fields: Object.keys(input) },
  });
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
  await emitAudit(ctx, { action: 'token.revoke', details: { tokenId: id } });
}

/**
 * A user changes their own password (ASVS 2.1.5): the current one must be right (and counts
 * towards the login throttle when it is not). Their other sessions end; this one stays.
 */
export async function changeOwnPassword({
  ctx,
  input,
  address,
  sessionSecret,
}: {
  ctx: UseCaseCtx;
  input: PasswordChange;
  address: string;
  sessionSecret: string | undefined;
}) {
  const user = await getUser(ctx.store.db, ctx.actor.id);
  if (!user) throw new NotFound('User');
  const pair = throttleKey('pair', user.email, address);
  const lockedUntil = await takeLoginAttempt(
    ctx.store,
    [{ key: pair, limit: LOGIN_FAILURE_LIMIT }],
    LOGIN_BACK_OFF,
  );
  if (lockedUntil)
    throw new TooManyRequests(
      `Too many wrong passwords; try again in ${minutesUntil(lockedUntil)}`,
    );
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    await emitAudit(ctx, { action: 'password.change.failed' });
    throw new BadRequest('currentPassword: the current password is wrong');
  }
  await forgiveLoginAttempt(ctx.store.db, pair, throttleKey('address', address));
  const problem = await passwordProblem(input.newPassword, [user.email, user.name]);
  if (problem) throw new BadRequest(`newPassword: ${problem}`);
  await setPasswordHash(ctx.store.db, user.id, await hashPassword(input.newPassword));
  await deleteSessionsOf(
    ctx.store.db,
    user.id,
    ctx.actor.via === 'session' ? sessionSecret : undefined,
  );
  await emitAudit(ctx, { action: 'password.change', details: { userId: user.id } });
}

/** An admin sets a new password for a user; every session of that user ends. */
export async function resetPassword({
  ctx,
  id,
  newPassword,
}: {
  ctx: UseCaseCtx;
  id: string;
  newPassword: string;
}) {
  const user = await getUser(ctx.store.db, id);
  if (!user) throw new NotFound('User');
  const problem = await passwordProblem(newPassword, [user.email, user.name]);
  if (problem) throw new BadRequest(`newPassword: ${problem}`);
  await setPasswordHash(ctx.store.db, user.id, await hashPassword(newPassword));
  await deleteSessionsOf(ctx.store.db, user.id);
  await emitAudit(ctx, { action: 'password.reset', details: { userId: user.id } });
}
