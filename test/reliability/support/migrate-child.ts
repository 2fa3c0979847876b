/**
 * Run by upgrade.test.ts in its own process, to be SIGKILLed half-way through a migration:
 * opens the file with the shipped migrations plus a slow one that fills a new table.
 */
import { migrations, openStore, sql } from '@wegwijzer/db';

const file = process.argv[2]!;
const store = await openStore(file, {
  migrations: {
    ...migrations,
    '003_slow': {
      async up(db) {
        await sql`CREATE TABLE slow_fill (n INTEGER PRIMARY KEY, label TEXT NOT NULL)`.execute(db);
        await sql`ALTER TABLE participants ADD COLUMN slow_marker TEXT`.execute(db);
        await sql`WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3000000)
          INSERT INTO slow_fill SELECT n, printf('row %d of a migration that takes a while', n) FROM c`.execute(
          db,
        );
        await sql`CREATE INDEX slow_fill_label ON slow_fill (label)`.execute(db);
      },
    },
  },
});
await store.close();
console.log('migrated');
