import { isWindow, REFERENCE_KINDS, type ReferenceKind } from '@wegwijzer/domain/values';
import type { BudgetLine } from '../../api/queries.ts';
import { DOMAIN_KEYS, type BudgetDomain } from '../../charts/budget.ts';
import type { FieldErrors } from '../admin/forms.ts';

/** Client-side checks of the budget-line and reference-line forms, mirroring the server's rules. */

export type { FieldErrors };
export { REFERENCE_KINDS, type ReferenceKind };

/**
 * An amount in euros as people type it: "1.250,50", "€ 380.000", "1250.5", "1,250.50".
 * NaN when it is not a number with at most two decimals.
 */
export function parseAmount(input: string): number {
  const s = input.replace(/[€\s\u00a0]/g, '');
  let norm: string | null = null;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s)) norm = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d+(,\d{1,2})?$/.test(s)) norm = s.replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(s)) norm = s.replace(/,/g, '');
  else if (/^\d+(\.\d{1,2})?$/.test(s)) norm = s;
  return norm == null ? Number.NaN : Number(norm);
}

/** "22", "22,5" or "22.5" (percent) → 0.22 / 0.225; NaN outside 0–100 or with more than one decimal. */
export function parsePercent(input: string): number {
  const s = input.replace(/[%\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d{1,3}(\.\d)?$/.test(s)) return Number.NaN;
  const v = Number(s);
  return v >= 0 && v <= 100 ? Math.round(v * 10) / 1000 : Number.NaN;
}

export interface BudgetLineDraft {
  amount: string;
  periodStart: string;
  periodEnd: string;
  domain: string;
  fundingSource: string;
  description: string;
}
export type BudgetField = keyof BudgetLineDraft;
export const BUDGET_FIELDS = [
  'amount',
  'periodStart',
  'periodEnd',
  'domain',
  'fundingSource',
  'description',
] as const satisfies readonly BudgetField[];

export interface BudgetFormStrings {
  errRequired: string;
  errAmount: string;
  errDate: string;
  errPeriodOrder: string;
  errTooLong: (max: number) => string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) => ISO.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

export function emptyBudgetDraft(): BudgetLineDraft {
  return {
    amount: '',
    periodStart: '',
    periodEnd: '',
    domain: '',
    fundingSource: '',
    description: '',
  };
}

/** A stored line as the form shows it (amount with a decimal comma, as typed in Dutch). */
export function draftFromLine(l: BudgetLine): BudgetLineDraft {
  return {
    amount: String(l.amount).replace('.', ','),
    periodStart: l.periodStart,
    periodEnd: l.periodEnd,
    domain: l.domain,
    fundingSource: l.fundingSource,
    description: l.description ?? '',
  };
}

export function validateBudgetLine(
  v: BudgetLineDraft,
  s: BudgetFormStrings,
): FieldErrors<BudgetField> {
  const e: FieldErrors<BudgetField> = {};
  const amount = parseAmount(v.amount);
  if (!v.amount.trim()) e.amount = s.errRequired;
  else if (!(amount >= 0 && amount <= 1e10)) e.amount = s.errAmount;
  if (!v.periodStart) e.periodStart = s.errRequired;
  else if (!isDate(v.periodStart)) e.periodStart = s.errDate;
  if (!v.periodEnd) e.periodEnd = s.errRequired;
  else if (!isDate(v.periodEnd)) e.periodEnd = s.errDate;
  else if (!e.periodStart && v.periodEnd < v.periodStart) e.periodEnd = s.errPeriodOrder;
  if (!(DOMAIN_KEYS as readonly string[]).includes(v.domain)) e.domain = s.errRequired;
  if (!v.fundingSource.trim()) e.fundingSource = s.errRequired;
  else if (v.fundingSource.trim().length > 200) e.fundingSource = s.errTooLong(200);
  if (v.description.length > 2000) e.description = s.errTooLong(2000);
  return e;
}

/** The JSON body of a valid draft (call after `validateBudgetLine` found nothing). */
export function budgetLineBody(v: BudgetLineDraft) {
  return {
    amount: parseAmount(v.amount),
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    domain: v.domain as BudgetDomain,
    fundingSource: v.fundingSource.trim(),
    description: v.description.trim() || null,
  };
}

export interface ReferenceDraft {
  kind: string;
  percent: string;
  windowMonths: string;
  period: string;
  source: string;
}
export type ReferenceField = keyof ReferenceDraft;
export const REFERENCE_FIELDS = [
  'kind',
  'percent',
  'windowMonths',
  'period',
  'source',
] as const satisfies readonly ReferenceField[];

export function validateReference(
  v: ReferenceDraft,
  s: Pick<BudgetFormStrings, 'errRequired' | 'errTooLong'> & { errPercent: string },
): FieldErrors<ReferenceField> {
  const e: FieldErrors<ReferenceField> = {};
  if (!(REFERENCE_KINDS as readonly string[]).includes(v.kind)) e.kind = s.errRequired;
  if (!v.percent.trim()) e.percent = s.errRequired;
  else if (Number.isNaN(parsePercent(v.percent))) e.percent = s.errPercent;
  if (!isWindow(Number(v.windowMonths))) e.windowMonths = s.errRequired;
  if (!v.period.trim()) e.period = s.errRequired;
  else if (v.period.trim().length > 50) e.period = s.errTooLong(50);
  if (!v.source.trim()) e.source = s.errRequired;
  else if (v.source.trim().length > 300) e.source = s.errTooLong(300);
  return e;
}

export function referenceBody(v: ReferenceDraft) {
  return {
    kind: v.kind as ReferenceKind,
    rate: parsePercent(v.percent),
    windowMonths: Number(v.windowMonths),
    period: v.period.trim(),
    source: v.source.trim(),
  };
}
