// Test helpers: build import files and run them through readImport.
import { readImport } from './read.ts';
import type {
  BudgetRow,
  Delimiter,
  EventRow,
  ImportBatch,
  ImportContext,
  ImportError,
  ImportSummary,
  ParticipantRow,
} from './types.ts';

export const DIALECTS: Delimiter[] = [',', ';'];

/** A CSV file from rows of cells; cells with the delimiter, a quote or a line break are quoted. */
export function csvText(
  delimiter: Delimiter,
  rows: readonly (readonly string[])[],
  eol = '\n',
): string {
  const quote = (cell: string) =>
    cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  return rows.map((row) => row.map(quote).join(delimiter)).join(eol) + eol;
}

/** The input as an async iterable of byte chunks of `size` bytes (everything at once by default). */
export async function* byteChunks(
  input: string | Uint8Array,
  size = Infinity,
): AsyncGenerator<Uint8Array> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  for (let i = 0; i < bytes.length; i += size === Infinity ? bytes.length : size) {
    yield bytes.subarray(i, size === Infinity ? bytes.length : i + size);
  }
}

export interface Outcome<R> {
  batches: ImportBatch<R>[];
  rows: R[];
  errors: ImportError[];
  summary: ImportSummary;
}

async function drain<R>(gen: AsyncGenerator<ImportBatch<R>, ImportSummary>): Promise<Outcome<R>> {
  const batches: ImportBatch<R>[] = [];
  let step = await gen.next();
  while (!step.done) {
    batches.push(step.value);
    step = await gen.next();
  }
  return {
    batches,
    rows: batches.flatMap((b) => b.rows),
    errors: batches.flatMap((b) => b.errors),
    summary: step.value,
  };
}

export const TEST_KEY = 'test-key';

export function importParticipants(
  input: string | Uint8Array | AsyncIterable<Uint8Array | string>,
  ctx: ImportContext = { bsnKey: TEST_KEY },
  opts?: { batchSize?: number; maxErrors?: number },
): Promise<Outcome<ParticipantRow>> {
  const source =
    typeof input === 'string' || input instanceof Uint8Array ? byteChunks(input) : input;
  return drain(readImport('participants', source, ctx, opts));
}

/** A pilot with P1 (intake 2024-01-01) and P2 (intake 2024-06-01). */
export function pilotContext(stored: readonly string[] = []): ImportContext {
  const intakes = new Map([
    ['P1', '2024-01-01'],
    ['P2', '2024-06-01'],
  ]);
  return {
    bsnKey: null,
    participant: (ref) => {
      const intakeDate = intakes.get(ref);
      return intakeDate === undefined ? undefined : { intakeDate };
    },
    hasBenefitEnd: (ref, date) => stored.includes(`${ref}@${date}`),
  };
}

export function importEvents(
  input: string | Uint8Array | AsyncIterable<Uint8Array | string>,
  ctx: ImportContext = pilotContext(),
  opts?: { batchSize?: number; maxErrors?: number },
): Promise<Outcome<EventRow>> {
  const source =
    typeof input === 'string' || input instanceof Uint8Array ? byteChunks(input) : input;
  return drain(readImport('events', source, ctx, opts));
}

export function importBudget(
  input: string | Uint8Array | AsyncIterable<Uint8Array | string>,
  opts?: { batchSize?: number; maxErrors?: number },
): Promise<Outcome<BudgetRow>> {
  const source =
    typeof input === 'string' || input instanceof Uint8Array ? byteChunks(input) : input;
  return drain(readImport('budget', source, { bsnKey: null }, opts));
}
