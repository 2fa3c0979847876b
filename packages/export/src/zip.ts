import { Zip, ZipDeflate } from 'fflate';

/** One file of a zip, its content produced piece by piece. */
export interface ZipEntry {
  name: string;
  content: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;
}

const encoder = new TextEncoder();

/**
 * The bytes of a zip of `entries`, produced as the entries' contents are produced: each file is
 * deflated while its content is read, so nothing larger than one content piece is held.
 * Strings are written as UTF-8.
 */
export async function* zipBytes(
  entries: Iterable<ZipEntry> | AsyncIterable<ZipEntry>,
  opts: { level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9; mtime?: Date } = {},
): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  // The files are added one at a time and each ended before the next, so fflate emits every
  // file's bytes as they are deflated instead of buffering them.
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else if (data.length > 0) out.push(data);
  });
  function* drain(): Generator<Uint8Array> {
    if (failure) throw failure;
    while (out.length > 0) yield out.shift()!;
  }
  for await (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: opts.level ?? 6 });
    if (opts.mtime) file.mtime = opts.mtime;
    zip.add(file);
    for await (const piece of entry.content) {
      file.push(typeof piece === 'string' ? encoder.encode(piece) : piece, false);
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
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
