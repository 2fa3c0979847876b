import { OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  ErrorBody,
  LoginInput,
  PasswordChange,
  TokenCreated,
  TokenInfo,
  TokenInput,
  User,
} from '@wegwijzer/domain';
import { SESSION_COOKIE } from '../auth/actor.ts';
import { ALL_ROLES } from '../http/access.ts';
import { clientAddress } from '../http/address.ts';
import { useCaseCtx } from '../http/ctx.ts';
import type { AppEnv } from '../http/env.ts';
import { recordArgs } from './params.ts';
import { defineRoute, errorResponses, jsonBody, jsonContent } from '../http/route.ts';
import {
  changeOwnPassword,
  issueToken,
  login,
  logout,
  revoke,
  tokensOf,
} from '../usecases/accounts.ts';

const Me = User.omit({ pilots: true }).extend({ pilots: z.array(z.string()) });

export const auth = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(
      { public: true },
      {
        method: 'post',
        path: '/api/auth/login',
        tags: ['Accounts'],
        summary: 'Log in; sets an HttpOnly session cookie',
        request: jsonBody(LoginInput),
        responses: {
          200: jsonContent(z.object({ user: User }), 'Logged in'),
          400: errorResponses[400],
          401: errorResponses[401],
          429: jsonContent(ErrorBody, 'Too many failed logins'),
        },
      },
    ),
    async (c) => {
      const deps = c.get('deps');
      const { secret, expiresAt, user } = await login(deps, c.req.valid('json'), {
        requestId: c.get('requestId'),
        clientRequestId: c.get('clientRequestId'),
        address: clientAddress(c),
      });
      setCookie(c, SESSION_COOKIE, secret, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: deps.config.secureCookies,
        path: '/',
        expires: new Date(expiresAt),
      });
      return c.json({ user }, 200);
    },
  )
  .openapi(
    defineRoute(
      { public: true },
      {
        method: 'post',
        path: '/api/auth/logout',
        tags: ['Accounts'],
        summary: 'Log out and end the session',
        responses: { 204: { description: 'Logged out' } },
      },
    ),
    async (c) => {
      const actor = c.get('actor');
      await logout(
        c.get('deps'),
        getCookie(c, SESSION_COOKIE),
        actor?.via === 'session' ? useCaseCtx(c) : null,
      );
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, viewer: 'no-participant-figures' },
      {
        method: 'get',
        path: '/api/auth/me',
        tags: ['Accounts'],
        summary: 'The logged-in user',
        responses: { 200: jsonContent(Me, 'The user'), 401: errorResponses[401] },
      },
    ),
    (c) => {
      const { actor } = useCaseCtx(c);
      return c.json(
        {
          id: actor.id,
          email: actor.email,
          name: actor.name,
          role: actor.role,
          pilots: [...actor.pilots],
        },
        200,
      );
    },
  )
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, viewer: 'no-participant-figures' },
      {
        method: 'post',
        path: '/api/auth/password',
        tags: ['Accounts'],
        summary: 'Change one’s own password (the current one is needed); other sessions end',
        request: jsonBody(PasswordChange),
        responses: {
          204: { description: 'Changed' },
          429: jsonContent(ErrorBody, 'Too many wrong passwords'),
          ...errorResponses,
        },
      },
    ),
    async (c) => {
      await changeOwnPassword({
        ctx: useCaseCtx(c),
        input: c.req.valid('json'),
        address: clientAddress(c),
        sessionSecret: getCookie(c, SESSION_COOKIE),
      });
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, viewer: 'no-participant-figures' },
      {
        method: 'post',
        path: '/api/tokens',
        tags: ['Accounts'],
        summary: 'A bearer token for scripts, with the caller’s rights',
        request: jsonBody(TokenInput),
        responses: { 201: jsonContent(TokenCreated, 'The token; shown once'), ...errorResponses },
      },
    ),
    async (c) => c.json(await issueToken({ ctx: useCaseCtx(c), input: c.req.valid('json') }), 201),
  )
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, viewer: 'no-participant-figures' },
      {
        method: 'get',
        path: '/api/tokens',
        tags: ['Accounts'],
        summary: 'The caller’s tokens (an admin sees all), without their secrets',
        responses: {
          200: jsonContent(z.object({ items: z.array(TokenInfo) }), 'Tokens'),
          ...errorResponses,
        },
      },
    ),
    async (c) => c.json({ items: await tokensOf({ ctx: useCaseCtx(c) }) }, 200),
  )
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, viewer: 'no-participant-figures' },
      {
        method: 'delete',
        path: '/api/tokens/{id}',
        tags: ['Accounts'],
        summary: 'Revoke a token (one’s own; an admin any)',
        request: { params: z.object({ id: z.string().min(1).max(100) }) },
        responses: { 204: { description: 'Revoked' }, ...errorResponses },
      },
    ),
    async (c) => {
      await revoke(recordArgs(c));
      return c.body(null, 204);
    },
  );
