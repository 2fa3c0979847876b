import { parse } from 'csv-parse';
import type { Parser } from 'csv-parse';
import type { Delimiter } from './types.ts';

/** Longest record accepted; beyond this a quote is almost surely left open, and memory must stay bounded. */
export const MAX_RECORD_CHARS = 100_000;

/** Why the CSV structure itself could not be read (not a value problem). */
export type CsvFailure = 'quote_not_closed' | 'record_too_long' | 'unreadable';

export const CSV_FAILURE_MESSAGE: Record<CsvFailure, string> = {
  quote_not_closed:
    'a quoted value that starts on this line is never closed: a closing " is missing',
  record_too_long: `this line is longer than ${MAX_RECORD_CHARS} characters: is a closing " missing?`,
  unreadable: 'this line cannot be read as CSV',
};

function toFailure(err: unknown): CsvFailure {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'quote_not_closed';
  if (code === 'CSV_MAX_RECORD_SIZE') return 'record_too_long';
  // The parser's own message is never shown: it can quote a cell, and a cell can be a BSN.
  return 'unreadable';
}

/**
 * csv-parse's streaming parser, fed text by the caller and drained after each
 * write. Records are collected in `on_record` as they are parsed, so when the
 * parser fails every record before the failure has been seen and the failing
 * line is known exactly (a stream error would drop records still buffered).
 */
export class CsvRecords {
  private queue: string[][] = [];
  private failure: CsvFailure | null = null;
  private readonly parser: Parser;

  constructor(delimiter: Delimiter) {
    this.parser = parse({
      delimiter,
      // Field counts and stray quotes are reported per row by the validator,
      // which keeps going; only an unclosed quote or an endless line stops.
      relax_column_count: true,
      relax_quotes: true,
      max_record_size: MAX_RECORD_CHARS,
      on_record: (record: string[]) => {
        this.queue.push(record);
        return null;
      },
    });
    this.parser.on('error', (err) => {
      this.failure ??= toFailure(err);
    });
  }

  /** Parses more text; resolves to the failure, if the structure broke. */
  write(text: string): Promise<CsvFailure | null> {
    return new Promise((resolve) => {
      this.parser.write(text, (err) => resolve(this.failure ?? (err ? toFailure(err) : null)));
    });
  }

  /** Parses what is left (the last line may lack a line break). */
  end(): Promise<CsvFailure | null> {
    return new Promise((resolve) => {
      this.parser.end((err?: unknown) => resolve(this.failure ?? (err ? toFailure(err) : null)));
    });
  }

  /** The records parsed since the last call. */
  take(): string[][] {
    const records = this.queue;
    this.queue = [];
    return records;
  }

  destroy(): void {
    this.parser.destroy();
  }
}
