import { z } from '@hono/zod-openapi';
import { IsoDate } from './dates.ts';
import { BudgetDomain, isWindow, ReferenceKind, WINDOW_MESSAGE } from './enums.ts';

/** Schemas of budget lines, the budget summary and municipal reference lines (issue 11). */

const euros = z.number().nonnegative().max(1e10);
const n = z.number().nullable();

const budgetFields = {
  amount: euros.openapi({ description: 'EUR' }),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  domain: BudgetDomain,
  fundingSource: z.string().trim().min(1).max(200).openapi({ example: 'Participatiebudget' }),
  description: z.string().max(2000).nullable().optional(),
};

const periodInOrder = (v: { periodStart?: string; periodEnd?: string }, ctx: z.RefinementCtx) => {
  if (v.periodStart !== undefined && v.periodEnd !== undefined && v.periodEnd < v.periodStart) {
    ctx.addIssue({
      code: 'custom',
      message: 'periodEnd is before periodStart',
      path: ['periodEnd'],
    });
  }
};

export const BudgetLineInput = z
  .object(budgetFields)
  .superRefine(periodInOrder)
  .openapi('BudgetLineInput');
export type BudgetLineInput = z.infer<typeof BudgetLineInput>;

export const BudgetLineUpdate = z
  .object(budgetFields)
  .partial()
  .superRefine(periodInOrder)
  .openapi('BudgetLineUpdate');
export type BudgetLineUpdate = z.infer<typeof BudgetLineUpdate>;

export const BudgetLine = z
  .object({
    id: z.string(),
    pilotId: z.string(),
    amount: z.number(),
    periodStart: z.string(),
    periodEnd: z.string(),
    domain: BudgetDomain,
    fundingSource: z.string(),
    description: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('BudgetLine');
export type BudgetLine = z.infer<typeof BudgetLine>;

export const BudgetLineList = z
  .object({ items: z.array(BudgetLine), total: z.number() })
  .openapi('BudgetLineList');

export const BudgetReply = z
  .object({
    pilotId: z.string(),
    windowMonths: z.number().int(),
    /** Sum of every budget line of the pilot, EUR. */
    totalBudget: z.number(),
    lines: z.number().int(),
    byDomain: z.array(z.object({ domain: BudgetDomain, amount: z.number(), share: n })),
    byFundingSource: z.array(
      z.object({
        fundingSource: z.string(),
        amount: z.number(),
        share: n,
        domains: z.array(z.object({ domain: BudgetDomain, amount: z.number() })),
      }),
    ),
    /** What the budget bought back for the municipality in the window (docs/outcomes-debts.md §budget). */
    effect: z.object({
      basis: z.enum(['net_effect', 'gross']),
      avoidedBenefit: n,
      offsetIncome: n,
      /** The control arm's mean avoided benefit + offset income × intervention evaluable n; null without a control arm. */
      counterfactual: n,
      /** avoidedBenefit + offsetIncome − counterfactual. */
      total: n,
      /** total / totalBudget; null when there is no budget or no evaluable participant. */
      perEuro: n,
      /** The intervention arm's guidance cost as recorded per participant, for comparison with the budget. */
      participantGuidanceCost: n,
      evaluable: n,
    }),
    suppressed: z.array(z.string()).optional(),
    rounded: z.literal(true).optional(),
  })
  .openapi('Budget');
export type BudgetReply = z.infer<typeof BudgetReply>;

export const ReferenceLineInput = z
  .object({
    kind: ReferenceKind,
    rate: z.number().min(0).max(1).openapi({ description: 'Share 0–1, e.g. 0.22' }),
    windowMonths: z.number().refine(isWindow, `windowMonths: ${WINDOW_MESSAGE}`),
    period: z.string().trim().min(1).max(50).openapi({ example: '2024' }),
    source: z.string().trim().min(1).max(300).openapi({ example: 'Divosa benchmark 2024' }),
  })
  .openapi('ReferenceLineInput');
export type ReferenceLineInput = z.infer<typeof ReferenceLineInput>;

export const ReferenceLine = z
  .object({
    id: z.string(),
    pilotId: z.string(),
    kind: ReferenceKind,
    rate: z.number(),
    windowMonths: z.number().int(),
    period: z.string(),
    source: z.string(),
    createdAt: z.string(),
  })
  .openapi('ReferenceLine');
export type ReferenceLine = z.infer<typeof ReferenceLine>;

export const ReferenceLineList = z
  .object({ items: z.array(ReferenceLine) })
  .openapi('ReferenceLineList');
