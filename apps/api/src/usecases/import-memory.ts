import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A collection after a large import. An import turns tens of megabytes of rows, parsed records
 * and derived values into garbage, much of it promoted to the old generation while the rows were
 * still in hand; V8 lets that generation grow to a few times what is live before it looks (the
 * server held ~28 MB live and ~110 MB of heap at the peak of a national import, issue 21). One
 * full collection when the import is done costs tens of milliseconds, a few per cent of the
 * import, and keeps the next import from piling its garbage on top.
 */

/** Below this many rows an import's garbage is left to the collector's own schedule. */
const MIN_ROWS = 2000;

let collect: (() => void) | null | undefined;

/** V8's own `gc`, made available without a command-line flag; null where that is refused. */
function collector(): (() => void) | null {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

/** Collects the garbage an import of `rows` rows left, when there is enough of it to matter. */
export function collectAfterImport(rows: number): void {
  if (rows < MIN_ROWS) return;
  collect ??= collector();
  // After the reply has gone: the client need not wait for the collection.
  if (collect) setImmediate(collect);
}
