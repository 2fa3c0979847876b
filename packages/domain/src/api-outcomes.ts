import { z } from '@hono/zod-openapi';
import { ReferenceLine } from './api-budget.ts';
import { isWindow, WINDOW_MESSAGE } from './enums.ts';
import { IsoDate } from './dates.ts';

/** Reply schemas of the outcome endpoints (SPEC §5). `null` marks a figure over zero participants or one suppressed for viewers. */

/** Set on every reply a viewer gets: its figures are rounded and protected (SPEC §6). */
export const RoundedMark = z.literal(true).optional().openapi({
  description: 'Present (true) on viewer replies: every count is rounded, small groups suppressed',
});

const Interval = z.tuple([z.number(), z.number()]).nullable();
const n = z.number().nullable();

/**
 * A window query parameter: a whole number of months from 1 to 60 written as plain digits
 * (so `1.5`, `1e1` and `abc` are refused rather than read as some other number).
 */
export const WindowParam = z
  .string()
  .default('12')
  .refine((s) => /^[0-9]{1,2}$/.test(s) && isWindow(Number(s)), WINDOW_MESSAGE)
  .transform(Number)
  .openapi({
    description:
      'Months after intake, any whole number from 1 to 60; 6, 12, 18, 24 and 36 are the standard windows',
    example: '12',
  });

/** At most this many windows in one list (each adds nine columns to cohort.csv). */
export const MAX_WINDOW_LIST = 12;

/**
 * A comma-separated list of windows, e.g. the cohort export's `windows=6,9,12`: each a whole
 * number of months from 1 to 60, at most 12, given once each; sorted ascending.
 */
export const WindowListParam = z
  .string()
  .max(200)
  .default('6,12,24')
  .refine((s) => {
    const parts = s.split(',').map((p) => p.trim());
    return (
      parts.length <= MAX_WINDOW_LIST &&
      new Set(parts.map(Number)).size === parts.length &&
      parts.every((p) => /^[0-9]{1,2}$/.test(p) && isWindow(Number(p)))
    );
  }, `${WINDOW_MESSAGE}; give up to ${MAX_WINDOW_LIST} windows, each once, separated by commas`)
  .transform((s) =>
    s
      .split(',')
      .map((p) => Number(p.trim()))
      .sort((a, b) => a - b),
  )
  .openapi({
    description: 'Windows for the derived columns of cohort.csv, comma-separated (any of 1–60)',
    example: '6,12,24',
  });

const Proportion = z.object({ count: n, rate: n, ci95: Interval });
const Savings = z.object({ avoidedBenefit: n, offsetIncome: n, guidanceCost: n, net: n });

export const ArmOutcome = z
  .object({
    participants: n,
    evaluable: n,
    pending: n,
    offBenefit: Proportion,
    routes: z.object({ regular_work: n, bbz: n, combination: n, other: n }),
    sustained: Proportion,
    meanBenefitMonths: n,
    savings: Savings,
    savingsMean: Savings,
    ladderProgress: z.object({ n, count: n, rate: n, ci95: Interval, meanChange: n }),
    sustainedPlacement: z.object({ n, count: n, rate: n, ci95: Interval }),
    /** Debts and money stress at k months (docs/outcomes-debts.md). */
    debts: z.object({
      /** Evaluable participants with a debt_intake dated in [t0, m(k)]. */
      n,
      /** Of those, with a settlement start, stabilisation or debt-free event in [t0, m(k)]; Wilson interval over n. */
      stabilised: Proportion,
      /** Evaluable participants with at least two money_stress scores in [t0, m(k)]. */
      moneyStressN: n,
      /** Mean of (latest − earliest score) over moneyStressN; negative is less stress. */
      meanMoneyStressChange: n,
    }),
  })
  .openapi('ArmOutcome');

const ARMS_DESCRIPTION =
  "Keyed by arm code: the pilot's intervention arms in their declared order (`intervention` for a pilot that declares none), then `control` when the pilot has control participants";
