import { OpenAPIHono } from '@hono/zod-openapi';
import { StatusByMonthReply } from '@wegwijzer/domain';
import { ALL_ROLES } from '../http/access.ts';
import { pilotArgs } from '../http/ctx.ts';
import type { AppEnv } from '../http/env.ts';
import { PilotParam } from './params.ts';
import { defineRoute, errorResponses, jsonContent } from '../http/route.ts';
import { pilotStatusByMonth } from '../usecases/status-by-month.ts';

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
  async (c) => c.json(await pilotStatusByMonth(pilotArgs(c)), 200),
);
