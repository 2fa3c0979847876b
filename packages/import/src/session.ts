import { BudgetValidator } from './budget.ts';
import { CSV_FAILURE_MESSAGE } from './csv.ts';
import type { CsvFailure } from './csv.ts';
import { EventValidator } from './events.ts';
import { Cells, readHeader } from './header.ts';
import type { Header } from './header.ts';
import { ParticipantValidator } from './participants.ts';
import { RowReport } from './report.ts';
import { NOT_TEXT_MESSAGE } from './text.ts';
import type { NotText } from './text.ts';
import type {
  BudgetRow,
  Delimiter,
  EventRow,
  ImportBatch,
  ImportContext,
  ImportError,
  ImportKind,
  ImportSummary,
  ParticipantRow,
} from './types.ts';

type Row = ParticipantRow | EventRow | BudgetRow;
type Validator = ParticipantValidator | EventValidator | BudgetValidator;

/**
 * The state of one import between records: line counting, the header, the
 * validator, the rows and errors not yet handed out, and the error cap.
 */
export class Session {
  /** Records seen, header and blank lines included: the spreadsheet line of the last one. */
  line = 0;
  /** Data records read (header and blank lines not counted). */
  records = 0;
  private header: Header | null = null;
  private headerBlank = false;
  private validator: Validator | null = null;
  private rows: Row[] = [];
  private fresh: ImportError[] = [];
  private recordsInBatch = 0;
  private kept = 0;
  private errorCount = 0;

  constructor(
    private readonly kind: ImportKind,
    private readonly ctx: ImportContext,
    private readonly delimiter: Delimiter,
    private readonly batchSize: number,
    private readonly maxErrors: number,
  ) {}

  /**
   * Handles one parsed record; true when a batch is due. After a broken header
   * the records are only counted: their lines still matter for a later
   * not-text error, and the progress for the caller.
   */
  handle(record: string[]): boolean {
    this.line++;
    const blank = record.every((cell) => cell.trim() === '');
    if (this.line === 1) {
      if (blank) this.headerBlank = true;
      else this.readHeader(record);
      return false;
    }
    // Blank lines (and Excel's rows of empty cells) carry nothing; they still count as lines.
    if (blank) return false;
    if (this.headerBlank && this.records === 0) {
      this.error({
        line: 1,
        column: null,
        message: 'line 1 is empty; the first line must hold the column names',
      });
    }
    this.records++;
    this.recordsInBatch++;
    if (this.header !== null && this.validator !== null)
      this.checkRow(this.header, this.validator, record);
    return this.recordsInBatch >= this.batchSize;
  }

  /** At the end: records why reading stopped early, on the line where it happened, or that there was nothing to read. */
  finish(notText: NotText | null, csv: CsvFailure | null): void {
    const line = this.line + 1;
    if (notText === 'utf16' || notText === 'workbook')
      this.error({ line: 1, column: null, message: NOT_TEXT_MESSAGE[notText], code: 'not_text' });
    else if (notText !== null)
      this.error({ line, column: null, message: NOT_TEXT_MESSAGE[notText], code: 'not_text' });
    else if (csv !== null) this.error({ line, column: null, message: CSV_FAILURE_MESSAGE[csv] });
    else if (this.line === 0 || (this.headerBlank && this.records === 0)) {
      this.error({ line: 1, column: null, message: 'the file is empty', code: 'empty_file' });
    }
  }

  /** Whether rows or errors wait to be handed out. */
  get pending(): boolean {
    return this.rows.length > 0 || this.fresh.length > 0 || this.recordsInBatch > 0;
  }

  /** Hands out what was gathered since the last batch. */
  batch<R>(bytesRead: number): ImportBatch<R> {
    const out = {
      rows: this.rows as R[],
      errors: this.fresh,
      recordsRead: this.records,
      bytesRead,
    };
    this.rows = [];
    this.fresh = [];
    this.recordsInBatch = 0;
    return out;
  }

  summary(): ImportSummary {
    return {
      delimiter: this.delimiter,
      records: this.records,
      errorCount: this.errorCount,
      errorsTruncated: this.errorCount > this.kept,
    };
  }

  private error(e: ImportError): void {
    this.errorCount++;
    if (this.kept < this.maxErrors) {
      this.kept++;
      this.fresh.push(e);
    }
  }

  private readHeader(record: string[]): void {
    const variables = this.kind === 'participants' ? (this.ctx.variables ?? []) : [];
    const { header, errors } = readHeader(
      this.kind,
      record,
      variables.map((v) => v.code),
    );
    errors.forEach((e) => this.error(e));
    if (this.kind === 'participants' && header.index.has('bsn') && this.ctx.bsnKey === null) {
      this.error({
        line: 1,
        column: 'bsn',
        message:
          'this file has a bsn column, but the server has no key to hash BSNs (WEGWIJZER_BSN_KEY is not set); remove the column or ask the administrator to set WEGWIJZER_BSN_KEY',
      });
    }
    if (this.errorCount > 0) return;
    this.header = header;
    this.validator =
      this.kind === 'participants'
        ? new ParticipantValidator(this.delimiter, this.ctx.bsnKey, variables, this.ctx.arms)
        : this.kind === 'events'
          ? new EventValidator(this.delimiter, this.ctx)
          : new BudgetValidator(this.delimiter);
  }

  private checkRow(header: Header, validator: Validator, record: string[]): void {
    if (record.length !== header.width) {
      this.error({
        line: this.line,
        column: null,
        message: `this row has ${record.length} fields but the header has ${header.width} columns; is a value with a "${this.delimiter}" in it not quoted?`,
        code: 'field_count',
      });
      return;
    }
    const report = new RowReport(this.line);
    const row = validator.check(new Cells(header, record), report);
    if (row !== null) this.rows.push(row);
    report.errors.forEach((e) => this.error(e));
  }
}
