import { describe, expect, it } from 'vitest';
import { readImport, slices } from './read.ts';
import { importEvents } from './testing.ts';
import type { ImportContext } from './types.ts';

const TYPES = ['work_start', 'work_end', 'ladder', 'offset_income', 'bbz_start', 'benefit_end'];

/** A generated events.csv of `n` rows, produced lazily in ~64 kB chunks; `produced()` tells how far it got. */
function generatedEvents(n: number) {
  let rowsProduced = 0;
  async function* chunks(): AsyncGenerator<string> {
    let chunk = 'participant_ref;type;date;reason;value\n';
    for (let i = 0; i < n; i++) {
      const type = TYPES[i % TYPES.length]!;
      const day = String((i % 28) + 1).padStart(2, '0');
      const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
      const value =
        type === 'ladder'
          ? '4'
          : type === 'offset_income'
            ? '1.234,56'
            : type === 'work_start'
              ? '32'
              : '';
      // Each row a different participant, so no two benefit_ends fall on one day.
      chunk += `P${i};${type};${day}-${month}-2024;;${value}\n`;
      rowsProduced++;
      if (chunk.length >= 65_536) {
        yield chunk;
        chunk = '';
      }
    }
    yield chunk;
  }
  return { chunks, produced: () => rowsProduced };
}

const everyoneSinceNewYear: ImportContext = {
  bsnKey: null,
  participant: () => ({ intakeDate: '2024-01-01' }),
  hasBenefitEnd: () => false,
};

describe('streaming', () => {
  it.each([
    [12, 5, [5, 5, 2]],
    [10, 5, [5, 5]],
    [3, 5, [3]],
    [4, 1, [1, 1, 1, 1]],
  ])('yields %i records with batchSize %i as batches of %j rows', async (n, batchSize, sizes) => {
    const rows = Array.from(
      { length: n },
      (_, i) => `P1,work_start,2024-02-${String(i + 1).padStart(2, '0')},,`,
    );
    const { batches, summary } = await importEvents(
      ['participant_ref,type,date,reason,value', ...rows].join('\n'),
      undefined,
      { batchSize },
    );
    expect(batches.map((b) => b.rows.length)).toEqual(sizes);
    expect(batches.map((b) => b.recordsRead)).toEqual(
      sizes.map((_, i) => sizes.slice(0, i + 1).reduce((a, b) => a + b, 0)),
    );
    expect(summary.records).toBe(n);
  });

  it('keeps at most maxErrors errors but counts them all', async () => {
    const rows = Array.from({ length: 10 }, () => 'P9,work_end,2024-02-01,,');
    const { errors, summary } = await importEvents(
      ['participant_ref,type,date,reason,value', ...rows].join('\n'),
      undefined,
      { maxErrors: 3 },
    );
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(summary).toEqual({ delimiter: ',', records: 10, errorCount: 10, errorsTruncated: true });
  });

  it('reports progress in bytes', async () => {
    const file = 'participant_ref,type,date\nP1,work_end,2024-02-01\n';
    const { batches } = await importEvents(file);
    expect(batches.at(-1)?.bytesRead).toBe(Buffer.byteLength(file));
  });

  it('streams a 1,000,000-row events file in batches without holding it all', async () => {
    const n = 1_000_000;
    const file = generatedEvents(n);
    const reader = readImport('events', file.chunks(), everyoneSinceNewYear, { batchSize: 5000 });
    let batches = 0;
    let rows = 0;
    let errors = 0;
    let producedAtFirstBatch = -1;
    let step = await reader.next();
    while (!step.done) {
      if (batches === 0) producedAtFirstBatch = file.produced();
      batches++;
      rows += step.value.rows.length;
      errors += step.value.errors.length;
      expect(step.value.recordsRead).toBe(Math.min(batches * 5000, n));
      step = await reader.next();
    }
    expect(step.value).toEqual({
      delimiter: ';',
      records: n,
      errorCount: 0,
      errorsTruncated: false,
    });
    expect(batches).toBe(200);
    expect(rows).toBe(n);
    expect(errors).toBe(0);
    // The first batch came while the input had barely started: rows are handed on, not gathered.
    expect(producedAtFirstBatch).toBeLessThan(20_000);
  }, 30_000);

  it('closes the input when the caller stops early', async () => {
    let closed = false;
    async function* input() {
      try {
        yield 'participant_ref,type,date\n';
        for (;;) yield `P1,work_end,2024-02-01\n`;
      } finally {
        closed = true;
      }
    }
    const reader = readImport('events', input(), everyoneSinceNewYear, { batchSize: 10 });
    await reader.next();
    await reader.return(undefined as never);
    expect(closed).toBe(true);
  });
});

describe('huge chunks', () => {
  it('cuts big text for the parser without splitting a surrogate pair', () => {
    const text = `${'a'.repeat(65_535)}𝄞${'b'.repeat(70_000)}`;
    const parts = [...slices(text)];
    expect(parts.join('')).toBe(text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => !/[\uD800-\uDBFF]$/.test(p))).toBe(true);
  });

  it('parses a file given as one big string, with astral characters on the slice edges', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `𝄞${i},work_end,2024-02-01`);
    const file = ['participant_ref,type,date', ...rows].join('\n');
    const ctx: ImportContext = { bsnKey: null };
    const { rows: read, errors, batches } = await importEvents(file, ctx, { batchSize: 1000 });
    expect(errors).toMatchObject([]);
    expect(batches).toHaveLength(30);
    expect(read.every((r, i) => r.participantRef === `𝄞${i}`)).toBe(true);
  });
});
