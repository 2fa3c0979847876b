import { afterEach, describe, expect, it } from 'vitest';
import { collectAfterImport } from './import-memory.ts';

const host = globalThis as { gc?: () => void };
const original = host.gc;
afterEach(() => {
  host.gc = original;
});

/** Counts the collections `collectAfterImport` asks for, through V8's `gc` as exposed. */
function countingGc(): { calls: number } {
  const seen = { calls: 0 };
  host.gc = () => {
    seen.calls++;
  };
  return seen;
}

const afterReply = () => new Promise((resolve) => setImmediate(resolve));

describe('collectAfterImport', () => {
  it('leaves a small import to the collector and collects once after a large one, then waits for new garbage', async () => {
    // A heap beyond the headroom, however little the test process holds.
    const ballast = Array.from({ length: 400_000 }, (_, i) => ({ i, s: `row ${i}` }));
    const seen = countingGc();
    collectAfterImport(100);
    await afterReply();
    expect(seen.calls).toBe(0);
    collectAfterImport(5000);
    await afterReply();
    expect(seen.calls).toBe(1);
    // The counting gc frees nothing: the heap has not grown 24 MB past the last collection.
    collectAfterImport(5000);
    await afterReply();
    expect(seen.calls).toBe(1);
    expect(ballast.length).toBe(400_000);
  });
});
