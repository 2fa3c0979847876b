import BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { SubgroupField, WINDOWS } from '@wegwijzer/domain';
import { BulkInsert } from './derived.ts';
import { kyselyFor, openPostgres, type PostgresOptions } from './open.ts';
import { armTotals, debtStabilisationTimes, subgroupTotals, survivalTimes } from './outcomes.ts';
import type { Database } from './schema.ts';

/**
 * Copies an SQLite database into an empty PostgreSQL database (issue 9): every table in one
 * transaction, ids preserved and identity sequences moved past them; then compares the outcome
 * figures of every pilot before and after.
 */

/** Tables in an order foreign keys accept. */
const TABLE_ORDER = [
  'settings',
  'pilots',
  'pilot_arms',
  'pilot_variables',
  'users',
  'grants',
  'tokens',
  'sessions',
  'login_throttle',
  'audit_anonymous',
  'participants',
  'participant_values',
  'events',
  'participant_derived',
  'pilot_totals',
  'budget_lines',
  'reference_lines',
  'export_log',
  'export_participants',
  'audit_log',
];
/** Tables with an identity column `id`. */
const IDENTITY_TABLES = ['pilot_variables', 'participants', 'events', 'audit_log'];
const BATCH = 5000;

export interface CopyReport {
  tables: Record<string, number>;
  pilots: number;
  /** Pilots whose figures differ after the copy (none when the copy is faithful). */
  mismatches: { pilotId: string; part: string }[];
}

/** Every outcome figure the API serves from the database for one pilot, in a fixed order. */
export async function pilotFigures(db: Kysely<Database>, pilotId: string) {
  const bySurvival = <T extends { arm: string }>(rows: T[]) =>
    rows.map((r) => JSON.stringify(r)).sort();
  const summaries: Record<number, unknown> = {};
  const subgroups: Record<string, unknown> = {};
  for (const k of WINDOWS) {
    summaries[k] = await armTotals(db, pilotId, k);
    for (const field of SubgroupField.options) {
      const groups = await subgroupTotals(db, pilotId, k, field);
      subgroups[`${k}:${field}`] = groups.map((g) => JSON.stringify(g)).sort();
    }
  }
  return {
    summaries,
    survival: bySurvival(await survivalTimes(db, pilotId)),
    debtStabilisation: bySurvival(await debtStabilisationTimes(db, pilotId)),
    subgroups,
  };
}

async function allFigures(db: Kysely<Database>) {
  const pilots = (await db.selectFrom('pilots').select('id').orderBy('id').execute()).map(
    (p) => p.id,
  );
  const figures = new Map<string, Awaited<ReturnType<typeof pilotFigures>>>();
  for (const id of pilots) figures.set(id, await pilotFigures(db, id));
  return figures;
}

export async function copySqliteToPostgres(
  from: string,
  to: string,
  options: PostgresOptions = {},
): Promise<CopyReport> {
  const source = new BetterSqlite3(from, { readonly: true, fileMustExist: true });
  const target = await openPostgres(to, options);
  try {
    const sourceMigrations = source
      .prepare('SELECT name FROM kysely_migration ORDER BY name')
      .pluck()
      .all() as string[];
    const targetMigrations = (
      await target.db
        .selectFrom('kysely_migration' as never)
        .select('name' as never)
        .orderBy('name' as never)
        .execute()
    ).map((r) => (r as { name: string }).name);
    if (JSON.stringify(sourceMigrations) !== JSON.stringify(targetMigrations))
      throw new Error(
        `The SQLite file is at migration ${sourceMigrations.at(-1) ?? 'none'}, this version at ` +
          `${targetMigrations.at(-1)}: open it once with this version (it migrates) and copy again`,
      );
    const tables = source
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'",
      )
      .pluck()
      .all() as string[];
    const unknown = tables.filter((t) => !TABLE_ORDER.includes(t));
    if (unknown.length > 0) throw new Error(`Unknown tables: ${unknown.join(', ')}`);
    const counts: Record<string, number> = {};
    await target.transaction(async (tx) => {
      for (const table of TABLE_ORDER) {
        const row = await tx.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
        if (row && row.n > 0)
          throw new Error(`The PostgreSQL database is not empty: ${table} has ${row.n} rows`);
      }
      for (const table of TABLE_ORDER) {
        if (!tables.includes(table)) continue;
        const columns = (
          source.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]
        ).map((c) => c.name);
        const insert = new BulkInsert(tx, table, columns, BATCH);
        let n = 0;
        const order = columns.includes('id') ? ' ORDER BY id' : '';
        const rows = source.prepare(`SELECT * FROM ${table}${order}`).raw().iterate();
        for (const values of rows as IterableIterator<unknown[]>) {
          await insert.add(values.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
          n++;
        }
        await insert.flush();
        counts[table] = n;
      }
      for (const table of IDENTITY_TABLES) {
        await tx.get(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE((SELECT MAX(id) FROM ${table}), 0) + 1, false) AS v`,
        );
      }
    });
    // The same figures from both databases, pilot by pilot.
    const sourceDb = kyselyFor(source);
    const before = await allFigures(sourceDb);
    const after = await allFigures(target.db);
    const mismatches: CopyReport['mismatches'] = [];
    for (const [pilotId, figures] of before) {
      const copied = after.get(pilotId);
      for (const part of ['summaries', 'survival', 'debtStabilisation', 'subgroups'] as const) {
        if (JSON.stringify(figures[part]) !== JSON.stringify(copied?.[part]))
          mismatches.push({ pilotId, part });
      }
    }
    return { tables: counts, pilots: before.size, mismatches };
  } finally {
    if (source.open) source.close();
    await target.close();
  }
}
