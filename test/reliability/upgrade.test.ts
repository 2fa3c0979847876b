import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  allWindowRows,
  armTotals,
  migrations,
  migrator,
  openStore,
  recomputePilot,
  sql,
  toPilotRecord,
  type Migration,
  type SqliteStore,
  WIDE_COLUMNS,
} from '@wegwijzer/db';
import { verifyFile, WINDOWS } from './support/data.ts';
import { adminToken, api, root, startServer, tempDir } from './support/server.ts';

/**
 * Upgrades: a database made with the first schema only (Kysely's Migrator `migrateTo('001_initial')`)
 * and holding data opens with every migration and keeps its data; an upgrade that fails, or whose
 * process is killed half-way, leaves the schema exactly as it was.
 */

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
const newFile = () => join(tmp.dir, `db-${++n}.sqlite`);
const PILOT = 'pilot-v1';

/** Derived columns added after the first schema (migration 003: debts and money stress). */
const LATER_DERIVED_COLUMNS = [
  ...['participant_windows', 'pilot_totals'].flatMap((table) =>
    ['debt_intake', 'debt_stabilised', 'stress_measured', 'stress_change_tenths'].map((c) => [
      table,
      c,
    ]),
  ),
  ['participant_derived', 'debt_stabilise_days', 'NULL'],
  ['participant_derived', 'debt_stabilise_censored', 'NULL'],
  ['participant_derived', 'data_version'],
];

