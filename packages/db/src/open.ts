import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  sql,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type Migration,
  type PostgresPool,
  type Transaction,
} from 'kysely';
import { migrations as shippedMigrations } from './migrations/index.ts';
import { settleCopies } from './pg-copy.ts';
import type { Database } from './schema.ts';
import { forgetPoolVersions, stopVersionWatch, withoutVersionWatch } from './versions.ts';

export type DialectName = 'sqlite' | 'postgres';

/**
 * The statements of one write transaction (ADR 0004): SQL in the common subset of SQLite and
 * PostgreSQL with `?` placeholders, rewritten to `$n` on PostgreSQL. New ids come from
 * `INSERT … RETURNING id`.
 */
export interface Tx {
  readonly dialect: DialectName;
  /**
   * Kysely inside this transaction: typed reads and writes that must see, and land with, what
   * the transaction wrote. On SQLite a query through the store's own handle would wait for the
   * transaction's connection, so code running inside one reads through this.
   */
  readonly db: Kysely<Database>;
  /** Runs a statement; returns the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<T | undefined>;
  /**
   * Serialises writes to one pilot until the transaction ends: `pg_advisory_xact_lock` on
   * PostgreSQL; on SQLite the transaction already holds the database's write lock.
   */
  lockPilot(pilotId: string): Promise<void>;
  /** The same for any named resource (the audit chain, a login throttle key). */
  lock(name: string): Promise<void>;
  /**
   * On SQLite, the raw handle of the connection this transaction runs on, for bulk writes that
   * prepare their statements once. Calls on it are synchronous, so they run inside the
   * transaction: Kysely's connection mutex is held until it ends.
   */
  readonly sqlite?: RawSqlite;
  /**
   * On PostgreSQL, the client of the connection this transaction runs on, for bulk writes by
   * `COPY … FROM STDIN` (pg-copy.ts): a COPY must run on the transaction's own connection to
   * land with it. Absent on a `Tx` over a Kysely transaction begun elsewhere.
   */
  readonly pg?: pg.PoolClient;
}

export type RawSqlite = BetterSqlite3.Database;
export type Statement = BetterSqlite3.Statement;

interface StoreBase {
  db: Kysely<Database>;
  /** Runs `fn` in one transaction: everything it writes lands together or not at all. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Closes the database (on SQLite, checkpoints the WAL into the file first); safe to call twice. */
  close(): Promise<void>;
}

/** SQLite in a local file; the raw handle stays available for backups and tests. */
export interface SqliteStore extends StoreBase {
  kind: 'sqlite';
  sqlite: BetterSqlite3.Database;
}

/** PostgreSQL through a pg Pool. */
export interface PostgresStore extends StoreBase {
  kind: 'postgres';
  pool: pg.Pool;
}

/** An open database: Kysely for queries, `transaction` for writes that land together. */
export type Store = SqliteStore | PostgresStore;

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

/**
 * A bounded least-recently-used cache of prepared statements. Kysely prepares every query anew,
 * and preparing cost more than running the query on the hot read paths.
 */
class StatementCache {
  private readonly entries = new Map<string, BetterSqlite3.Statement>();
  constructor(private readonly size: number) {}

