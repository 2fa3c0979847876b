import { OpenAPIHono, z } from '@hono/zod-openapi';
import { databaseReachable } from '@wegwijzer/db';
import type { AppEnv } from '../http/env.ts';
import { defineRoute, jsonContent } from '../http/route.ts';

const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  version: z.string(),
  database: z.enum(['ok', 'unreachable']),
});

export const health = new OpenAPIHono<AppEnv>().openapi(
  defineRoute(
    { public: true },
    {
      method: 'get',
      path: '/api/health',
      tags: ['System'],
      summary: 'Whether the server takes requests and reaches its database',
      responses: {
        200: jsonContent(Health, 'Healthy'),
        503: jsonContent(Health, 'Database unreachable'),
      },
    },
  ),
  async (c) => {
    const { store, config } = c.get('deps');
    if (await databaseReachable(store)) {
      return c.json(
        { status: 'ok' as const, version: config.version, database: 'ok' as const },
        200,
      );
    }
    return c.json(
      { status: 'unavailable' as const, version: config.version, database: 'unreachable' as const },
      503,
    );
  },
);
