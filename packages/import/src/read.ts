import { CsvRecords } from './csv.ts';
import type { CsvFailure } from './csv.ts';
import { detectDelimiter } from './dialect.ts';
import { Session } from './session.ts';
import { TextSource } from './text.ts';
import type {
  BudgetRow,
  EventRow,
  ImportBatch,
  ImportContext,
  ImportKind,
  ImportOptions,
  ImportSummary,
  ParticipantRow,
} from './types.ts';

/** Enough text to hold any sane header line; a file without a line break this early is judged on what there is. */
const HEADER_SCAN_CHARS = 64 * 1024;

/** Text handed to the parser at once; bounds the records parsed ahead of validation when the input comes in huge chunks. */
const PARSE_SLICE_CHARS = 64 * 1024;

/** Cuts text into parser-sized pieces. */
export function* slices(text: string): Generator<string> {
  if (text.length <= PARSE_SLICE_CHARS) {
    yield text;
    return;
  }
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + PARSE_SLICE_CHARS, text.length);
    // Never cut a surrogate pair: the parser would turn each half into U+FFFD.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(start, end);
    start = end;
  }
}

/**
 * Reads and validates an import file (SPEC §4) as it streams in, yielding a
 * batch of valid rows and new errors every `batchSize` records, and returning a
 * summary. Nothing is written here: the caller writes only if no batch had an
 * error. Memory stays bounded apart from the refs (participants) or
 * (ref, date) benefit_end pairs (events) that validation must remember.
 *
 * Never throws for bad file content; only a failing `input` makes it throw.
 *
 * @example
 * const reader = readImport('events', fs.createReadStream(path), ctx);
 * let step = await reader.next();
 * while (!step.done) { handle(step.value); step = await reader.next(); }
 * const summary = step.value;
 */
export function readImport(
  kind: 'participants',
  input: AsyncIterable<Uint8Array | string>,
  ctx: ImportContext,
  opts?: ImportOptions,
): AsyncGenerator<ImportBatch<ParticipantRow>, ImportSummary>;
export function readImport(
  kind: 'events',
  input: AsyncIterable<Uint8Array | string>,
  ctx: ImportContext,
  opts?: ImportOptions,
): AsyncGenerator<ImportBatch<EventRow>, ImportSummary>;
export function readImport(
  kind: 'budget',
  input: AsyncIterable<Uint8Array | string>,
  ctx: ImportContext,
  opts?: ImportOptions,
): AsyncGenerator<ImportBatch<BudgetRow>, ImportSummary>;
export function readImport(
  kind: ImportKind,
  input: AsyncIterable<Uint8Array | string>,
  ctx: ImportContext,
  opts?: ImportOptions,
): AsyncGenerator<ImportBatch<ParticipantRow | EventRow | BudgetRow>, ImportSummary>;
export async function* readImport(
  kind: ImportKind,
  input: AsyncIterable<Uint8Array | string>,
  ctx: ImportContext,
  opts: ImportOptions = {},
): AsyncGenerator<ImportBatch<ParticipantRow | EventRow | BudgetRow>, ImportSummary> {
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? 5000));
  const maxErrors = Math.max(0, Math.floor(opts.maxErrors ?? 1000));
  const source = new TextSource(input);
  try {
    // The delimiter is judged from the header line, so read at least that far first.
    let head = (await source.next()) ?? '';
    while (!/[\r\n]/.test(head) && head.length < HEADER_SCAN_CHARS) {
      const more = await source.next();
      if (more === null) break;
      head += more;
    }
    const delimiter = detectDelimiter(head);
    const session = new Session(kind, ctx, delimiter, batchSize, maxErrors);
    const csv = new CsvRecords(delimiter);

    let failure: CsvFailure | null = null;
    let text: string | null = head;
    while (text !== null && failure === null) {
      for (const slice of slices(text)) {
        failure = csv.write(slice);
        for (const record of csv.take()) {
          if (session.handle(record)) yield session.batch(source.bytesRead);
        }
        if (failure !== null) break;
      }
      if (failure === null) text = await source.next();
    }

    if (failure === null) {
      failure = csv.end();
      let records = csv.take();
      // Text stopped at a bad byte mid-line: that unfinished line is not a row.
      if (source.failure !== null && failure === null && !source.endsAtLineBreak)
        records = records.slice(0, -1);
      for (const record of records) {
        if (session.handle(record)) yield session.batch(source.bytesRead);
      }
    }

    session.finish(source.failure, failure);
    if (session.pending) yield session.batch(source.bytesRead);
    return session.summary();
  } finally {
    await source.close();
  }
}
