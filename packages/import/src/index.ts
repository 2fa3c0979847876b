/**
 * Reading and validating the participants.csv and events.csv imports (SPEC §4):
 * a pure, streaming parser with no database or HTTP.
 */
export { readImport } from './read.ts';
export { hashBsn, isValidBsn } from './bsn.ts';
export { EVENT_COLUMNS, PARTICIPANT_COLUMNS } from './header.ts';
export type {
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
