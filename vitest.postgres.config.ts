import { defineConfig } from 'vitest/config';

/**
 * The API suite again, on PostgreSQL: every test app gets a database of its own on the server
 * WEGWIJZER_TEST_DATABASE_URL names. `pnpm test` starts a throwaway server for it:
 *   bash scripts/with-postgres.sh vitest run -c vitest.postgres.config.ts
 */
export default defineConfig({
  test: {
    name: 'postgres',
    include: ['test/api/**/*.test.ts', 'test/bench/bench.test.ts'],
    globalSetup: ['test/support/require-postgres.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
