import type { DeflatedEntry } from '@wegwijzer/export';

/** A larger export is streamed and not kept: the cache must not hold a national file. */
const MAX_EXPORT_BYTES = 32 * 2 ** 20;
const MAX_TOTAL_BYTES = 128 * 2 ** 20;

/**
 * The deflated data files of recent cohort exports, so that an identical export asked again is
 * written from them without reading or compressing anything. The key holds the pilot's data
 * version and the researcher (pseudonyms and date shifts are per researcher: one researcher's
 * files never go to another) with every option; datapackage.json, the audit row and the export
 * record are made anew for each export.
 */
export class ExportFileCache {
  readonly #entries = new Map<string, readonly DeflatedEntry[]>();
  #bytes = 0;

  get(key: string): readonly DeflatedEntry[] | undefined {
    const files = this.#entries.get(key);
    if (files) {
      this.#entries.delete(key);
      this.#entries.set(key, files);
    }
    return files;
  }

  put(key: string, files: readonly DeflatedEntry[]): void {
    const size = bytesOf(files);
    if (size > MAX_EXPORT_BYTES || this.#entries.has(key)) return;
    while (this.#bytes + size > MAX_TOTAL_BYTES && this.#entries.size > 0) {
      const [oldest, old] = this.#entries.entries().next().value!;
      this.#entries.delete(oldest);
      this.#bytes -= bytesOf(old);
    }
    this.#entries.set(key, files);
    this.#bytes += size;
  }
}

const bytesOf = (files: readonly DeflatedEntry[]) => files.reduce((n, f) => n + f.bytes, 0);
