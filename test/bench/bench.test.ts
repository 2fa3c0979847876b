import { describe, expect, it } from 'vitest';
import { testDatabaseServer } from '../support/postgres.ts';
import { runBenchmarks } from './run.ts';

// A small run of `pnpm bench`, so the suite keeps working; the figures themselves are not judged
// here (timed assertions do not belong in tests on a shared machine).
describe('benchmark suite (smoke)', () => {
  it('measures every figure, each with a finite value and its reference where it has one', async () => {
    const figures = await runBenchmarks({
      pilots: 2,
      perPilot: 60,
      loadSeconds: 1,
      postgresPilots: 1,
      repeats: 1,
      report: null,
      log: () => {},
    });
    expect(figures.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/import/i),
        expect.stringMatching(/All-pilots summary/),
        expect.stringMatching(/One-pilot summary at 9 months.*cold/),
        expect.stringMatching(/All-pilots summary at 9 months.*warm/),
        expect.stringMatching(/export/i),
        expect.stringMatching(/under load/),
        expect.stringMatching(/initial JavaScript/),
      ]),
    );
    // The PostgreSQL run of the suite has a server: then the PostgreSQL figures are there too.
    expect(figures.some((f) => f.name.startsWith('PostgreSQL'))).toBe(
      testDatabaseServer() !== null,
    );
    for (const f of figures) {
      expect(Number.isFinite(f.ours.median) && f.ours.median > 0, f.name).toBe(true);
      if (f.reference) expect(f.reference.value.median, f.name).toBeGreaterThan(0);
    }
  }, 180_000);
});
