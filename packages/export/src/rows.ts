import { isAmountEvent } from '@wegwijzer/domain';
import type {
  Baseline,
  BudgetLineFields,
  PilotFacts,
  TimelineEvent,
  VariableValue,
} from '@wegwijzer/domain';
import {
  DAYS_PER_MONTH,
  deriveParticipant,
  fromDay,
  participantSavingsCents,
  toDay,
  windowOf,
} from '@wegwijzer/outcomes';
import { COHORT_WINDOWS } from './tables.ts';
import type { CellValue } from './csv.ts';

/** One participant as the export reads it: pseudonym, stored baseline and events, date offset. */
export interface ExportParticipant {
  pseudonym: string;
  baseline: Baseline;
  /** In timeline order (date, then recording order). */
  events: readonly TimelineEvent[];
  /** Days added to every date of this participant; 0 without date shift. */
  shiftDays: number;
  /** The pilot's own variables with a value, by code. */
  variables?: Readonly<Record<string, VariableValue>>;
}

/**
 * A date moved by `days`; intervals between dates moved by the same offset are kept.
 * @example shiftDate('2024-12-31', 1) // '2025-01-01'
 */
export function shiftDate(iso: string, days: number): string {
  return days === 0 ? iso : fromDay(toDay(iso) + days);
}

const euros = (cents: number | null) => (cents === null ? null : cents / 100);

function baselineCells(
  p: ExportParticipant,
  amounts: { benefit: number | null; guidance: number | null },
): CellValue[] {
  const b = p.baseline;
  return [
    p.pseudonym,
    b.arm,
    shiftDate(b.intakeDate, p.shiftDays),
    euros(amounts.benefit),
    euros(amounts.guidance),
    b.household,
    b.birthYear,
    b.motivation,
    b.ladderStep,
    b.hasDebts,
    b.disability,
    b.refugeeStatus,
    b.education,
    b.lostToFollowUpDate === null ? null : shiftDate(b.lostToFollowUpDate, p.shiftDays),
  ];
}

/**
 * The cohort.csv cells of a participant (columns of `COHORT`). Outcomes are derived by the pure
 * engine on the original dates, so a date shift changes no figure.
 */
export function cohortCells(
  p: ExportParticipant,
  pilot: PilotFacts,
  windows: readonly number[] = COHORT_WINDOWS,
): CellValue[] {
  const d = deriveParticipant(p.baseline, p.events, pilot, windows);
  const cells = baselineCells(p, { benefit: d.monthlyBenefitCents, guidance: d.guidanceCostCents });
  for (const k of windows) {
    const w = windowOf(d, k)!;
    const s = participantSavingsCents(d, k);
    if (!w.evaluable || s === null) {
      cells.push(false, null, null, null, null, null, null, null, null);
      continue;
    }
    cells.push(
      true,
      w.offBenefit,
      w.route,
      w.sustained,
      (w.benefitDays ?? 0) / DAYS_PER_MONTH,
      s.avoidedBenefit / 100,
      s.offsetIncome / 100,
      s.guidanceCost / 100,
      s.net / 100,
    );
  }
  cells.push(d.firstExit.days, d.firstExit.censored);
  return cells;
}

/** The participants.csv cells (columns of `PARTICIPANTS`): the stored baseline, no defaults filled in. */
export function participantCells(p: ExportParticipant): CellValue[] {
  return baselineCells(p, {
    benefit: p.baseline.monthlyBenefitCents,
    guidance: p.baseline.guidanceCostCents,
  });
}

/** The events.csv rows (columns of `EVENTS`) of a participant. */
export function eventCells(p: ExportParticipant): CellValue[][] {
  return p.events.map((e) => [
    p.pseudonym,
    e.type,
    shiftDate(e.date, p.shiftDays),
    e.reason,
    isAmountEvent(e.type) ? euros(e.amountCents) : e.value,
  ]);
}

/**
 * The budget.csv cells (columns of `BUDGET`) of a budget line. Budget lines are the
 * municipality's, not a participant's, so their dates are never shifted.
 */
export function budgetCells(l: BudgetLineFields): CellValue[] {
  return [
    euros(l.amountCents),
    l.periodStart,
    l.periodEnd,
    l.domain,
    l.fundingSource,
    l.description,
  ];
}
