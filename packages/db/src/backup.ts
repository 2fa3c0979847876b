import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/**
 * Online backup and checked restore of the SQLite file (docs/operations.md says when and how).
 * A backup goes through SQLite's backup API, so it is a consistent snapshot even while the
 * server writes; a restore never lands a copy that fails its integrity check.
 */

export interface BackupReport {
  file: string;
  bytes: number;
  pages: number;
  tables: Record<string, number>;
  migrations: string[];
}

export interface CheckReport {
  ok: boolean;
  /** `ok`, or the problems `PRAGMA integrity_check` and the schema check found. */
  problems: string[];
  tables: Record<string, number>;
  migrations: string[];
}

/** The tables whose row counts a report lists: what an operator compares after a restore. */
const COUNTED = [
  'pilots',
  'participants',
  'events',
  'participant_derived',
  'pilot_totals',
  'users',
  'audit_log',
];

function counts(db: BetterSqlite3.Database): Record<string, number> {
  const present = new Set(
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
  );
  const result: Record<string, number> = {};
  for (const t of COUNTED)
    if (present.has(t)) result[t] = Number(db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get());
  return result;
}

function appliedMigrations(db: BetterSqlite3.Database): string[] {
  try {
    return db.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all() as string[];
  } catch {
    return [];
  }
}

/**
 * Copies the live database at `source` (a path, or a handle the caller holds open) to `out`
 * with SQLite's online backup API in one step, so writers in other connections neither block
 * nor restart it; then checks the copy. `out` must not exist: a backup never overwrites one.
 *
 * @example await backupDatabase('/var/lib/wegwijzer/db.sqlite', '/backup/wegwijzer-2025-06-01.sqlite')
 */
export async function backupDatabase(
  source: string | BetterSqlite3.Database,
  out: string,
): Promise<BackupReport> {
  if (existsSync(out)) throw new Error(`${out} exists already; a backup never overwrites a file`);
  const own = typeof source === 'string';
  if (own && !existsSync(source)) throw new Error(`There is no database at ${source}`);
  const db = own ? new BetterSqlite3(source, { readonly: true, fileMustExist: true }) : source;
  if (own) db.pragma('busy_timeout = 5000');
  // Written under a temporary name and renamed when checked, so `out` is never half a backup.
  const partial = join(dirname(out), `.${basename(out)}.partial`);
  rmSync(partial, { force: true });
  try {
    // The first step only counts pages; the second copies them all at once, which a concurrent
    // write elsewhere cannot interrupt (a step-wise copy would restart after every write).
    const { totalPages } = await db.backup(partial, { progress: () => 0x7fffffff });
    selfContained(partial);
    const check = checkDatabase(partial);
    if (!check.ok) throw new Error(`The backup failed its check: ${check.problems.join('; ')}`);
    const fd = openSync(partial, 'r');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(partial, out);
    return {
      file: out,
      bytes: statSync(out).size,
      pages: totalPages,
      tables: check.tables,
      migrations: check.migrations,
    };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    if (own) db.close();
  }
}

/**
 * The copy carries the live database's WAL flag; switched to a rollback journal it is one
 * self-contained file, and checking it read-only leaves no -wal or -shm beside it.
 */
function selfContained(file: string): void {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/** Opens `file` read-only and runs `PRAGMA integrity_check` and a check that it is a Wegwijzer database. */
export function checkDatabase(file: string): CheckReport {
  if (!existsSync(file))
    return { ok: false, problems: [`There is no file at ${file}`], tables: {}, migrations: [] };
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    return {
      ok: false,
      problems: [`Cannot open ${file}: ${(err as Error).message}`],
      tables: {},
      migrations: [],
    };
  }
  try {
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .filter((r) => r !== 'ok');
    const migrations = appliedMigrations(db);
    if (problems.length === 0 && !migrations.includes('001_initial')) {
      problems.push('This is not a Wegwijzer database: it has no applied migrations');
    }
    const tables = problems.length === 0 ? counts(db) : {};
    return { ok: problems.length === 0, problems, tables, migrations };
  } catch (err) {
    return { ok: false, problems: [(err as Error).message], tables: {}, migrations: [] };
  } finally {
    db.close();
  }
}

/**
 * Whether another process has the database at `path` open. Every connection to a WAL database
 * keeps a shared lock on it for as long as it is open, so an exclusive lock is refused while a
 * server runs on the file, even an idle one.
 */
export function databaseInUse(path: string): boolean {
  if (!existsSync(path)) return false;
  const db = new BetterSqlite3(path, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw err;
  } finally {
    db.close();
  }
}

export interface RestoreOptions {
  /** Replace an existing database (kept beside it as `<db>.replaced-<time>`). */
  force?: boolean;
}

export interface RestoreReport {
  db: string;
  /** Where the database that was replaced now lies, if there was one. */
  replaced: string | null;
  tables: Record<string, number>;
}

/**
 * Puts the backup `from` in place as the database `db`, after checking it. Refuses while any
 * process has `db` open (stop the server first), and refuses to replace an existing database
 * without `force`. The copy is made beside `db` and renamed over it, so a crash mid-restore
 * leaves either the old database or the restored one, never a mix.
 */
export async function restoreDatabase(
  from: string,
  db: string,
  options: RestoreOptions = {},
): Promise<RestoreReport> {
  const check = checkDatabase(from);
  if (!check.ok) throw new Error(`Refusing to restore ${from}: ${check.problems.join('; ')}`);
  const exists = existsSync(db);
  if (exists && databaseInUse(db)) {
    throw new Error(
      `${db} is in use by a running process; stop the Wegwijzer server before restoring`,
    );
  }
  if (exists && !options.force) {
    throw new Error(`${db} exists; pass --force to replace it (the old file is kept beside it)`);
  }
  if (!existsSync(dirname(db))) throw new Error(`The directory ${dirname(db)} does not exist`);
  const incoming = `${db}.restoring`;
  rmSync(incoming, { force: true });
  const source = new BetterSqlite3(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(incoming, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  selfContained(incoming);
  const fd = openSync(incoming, 'r');
  fsyncSync(fd);
  closeSync(fd);
  let replaced: string | null = null;
  if (exists) {
    replaced = `${db}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(db, replaced);
  }
  // A WAL or shared-memory file left by the old database would be replayed onto the restored one.
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (exists && existsSync(db + suffix)) renameSync(db + suffix, replaced + suffix);
    rmSync(db + suffix, { force: true });
  }
  renameSync(incoming, db);
  const after = checkDatabase(db);
  if (!after.ok)
    throw new Error(`The restored database failed its check: ${after.problems.join('; ')}`);
  return { db, replaced, tables: after.tables };
}
