import { PARTICIPANT_COLUMNS, type ParticipantColumn } from '@wegwijzer/domain';
import type { ImportCode, ImportError, ImportKind } from './types.ts';

// The columns of participants.csv are the domain's: a pilot variable may not take their names.
export { PARTICIPANT_COLUMNS, type ParticipantColumn };

/** Columns of events.csv. */
export const EVENT_COLUMNS = ['participant_ref', 'type', 'date', 'reason', 'value'] as const;
export type EventColumn = (typeof EVENT_COLUMNS)[number];

/** Columns of budget.csv: a pilot's budget lines (issue 11). */
export const BUDGET_COLUMNS = [
  'amount',
  'period_start',
  'period_end',
  'domain',
  'funding_source',
  'description',
] as const;
export type BudgetColumn = (typeof BUDGET_COLUMNS)[number];

const ALLOWED: Record<ImportKind, readonly string[]> = {
  participants: PARTICIPANT_COLUMNS,
  events: EVENT_COLUMNS,
  budget: BUDGET_COLUMNS,
};

const REQUIRED: Record<ImportKind, readonly string[]> = {
  participants: ['participant_ref', 'intake_date'],
  events: ['participant_ref', 'type', 'date'],
  budget: ['amount', 'period_start', 'period_end', 'domain', 'funding_source'],
};

/** Where each known column sits in a record. */
export interface Header {
  width: number;
  index: ReadonlyMap<string, number>;
}

/**
 * Reads the header record: names trimmed and lower-cased, each known, none
 * twice, the required ones present. Any error here stops the import, because
 * the rows cannot be read reliably against a wrong header.
 */
export function readHeader(
  kind: ImportKind,
  record: readonly string[],
  extra: readonly string[] = [],
): { header: Header; errors: ImportError[] } {
  // A participants file also takes the pilot's own variables, headed by their codes.
  const allowed = extra.length === 0 ? ALLOWED[kind] : [...ALLOWED[kind], ...extra];
  const index = new Map<string, number>();
  const errors: ImportError[] = [];
  const error = (
    column: string | null,
    message: string,
    code: ImportCode,
    params?: Record<string, string>,
  ) => errors.push({ line: 1, column, message, code, ...(params && { params }) });
  record.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (name === '')
      error(
        null,
        `column ${i + 1} has no name; remove the empty column or give it one of: ${allowed.join(', ')}`,
        'unknown_column',
      );
    else if (!allowed.includes(name)) {
      // One long unknown name usually means the columns are separated by something else, like a tab.
      const hint = record.length === 1 ? '; separate columns with "," or ";"' : '';
      error(
        name,
        `unknown column ${JSON.stringify(name)}; allowed columns are ${allowed.join(', ')}${hint}`,
        'unknown_column',
      );
    } else if (index.has(name))
      error(name, `column ${JSON.stringify(name)} appears more than once`, 'duplicate_column');
    else index.set(name, i);
  });
  for (const name of REQUIRED[kind]) {
    if (!index.has(name))
      error(null, `required column ${JSON.stringify(name)} is missing`, 'missing_column', {
        column: name,
      });
  }
  return { header: { width: record.length, index }, errors };
}

/** A data record seen through the header: cells by column name, trimmed. */
export class Cells {
  constructor(
    private readonly header: Header,
    private readonly record: readonly string[],
  ) {}

  /** Whether the file has this column. */
  has(column: string): boolean {
    return this.header.index.has(column);
  }

  /** The trimmed cell, or undefined when the file has no such column. */
  get(column: string): string | undefined {
    const i = this.header.index.get(column);
    return i === undefined ? undefined : (this.record[i] ?? '').trim();
  }
}
