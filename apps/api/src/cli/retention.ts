/**
 * The scheduled retention run (SPEC §8), e.g. nightly from cron:
 *
 *   pnpm retention [--db FILE|postgres://…] [--today YYYY-MM-DD] [--apply]
 *
 * Without --apply it only reports, as JSON on stdout, the pilots whose retention date has passed
 * or comes within 90 days. With --apply it acts on every pilot whose date has passed with the
 * pilot's own retention action (erase, or reduce to the aggregate figures), audited as
 * `retention-cli`; a pilot whose date an upgrade set and nobody has reviewed is skipped: no
 * data go on a date nobody agreed to. `--db` defaults to DATABASE_URL.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getPilot, isPostgresUrl, openDatabase } from '@wegwijzer/db';
import { isIsoDate, todayIso } from '@wegwijzer/domain';
import { operatorCtx } from '../usecases/context.ts';
import { applyRetention, retentionReport } from '../usecases/retention.ts';

const USAGE = 'Usage: pnpm retention [--db FILE|postgres://…] [--today YYYY-MM-DD] [--apply]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    today: { type: 'string' },
    apply: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const url = values.db ?? process.env.DATABASE_URL ?? fail(USAGE);
const today = values.today ?? todayIso();
if (!isIsoDate(today)) fail(`--today must be a date YYYY-MM-DD, got ${today}`);
// `pnpm retention` runs from the repository root; a file path is meant relative to where it was typed.
const target = isPostgresUrl(url) ? url : resolve(process.env.INIT_CWD || process.cwd(), url);

const store = await openDatabase(target, { poolSize: 2 });
try {
  const due = await retentionReport(store, today);
  const applied = [];
  const skipped = [];
  if (values.apply) {
    for (const line of due.filter((l) => l.status === 'due')) {
      if (line.review) {
        skipped.push({ pilotId: line.pilotId, reason: 'retention date awaits review' });
        continue;
      }
      const pilot = (await getPilot(store.db, line.pilotId))!;
      applied.push(
        await applyRetention(
          operatorCtx(store, 'retention-cli'),
          pilot,
          pilot.retentionAction,
          today,
        ),
      );
    }
  }
  console.log(
    JSON.stringify({ today, apply: values.apply, pilots: due, applied, skipped }, null, 2),
  );
} finally {
  await store.close();
}
