import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/**
 * A temporary file of validated rows, one JSON document a line. An import streams into it while
 * validating (memory stays bounded), then the single write transaction reads it back.
 */
export class Spool<T> {
  private readonly dir = mkdtempSync(join(tmpdir(), 'wegwijzer-import-'));
  private readonly file = join(this.dir, 'rows.ndjson');
  private readonly fd = openSync(this.file, 'w');
  count = 0;

  append(rows: readonly T[]): void {
    if (rows.length === 0) return;
    writeSync(this.fd, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    this.count += rows.length;
  }

  /** Reads the rows back in order, synchronously, so it can run inside a SQLite transaction. */
  *rows(): Generator<T> {
    const fd = openSync(this.file, 'r');
    const buffer = Buffer.alloc(1 << 20);
    // The decoder keeps a multi-byte character that straddles two reads whole.
    const decoder = new StringDecoder('utf8');
    let rest = '';
    try {
      for (;;) {
        const n = readSync(fd, buffer, 0, buffer.length, null);
        if (n === 0) break;
        const lines = (rest + decoder.write(buffer.subarray(0, n))).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) if (line) yield JSON.parse(line) as T;
      }
      if (rest) yield JSON.parse(rest) as T;
    } finally {
      closeSync(fd);
    }
  }

  dispose(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
