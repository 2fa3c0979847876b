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

/** csv-parse's parser proper: the byte-level state machine its stream wraps. */
interface ParserCore {
  parse(
    buf: Buffer | undefined,
    end: boolean,
    push: (record: string[]) => void,
    close: () => void,
  ): unknown;
}

/**
 * csv-parse's parser, fed text by the caller and drained after each write. The text goes
 * straight to the parser the stream wraps (`Parser.api`, csv-parse 6.2.0 as pinned): the same
 * parsing, without the stream's machinery, a promise per write and a context object built for
 * every record, which took more time than the parsing itself (issue 21). Records are collected
 * as they are parsed, so when the parser fails every record before the failure has been seen
 * and the failing line is known exactly.
 */
export class CsvRecords {
  private queue: string[][] = [];
  private failure: CsvFailure | null = null;
  private readonly core: ParserCore;
  private readonly push = (record: string[]) => {
    this.queue.push(record);
  };

  constructor(delimiter: Delimiter) {
    const parser: Parser = parse({
      delimiter,
      // Field counts and stray quotes are reported per row by the validator,
      // which keeps going; only an unclosed quote or an endless line stops.
      relax_column_count: true,
      relax_quotes: true,
      max_record_size: MAX_RECORD_CHARS,
    });
    const core = (parser as unknown as { api?: Partial<ParserCore> }).api;
    if (typeof core?.parse !== 'function')
      throw new Error('csv-parse no longer exposes its parser as Parser.api: see csv.ts');
    this.core = core as ParserCore;
  }

  /** Parses more text; the failure, if the structure broke (then or before). */
  write(text: string): CsvFailure | null {
    return this.run(Buffer.from(text, 'utf8'), false);
  }

  /** Parses what is left (the last line may lack a line break). */
  end(): CsvFailure | null {
    return this.run(undefined, true);
  }

  /** The records parsed since the last call. */
  take(): string[][] {
    const records = this.queue;
    this.queue = [];
    return records;
  }

  private run(buf: Buffer | undefined, end: boolean): CsvFailure | null {
    // After a failure the parser's state is not to be trusted: nothing more is parsed.
    if (this.failure !== null) return this.failure;
    const err = this.core.parse(buf, end, this.push, () => {});
    if (err !== undefined) this.failure = toFailure(err);
    return this.failure;
  }
}
