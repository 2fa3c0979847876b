import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  AccessReport,
  AccessRequestInput,
  ErasureInput,
  ErasureResult,
  Register,
  RetentionApplyInput,
  RetentionPreview,
  RetentionResult,
} from '@wegwijzer/domain';
import { pilotArgs, useCaseCtx } from '../http/ctx.ts';
import type { AppEnv } from '../http/env.ts';
import { PilotParam } from './params.ts';
import { defineRoute, errorResponses, jsonBody, jsonContent } from '../http/route.ts';
import { accessRequest } from '../usecases/access-request.ts';
import { eraseParticipant } from '../usecases/erasure.ts';
import { processingRegister, registerCsv } from '../usecases/register.ts';
import { confirmRetention, retentionPreview, retentionReport } from '../usecases/retention.ts';

/** SPEC §8: erasure, access requests, retention and the register of processing activities. */

const conflict = errorResponses[404];

export const privacy = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(
      { roles: ['admin', 'manager'], pilot: 'id' },
      {
        method: 'delete',
        path: '/api/pilots/{id}/participants/{participantId}',
        tags: ['Personal data'],
        summary:
          'Erase one participant (AVG art. 17): baseline, events, derived rows and BSN hash; the pilot figures are recomputed',
        request: {
          params: PilotParam.extend({
            participantId: z.string().regex(/^\d{1,15}$/, 'a numeric id'),
          }),
          ...jsonBody(ErasureInput),
        },
        responses: { 200: jsonContent(ErasureResult, 'Erased'), ...errorResponses },
      },
    ),
    async (c) => {
      const { id, participantId } = c.req.valid('param');
      return c.json(
        await eraseParticipant({
          ctx: useCaseCtx(c),
          pilotId: id,
          participantId,
          reason: c.req.valid('json').reason,
        }),
        200,
      );
    },
  )
  .openapi(
    defineRoute(
      { roles: ['admin', 'manager'] },
      {
        method: 'post',
        path: '/api/access-requests',
        tags: ['Personal data'],
        summary:
          'Everything held on one person in the pilots you may see (AVG art. 15), by reference or BSN; the BSN is never stored',
        request: jsonBody(AccessRequestInput),
        responses: { 200: jsonContent(AccessReport, 'What is held'), ...errorResponses },
      },
    ),
    async (c) =>
      c.json(await accessRequest({ ctx: useCaseCtx(c), input: c.req.valid('json') }), 200),
  )
  .openapi(
    defineRoute(
      { roles: ['admin'] },
      {
        method: 'get',
        path: '/api/retention',
        tags: ['Personal data'],
        summary: 'Pilots whose retention date has passed or comes within 90 days',
        responses: {
          200: jsonContent(
            z.object({
              items: z.array(
                z.object({
                  pilotId: z.string(),
                  name: z.string(),
                  retainUntil: z.string(),
                  status: z.enum(['ok', 'soon', 'due']),
                  review: z.boolean(),
                  action: z.enum(['erase', 'reduce']),
                  state: z.string().nullable(),
                  participants: z.number().int(),
                  events: z.number().int(),
                }),
              ),
            }),
            'Pilots due or nearly due',
          ),
          ...errorResponses,
        },
      },
    ),
    async (c) => c.json({ items: await retentionReport(useCaseCtx(c).store) }, 200),
  )
  .openapi(
    defineRoute(
      { roles: ['admin'], pilot: 'id' },
      {
        method: 'get',
        path: '/api/pilots/{id}/retention',
        tags: ['Personal data'],
        summary: 'Preview of a retention run: how many people and events go, which figures remain',
        request: { params: PilotParam },
        responses: { 200: jsonContent(RetentionPreview, 'The preview'), ...errorResponses },
      },
    ),
    async (c) => c.json(await retentionPreview(pilotArgs(c)), 200),
  )
  .openapi(
    defineRoute(
      { roles: ['admin'], pilot: 'id' },
      {
        method: 'post',
        path: '/api/pilots/{id}/retention',
        tags: ['Personal data'],
        summary:
          'After the retention date: erase the pilot’s participant data, or reduce it to the aggregate figures',
        request: { params: PilotParam, ...jsonBody(RetentionApplyInput) },
        responses: {
          200: jsonContent(RetentionResult, 'Done'),
          409: conflict,
          ...errorResponses,
        },
      },
    ),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(
        await confirmRetention({ ...pilotArgs(c), action: body.action, confirm: body.confirm }),
        200,
      );
    },
  )
  .openapi(
    defineRoute(
      { roles: ['admin'] },
      {
        method: 'get',
        path: '/api/processing-register',
        tags: ['Personal data'],
        summary: 'The register of processing activities (AVG art. 30): one row per pilot',
        responses: { 200: jsonContent(Register, 'The register'), ...errorResponses },
      },
    ),
    async (c) => c.json(await processingRegister({ ctx: useCaseCtx(c) }), 200),
  )
  .openapi(
    defineRoute(
      { roles: ['admin'] },
      {
        method: 'get',
        path: '/api/processing-register.csv',
        tags: ['Personal data'],
        summary: 'The register of processing activities as CSV (Excel-NL)',
        responses: {
          200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' },
          ...errorResponses,
        },
      },
    ),
    async (c) =>
      c.body(registerCsv(await processingRegister({ ctx: useCaseCtx(c) })), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="wegwijzer-verwerkingsregister.csv"',
      }),
  );
