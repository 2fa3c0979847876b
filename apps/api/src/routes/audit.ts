import { OpenAPIHono, z } from '@hono/zod-openapi';
import { AuditEntry, IsoDate } from '@wegwijzer/domain';
import { useCaseCtx } from '../http/ctx.ts';
import type { AppEnv } from '../http/env.ts';
import { defineRoute, errorResponses, jsonContent } from '../http/route.ts';
import { exportAuditLog, readAuditLog, verifyAuditLog } from '../usecases/audit-log.ts';

const Filter = z.object({
  actor: z.string().max(320).optional().openapi({ description: 'E-mail address of the actor' }),
  action: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: 'An action, or its prefix: `export`, `import`, `login`…' }),
  pilot: z.string().max(100).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

const ChainReport = z
  .object({
    ok: z.boolean(),
    entries: z.number().int(),
    head: z.object({ id: z.number().int(), hash: z.string() }).nullable(),
    broken: z
      .object({
        id: z.number().int(),
        kind: z.enum(['link', 'content', 'order']),
        problem: z.string(),
      })
      .nullable(),
  })
  .openapi('AuditChainReport');

export const auditLog = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(
      { roles: ['admin'] },
      {
        method: 'get',
        path: '/api/audit',
        tags: ['Audit'],
        summary: 'Search the audit log: who did what, when, on which pilot',
        request: {
          query: Filter.extend({
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(500).default(50),
          }),
        },
        responses: {
          200: jsonContent(
            z.object({
              items: z.array(AuditEntry),
              total: z.number().int(),
              page: z.number().int(),
              pageSize: z.number().int(),
            }),
            'Entries, newest first',
          ),
          ...errorResponses,
        },
      },
    ),
    async (c) =>
      c.json(await readAuditLog({ ctx: useCaseCtx(c), filter: c.req.valid('query') }), 200),
  )
  .openapi(
    defineRoute(
      { roles: ['admin'] },
      {
        method: 'get',
        path: '/api/audit/export',
        tags: ['Audit'],
        summary: 'The filtered audit log as CSV',
        request: { query: Filter },
        responses: {
          200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' },
          ...errorResponses,
        },
      },
    ),
    async (c) =>
      c.body(await exportAuditLog({ ctx: useCaseCtx(c), filter: c.req.valid('query') }), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="wegwijzer-audit.csv"',
      }),
  )
  .openapi(
    defineRoute(
      { roles: ['admin'] },
      {
        method: 'get',
        path: '/api/audit/verify',
        tags: ['Audit'],
        summary:
          'Check the audit log’s hash chain: the number of entries, the last one’s hash, and the first broken link',
        responses: { 200: jsonContent(ChainReport, 'The report'), ...errorResponses },
      },
    ),
    async (c) => c.json(await verifyAuditLog({ ctx: useCaseCtx(c) }), 200),
  );
