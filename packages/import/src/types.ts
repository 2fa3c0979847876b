import type {
  Baseline,
  BudgetLineFields,
  PilotVariable,
  RuleCode,
  TimelineEvent,
  VariableValue,
} from '@wegwijzer/domain';

/** Which import file (SPEC §4, and budget.csv of issue 11) is being read. */
export type ImportKind = 'participants' | 'events' | 'budget';

/** The column separator, detected from the header line. */
export type Delimiter = ',' | ';';

/**
 * One problem with an import file, as the reply lists it (SPEC §4).
 * `line` is the line a spreadsheet shows: header = 1, first record = 2; a quoted
 * value with line breaks inside still counts as one line.
 * `column` is the header name as written (trimmed, lower-cased), or null for
 * problems with a whole row or the whole file.
 */
/** File- and row-level refusals that are no shared rule's; the screens word them from the code. */
export type ImportCode =
  | 'missing_column'
  | 'unknown_column'
  | 'duplicate_column'
  | 'duplicate_ref'
  | 'field_count'
  | 'empty_file'
  | 'not_text'
  | 'bad_bsn';

export interface ImportError {
  line: number;
  column: string | null;
  message: string;
  /**
   * The shared rule's code (domain rules.ts) and its params, where a rule refused the value; or
   * the import's own code for a refusal of the file's shape, so the screens can word it.
   */
  code?: RuleCode | ImportCode;
  params?: Record<string, string | number>;
}

/** A valid row of participants.csv. */
export interface ParticipantRow {
  line: number;
  participantRef: string;
  /** HMAC-SHA-256 of the BSN; null when the file has no BSN for this row. */
  bsnHash: string | null;
  /**
   * Only the columns present in the file, so that re-importing a file with
   * fewer columns updates only those; an empty cell is null. `intakeDate` and
   * `arm` (default `intervention`) are always present.
   */
  fields: Partial<Omit<Baseline, never>>;
  /** The pilot's own variables whose columns the file has, by code; an empty cell is null. */
  variables?: Record<string, VariableValue | null>;
}

/** A valid row of events.csv. */
export interface EventRow {
  line: number;
  participantRef: string;
  event: TimelineEvent;
}

/** A valid row of budget.csv. */
export interface BudgetRow {
  line: number;
  budget: BudgetLineFields;
}

/** What the validator needs to know beyond the file itself. */
export interface ImportContext {
  /** HMAC key for BSNs; when null, a file with a `bsn` column is refused. */
  bsnKey: string | null;
  /** Participants only: the pilot's own variables, whose codes are columns too (SPEC §2). */
  variables?: readonly PilotVariable[];
  /** Participants only: the pilot's declared arm codes; `intervention` and `control` when omitted. */
  arms?: readonly string[];
  /** Events only: the pilot's existing participant with this ref. When omitted, the existence and intake checks are skipped. */
  participant?(ref: string): { intakeDate: string } | undefined;
  /** Events only: whether a `benefit_end` for this participant on this day is already stored. */
  hasBenefitEnd?(ref: string, date: string): boolean;
}

/** One step of progress: the valid rows and new errors since the previous batch. */
export interface ImportBatch<R> {
  rows: R[];
  errors: ImportError[];
  /** Data records read so far (cumulative, header and blank lines not counted). */
  recordsRead: number;
  /** Bytes taken from the input so far (cumulative). */
  bytesRead: number;
}

/** What `readImport` returns when the file is done. */
export interface ImportSummary {
  delimiter: Delimiter;
  records: number;
  errorCount: number;
  /** True when more than `maxErrors` errors were found and only the first were kept. */
  errorsTruncated: boolean;
}

/** Tuning for `readImport`. */
export interface ImportOptions {
  /** Records per yielded batch; default 5000. */
  batchSize?: number;
  /** Errors kept (the rest are only counted); default 1000. */
  maxErrors?: number;
}
