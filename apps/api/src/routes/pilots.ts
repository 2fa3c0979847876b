import { OpenAPIHono, z } from '@hono/zod-openapi';
import { Pilot, PilotInput, PilotList, PilotUpdate } from '@wegwijzer/domain';
import { ALL_ROLES } from '../http/access.ts';
import { useCaseCtx } from '../http/ctx.ts';
import type { AppEnv } from '../http/env.ts';
import { recordArgs } from './params.ts';
import { defineRoute, errorResponses, jsonBody, jsonContent } from '../http/route.ts';
import { createPilot, getPilot, listPilots, updatePilot } from '../usecases/pilots.ts';

const IdParam = z.object({ id: z.string().min(1).max(100) });

export const pilots = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, viewer: 'protected' },
      {
        method: 'get',
        path: '/api/pilots',
        tags: ['Pilots'],
        summary: 'The pilots the caller may see',
        responses: { 200: jsonContent(PilotList, 'Pilots'), 401: errorResponses[401] },
      },
    ),
    async (c) => c.json({ items: await listPilots({ ctx: useCaseCtx(c) }) }, 200),
  )
  .openapi(
    defineRoute(
      { roles: ['admin', 'manager'] },
      {
        method: 'post',
        path: '/api/pilots',
        tags: ['Pilots'],
        summary: 'Create a pilot',
        request: jsonBody(PilotInput),
        responses: { 201: jsonContent(Pilot, 'Created'), ...errorResponses },
      },
    ),
    async (c) => c.json(await createPilot({ ctx: useCaseCtx(c), input: c.req.valid('json') }), 201),
  )
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, pilot: 'id', viewer: 'protected' },
      {
        method: 'get',
        path: '/api/pilots/{id}',
        tags: ['Pilots'],
        summary: 'One pilot',
        request: { params: IdParam },
        responses: { 200: jsonContent(Pilot, 'The pilot'), ...errorResponses },
      },
    ),
    async (c) => c.json(await getPilot(recordArgs(c)), 200),
  )
  .openapi(
    defineRoute(
      { roles: ['admin', 'manager'], pilot: 'id' },
      {
        method: 'patch',
        path: '/api/pilots/{id}',
        tags: ['Pilots'],
        summary: 'Update a pilot (its observation end and defaults recompute every figure)',
        request: { params: IdParam, ...jsonBody(PilotUpdate) },
        responses: { 200: jsonContent(Pilot, 'Updated'), ...errorResponses },
      },
    ),
    async (c) => c.json(await updatePilot({ ...recordArgs(c), input: c.req.valid('json') }), 200),
  );