  get(sql: string, prepare: () => BetterSqlite3.Statement): BetterSqlite3.Statement {
    let statement = this.entries.get(sql);
    if (statement) {
      // Most recently used last, so the oldest entry is the first to go.
      this.entries.delete(sql);
    } else {
      statement = prepare();
      if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(sql, statement);
    return statement;
  }
}

// A compiled multi-row INSERT or a long IN list is large: kept by the hundred they held ~100 MB
// at the peak of a national import, and prepared anew each time their native memory waits for
// a garbage collection. A few of them are kept (an import's full batches), apart from the many
// short statements of the request paths.
const LONG_SQL = 2000;

/** The handle as Kysely sees it, with its prepared statements reused (Kysely's mutex means a
 * cached statement is never used by two queries at once). */
function withStatementCache(sqlite: BetterSqlite3.Database) {
  return { close: () => sqlite.close(), prepare: cachedPrepare(sqlite) };
}

/** One statement cache per handle, shared by Kysely and the transactions' direct path. */
const caches = new WeakMap<BetterSqlite3.Database, (sql: string) => BetterSqlite3.Statement>();
function cachedPrepare(sqlite: BetterSqlite3.Database): (sql: string) => BetterSqlite3.Statement {
  let prepare = caches.get(sqlite);
  if (!prepare) {
    const short = new StatementCache(200);
    const long = new StatementCache(16);
    prepare = (sql: string) =>
      (sql.length > LONG_SQL ? long : short).get(sql, () => sqlite.prepare(sql));
    caches.set(sqlite, prepare);
  }
  return prepare;
}

/**
 * `text` prepared on `sqlite` through the handle's statement cache: the bulk path's large
 * statements are then compiled once per process, not once per import, and their native memory
 * is not left waiting for a garbage collection.
 */
export function preparedOn(sqlite: RawSqlite, text: string): Statement {
  return cachedPrepare(sqlite)(text);
}

/**
 * The `Tx` of an SQLite transaction that runs its statements on the raw handle (cached
 * prepared statements, no promise hop per row): the caller holds Kysely's connection inside
 * `db.transaction()`, so nothing else runs on the connection meanwhile.
 */
function sqliteTx(sqlite: BetterSqlite3.Database, trx: Transaction<Database>): Tx {
  const prepare = cachedPrepare(sqlite);
  return {
    dialect: 'sqlite',
    db: trx,
    sqlite,
    async run(text, params = []) {
      const statement = prepare(text);
      if (statement.reader) {
        statement.all([...params]);
        return 0;
      }
      return statement.run([...params]).changes;
    },
    async all<T>(text: string, params: readonly unknown[] = []) {
      return prepare(text).all([...params]) as T[];
    },
    async get<T>(text: string, params: readonly unknown[] = []) {
      const statement = prepare(text);
      // RETURNING of a write: `all` runs it to the end, as Kysely does.
      return (statement.reader ? statement.all([...params])[0] : undefined) as T | undefined;
    },
    lockPilot: async () => {},
    lock: async () => {},
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
  // SPEC §8: an erased participant must not linger in freed pages or free space of the file.
  // Deleted and overwritten content is zeroed on every write, not only at erasure, so values a
  // participant had before an update are gone too.
  sqlite.pragma('secure_delete = ON');
}

/** True for a PostgreSQL connection string rather than an SQLite file path. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** `?` placeholders to `$1, $2, …`, leaving quoted text alone; cached per statement text. */
const numbered = new Map<string, string>();
export function toNumberedParams(text: string): string {
  let out = numbered.get(text);
  if (out !== undefined) return out;
  let n = 0;
  out = text.replace(/'(?:[^']|'')*'|"(?:[^"])*"|\?/g, (m) => (m === '?' ? `$${++n}` : m));
  if (numbered.size >= 200) numbered.delete(numbered.keys().next().value!);
  numbered.set(text, out);
  return out;
}

/**
 * The `Tx` of a Kysely transaction: for repositories that are handed a transaction of their own.
 * `client`, on PostgreSQL, is the connection the transaction runs on (see `Tx.pg`).
 */
export function txOver(
  trx: Transaction<Database>,
  dialect: DialectName,
  client?: pg.PoolClient,
): Tx {
  const pgSql = dialect === 'postgres';
  const exec = (text: string, params: readonly unknown[] = []) =>
    trx.executeQuery(CompiledQuery.raw(pgSql ? toNumberedParams(text) : text, [...params]));
  const lock = async (name: string) => {
    if (pgSql) await exec('SELECT pg_advisory_xact_lock(hashtext(?))', [name]);
  };
  return {
    dialect,
    db: trx,
    ...(client ? { pg: client } : {}),
    async run(text, params) {
      const r = await exec(text, params);
      return Number(r.numAffectedRows ?? 0);
    },
    async all<T>(text: string, params?: readonly unknown[]) {
      return (await exec(text, params)).rows as T[];
    },
    async get<T>(text: string, params?: readonly unknown[]) {
      return (await exec(text, params)).rows[0] as T | undefined;
    },
    lockPilot: (pilotId) => lock(`pilot:${pilotId}`),
    lock,
  };
}

/**
 * The store as seen from inside `tx`: its queries run in the transaction, and a transaction
 * begun on it is `tx` itself, so code that takes a store composes into a caller's transaction.
 */
export function storeInTransaction<S extends Store>(store: S, tx: Tx): S {
  return { ...store, db: tx.db, transaction: (fn) => fn(tx) };
}

/** Whether the database answers a trivial query (the health check). */
export async function databaseReachable(store: Store): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(store.db);
    return true;
  } catch {
    return false;
  }
}

/** Opens the database `url` names: PostgreSQL for postgres://…, else an SQLite file. */
export async function openDatabase(
  url: string,
  options: OpenOptions & PostgresOptions = {},
): Promise<Store> {
  return isPostgresUrl(url) ? openPostgres(url, options) : openStore(url, options);
}

/**
 * Opens (creating if needed) the SQLite file at `path` in WAL mode with foreign keys on,
 * and applies pending migrations.
 */
