import { OpenAPIHono, z } from '@hono/zod-openapi';
import { StatusByMonthReply } from '@wegwijzer/domain';
import { ALL_ROLES } from '../http/access.ts';
import { useCaseCtx } from '../http/ctx.ts';
import type { AppEnv } from '../http/env.ts';
import { defineRoute, errorResponses, jsonContent } from '../http/route.ts';
import { pilotStatusByMonth } from '../usecases/status-by-month.ts';

const PilotParam = z.object({ id: z.string().min(1).max(100) });

export const statusByMonth = new OpenAPIHono<AppEnv>().openapi(
  defineRoute(
    // Every role; viewers get the figures through disclosure control.
    { roles: ALL_ROLES, pilot: 'id', viewer: 'protected' },
    {
      method: 'get',
      path: '/api/pilots/{id}/status-by-month',
      tags: ['Outcomes'],
      summary:
        'Status by month: per arm and month 1–36 (on to 60 where data reach), the share off benefit among those evaluable, with its Wilson interval',
      request: { params: PilotParam },
      responses: {
        200: jsonContent(StatusByMonthReply, 'The months per arm'),
        ...errorResponses,
      },
    },
  ),
  async (c) =>
    c.json(await pilotStatusByMonth({ ctx: useCaseCtx(c), pilotId: c.req.valid('param').id }), 200),
);
