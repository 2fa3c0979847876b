import { z } from '@hono/zod-openapi';
import { WindowParam } from './api-outcomes.ts';
import { AGE_BANDS, Education, Household, SubgroupField } from './enums.ts';

/**
 * The route planner (issue 10): for a participant profile, every visible pilot's results for
 * participants like that one, ranked. `null` marks a figure over too few participants or one
 * suppressed for viewers.
 */

const QueryBool = z
  .enum(['true', 'false', 'yes', 'no', 'ja', 'nee', '1', '0'])
  .transform((v) => ['true', 'yes', 'ja', '1'].includes(v))
  .optional();

const intIn = (min: number, max: number, description: string) =>
  z.coerce.number().int().min(min).max(max).optional().openapi({ description });

export const RouteplannerQuery = z.object({
  motivation: intIn(1, 5, 'Motivation at intake, 1–5'),
  ladderStep: intIn(1, 6, 'Participatieladder step at intake, 1–6'),
  hasDebts: QueryBool,
  household: Household.optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  education: Education.optional(),
  disability: QueryBool,
  refugeeStatus: QueryBool,
  window: WindowParam,
  heterogeneityBy: SubgroupField.default('motivation').openapi({
    description: 'Field whose subgroups the heterogeneity test compares',
  }),
});
export type RouteplannerQuery = z.infer<typeof RouteplannerQuery>;

const n = z.number().nullable();
const Interval = z.tuple([z.number(), z.number()]).nullable();
const Proportion = z.object({ count: n, rate: n, ci95: Interval });
const Difference = z.object({ rate: n, ci95: Interval });
const GroupValue = z.union([z.string(), z.number(), z.boolean()]).nullable();

export const Profile = z
  .object({
    motivation: z.number().int(),
    ladderStep: z.number().int(),
    hasDebts: z.boolean(),
    household: Household,
    ageBand: z.enum(AGE_BANDS),
    education: Education,
    disability: z.boolean(),
    refugeeStatus: z.boolean(),
  })
  .partial();
export type Profile = z.infer<typeof Profile>;

export const Heterogeneity = z
  .object({
    by: SubgroupField,
    q: z.number(),
    df: z.number().int(),
    p: z.number(),
    supportsSubgroupClaim: z.boolean().openapi({
      description:
        'p < 0.05 and at least two subgroups with evaluable ≥ the threshold in both arms: only then may a page say the pilot works especially for one subgroup',
    }),
    groups: z.array(
      z.object({
        value: GroupValue,
        difference: Difference.nullable(),
        n: z.object({ intervention: n, control: n }),
        included: z.boolean().openapi({ description: 'Whether the subgroup entered the Q test' }),
      }),
    ),
  })
  .openapi('Heterogeneity');

export const RouteplannerResult = z.object({
  pilotId: z.string(),
  pilotName: z.string(),
  synthetic: z.boolean(),
  observational: z.boolean().openapi({ description: 'No control arm: no counterfactual' }),
  matched: z.object({ intervention: n, control: n }).openapi({
    description: 'Evaluable participants who match the (relaxed) profile, per arm',
  }),
  relaxed: z
    .array(SubgroupField)
    .openapi({ description: 'Given fields dropped to reach the threshold, in the order dropped' }),
  offBenefit: Proportion,
  offBenefitControl: Proportion.nullable(),
  difference: Difference.nullable(),
  medianDaysToExit: n,
  routes: z.object({ regular_work: n, bbz: n, combination: n, other: n }),
  heterogeneity: Heterogeneity.nullable(),
  note: z.string().nullable(),
  noteCode: z.enum(['too_few_matched', 'control_too_small']).nullable(),
});
export type RouteplannerResult = z.infer<typeof RouteplannerResult>;

export const RouteplannerReply = z
  .object({
    profile: Profile,
    window: z.number().int(),
    threshold: z.number().int(),
    results: z.array(RouteplannerResult),
    suppressed: z.array(z.string()).optional(),
    rounded: z.literal(true).optional(),
  })
  .openapi('Routeplanner');
export type RouteplannerReply = z.infer<typeof RouteplannerReply>;