const Arms = z.record(z.string(), ArmOutcome).openapi({ description: ARMS_DESCRIPTION });
const Difference = z.object({ rate: n, ci95: Interval }).nullable();
const Comparisons = z
  .record(z.string(), z.object({ difference: Difference, netEffect: n }))
  .openapi({
    description:
      'Every intervention arm against control, keyed by the intervention arm code: the exit-rate difference (Newcombe) and the net effect; null without a comparable control arm',
  });

const LadderMove = z.object({
  steps: z.number().int().openapi({ description: 'Steps moved, latest − intake: −5 … +5' }),
  count: n,
  rate: n,
  ci95: Interval,
});
/** Ladder progress as a distribution of steps moved, per arm (SPEC §3 ladder progress at k). */
export const LadderMoves = z
  .record(z.string(), z.object({ n, moves: z.array(LadderMove) }).nullable())
  .nullable()
  .openapi('LadderMoves', {
    description:
      'Per arm code, the participants of ladderProgress.n (evaluable, with an intake step and a ladder step dated in [t0, m(k)]) by steps moved, every move from −5 to +5 listed, each with its share of n and Wilson interval; an arm is null for a viewer when its n is under the threshold; the whole field is null for a pilot reduced to aggregate figures, whose per-person rows are gone',
  });
export type LadderMoves = z.infer<typeof LadderMoves>;

export const OutcomeSummary = z
  .object({
    pilotId: z.string(),
    windowMonths: z.number().int(),
    observationEnd: z.string(),
    arms: Arms,
    difference: Difference.openapi({
      description:
        'The primary intervention arm (`intervention`, else the first declared) against control',
    }),
    netEffect: n,
    savingsBasis: z.enum(['net_effect', 'gross']),
    comparisons: Comparisons,
    ladderMoves: LadderMoves.optional(),
    /** The pilot's municipal reference lines for this window, to draw beside the exit rate. */
    referenceLines: z.array(ReferenceLine),
    suppressed: z.array(z.string()).optional(),
    rounded: RoundedMark,
  })
  .openapi('OutcomeSummary');
export type OutcomeSummary = z.infer<typeof OutcomeSummary>;

const KmPoint = z.object({
  t: z.number(),
  survival: z.number(),
  lower: n,
  upper: n,
  atRisk: n.optional(),
  events: n.optional(),
});
/** Numbers at risk at the chart's days (exact replies only; a viewer's curve has none). */
const RiskRow = z.object({ t: z.number(), atRisk: z.number().int() });
const KaplanMeier = z.object({
  points: z.array(KmPoint),
  median: n,
  riskTable: z.array(RiskRow).optional(),
});

const LogRank = z.object({ chi2: z.number(), p: z.number() });

export const SurvivalReply = z
  .object({
    pilotId: z.string(),
    observationEnd: z.string(),
    arms: z.record(z.string(), KaplanMeier).openapi({ description: ARMS_DESCRIPTION }),
    logRank: LogRank.nullable().openapi({
      description: 'The primary intervention arm against control (1 df)',
    }),
    comparisons: z
      .record(z.string(), z.object({ logRank: LogRank.nullable() }))
      .openapi({ description: 'Every intervention arm against control, keyed by arm code' })
      .optional(),
    logRankK: z
      .object({ chi2: z.number(), df: z.number().int(), p: z.number() })
      .nullable()
      .openapi({
        description:
          "The k-sample log-rank test over every arm with participants (k − 1 df, as R's survdiff); null with fewer than three",
      })
      .optional(),
    suppressed: z.array(z.string()).optional(),
    rounded: RoundedMark,
  })
  .openapi('Survival');
export type SurvivalReply = z.infer<typeof SurvivalReply>;

