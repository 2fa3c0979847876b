import { Zip, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';
import { DeflatingFile } from './deflating-file.ts';

export { utf8Bytes } from './deflating-file.ts';

/** One file of a zip, its content produced piece by piece. */
export interface ZipEntry {
  name: string;
  content: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;
}

/** A file already deflated (by an earlier zip): written into the next zip as it is. */
export interface DeflatedEntry {
  name: string;
  /** CRC-32 and length of the uncompressed content. */
  crc: number;
  size: number;
  chunks: readonly Uint8Array[];
  /** Compressed bytes, the sum of the chunks' lengths. */
  bytes: number;
}

export type ZipLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export interface ZipOptions {
  /**
   * Deflate level. 1 by default: Node's zlib at level 1 on its thread pool is several times
   * faster than level 6 for under a fifth more bytes, and exports are made to be read once.
   */
  level?: ZipLevel;
  mtime?: Date;
  /** Called with each file deflated from content, once whole (to write it again later). */
  keep?: (entry: DeflatedEntry) => void;
}

/** A zip entry fflate writes as deflated (method 8) from the chunks we push into it. */
class PreDeflated implements ZipInputFile {
  readonly compression = 8;
  size = 0;
  crc = 0;
  ondata?: AsyncFlateStreamHandler;
  constructor(
    readonly filename: string,
    readonly mtime: Date | undefined,
  ) {}
}

/** `content` deflated by Node's zlib, piece by piece, each piece compressed while the next is made. */
async function* deflated(
  content: ZipEntry['content'],
  level: ZipLevel,
  file: PreDeflated,
): AsyncGenerator<Uint8Array> {
  const z = new DeflatingFile(file.filename, level);
  try {
    for await (const piece of content) {
      await z.write(piece);
      yield* z.take();
    }
    const rest = await z.end();
    file.crc = rest.crc;
    file.size = rest.size;
    yield* rest.chunks;
  } finally {
    z.destroy();
  }
}

/**
 * The bytes of a zip of `entries`, produced as the entries' contents are produced: each file is
 * deflated while its content is read, so nothing larger than one content piece is held (unless
 * `keep` asks for the deflated files). Strings are written as UTF-8. fflate writes the zip
 * container (headers, data descriptors, central directory); the deflating is zlib's.
 */
export async function* zipBytes(
  entries: Iterable<ZipEntry | DeflatedEntry> | AsyncIterable<ZipEntry | DeflatedEntry>,
  opts: ZipOptions = {},
): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  // The files are added one at a time and each ended before the next, so fflate emits every
  // file's bytes as they are pushed instead of buffering them.
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else if (data.length > 0) out.push(data);
  });
  function* drain(): Generator<Uint8Array> {
    if (failure) throw failure;
    while (out.length > 0) yield out.shift()!;
  }
  for await (const entry of entries) {
    const file = new PreDeflated(entry.name, opts.mtime);
    zip.add(file);
    if ('chunks' in entry) {
      file.crc = entry.crc;
      file.size = entry.size;
      for (const chunk of entry.chunks) file.ondata!(null, chunk as Uint8Array<ArrayBuffer>, false);
    } else {
      const kept: Uint8Array[] | null = opts.keep ? [] : null;
      let bytes = 0;
      for await (const chunk of deflated(entry.content, opts.level ?? 1, file)) {
        kept?.push(chunk);
        bytes += chunk.length;
        file.ondata!(null, chunk as Uint8Array<ArrayBuffer>, false);
        yield* drain();
      }
      if (kept)
        opts.keep!({ name: entry.name, crc: file.crc, size: file.size, chunks: kept, bytes });
    }
    file.ondata!(null, new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

/** A byte generator as a web `ReadableStream` that pulls one piece at a time (back-pressure). */
export function toReadableStream(gen: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await gen.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        } catch (err) {
          controller.error(err);
        }
      },
      async cancel() {
        await gen.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
