import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ErrorBody, ImportResult, PayloadTooLarge } from '@wegwijzer/domain';
import { useCaseCtx } from '../http/ctx.ts';
import type { AppEnv } from '../http/env.ts';
import { defineRoute, errorResponses, jsonContent } from '../http/route.ts';
import { runImport } from '../usecases/imports.ts';

export const imports = new OpenAPIHono<AppEnv>().openapi(
  defineRoute(
    { roles: ['admin', 'manager'], pilot: 'id' },
    {
      method: 'post',
      path: '/api/pilots/{id}/imports',
      tags: ['Imports'],
      summary:
        'Import participants.csv, events.csv or budget.csv (budget lines are added): all or nothing, every error with its line and column',
      request: {
        params: z.object({ id: z.string().min(1).max(100) }),
        query: z.object({
          kind: z.enum(['participants', 'events', 'budget']),
          dryRun: z
            .enum(['true', 'false'])
            .default('false')
            .transform((v) => v === 'true'),
        }),
        body: { content: { 'text/csv': { schema: z.string() } }, required: true },
      },
      responses: {
        200: jsonContent(ImportResult, 'Imported (or validated, with dryRun)'),
        422: jsonContent(
          ErrorBody,
          'The file has errors; details lists each as {line, column, message}',
        ),
        413: jsonContent(ErrorBody, 'The file is larger than WEGWIJZER_IMPORT_MAX_BYTES'),
        ...errorResponses,
      },
    },
  ),
  async (c) => {
    const { id } = c.req.valid('param');
    const { kind, dryRun } = c.req.valid('query');
    // A declared length over the limit is refused before a byte is read; a body that grows past
    // it while streaming is refused then (WEGWIJZER_IMPORT_MAX_BYTES).
    const max = c.get('deps').config.importMaxBytes;
    if (Number(c.req.header('content-length')) > max)
      throw new PayloadTooLarge(`An import holds at most ${max} bytes`);
    const body = c.req.raw.body as unknown as AsyncIterable<Uint8Array> | null;
    return c.json(
      await runImport({ ctx: useCaseCtx(c), input: { pilotId: id, kind, dryRun, body } }),
      200,
    );
  },
);
