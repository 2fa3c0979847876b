import { finished } from 'node:stream/promises';
import { createDeflateRaw, crc32, type DeflateRaw } from 'node:zlib';
import type { DeflatedEntry, ZipLevel } from './zip.ts';

/**
 * A string's bytes: a latin1 copy when it is ASCII (most of a CSV export), which is many times
 * cheaper than UTF-8 encoding, else UTF-8.
 */
export function utf8Bytes(s: string): Buffer {
  return Buffer.byteLength(s, 'utf8') === s.length ? Buffer.from(s, 'latin1') : Buffer.from(s);
}

/**
 * One file of a zip deflated (raw, as zip method 8 wants) by Node's zlib on its thread pool while
 * the caller makes the next piece: `write` waits only for the piece before, so one piece is
 * compressed while the next is read and formatted. The compressed chunks are kept until taken, so
 * a file can be made alongside the one the zip is writing and added once that one is done.
 */
export class DeflatingFile {
  readonly #z: DeflateRaw;
  #out: Buffer[] = [];
  #crc = 0;
  #size = 0;
  #failure: Error | null = null;
  #previous: Promise<void> = Promise.resolve();

  constructor(
    readonly name: string,
    level: ZipLevel = 1,
  ) {
    this.#z = createDeflateRaw({ level });
    this.#z.on('data', (d: Buffer) => this.#out.push(d));
    this.#z.on('error', (err) => (this.#failure = err));
  }

  /** CRC-32 and length of what was written so far. */
  get crc(): number {
    return this.#crc;
  }
  get size(): number {
    return this.#size;
  }

  /** Adds a piece (strings as UTF-8); resolves once zlib has taken the piece written before. */
  async write(piece: string | Uint8Array): Promise<void> {
    const bytes = typeof piece === 'string' ? utf8Bytes(piece) : piece;
    if (bytes.length === 0) return;
    this.#crc = crc32(bytes, this.#crc);
    this.#size += bytes.length;
    const before = this.#previous;
    this.#previous = new Promise((resolve) => this.#z.write(bytes, () => resolve()));
    await before;
    if (this.#failure) throw this.#failure;
  }

  /** The compressed chunks made since the last take. */
  take(): Buffer[] {
    const out = this.#out;
    this.#out = [];
    return out;
  }

  /** Ends the file; the chunks not taken yet, with the whole file's CRC-32 and sizes. */
  async end(): Promise<DeflatedEntry> {
    this.#z.end();
    await finished(this.#z);
    if (this.#failure) throw this.#failure;
    const chunks = this.take();
    const bytes = chunks.reduce((n, c) => n + c.length, 0);
    return { name: this.name, crc: this.#crc, size: this.#size, chunks, bytes };
  }

  /** Gives up the file (an export cancelled half-way). */
  destroy(): void {
    this.#z.destroy();
    this.#out = [];
  }
}
