import { z } from '@hono/zod-openapi';
import { RoundedMark } from './api-outcomes.ts';

/** The balance table reply ("Tabel 1", issue 17); the engine is packages/outcomes balance.ts. */

const n = z.number().nullable();
const Value = z.union([z.string(), z.number(), z.boolean()]).nullable();
const Smd = z.object({
  d: n.openapi({ description: 'Standardised difference against control' }),
  flagged: z.boolean().openapi({ description: '|d| > 0.1' }),
});
const Smds = z.record(z.string(), Smd).openapi({ description: 'Per intervention arm' });

const Categorical = z.object({
  field: z.string(),
  source: z.enum(['baseline', 'variable']),
  kind: z.literal('categorical'),
  levels: z.array(
    z.object({
      value: Value.openapi({ description: 'The level; null for not recorded' }),
      arms: z.record(z.string(), z.object({ count: n, share: n })),
      smd: Smds,
    }),
  ),
});

const Numeric = z.object({
  field: z.string(),
  source: z.enum(['baseline', 'variable']),
  kind: z.literal('numeric'),
  arms: z.record(z.string(), z.object({ n, missing: n, mean: n, sd: n })),
  smd: Smds,
});

export const BalanceReply = z
  .object({
    pilotId: z.string(),
    arms: z.array(z.string()),
    sizes: z.record(z.string(), n),
    reference: z.string().nullable(),
    mark: z.number().openapi({ description: 'The |d| above which a row is flagged: 0.1' }),
    fields: z.array(z.union([Categorical, Numeric])),
    suppressed: z.array(z.string()).optional(),
    rounded: RoundedMark,
  })
  .openapi('BalanceTable');
export type BalanceReply = z.infer<typeof BalanceReply>;
