import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** How a row is laid out on one spool line (with no line break in it), and read back. */
export interface SpoolCodec<T> {
  encode(row: T): string;
  decode(line: string): T;
}

/** Any row as one JSON document a line. */
export const JSON_LINES: SpoolCodec<unknown> = {
  encode: (row) => JSON.stringify(row),
  decode: (line) => JSON.parse(line) as unknown,
};

/**
 * A temporary file of validated rows, one a line (JSON unless a compacter codec is given). An import streams into it while
 * validating (memory stays bounded), then the single write transaction reads it back.
 *
 * The file is unlinked as soon as it is open, so it has no name on disk: whatever happens to the
 * process, even SIGKILL, the operating system frees it and no participant data is left behind.
 */
export class Spool<T> {
  private readonly fd: number;
  private written = 0;
  count = 0;

  constructor(private readonly codec = JSON_LINES as SpoolCodec<T>) {
    const dir = mkdtempSync(join(tmpdir(), 'wegwijzer-import-'));
    this.fd = openSync(join(dir, 'rows.ndjson'), 'w+');
    rmSync(dir, { recursive: true, force: true });
  }

  append(rows: readonly T[]): void {
    if (rows.length === 0) return;
    let text = '';
    for (const row of rows) text += this.codec.encode(row) + '\n';
    const chunk = Buffer.from(text);
    writeSync(this.fd, chunk, 0, chunk.length, this.written);
    this.written += chunk.length;
    this.count += rows.length;
  }

  /** Reads the rows back in order, synchronously, so it can run inside a SQLite transaction. */
  *rows(): Generator<T> {
    const buffer = Buffer.alloc(1 << 20);
    // The decoder keeps a multi-byte character that straddles two reads whole.
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for (let position = 0; position < this.written;) {
      const n = readSync(this.fd, buffer, 0, buffer.length, position);
      if (n === 0) break;
      position += n;
      const lines = (rest + decoder.write(buffer.subarray(0, n))).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line) yield this.codec.decode(line);
    }
    rest += decoder.end();
    if (rest) yield this.codec.decode(rest);
  }

  dispose(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}
