import { getHeapStatistics } from 'node:v8';

/**
 * A collection after large imports. An import turns tens of megabytes of rows, parsed records
 * and derived values into garbage, much of it promoted to the old generation while the rows were
 * still in hand; V8 lets that generation grow to a few times what is live before it looks (the
 * server held ~28 MB live and ~110 MB of heap at the peak of a national import, 300 MB of
 * resident memory; issue 21). Once the garbage left by imports passes `HEADROOM`, one full
 * collection after the reply brings the heap back to what is live. A collection costs some
 * 50–150 ms of CPU, so it is not run after every import, only when the garbage is worth it.
 */

/** Below this many rows an import's garbage is left to the collector's own schedule. */
const MIN_ROWS = 2000;
/** Heap in use beyond what the last collection left, before imports collect again. */
const HEADROOM = 24 * 2 ** 20;

let live = 0;

/**
 * V8's own `gc`, there when the server runs with `--expose-gc` (as `pnpm start` runs it); without
 * it the garbage is left to the collector's own schedule. The flag is given at start-up rather
 * than set at run time, because Node does not promise that V8 flags changed after start work.
 */
function collector(): (() => void) | null {
  const exposed = (globalThis as { gc?: () => void }).gc;
  return typeof exposed === 'function' ? exposed : null;
}

/** After an import of `rows` rows: collects its garbage and its predecessors' once it matters. */
export function collectAfterImport(rows: number): void {
  if (rows < MIN_ROWS) return;
  const gc = collector();
  if (!gc) return;
  // After the reply has gone: the client need not wait for the collection.
  setImmediate(() => {
    if (getHeapStatistics().used_heap_size < live + HEADROOM) return;
    gc();
    live = getHeapStatistics().used_heap_size;
  });
}
