import type pg from 'pg';
import type { RawSqlite, Statement, Store } from './open.ts';
import { PilotVersionWatch } from './version-watch.ts';

const VERSION_SQL = 'SELECT data_version FROM pilots WHERE id = ?';

/** Prepared once per handle: preparing costs more than running this lookup. */
const statements = new WeakMap<RawSqlite, Statement>();
function versionStatement(sqlite: RawSqlite): Statement {
  let statement = statements.get(sqlite);
  // The one column as it is: no row object to build on every warm request.
  if (!statement) statements.set(sqlite, (statement = sqlite.prepare(VERSION_SQL).pluck()));
  return statement;
}

/** One watch per PostgreSQL pool, started by its first read, ended with the store. */
const watches = new WeakMap<pg.Pool, PilotVersionWatch>();

/** Pools whose store was opened with `versionWatch: false`: every read asks the database. */
const unwatched = new WeakSet<pg.Pool>();

/** Opens no listener for this pool (`PostgresOptions.versionWatch: false`). */
export function withoutVersionWatch(pool: pg.Pool): void {
  unwatched.add(pool);
}

/** The version watch of a PostgreSQL store (created on first use); null on SQLite or when off. */
export function versionWatch(store: Store): PilotVersionWatch | null {
  if (store.kind !== 'postgres' || unwatched.has(store.pool)) return null;
  let watch = watches.get(store.pool);
  if (!watch) watches.set(store.pool, (watch = new PilotVersionWatch(store.pool.options)));
  return watch;
}

/** Ends the version watch of a pool, if it has one: part of closing a PostgreSQL store. */
export async function stopVersionWatch(pool: pg.Pool): Promise<void> {
  await watches.get(pool)?.close();
  watches.delete(pool);
}

/**
 * The committed `data_version` of a pilot, read as cheaply as the database allows: a prepared
 * statement on SQLite's raw handle; on PostgreSQL from memory while the instance's listener is
 * current (`PilotVersionWatch`: every commit elsewhere is heard within its bound), else one
 * pooled query. Null when there is no such pilot, or when SQLite's one connection is inside a
 * write transaction: a read there would see a version that may still be rolled back.
 */
export async function committedPilotVersion(store: Store, pilotId: string): Promise<number | null> {
  if (store.kind === 'sqlite') return sqliteVersion(store.sqlite, pilotId);
  const read = async () => {
    const { rows } = await store.pool.query<{ data_version: number }>(
      'SELECT data_version FROM pilots WHERE id = $1',
      [pilotId],
    );
    return rows[0] ? Number(rows[0].data_version) : null;
  };
  const watch = versionWatch(store);
  return watch ? watch.version(pilotId, read) : read();
}

/**
 * `committedPilotVersion` when it is known without waiting: always on SQLite, on PostgreSQL while
 * the version is remembered and the listener current. Null otherwise (ask `committedPilotVersion`).
 */
export function rememberedPilotVersion(store: Store, pilotId: string): number | null {
  if (store.kind === 'sqlite') return sqliteVersion(store.sqlite, pilotId);
  return versionWatch(store)?.remembered(pilotId) ?? null;
}

function sqliteVersion(sqlite: RawSqlite, pilotId: string): number | null {
  if (sqlite.inTransaction) return null;
  const version = versionStatement(sqlite).get(pilotId) as number | bigint | undefined;
  return version === undefined ? null : Number(version);
}

/**
 * Forgets the versions this instance remembers (PostgreSQL): its own write has committed, and the
 * next read must see it even before the database's notification arrives.
 */
export function forgetCommittedVersions(store: Store): void {
  if (store.kind === 'postgres') forgetPoolVersions(store.pool);
}

/** `forgetCommittedVersions` by pool: what a PostgreSQL store's transactions do when they end. */
export function forgetPoolVersions(pool: pg.Pool): void {
  watches.get(pool)?.forget();
}
