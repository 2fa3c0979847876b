import { OpenAPIHono, z } from '@hono/zod-openapi';
import { PasswordReset, User, UserInput, UserUpdate } from '@wegwijzer/domain';
import { useCaseCtx } from '../http/ctx.ts';
import type { AppEnv } from '../http/env.ts';
import { recordArgs } from './params.ts';
import { defineRoute, errorResponses, jsonBody, jsonContent } from '../http/route.ts';
import { changeUser, createUser, listUsers, resetPassword } from '../usecases/accounts.ts';

export const users = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(
      { roles: ['admin'] },
      {
        method: 'post',
        path: '/api/users',
        tags: ['Accounts'],
        summary: 'Create a user with a role and pilot grants',
        request: jsonBody(UserInput),
        responses: {
          201: jsonContent(User, 'Created'),
          409: errorResponses[404],
          ...errorResponses,
        },
      },
    ),
    async (c) => c.json(await createUser({ ctx: useCaseCtx(c), input: c.req.valid('json') }), 201),
  )
  .openapi(
    defineRoute(
      { roles: ['admin'] },
      {
        method: 'get',
        path: '/api/users',
        tags: ['Accounts'],
        summary: 'All users with their roles and pilots',
        responses: {
          200: jsonContent(z.object({ items: z.array(User) }), 'Users'),
          ...errorResponses,
        },
      },
    ),
    async (c) => c.json({ items: await listUsers({ ctx: useCaseCtx(c) }) }, 200),
  )
  .openapi(
    defineRoute(
      { roles: ['admin'] },
      {
        method: 'patch',
        path: '/api/users/{id}',
        tags: ['Accounts'],
        summary: 'Change a user’s name, role, pilots (replacing all grants) or disable the account',
        request: { params: z.object({ id: z.string().min(1).max(100) }), ...jsonBody(UserUpdate) },
        responses: { 200: jsonContent(User, 'Updated'), ...errorResponses },
      },
    ),
    async (c) => c.json(await changeUser({ ...recordArgs(c), input: c.req.valid('json') }), 200),
  )
  .openapi(
    defineRoute(
      { roles: ['admin'] },
      {
        method: 'post',
        path: '/api/users/{id}/password',
        tags: ['Accounts'],
        summary: 'Set a new password for a user; every session of that user ends',
        request: {
          params: z.object({ id: z.string().min(1).max(100) }),
          ...jsonBody(PasswordReset),
        },
        responses: { 204: { description: 'Set' }, ...errorResponses },
      },
    ),
    async (c) => {
      await resetPassword({ ...recordArgs(c), newPassword: c.req.valid('json').newPassword });
      return c.body(null, 204);
    },
  );
