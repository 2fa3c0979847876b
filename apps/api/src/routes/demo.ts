import { OpenAPIHono, z } from '@hono/zod-openapi';
import { Role } from '@wegwijzer/domain';
import type { AppEnv } from '../http/env.ts';
import { defineRoute, jsonContent } from '../http/route.ts';
import { findUserByEmail } from '@wegwijzer/db';
import { useCaseCtx } from '../http/ctx.ts';
import { DEMO_ACCOUNTS } from '../usecases/bootstrap.ts';
import { removeDemo } from '../usecases/demo.ts';
import { errorResponses } from '../http/route.ts';

const DemoInfo = z.object({
  demo: z.boolean(),
  accounts: z.array(
    z.object({ email: z.string(), password: z.string(), role: Role, name: z.string() }),
  ),
});

const DemoRemoval = z
  .object({ pilots: z.number().int(), participants: z.number().int(), accounts: z.number().int() })
  .openapi('DemoRemoval');

export const demo = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(
      { public: true },
      {
        method: 'get',
        path: '/api/demo',
        tags: ['System'],
        summary: 'Whether this server runs with synthetic demo data, and its demo accounts',
        responses: { 200: jsonContent(DemoInfo, 'Demo mode') },
      },
    ),
    async (c) => {
      const { config, store } = c.get('deps');
      // Once removed, the demo accounts are gone: the login page lists none.
      const on =
        config.demo && (await findUserByEmail(store.db, DEMO_ACCOUNTS[0]!.email)) !== undefined;
      return c.json({ demo: on, accounts: on ? DEMO_ACCOUNTS : [] }, 200);
    },
  )
  .openapi(
    defineRoute(
      { roles: ['admin'] },
      {
        method: 'delete',
        path: '/api/demo',
        tags: ['System'],
        summary: 'Remove the synthetic demo pilots and the demo accounts (audited)',
        responses: { 200: jsonContent(DemoRemoval, 'What was removed'), ...errorResponses },
      },
    ),
    async (c) => c.json(await removeDemo({ ctx: useCaseCtx(c) }), 200),
  );
