/** Global setup of the PostgreSQL run: without a server to run against it fails, never passes. */
export default function requirePostgres(): void {
  const url = process.env.WEGWIJZER_TEST_DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(
      'The PostgreSQL test run needs WEGWIJZER_TEST_DATABASE_URL=postgres://… of a server; ' +
        'run it through bash scripts/with-postgres.sh (pnpm test does).',
    );
  }
}
