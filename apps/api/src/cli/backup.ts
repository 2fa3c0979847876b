/**
 * Backs up, checks and restores the SQLite database (docs/operations.md):
 *
 *   tsx apps/api/src/cli/backup.ts backup  --db data/wegwijzer.sqlite --out /backup/wegwijzer-2025-06-01.sqlite
 *   tsx apps/api/src/cli/backup.ts check   --file /backup/wegwijzer-2025-06-01.sqlite
 *   tsx apps/api/src/cli/backup.ts restore --from /backup/wegwijzer-2025-06-01.sqlite --db data/wegwijzer.sqlite [--force]
 *
 * `backup` runs while the server runs. `restore` refuses while a server has the database open,
 * and refuses to replace an existing database without --force. `--db` defaults to DATABASE_URL.
 * Prints one JSON object; exits 0 on success, 1 on failure, 2 on wrong usage.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase, checkDatabase, restoreDatabase } from '@wegwijzer/db';

const USAGE = `Usage:
  backup  --db FILE --out FILE          online backup of the database, checked
  check   --file FILE                   integrity check of a backup or database
  restore --from FILE --db FILE [--force]  put a checked backup in place (server stopped)`;

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(USAGE);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      out: { type: 'string' },
      file: { type: 'string' },
      from: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
} catch (err) {
  usage((err as Error).message);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [command, ...extra] = positionals;
if (extra.length > 0) usage(`Unexpected arguments: ${extra.join(' ')}`);
const dbPath = values.db ?? process.env.DATABASE_URL;
// `pnpm backup` runs from the repository root; paths are meant relative to where it was typed.
const base = process.env.INIT_CWD || process.cwd();
const path = (p: string | undefined, flag: string) =>
  p ? resolve(base, p) : usage(`${command} needs ${flag}`);

try {
  switch (command) {
    case 'backup': {
      const report = await backupDatabase(path(dbPath, '--db'), path(values.out, '--out'));
      console.log(JSON.stringify({ ok: true, ...report }));
      break;
    }
    case 'check': {
      const report = checkDatabase(path(values.file ?? dbPath, '--file'));
      console.log(JSON.stringify(report));
      if (!report.ok) process.exitCode = 1;
      break;
    }
    case 'restore': {
      const report = await restoreDatabase(path(values.from, '--from'), path(dbPath, '--db'), {
        force: values.force,
      });
      console.log(JSON.stringify({ ok: true, ...report }));
      break;
    }
    default:
      usage(command ? `Unknown command ${command}` : undefined);
  }
} catch (err) {
  console.error(JSON.stringify({ ok: false, error: (err as Error).message }));
  process.exitCode = 1;
}
