import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/api/src/**/*.test.ts',
      'apps/web/src/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    // What only PostgreSQL has runs in the PostgreSQL run alone (vitest.postgres.config.ts).
    exclude: [
      ...configDefaults.exclude,
      'test/api/postgres.test.ts',
      'test/api/sqlite-to-postgres.test.ts',
      'test/api/version-watch.test.ts',
      'test/api/postgres-copy.test.ts',
    ],
    // SQLite here, whatever the shell exports; vitest.postgres.config.ts runs test/api on PostgreSQL.
    env: { WEGWIJZER_TEST_DATABASE_URL: '' },
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
