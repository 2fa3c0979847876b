import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type Migration,
} from 'kysely';
import { migrations as shippedMigrations } from './migrations/index.ts';
import type { Database } from './schema.ts';

/** An open database: Kysely for queries, plus the raw handle for synchronous bulk writes. */
export interface Store {
  kind: 'sqlite';
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  /** Runs `fn` in one synchronous transaction while no other query holds the connection. */
  writeTx<T>(fn: (raw: BetterSqlite3.Database) => T): Promise<T>;
  /** Checkpoints the WAL into the database file and closes it; safe to call twice. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The migrations to apply; the shipped ones unless a test brings its own. */
  migrations?: Record<string, Migration>;
}

/**
 * SQLite can roll back DDL, but Kysely's adapter says it cannot, so by default its Migrator runs
 * each statement on its own and a migration that fails half-way leaves half a schema behind.
 * Claiming transactional DDL makes the Migrator run the pending migrations and their bookkeeping
 * rows in one transaction: an upgrade lands wholly or not at all, also when the process dies.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * A deferred BEGIN that reads and then writes fails at once with SQLITE_BUSY when another process
 * wrote in between; BEGIN IMMEDIATE takes the write lock first and waits its busy_timeout instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class TransactionalSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * The handle as Kysely sees it, with a bounded cache of prepared statements: Kysely prepares
 * every query anew, and preparing cost more than running the query on the hot read paths.
 * Kysely's connection mutex means a cached statement is never used by two queries at once.
 */
function withStatementCache(sqlite: BetterSqlite3.Database) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        // Most recently used last, so the oldest entry is the first to go.
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

/** Kysely over an open better-sqlite3 handle: migrations in one transaction, transactions IMMEDIATE. */
export function kyselyFor(sqlite: BetterSqlite3.Database): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new TransactionalSqliteDialect({ database: withStatementCache(sqlite) }),
  });
}

/** The pragmas every connection of ours runs with. */
export function configureConnection(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Another process (a backup, a second server) may hold the write lock for a moment.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
}

/**
 * Opens (creating if needed) the SQLite file at `path` in WAL mode with foreign keys on,
 * and applies pending migrations.
 */
export async function openStore(path: string, options: OpenOptions = {}): Promise<Store> {
  const sqlite = new BetterSqlite3(path);
  configureConnection(sqlite);
  const db = kyselyFor(sqlite);
  try {
    await migrate(db, options.migrations);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  let closed: Promise<void> | null = null;
  return {
    kind: 'sqlite',
    db,
    sqlite,
    // Kysely's SQLite driver guards its single connection with a mutex; taking the connection
    // here means no Kysely transaction is half-open while the raw transaction runs.
    // BEGIN IMMEDIATE takes the write lock before the first read, so a second process writing
    // at the same time makes this one wait (busy_timeout) instead of failing with SQLITE_BUSY.
    writeTx: (fn) =>
      db.connection().execute(async () => sqlite.transaction(() => fn(sqlite)).immediate()),
    close: () =>
      (closed ??= (async () => {
        // Under the connection mutex, so no query of ours is half-way; TRUNCATE leaves an empty
        // WAL, and closing the last connection removes it: the file alone is the whole database.
        await db.connection().execute(async () => {
          if (sqlite.open) sqlite.pragma('wal_checkpoint(TRUNCATE)');
        });
        await db.destroy();
      })()),
  };
}

/** The Migrator for `db`: the shipped migrations, or `list` (tests build old schemas with it). */
export function migrator(
  db: Kysely<Database>,
  list: Record<string, Migration> = shippedMigrations,
): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => list } });
}

/** Applies every pending migration in one transaction; throws with the failing migration's name. */
export async function migrate(
  db: Kysely<Database>,
  list?: Record<string, Migration>,
): Promise<string[]> {
  const { error, results } = await migrator(db, list).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return (results ?? []).map((r) => r.migrationName);
}
