import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  CohortReply,
  ComparisonReply,
  OutcomeSummary,
  SubgroupField,
  SubgroupReply,
  SurvivalReply,
  VARIABLE_CODE,
  WindowParam,
  WorklistQuery,
  WorklistReply,
} from '@wegwijzer/domain';
import { ALL_ROLES } from '../http/access.ts';
import { pilotArgs, useCaseCtx } from '../http/ctx.ts';
import type { AppEnv } from '../http/env.ts';
import { PilotParam } from './params.ts';
import { defineRoute, errorResponses, jsonContent } from '../http/route.ts';
import {
  compareOutcomes,
  pilotCohorts,
  pilotDebtSurvival,
  pilotOutcomes,
  pilotSubgroups,
  pilotSurvival,
} from '../usecases/outcomes.ts';
import { worklist, worklistCsv } from '../usecases/worklist.ts';

export const outcomes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, pilot: 'id', viewer: 'protected' },
      {
        method: 'get',
        path: '/api/pilots/{id}/outcomes',
        tags: ['Outcomes'],
        summary:
          'Exit rate, routes, sustained exit, benefit months, savings and ladder progress per arm (SPEC §3)',
        request: { params: PilotParam, query: z.object({ window: WindowParam }) },
        responses: { 200: jsonContent(OutcomeSummary, 'The summary'), ...errorResponses },
      },
      { cacheByPilotVersion: true },
    ),
    async (c) =>
      c.json(await pilotOutcomes({ ...pilotArgs(c), k: c.req.valid('query').window }), 200),
  )
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, pilot: 'id', viewer: 'protected' },
      {
        method: 'get',
        path: '/api/pilots/{id}/survival',
        tags: ['Outcomes'],
        summary: 'Kaplan–Meier time to first exit per arm, with the log-rank test',
        request: { params: PilotParam },
        responses: { 200: jsonContent(SurvivalReply, 'The curves'), ...errorResponses },
      },
      { cacheByPilotVersion: true },
    ),
    async (c) => c.json(await pilotSurvival(pilotArgs(c)), 200),
  )
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, pilot: 'id', viewer: 'protected' },
      {
        method: 'get',
        path: '/api/pilots/{id}/debts/survival',
        tags: ['Outcomes'],
        summary:
          'Kaplan–Meier time to debt stabilisation per arm, among participants with a debt_intake, with the log-rank test',
        request: { params: PilotParam },
        responses: {
          200: jsonContent(SurvivalReply, 'The curves; t in days from intake'),
          ...errorResponses,
        },
      },
      { cacheByPilotVersion: true },
    ),
    async (c) => c.json(await pilotDebtSurvival(pilotArgs(c)), 200),
  )
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, pilot: 'id', viewer: 'protected' },
      {
        method: 'get',
        path: '/api/pilots/{id}/subgroups',
        tags: ['Outcomes'],
        summary:
          'Every outcome split by a baseline field, per arm, with the difference per subgroup',
        request: {
          params: PilotParam,
          query: z.object({
            by: z.union([SubgroupField, z.string().regex(VARIABLE_CODE)]).openapi({
              description:
                "A baseline field, or the code of one of the pilot's own variables (GET /api/pilots/{id}/variables): a category splits by level, a boolean by yes/no, an integer by value (at most 10 values) or else in 4 equal bands of its declared range",
            }),
            window: WindowParam,
          }),
        },
        responses: { 200: jsonContent(SubgroupReply, 'The subgroups'), ...errorResponses },
      },
    ),
    async (c) => {
      const { by, window } = c.req.valid('query');
      return c.json(
        await pilotSubgroups({
          ...pilotArgs(c),
          k: window,
          by,
        }),
        200,
      );
    },
  )
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, viewer: 'protected' },
      {
        method: 'get',
        path: '/api/outcomes',
        tags: ['Outcomes'],
        summary: 'Pilots side by side on the same definitions (all visible pilots, or those named)',
        request: {
          query: z.object({
            pilots: z
              .string()
              .max(10_000)
              .optional()
              .openapi({ description: 'Comma-separated pilot ids' }),
            window: WindowParam,
          }),
        },
        responses: { 200: jsonContent(ComparisonReply, 'The comparison'), ...errorResponses },
      },
    ),
    async (c) => {
      const { pilots, window } = c.req.valid('query');
      const ids = pilots
        ? pilots
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : null;
      return c.json(await compareOutcomes({ ctx: useCaseCtx(c), pilotIds: ids, k: window }), 200);
    },
  )
  .openapi(
    defineRoute(
      { roles: ['admin', 'manager'], pilot: 'id' },
      {
        method: 'get',
        path: '/api/pilots/{id}/worklist',
        tags: ['Outcomes'],
        summary:
          'Follow-up worklist: ladder measurements due at 6, 12 and 24 months, baseline gaps (docs/worklist.md)',
        request: { params: PilotParam, query: WorklistQuery },
        responses: { 200: jsonContent(WorklistReply, 'The worklist'), ...errorResponses },
      },
    ),
    async (c) => c.json(await worklist({ ...pilotArgs(c), query: c.req.valid('query') }), 200),
  )
  .openapi(
    defineRoute(
      { roles: ['admin', 'manager'], pilot: 'id' },
      {
        method: 'get',
        path: '/api/pilots/{id}/worklist/export',
        tags: ['Outcomes'],
        summary: 'The filtered worklist as Excel-NL CSV (";", UTF-8 with BOM), one line a task',
        request: { params: PilotParam, query: WorklistQuery.omit({ page: true, pageSize: true }) },
        responses: {
          200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' },
          ...errorResponses,
        },
      },
    ),
    async (c) => {
      const id = c.req.valid('param').id;
      const { csv, asOf } = await worklistCsv({
        ctx: useCaseCtx(c),
        pilotId: id,
        query: c.req.valid('query'),
      });
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="opvolging-${asOf}.csv"`,
      });
    },
  )
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, pilot: 'id', viewer: 'protected' },
      {
        method: 'get',
        path: '/api/pilots/{id}/cohorts',
        tags: ['Outcomes'],
        summary: 'Exit rate at the window per intake month and arm',
        request: { params: PilotParam, query: z.object({ window: WindowParam }) },
        responses: { 200: jsonContent(CohortReply, 'Per intake month'), ...errorResponses },
      },
      { cacheByPilotVersion: true },
    ),
    async (c) =>
      c.json(await pilotCohorts({ ...pilotArgs(c), k: c.req.valid('query').window }), 200),
  );
