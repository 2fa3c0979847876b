import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';

/** An open database: Kysely for queries, plus the raw handle for synchronous bulk writes. */
export interface Store {
  kind: 'sqlite';
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  /** Runs `fn` in one synchronous transaction while no other query holds the connection. */
  writeTx<T>(fn: (raw: BetterSqlite3.Database) => T): Promise<T>;
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) the SQLite file at `path` in WAL mode with foreign keys on,
 * and applies pending migrations.
 */
export async function openStore(path: string): Promise<Store> {
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db);
  return {
    kind: 'sqlite',
    db,
    sqlite,
    // Kysely's SQLite driver guards its single connection with a mutex; taking the connection
    // here means no Kysely transaction is half-open while the raw transaction runs.
    writeTx: (fn) => db.connection().execute(async () => sqlite.transaction(() => fn(sqlite))()),
    close: () => db.destroy(),
  };
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
