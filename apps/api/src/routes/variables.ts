import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  ErrorBody,
  PilotVariableInput,
  PilotVariableJson,
  PilotVariableList,
  PilotVariableUpdate,
} from '@wegwijzer/domain';
import { ALL_ROLES } from '../http/access.ts';
import { pilotArgs, useCaseCtx } from '../http/ctx.ts';
import type { AppEnv } from '../http/env.ts';
import { PilotParam } from './params.ts';
import { defineRoute, errorResponses, jsonBody, jsonContent } from '../http/route.ts';
import {
  changeVariable,
  declareVariable,
  listPilotVariables,
  removeVariable,
} from '../usecases/variables.ts';

const VariableParam = PilotParam.extend({ code: z.string().min(1).max(40) });
const conflict = jsonContent(
  ErrorBody,
  'The change would break stored values, or the code is taken',
);

/** A pilot's own baseline variables (SPEC §2): declared by whoever may edit the pilot. */
export const variables = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, pilot: 'id', viewer: 'protected' },
      {
        method: 'get',
        path: '/api/pilots/{id}/variables',
        tags: ['Pilots'],
        summary: "The pilot's own baseline variables (its data dictionary)",
        request: { params: PilotParam },
        responses: { 200: jsonContent(PilotVariableList, 'The variables'), ...errorResponses },
      },
    ),
    async (c) => c.json(await listPilotVariables(pilotArgs(c)), 200),
  )
  .openapi(
    defineRoute(
      { roles: ['admin', 'manager'], pilot: 'id' },
      {
        method: 'post',
        path: '/api/pilots/{id}/variables',
        tags: ['Pilots'],
        summary: 'Declare a variable: its code becomes a participants.csv column',
        request: { params: PilotParam, ...jsonBody(PilotVariableInput) },
        responses: {
          201: jsonContent(PilotVariableJson, 'Declared'),
          409: conflict,
          ...errorResponses,
        },
      },
    ),
    async (c) =>
      c.json(await declareVariable({ ...pilotArgs(c), input: c.req.valid('json') }), 201),
  )
  .openapi(
    defineRoute(
      { roles: ['admin', 'manager'], pilot: 'id' },
      {
        method: 'patch',
        path: '/api/pilots/{id}/variables/{code}',
        tags: ['Pilots'],
        summary:
          'Change a variable; with values stored only safe changes (labels, new levels, wider bounds)',
        request: { params: VariableParam, ...jsonBody(PilotVariableUpdate) },
        responses: {
          200: jsonContent(PilotVariableJson, 'Changed'),
          409: conflict,
          ...errorResponses,
        },
      },
    ),
    async (c) => {
      const { id, code } = c.req.valid('param');
      return c.json(
        await changeVariable({ ctx: useCaseCtx(c), pilotId: id, code, input: c.req.valid('json') }),
        200,
      );
    },
  )
  .openapi(
    defineRoute(
      { roles: ['admin', 'manager'], pilot: 'id' },
      {
        method: 'delete',
        path: '/api/pilots/{id}/variables/{code}',
        tags: ['Pilots'],
        summary: 'Delete a variable that no participant has a value for',
        request: { params: VariableParam },
        responses: { 204: { description: 'Deleted' }, 409: conflict, ...errorResponses },
      },
    ),
    async (c) => {
      const { id, code } = c.req.valid('param');
      await removeVariable({ ctx: useCaseCtx(c), pilotId: id, code });
      return c.body(null, 204);
    },
  );
