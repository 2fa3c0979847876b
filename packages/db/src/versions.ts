import type { RawSqlite, Statement, Store } from './open.ts';

const VERSION_SQL = 'SELECT data_version FROM pilots WHERE id = ?';

/** Prepared once per handle: preparing costs more than running this lookup. */
const statements = new WeakMap<RawSqlite, Statement>();
function versionStatement(sqlite: RawSqlite): Statement {
  let statement = statements.get(sqlite);
  if (!statement) statements.set(sqlite, (statement = sqlite.prepare(VERSION_SQL)));
  return statement;
}

/**
 * The committed `data_version` of a pilot, read as cheaply as the database allows: a prepared
 * statement on SQLite's raw handle, one pooled query on PostgreSQL (so every instance sees the
 * version the others wrote). Null when there is no such pilot, or when SQLite's one connection is
 * inside a write transaction: a read there would see a version that may still be rolled back.
 */
export async function committedPilotVersion(store: Store, pilotId: string): Promise<number | null> {
  if (store.kind === 'sqlite') {
    if (store.sqlite.inTransaction) return null;
    const row = versionStatement(store.sqlite).get(pilotId) as { data_version: number } | undefined;
    return row ? Number(row.data_version) : null;
  }
  const { rows } = await store.pool.query<{ data_version: number }>(
    'SELECT data_version FROM pilots WHERE id = $1',
    [pilotId],
  );
  return rows[0] ? Number(rows[0].data_version) : null;
}