/** A file at schema 001 with a pilot, 40 participants, their events and the derived rows. */
async function firstSchemaFile(): Promise<string> {
  const file = newFile();
  const store = await openStore(file, { migrations: {} });
  const { error } = await migrator(store.db).migrateTo('001_initial');
  expect(error).toBeUndefined();
  const raw = store.sqlite;
  const now = '2025-01-01T00:00:00.000Z';
  raw
    .prepare(
      `INSERT INTO pilots (id, name, municipality, theme, start_date, data_complete_through, monthly_benefit_cents,
        guidance_cost_cents, synthetic, created_at, updated_at) VALUES (?, 'Zuidwijk', 'GM0014', 'reintegration',
        '2023-01-01', '2025-12-31', 125000, 300000, 0, ?, ?)`,
    )
    .run(PILOT, now, now);
  const addP = raw.prepare(
    `INSERT INTO participants (pilot_id, participant_ref, arm, intake_date, motivation, ladder_step, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addE = raw.prepare(
    `INSERT INTO events (participant_id, pilot_id, type, date, reason, value, amount_cents, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  raw.transaction(() => {
    for (let i = 1; i <= 40; i++) {
      const id = Number(
        addP.run(
          PILOT,
          `café-${i}`,
          i % 3 ? 'intervention' : 'control',
          `2023-0${1 + (i % 9)}-1${i % 10}`,
          1 + (i % 5),
          1 + (i % 6),
          now,
          now,
        ).lastInsertRowid,
      );
      if (i % 2)
        addE.run(
          id,
          PILOT,
          'benefit_end',
          `2024-0${1 + (i % 9)}-01`,
          i % 4 ? 'bbz' : 'regular_work',
          null,
          null,
          now,
        );
      addE.run(id, PILOT, 'offset_income', '2024-02-01', null, null, 10_000 + i, now);
      addE.run(id, PILOT, 'ladder', '2024-03-01', null, 1 + ((i + 2) % 6), null, now);
    }
  })();
  // The derived rows as the first schema held them. Today's code writes the columns later
  // migrations added too, so it runs against temporary copies of those columns, which are then
  // dropped: the first schema's columns are derived the same way now as then.
  for (const [table, column, nullable] of LATER_DERIVED_COLUMNS)
    raw.exec(
      `ALTER TABLE ${table} ADD COLUMN ${column} INTEGER ${nullable ?? 'NOT NULL DEFAULT 0'}`,
    );
  // Today's recompute reads the pilot's declared arms (migration 008); without rows the pilot
  // has the two arms the first schema knew.
  raw.exec(
    'CREATE TABLE pilot_arms (pilot_id TEXT, code TEXT, label TEXT, label_en TEXT, position INTEGER)',
  );
  // Today's recompute writes the window facts as columns of the one derived row (migration
  // 010); they are copied into the first schema's window rows and dropped.
  for (const column of WIDE_COLUMNS)
    raw.exec(`ALTER TABLE participant_derived ADD COLUMN ${column}`);
  await store.transaction((tx) =>
    recomputePilot(
      tx,
      PILOT,
      toPilotRecord(raw.prepare('SELECT * FROM pilots WHERE id = ?').get(PILOT) as never),
    ),
  );
  raw.exec(`INSERT INTO participant_windows SELECT * FROM ${allWindowRows()}`);
  for (const column of WIDE_COLUMNS)
    raw.exec(`ALTER TABLE participant_derived DROP COLUMN ${column}`);
  for (const [table, column] of LATER_DERIVED_COLUMNS)
    raw.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
  raw.exec('DROP TABLE pilot_arms');
  await store.close();
  return file;
}

/** The schema as SQLite stores it, and the migrations recorded: what must not change on a failure. */
function schemaOf(store: SqliteStore) {
  return {
    objects: store.sqlite
      .prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
      )
      .all(),
    applied: store.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all(),
  };
}

async function inspect(file: string) {
  const store = await openStore(file, {
    migrations: { '001_initial': migrations['001_initial']! },
  });
  try {
    // Today's reads look up the pilot's declared arms (migration 008): a table that lives only
    // for this read and is rolled back, so the schema compared below stays the file's own.
    const totals: Record<number, unknown> = {};
    const armsMissing = !store.sqlite
      .prepare("SELECT 1 FROM sqlite_master WHERE name = 'pilot_arms'")
      .get();
    if (armsMissing) {
      store.sqlite.exec('BEGIN');
      store.sqlite.exec(
        'CREATE TABLE pilot_arms (pilot_id TEXT, code TEXT, label TEXT, label_en TEXT, position INTEGER)',
      );
    }
    for (const k of WINDOWS) totals[k] = await armTotals(store.db, PILOT, k);
    if (armsMissing) store.sqlite.exec('ROLLBACK');
    const rows = {
      participants: store.sqlite.prepare('SELECT COUNT(*) FROM participants').pluck().get(),
      events: store.sqlite.prepare('SELECT COUNT(*) FROM events').pluck().get(),
    };
    return { schema: schemaOf(store), totals, rows };
  } finally {
    await store.close();
  }
}

describe('upgrades', () => {
  it('opens a first-schema database with data with every migration, keeping the data', async () => {
    const file = await firstSchemaFile();
    const before = await inspect(file);
    expect(before.schema.applied).toEqual(['001_initial']);
    expect(before.rows).toEqual({ participants: 40, events: 100 });

    const store = await openStore(file);
    expect(schemaOf(store).applied).toEqual(Object.keys(migrations).sort());
    const tables = store.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all();
    expect(tables).toContain('login_throttle');
    for (const k of WINDOWS) expect(await armTotals(store.db, PILOT, k)).toEqual(before.totals[k]);
    await store.close();

    // And the real server starts on it and serves the same figures.
    const server = await startServer(file);
    try {
      const token = await adminToken(server.base);
      const res = await api(server.base, token, `/api/pilots/${PILOT}/outcomes?window=12`);
      expect(res.status, res.text).toBe(200);
      const t = before.totals[12] as any;
      expect(res.body.arms.intervention).toMatchObject({
        participants: t.intervention.participants,
        evaluable: t.intervention.evaluable,
      });
      expect(res.body.arms.intervention.offBenefit.count).toBe(t.intervention.off);
      const refs = await api(
        server.base,
        token,
        `/api/pilots/${PILOT}/participants?ref=caf%C3%A9-7`,
      );
      expect(refs.body.items[0].participantRef).toBe('café-7');
    } finally {
      expect((await server.stop('SIGTERM')).code).toBe(0);
    }
    const after = await verifyFile(file, PILOT);
    expect(after.integrity).toBe('ok');
    expect(after.totalsMatchWindows && after.windowsMatchEvents).toBe(true);
  }, 60_000);

  it('rolls a failing upgrade back completely: schema, recorded migrations and data as before', async () => {
    const file = await firstSchemaFile();
    const before = await inspect(file);
    const broken: Migration = {
      async up(db) {
        await sql`CREATE TABLE half_done (id INTEGER PRIMARY KEY)`.execute(db);
        await sql`ALTER TABLE participants ADD COLUMN half_done_marker TEXT`.execute(db);
        await sql`UPDATE participants SET half_done_marker = 'x', participant_ref = participant_ref || '-changed'`.execute(
          db,
        );
        await sql`DROP INDEX events_participant`.execute(db);
        throw new Error('deliberate failure after four statements');
      },
    };
    // 002 is pending too: the whole upgrade is one transaction, so it goes back with 003.
    await expect(
      openStore(file, { migrations: { ...migrations, '003_broken': broken } }),
    ).rejects.toThrow(/Migration 003_broken failed: deliberate failure/);
    const after = await inspect(file);
    expect(after.schema).toEqual(before.schema);
    expect(after.rows).toEqual(before.rows);
    expect(after.totals).toEqual(before.totals);
    const check = await verifyFile(file, PILOT);
    expect(check.integrity).toBe('ok');
    // And the shipped migrations still apply afterwards.
    const store = await openStore(file);
    expect(schemaOf(store).applied).toEqual(Object.keys(migrations).sort());
    await store.close();
  }, 30_000);

  it('leaves the schema as it was when the process is killed half-way through a migration', async () => {
    const file = await firstSchemaFile();
    const before = await inspect(file);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'test/reliability/support/migrate-child.ts'), file],
      {
        cwd: join(root, 'apps/api'),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise((r) => child.once('exit', r));
    const wal = `${file}-wal`;
    const deadline = Date.now() + 30_000;
    // Killed once the migration's transaction has spilled 2 MB into the WAL: mid-INSERT.
    while (
      Date.now() < deadline &&
      child.exitCode === null &&
      !(existsSync(wal) && statSync(wal).size > 2 * 1024 * 1024)
    ) {
      await new Promise((r) => setTimeout(r, 5));
    }
    const walAtKill = existsSync(wal) ? statSync(wal).size : 0;
    child.kill('SIGKILL');
    await exited;
    expect(out).not.toContain('migrated');
    expect(walAtKill).toBeGreaterThan(2 * 1024 * 1024);

    const after = await inspect(file);
    expect(after.schema).toEqual(before.schema);
    expect(after.rows).toEqual(before.rows);
    const store = await openStore(file);
    expect(schemaOf(store).applied).toEqual(Object.keys(migrations).sort());
    await store.close();
    console.info(
      `upgrade: migration process killed with ${walAtKill} bytes in the WAL; schema and data unchanged`,
    );
  }, 60_000);
});