export const SubgroupReply = z
  .object({
    pilotId: z.string(),
    windowMonths: z.number().int(),
    by: z.string(),
    groups: z.array(
      z.object({
        value: z.union([z.string(), z.number(), z.boolean()]).nullable(),
        arms: Arms,
        difference: Difference,
        comparisons: z
          .record(z.string(), z.object({ difference: Difference }))
          .openapi({
            description:
              'Every intervention arm against control within the group, keyed by arm code',
          })
          .optional(),
      }),
    ),
    /**
     * Do the subgroups differ? With a control arm: Cochran's Q over the differences between
     * arms; without one: Pearson's chi-square over the intervention arm's exit rates. The group
     * "not recorded" (null) is not tested. Null when it cannot be computed, and for viewers.
     */
    heterogeneity: z
      .object({
        method: z.enum(['cochran_q', 'chi_square']),
        statistic: z.number(),
        df: z.number().int(),
        p: z.number(),
      })
      .nullable()
      .optional(),
    suppressed: z.array(z.string()).optional(),
    rounded: RoundedMark,
  })
  .openapi('Subgroups');
export type SubgroupReply = z.infer<typeof SubgroupReply>;

export const ComparisonReply = z
  .object({
    windowMonths: z.number().int(),
    pilots: z.array(
      OutcomeSummary.extend({ name: z.string(), municipality: z.string(), synthetic: z.boolean() }),
    ),
    rounded: RoundedMark,
  })
  .openapi('Comparison');
export type ComparisonReply = z.infer<typeof ComparisonReply>;

/** How the worklist counts: from a date given, the pilot's observation end, or today. */
export const WorklistBasis = z.enum(['observationEnd', 'today', 'date']);

export const WorklistQuery = z.object({
  asOf: IsoDate.optional().openapi({ description: 'Count as of this date (overrides basis)' }),
  basis: z
    .enum(['observationEnd', 'today'])
    .default('observationEnd')
    .openapi({ description: "Count from the pilot's observation end (default) or from today" }),
  kind: z
    .enum(['followup', 'baseline'])
    .optional()
    .openapi({ description: 'Only ladder follow-ups, or only baseline gaps' }),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'Only rows with (true) or without (false) something overdue' }),
  sort: z
    .enum(['due', 'ref', 'intake'])
    .default('due')
    .openapi({ description: 'due: overdue first, then by due date' }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type WorklistQuery = z.infer<typeof WorklistQuery>;

export const FollowUpDue = z
  .object({
    mark: z.number().int().openapi({ description: 'Months after intake (6, 12 or 24)' }),
    dueDate: z.string().openapi({ description: 'Intake + mark months (SPEC §3 month counting)' }),
    windowStart: z.string(),
    windowEnd: z.string(),
    overdue: z.boolean(),
  })
  .openapi('FollowUpDue');

export const WorklistReply = z
  .object({
    pilotId: z.string(),
    asOf: z.string(),
    total: z.number().int(),
    items: z.array(
      z.object({
        participantId: z.string(),
        participantRef: z.string(),
        intakeDate: z.string(),
        dueMarks: z.array(z.number().int()).openapi({
          description:
            'Months (6, 12, 24) whose tolerance window has opened without a ladder measurement in it',
        }),
        missingFields: z.array(z.string()),
        arm: z.string(),
        followUps: z.array(FollowUpDue),
        /** The earliest due date of the row: a follow-up's, or the intake date for baseline gaps. */
        nextDueDate: z.string(),
        overdue: z.boolean(),
      }),
    ),
    basis: WorklistBasis,
    observationEnd: z.string(),
    toleranceMonths: z.number().int(),
    overdueTotal: z.number().int().openapi({ description: 'Rows of the filtered list overdue' }),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('Worklist');
export type WorklistReply = z.infer<typeof WorklistReply>;

export const CohortReply = z
  .object({
    pilotId: z.string(),
    windowMonths: z.number().int(),
    cohorts: z.array(
      z.object({
        month: z.string().openapi({ description: 'Intake month, YYYY-MM' }),
        arm: z.string().openapi({ description: 'Arm code' }),
        participants: n,
        evaluable: n,
        offBenefit: Proportion,
      }),
    ),
    suppressed: z.array(z.string()).optional(),
    rounded: RoundedMark,
  })
  .openapi('Cohorts');
export type CohortReply = z.infer<typeof CohortReply>;
