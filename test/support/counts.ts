import { sql, type Store } from '@wegwijzer/db';

/** Rows in every table of the database, by table name: "nothing was written" compares two of these. */
export async function rowCounts(store: Store): Promise<Record<string, number>> {
  const tables =
    store.kind === 'sqlite'
      ? await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'
          AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'`.execute(store.db)
      : await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
          AND table_name NOT LIKE 'kysely_%'`.execute(store.db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const r = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(name)}`.execute(
      store.db,
    );
    counts[name] = Number(r.rows[0]!.n);
  }
  return counts;
}
