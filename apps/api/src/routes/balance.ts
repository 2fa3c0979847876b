import { OpenAPIHono } from '@hono/zod-openapi';
import { BalanceReply } from '@wegwijzer/domain';
import { ALL_ROLES } from '../http/access.ts';
import { pilotArgs } from '../http/ctx.ts';
import type { AppEnv } from '../http/env.ts';
import { PilotParam } from './params.ts';
import { defineRoute, errorResponses, jsonContent } from '../http/route.ts';
import { pilotBalance } from '../usecases/balance.ts';

export const balance = new OpenAPIHono<AppEnv>().openapi(
  defineRoute(
    { roles: ALL_ROLES, pilot: 'id', viewer: 'protected' },
    {
      method: 'get',
      path: '/api/pilots/{id}/balance',
      tags: ['Outcomes'],
      summary:
        'Balance table ("Tabel 1"): baseline fields and pilot variables per arm, standardised differences against control',
      request: { params: PilotParam },
      responses: { 200: jsonContent(BalanceReply, 'The balance table'), ...errorResponses },
    },
  ),
  async (c) => c.json(await pilotBalance(pilotArgs(c)), 200),
);
