import { OpenAPIHono, z } from '@hono/zod-openapi';
import { AGE_BANDS, Arm, Education, Household, IsoDate, WindowListParam } from '@wegwijzer/domain';
import { useCaseCtx } from '../http/ctx.ts';
import type { AppEnv } from '../http/env.ts';
import { defineRoute, errorResponses, jsonContent } from '../http/route.ts';
import { exportCohort, exportCount, type CohortFilters } from '../usecases/exports.ts';

const PilotParam = z.object({ id: z.string().min(1).max(100) });

/** A comma-separated list of allowed values; `null` selects participants missing the field. */
function listParam<T>(allowed: readonly string[], parse: (s: string) => T, example: string) {
  const accepted = [...allowed, 'null'];
  return z
    .string()
    .max(500)
    .openapi({ description: `Comma-separated, any of: ${accepted.join(', ')}`, example })
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return undefined;
      const out: (T | null)[] = [];
      for (const part of raw.split(',')) {
        const s = part.trim();
        if (!accepted.includes(s)) {
          ctx.addIssue({
            code: 'custom',
            message: `${JSON.stringify(s)} is not one of ${accepted.join(', ')}`,
          });
          return z.NEVER;
        }
        out.push(s === 'null' ? null : parse(s));
      }
      return out;
    });
}

const steps = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
const bools = ['true', 'false'];

const FilterQuery = z.object({
  arm: Arm.optional(),
  intakeFrom: IsoDate.optional(),
  intakeTo: IsoDate.optional(),
  motivation: listParam(steps(5), Number, '4,5'),
  ladderStep: listParam(steps(6), Number, '1,2'),
  household: listParam(Household.options, (s) => s as Household, 'single,single_parent'),
  education: listParam(Education.options, (s) => s as Education, 'low'),
  hasDebts: listParam(bools, (s) => s === 'true', 'true'),
  disability: listParam(bools, (s) => s === 'true', 'false'),
  refugeeStatus: listParam(bools, (s) => s === 'true', 'true'),
  ageBand: listParam(AGE_BANDS, (s) => s as (typeof AGE_BANDS)[number], '<27,27-44'),
});

const ExportQuery = FilterQuery.extend({
  format: z.enum(['csv', 'excel-nl']).default('csv').openapi({
    description: 'csv: "," and "." decimals; excel-nl: ";", "," decimals, UTF-8 BOM, CRLF',
  }),
  dateShift: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .openapi({ description: 'Shift every date of a participant by one offset of −182…+182 days' }),
  windows: WindowListParam,
});

const CountReply = z.object({ participants: z.number().int() }).openapi('ExportCount');

/** Drops absent filters so the audit log and datapackage.json name only those given. */
function filtersOf(q: z.infer<typeof FilterQuery>): CohortFilters {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as CohortFilters;
}

const ACCESS = { roles: ['admin', 'researcher'], pilot: 'id' } as const;

export const exports = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(ACCESS, {
      method: 'get',
      path: '/api/pilots/{id}/export/count',
      tags: ['Exports'],
      summary: 'How many participants a cohort export with these filters holds',
      request: { params: PilotParam, query: FilterQuery },
      responses: { 200: jsonContent(CountReply, 'The count'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await exportCount({
          ctx: useCaseCtx(c),
          pilotId: c.req.valid('param').id,
          filters: filtersOf(c.req.valid('query')),
        }),
        200,
      ),
  )
  .openapi(
    defineRoute(ACCESS, {
      method: 'get',
      path: '/api/pilots/{id}/export',
      tags: ['Exports'],
      summary:
        'Cohort export (SPEC §7): a streamed zip of cohort.csv, participants.csv, events.csv and datapackage.json, with pseudonyms; audit-logged',
      request: { params: PilotParam, query: ExportQuery },
      responses: {
        200: {
          content: {
            'application/zip': { schema: z.string().openapi({ type: 'string', format: 'binary' }) },
          },
          description: 'The zip',
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { format, dateShift, windows, ...filters } = c.req.valid('query');
      const out = await exportCohort({
        ctx: useCaseCtx(c),
        pilotId: c.req.valid('param').id,
        filters: filtersOf(filters),
        options: { format, dateShift, windows },
      });
      return c.body(out.body, 200, {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${out.filename}"`,
        'cache-control': 'no-store',
      });
    },
  );
