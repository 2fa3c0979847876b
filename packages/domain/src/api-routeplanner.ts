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
  variable: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional()
    .openapi({
      description:
        "A pilot variable as a profile field, `code:value` (`supervisor_trained:ja`, `sessions_attended:12`, `regime:groep`); repeat for several. The value is read as the pilot's declaration says (level code, whole number, ja/nee); a pilot that does not declare the code is not comparable on it",
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
  arm: z.string().openapi({
    description:
      'The intervention arm of this option: each intervention arm of a pilot is its own option, compared with that pilot’s control arm',
  }),
  armLabel: z.string().openapi({ description: "The arm's Dutch label" }),
  armLabelEn: z.string().nullable(),
  notComparable: z.array(z.string()).openapi({
    description:
      'Pilot variables of the profile this pilot does not declare: it is not comparable on them, and they are left out of its match',
  }),
  relaxed: z.array(z.string()).openapi({
    description:
      'Given fields (standard field names or variable codes) dropped to reach the threshold, in the order dropped',
  }),
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

/** A pilot variable a visible pilot declares, usable as a profile field. */
export const ProfileVariable = z
  .object({
    code: z.string(),
    label: z.string(),
    labelEn: z.string().nullable(),
    type: z.enum(['category', 'integer', 'boolean']),
    levels: z.array(
      z.object({ code: z.string(), label: z.string(), labelEn: z.string().nullable() }),
    ),
    min: z.number().int().nullable(),
    max: z.number().int().nullable(),
    pilotIds: z.array(z.string()).openapi({ description: 'The visible pilots that declare it' }),
  })
  .openapi('ProfileVariable');
export type ProfileVariable = z.infer<typeof ProfileVariable>;

export const RouteplannerReply = z
  .object({
    profile: Profile,
    variables: z
      .record(z.string(), z.string())
      .optional()
      .openapi({ description: 'The pilot variables of the profile as given, by code' }),
    profileVariables: z.array(ProfileVariable).openapi({
      description:
        'The variables the visible pilots declare (first declaration of each code), for a profile form',
    }),
    window: z.number().int(),
    threshold: z.number().int(),
    results: z.array(RouteplannerResult),
    suppressed: z.array(z.string()).optional(),
    rounded: z.literal(true).optional(),
  })
  .openapi('Routeplanner');
export type RouteplannerReply = z.infer<typeof RouteplannerReply>;
