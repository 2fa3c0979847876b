import { z } from '@hono/zod-openapi';
import { Arm } from './enums.ts';
import { MODEL_COVARIATES, type ModelCovariate } from './model-covariates.ts';

/** Request and reply schemas of the model endpoints (Cox, adjusted difference, power, forecast). */

const ALLOWED = MODEL_COVARIATES.join(', ');

/** `arm=vrijstelling`: the intervention arm a model compares with control (default: the primary one). */
export const ModelArmParam = Arm.optional().openapi({
  description:
    "The intervention arm compared with control; by default the pilot's primary intervention arm (`intervention` where declared, else the first)",
});

/** `covariates=motivation,household`: a comma-separated list, each name once; empty for none. */
export const CovariatesParam = z
  .string()
  .max(500)
  .optional()
  .transform((s, ctx): ModelCovariate[] => {
    const names = (s ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
    const unknown = names.filter((v) => !(MODEL_COVARIATES as readonly string[]).includes(v));
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `Unknown covariate ${unknown.join(', ')}; allowed: ${ALLOWED}`,
      });
      return z.NEVER;
    }
    return [...new Set(names)] as ModelCovariate[];
  })
  .openapi({
    type: 'string',
    description: `Comma-separated baseline covariates to adjust for, from: ${ALLOWED}`,
    example: 'motivation,household',
  });

const Interval = z.tuple([z.number(), z.number()]);

export const ModelFailureReason = z.enum([
  'no_events',
  'constant_covariate',
  'collinear',
  'separation',
  'not_converged',
]);

const Failure = z
  .object({
    ok: z.literal(false),
    reason: ModelFailureReason,
    /** `arm` or the covariate concerned, where there is one. */
    covariate: z.string().nullable(),
  })
  .openapi('ModelFailure');

const Coefficient = z.object({
  name: z.string(),
  coef: z.number(),
  se: z.number(),
  /** exp(coef): hazard ratio (Cox) or odds ratio (logistic). */
  ratio: z.number(),
  ci95: Interval,
  p: z.number(),
});

const HazardRatio = z.object({
  ok: z.literal(true),
  hazardRatio: z.number(),
  ci95: Interval,
  p: z.number(),
  coefficients: z.array(Coefficient),
});

const ZphTest = z.object({ name: z.string(), chisq: z.number(), df: z.number(), p: z.number() });

/** What a viewer gets instead of figures: a verdict in words, no counts. */
export const PlainVerdict = z
  .enum([
    'intervention_better',
    'intervention_worse',
    'no_clear_difference',
    'not_estimable',
    'too_few',
  ])
  .openapi('PlainVerdict');
export type PlainVerdict = z.infer<typeof PlainVerdict>;

const PlainReply = z.object({
  pilotId: z.string(),
  covariates: z.array(z.string()),
  plain: z.literal(true),
  /** Marks a reply made for a viewer (SPEC §6), as the protected replies are marked. */
  rounded: z.literal(true),
  unadjusted: PlainVerdict,
  adjusted: PlainVerdict.nullable(),
});

export const CoxReply = z
  .object({
    pilotId: z.string(),
    observationEnd: z.string(),
    covariates: z.array(z.string()),
    /** Complete cases in both models, and those left out for a missing covariate. */
    n: z.number().int(),
    excluded: z.number().int(),
    events: z.number().int(),
    unadjusted: z.union([HazardRatio, Failure]),
    adjusted: z.union([HazardRatio, Failure]).nullable(),
    /** R's cox.zph (transform "km") of the adjusted model, or the unadjusted one alone. */
    proportionalHazards: z.object({ terms: z.array(ZphTest), global: ZphTest }).nullable(),
  })
  .openapi('CoxReply');

export const CoxOrPlainReply = z.union([CoxReply, PlainReply.openapi('PlainCoxReply')]);

const RiskDifference = z.object({
  ok: z.literal(true),
  difference: z.number(),
  ci95: Interval,
  risk1: z.number(),
  risk0: z.number(),
  p: z.number().nullable(),
  coefficients: z.array(Coefficient),
});

export const AdjustedDifferenceReply = z
  .object({
    pilotId: z.string(),
    observationEnd: z.string(),
    windowMonths: z.number().int(),
    covariates: z.array(z.string()),
    n: z.number().int(),
    excluded: z.number().int(),
    pending: z.number().int(),
    unadjusted: z.union([RiskDifference, Failure]),
    adjusted: z.union([RiskDifference, Failure]).nullable(),
  })
  .openapi('AdjustedDifferenceReply');

export const DifferenceOrPlainReply = z.union([
  AdjustedDifferenceReply,
  PlainReply.extend({ windowMonths: z.number().int() }).openapi('PlainDifferenceReply'),
]);

const Proportion = z.coerce.number().gt(0).lt(1);

export const PowerQuery = z
  .object({
    p1: Proportion.openapi({ description: 'Expected share off benefit in control', example: 0.3 }),
    p2: Proportion.openapi({
      description: 'Share to detect in the intervention arm',
      example: 0.4,
    }),
    power: z.coerce.number().gt(0).lt(1).default(0.8).openapi({ example: 0.8 }),
  })
  .refine((q) => q.p1 !== q.p2, { message: 'p1 and p2 must differ', path: ['p2'] });

export const PowerReply = z
  .object({
    p1: z.number(),
    p2: z.number(),
    power: z.number(),
    alpha: z.number(),
    /** The exact root of the power equation, and participants per arm (rounded up). */
    n: z.number(),
    perArm: z.number().int(),
  })
  .openapi('PowerReply');

export const PilotPowerReply = z
  .object({
    pilotId: z.string(),
    windowMonths: z.number().int(),
    power: z.number(),
    alpha: z.number(),
    /** The control arm's exit rate at k, used as p1; null without control evaluable. */
    p1: z.number().nullable(),
    /** Per-arm n used: the smaller arm's evaluable count (rounded for viewers). */
    n: z.number().int().nullable(),
    /** The smallest exit rate above p1 detectable with n per arm; null when none is. */
    detectableP2: z.number().nullable(),
    detectableDifference: z.number().nullable(),
    /** Viewers only: n, p1 and the difference come from the rounded counts (SPEC §6). */
    rounded: z.literal(true).optional(),
  })
  .openapi('PilotPowerReply');

export const ForecastReply = z
  .object({
    pilotId: z.string(),
    windowMonths: z.number().int(),
    target: z.number().int(),
    observationEnd: z.string(),
    paceDays: z.number().int(),
    arms: z.array(
      z.object({
        arm: z.string(),
        participants: z.number().int(),
        eligible: z.number().int(),
        evaluable: z.number().int(),
        /** From this date (data complete through it) the arm has `target` evaluable. */
        date: z.string().nullable(),
        reached: z.boolean(),
        toEnroll: z.number().int(),
        pacePer30Days: z.number(),
      }),
    ),
    /** When every arm has reached the target; null when an arm gives no date. */
    date: z.string().nullable(),
  })
  .openapi('ForecastReply');