export async function openStore(path: string, options: OpenOptions = {}): Promise<SqliteStore> {
  const sqlite = new BetterSqlite3(path);
  configureConnection(sqlite);
  const db = kyselyFor(sqlite);
  await migrateOrClose(db, options.migrations);
  let closed: Promise<void> | null = null;
  return {
    kind: 'sqlite',
    db,
    sqlite,
    // Kysely's SQLite driver guards its single connection with a mutex, and its transaction
    // holds it until the end: no other query of ours runs in between. BEGIN IMMEDIATE takes the
    // write lock before the first read, so a second process writing at the same time makes this
    // one wait (busy_timeout) instead of failing with SQLITE_BUSY.
    transaction: (fn) => db.transaction().execute((trx) => fn(sqliteTx(sqlite, trx))),
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

export interface PostgresOptions {
  /** Connections per process (WEGWIJZER_PG_POOL_SIZE, default 10). */
  poolSize?: number;
  /**
   * Keep pilots' committed versions in memory, told by LISTEN on a connection of its own (default
   * true; WEGWIJZER_PG_VERSION_WATCH=off): off behind a pooler that does not keep sessions.
   */
  versionWatch?: boolean;
}

/**
 * int8 (COUNT, BIGINT columns) and numeric (SUM of BIGINT) as JavaScript numbers: every count and
 * sum of cents stays far below 2^53.
 */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** A pg Pool with our type parsing, for the store and the tools that copy into PostgreSQL. */
export function postgresPool(url: string, options: PostgresOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: pgTypes,
  });
  // An idle connection that the server drops must not take the process down with it.
  pool.on('error', (err) =>
    console.error(JSON.stringify({ level: 'warn', msg: 'pg pool', error: err.message })),
  );
  return pool;
}

/** Opens the PostgreSQL database at `url` and applies pending migrations. */
export async function openPostgres(
  url: string,
  options: OpenOptions & PostgresOptions = {},
): Promise<PostgresStore> {
  const pool = postgresPool(url, options);
  if (options.versionWatch === false) withoutVersionWatch(pool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrateOrClose(db, options.migrations);
  let closed: Promise<void> | null = null;
  return {
    kind: 'postgres',
    db,
    pool,
    transaction: async (fn) => {
      try {
        return await pgTransaction(pool, fn);
      } finally {
        // This instance's next read sees what it just committed, before the notification comes.
        forgetPoolVersions(pool);
      }
    },
    // The version watch's listener is a connection of its own, outside the pool.
    close: () => (closed ??= stopVersionWatch(pool).then(() => db.destroy())),
  };
}

/**
 * Runs `fn` in a transaction on a connection taken from `pool` for it. Kysely hides the client
 * of the connection its transaction runs on, and a COPY needs it: so the transaction runs through
 * a Kysely of its own over this one client, and the `Tx` carries the client (`Tx.pg`).
 *
 * Every statement Kysely sends on it, COMMIT included, first waits for the COPYs a bulk write
 * left running (pg-copy.ts): a failed COPY is reported as itself, before anything else runs.
 */
async function pgTransaction<T>(pool: pg.Pool, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // Kysely marks a connection whose ROLLBACK failed for discarding: the pool must not reuse it.
  let discard = false;
  const one: PostgresPool = {
    connect: async () => ({
      query: (async (...args: Parameters<pg.PoolClient['query']>) => {
        await settleCopies(client);
        return client.query(...args);
      }) as pg.PoolClient['query'],
      release: (broken?: boolean) => {
        discard ||= Boolean(broken);
      },
    }),
    end: async () => {},
  };
  try {
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: one }) });
    return await db.transaction().execute(async (trx) => {
      try {
        return await fn(txOver(trx, 'postgres', client));
      } catch (err) {
        // The COPY that failed is reported once: the ROLLBACK then goes out on a free client.
        await settleCopies(client).catch(() => {});
        throw err;
      }
    });
  } finally {
    client.release(discard);
  }
}

/** Applies pending migrations; a database that cannot be brought up to date is closed again. */
async function migrateOrClose(db: Kysely<Database>, list?: Record<string, Migration>) {
  try {
    await migrate(db, list);
  } catch (err) {
    await db.destroy();
    throw err;
  }
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

/**
 * Runs `fn` while no other process runs it for the same `name`: on PostgreSQL under a session
 * advisory lock (several API instances starting at once on an empty database create the admin
 * account and the demo data once); on SQLite `fn` runs as it is, in this process alone.
 */
export async function withStartupLock<T>(
  store: Store,
  name: string,
  fn: () => Promise<T>,
): Promise<T> {
  if (store.kind !== 'postgres') return fn();
  const client = await store.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`wegwijzer:${name}`]);
    try {
      return await fn();
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`wegwijzer:${name}`]);
    }
  } finally {
    client.release();
  }
}
