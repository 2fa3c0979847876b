import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  BudgetLine,
  BudgetLineInput,
  BudgetLineList,
  BudgetLineUpdate,
  BudgetReply,
  ReferenceLine,
  ReferenceLineInput,
  ReferenceLineList,
  WindowParam,
} from '@wegwijzer/domain';
import { ALL_ROLES } from '../http/access.ts';
import { pilotArgs } from '../http/ctx.ts';
import type { AppEnv } from '../http/env.ts';
import { PilotParam, recordArgs } from './params.ts';
import { defineRoute, errorResponses, jsonBody, jsonContent } from '../http/route.ts';
import {
  createBudgetLine,
  createReferenceLine,
  deleteBudgetLine,
  deleteReferenceLine,
  listBudgetLines,
  listReferenceLines,
  pilotBudget,
  updateBudgetLine,
} from '../usecases/budget.ts';

const LineParam = z.object({ id: z.string().min(1).max(100) });
const WRITERS = ['admin', 'manager'] as const;

/** Budget lines, the budget summary and municipal reference lines (issue 11). */
export const budget = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, pilot: 'id', viewer: 'no-participant-figures' },
      {
        method: 'get',
        path: '/api/pilots/{id}/budget-lines',
        tags: ['Budget'],
        summary: 'The pilot’s budget lines: amount, period, policy domain and funding source',
        request: { params: PilotParam },
        responses: {
          200: jsonContent(BudgetLineList, 'The lines and their total (EUR)'),
          ...errorResponses,
        },
      },
    ),
    async (c) => c.json(await listBudgetLines(pilotArgs(c)), 200),
  )
  .openapi(
    defineRoute(
      { roles: WRITERS, pilot: 'id' },
      {
        method: 'post',
        path: '/api/pilots/{id}/budget-lines',
        tags: ['Budget'],
        summary: 'Add a budget line (audit-logged)',
        request: { params: PilotParam, ...jsonBody(BudgetLineInput) },
        responses: { 201: jsonContent(BudgetLine, 'Created'), ...errorResponses },
      },
    ),
    async (c) =>
      c.json(await createBudgetLine({ ...pilotArgs(c), input: c.req.valid('json') }), 201),
  )
  .openapi(
    defineRoute(
      { roles: WRITERS, pilot: 'budgetLine' },
      {
        method: 'patch',
        path: '/api/budget-lines/{id}',
        tags: ['Budget'],
        summary: 'Change a budget line (audit-logged)',
        request: { params: LineParam, ...jsonBody(BudgetLineUpdate) },
        responses: { 200: jsonContent(BudgetLine, 'Updated'), ...errorResponses },
      },
    ),
    async (c) =>
      c.json(await updateBudgetLine({ ...recordArgs(c), input: c.req.valid('json') }), 200),
  )
  .openapi(
    defineRoute(
      { roles: WRITERS, pilot: 'budgetLine' },
      {
        method: 'delete',
        path: '/api/budget-lines/{id}',
        tags: ['Budget'],
        summary: 'Delete a budget line (audit-logged with its amount)',
        request: { params: LineParam },
        responses: { 204: { description: 'Deleted' }, ...errorResponses },
      },
    ),
    async (c) => {
      await deleteBudgetLine(recordArgs(c));
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, pilot: 'id', viewer: 'protected' },
      {
        method: 'get',
        path: '/api/pilots/{id}/budget',
        tags: ['Budget'],
        summary:
          'Cost per policy domain, who funds what, and the effect per euro of budget in the window',
        request: { params: PilotParam, query: z.object({ window: WindowParam }) },
        responses: { 200: jsonContent(BudgetReply, 'The budget summary'), ...errorResponses },
      },
    ),
    async (c) =>
      c.json(await pilotBudget({ ...pilotArgs(c), k: c.req.valid('query').window }), 200),
  )
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, pilot: 'id', viewer: 'no-participant-figures' },
      {
        method: 'get',
        path: '/api/pilots/{id}/reference-lines',
        tags: ['Budget'],
        summary:
          'Municipal reference lines: general outflow benchmarks and council targets, every window',
        request: { params: PilotParam },
        responses: { 200: jsonContent(ReferenceLineList, 'The lines'), ...errorResponses },
      },
    ),
    async (c) => c.json(await listReferenceLines(pilotArgs(c)), 200),
  )
  .openapi(
    defineRoute(
      { roles: WRITERS, pilot: 'id' },
      {
        method: 'post',
        path: '/api/pilots/{id}/reference-lines',
        tags: ['Budget'],
        summary: 'Add a reference line with its source (audit-logged)',
        request: { params: PilotParam, ...jsonBody(ReferenceLineInput) },
        responses: { 201: jsonContent(ReferenceLine, 'Created'), ...errorResponses },
      },
    ),
    async (c) =>
      c.json(await createReferenceLine({ ...pilotArgs(c), input: c.req.valid('json') }), 201),
  )
  .openapi(
    defineRoute(
      { roles: WRITERS, pilot: 'referenceLine' },
      {
        method: 'delete',
        path: '/api/reference-lines/{id}',
        tags: ['Budget'],
        summary: 'Delete a reference line (audit-logged)',
        request: { params: LineParam },
        responses: { 204: { description: 'Deleted' }, ...errorResponses },
      },
    ),
    async (c) => {
      await deleteReferenceLine(recordArgs(c));
      return c.body(null, 204);
    },
  );
