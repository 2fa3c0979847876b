import { OpenAPIHono, z } from '@hono/zod-openapi';
import { Role } from '@wegwijzer/domain';
import type { AppEnv } from '../http/env.ts';
import { defineRoute, jsonContent } from '../http/route.ts';
import { DEMO_ACCOUNTS } from '../usecases/bootstrap.ts';

const DemoInfo = z.object({
  demo: z.boolean(),
  accounts: z.array(
    z.object({ email: z.string(), password: z.string(), role: Role, name: z.string() }),
  ),
});

export const demo = new OpenAPIHono<AppEnv>().openapi(
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
  (c) => {
    const on = c.get('deps').config.demo;
    return c.json({ demo: on, accounts: on ? DEMO_ACCOUNTS : [] }, 200);
  },
);
