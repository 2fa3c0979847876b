/**
 * Reading and validating the participants.csv, events.csv and budget.csv imports (SPEC §4):
 * a pure, streaming parser with no database or HTTP.
 */
export { readImport } from './read.ts';
export { hashBsn, isValidBsn } from './bsn.ts';
export { BUDGET_COLUMNS, EVENT_COLUMNS, PARTICIPANT_COLUMNS } from './header.ts';
export type {
  BudgetRow,
  Delimiter,
  EventRow,
  ImportBatch,
  ImportContext,
  ImportError,
  ImportKind,
  ImportOptions,
  ImportSummary,
  ParticipantRow,
} from './types.ts';
