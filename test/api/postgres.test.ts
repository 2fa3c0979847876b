import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createToken,
  insertUser,
  openPostgres,
  recountTotals,
  appendAudit,
  armTotals,
  migrations,
  sql,
  type PostgresStore,
} from '@wegwijzer/db';
import { createTestDatabase, dropTestDatabase, testDatabaseServer } from '../support/postgres.ts';
import { startServer, type RunningServer } from '../support/server.ts';

/**
 * What only PostgreSQL has: its own DDL, and several API processes on one database. Runs in the
 * PostgreSQL run of the suite (vitest.postgres.config.ts) only; the SQLite run leaves these files out.
 */
const server = testDatabaseServer();

describe('PostgreSQL', () => {
  let name = '';
  let url = '';
  let store: PostgresStore;

  beforeAll(async () => {
    ({ url, name } = await createTestDatabase(server!));
    store = await openPostgres(url);
  });
  afterAll(async () => {
    await store?.close();
    if (name) await dropTestDatabase(server!, name);
  });

  describe('schema', () => {
    it('has identity ids, 64-bit integers, double precision and every migration once', async () => {
      const { rows } = await sql<{
        table_name: string;
        column_name: string;
        data_type: string;
        is_identity: string;
      }>`
        SELECT table_name, column_name, data_type, is_identity FROM information_schema.columns
        WHERE table_schema = 'public' AND (
          (table_name = 'participants' AND column_name IN ('id', 'birth_year')) OR
          (table_name = 'events' AND column_name IN ('id', 'value')) OR
          (table_name = 'pilot_totals' AND column_name = 'avoided_numerator'))
        ORDER BY 1, 2`.execute(store.db);
      expect(rows).toEqual([
        { table_name: 'events', column_name: 'id', data_type: 'bigint', is_identity: 'YES' },
        {
          table_name: 'events',
          column_name: 'value',
          data_type: 'double precision',
          is_identity: 'NO',
        },
        {
          table_name: 'participants',
          column_name: 'birth_year',
          data_type: 'bigint',
          is_identity: 'NO',
        },
        { table_name: 'participants', column_name: 'id', data_type: 'bigint', is_identity: 'YES' },
        {
          table_name: 'pilot_totals',
          column_name: 'avoided_numerator',
          data_type: 'bigint',
          is_identity: 'NO',
        },
      ]);
      // Opening again applies nothing.
      const again = await openPostgres(url);
      const applied = await again.db
        .selectFrom('kysely_migration' as never)
        .select('name' as never)
        .execute();
      expect(applied.map((r) => (r as { name: string }).name)).toEqual(
        Object.keys(migrations).sort(),
      );
      await again.close();
    });

    it('refuses to update, delete or truncate an audit entry, whatever the SQL', async () => {
      await appendAudit(store.db, { actorId: null, actorEmail: null, action: 'test' });
      await expect(sql`UPDATE audit_log SET action = 'x'`.execute(store.db)).rejects.toThrow(
        /append-only/,
      );
      await expect(sql`DELETE FROM audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
      await expect(sql`TRUNCATE audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
    });

    it('returns counts and sums as numbers, and takes ? placeholders in a transaction', async () => {
      const { rows } = await sql<{ n: unknown; s: unknown }>`
        SELECT COUNT(*) AS n, SUM(x) AS s FROM (VALUES (9007199254740::bigint), (1::bigint)) v(x)`.execute(
        store.db,
      );
      expect(rows[0]).toEqual({ n: 2, s: 9007199254741 });
      const got = await store.transaction((tx) =>
        tx.get<{ a: number; b: string }>("SELECT CAST(? AS BIGINT) AS a, '?' || ? AS b", [41, 'x']),
      );
      expect(got).toEqual({ a: 41, b: '?x' });
    });
  });

  describe('two API processes on one database', () => {
    let a: RunningServer;
    let b: RunningServer;
    let token = '';

    beforeAll(async () => {
      const admin = await insertUser(store.db, {
        email: 'admin@two.example',
        name: 'Beheerder',
        passwordHash: 'scrypt$16384$8$1$x$y',
        role: 'admin',
        pilots: [],
      });
      token = (await createToken(store.db, admin.id, 'two', null)).token;
      const env = { DATABASE_URL: url, WEGWIJZER_DEMO: 'false', WEGWIJZER_PG_POOL_SIZE: '4' };
      [a, b] = await Promise.all([startServer(env), startServer(env)]);
    }, 90_000);
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
    });

    const call = async (s: RunningServer, path: string, init: RequestInit = {}) => {
      const res = await fetch(`${s.url}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type':
            typeof init.body === 'string' && !path.includes('/imports')
              ? 'application/json'
              : 'text/csv',
          ...(init.headers as Record<string, string>),
        },
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };
    const newPilot = async (s: RunningServer, name: string) => {
      const res = await call(s, '/api/pilots', {
        method: 'POST',
        body: JSON.stringify({
          name,
          municipality: 'GM0599',
          theme: 'reintegration',
          startDate: '2024-01-01',
          dataCompleteThrough: '2025-12-31',
          retainUntil: '2027-12-31',
          monthlyBenefit: 1200,
          guidanceCost: 2500,
        }),
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const participantsCsv = (refs: string[]) =>
      'participant_ref,intake_date,arm\n' +
      refs
        .map((r, i) => `${r},2024-0${1 + (i % 9)}-15,${i % 3 ? 'intervention' : 'control'}`)
        .join('\n') +
      '\n';
    const refs = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
    const importInto = (s: RunningServer, pilot: string, csv: string) =>
      call(s, `/api/pilots/${pilot}/imports?kind=participants`, { method: 'POST', body: csv });

    it('sees a write through one process in the other at once', async () => {
      const pilot = await newPilot(a, 'Via A');
      const seen = await call(b, `/api/pilots/${pilot}`);
      expect(seen.status).toBe(200);
      expect(seen.body.name).toBe('Via A');
      const created = await call(b, `/api/pilots/${pilot}/participants`, {
        method: 'POST',
        body: JSON.stringify({ participantRef: 'P1', intakeDate: '2024-02-01' }),
      });
      expect(created.status).toBe(201);
      const listed = await call(a, `/api/pilots/${pilot}/participants`);
      expect(listed.body.total).toBe(1);
    });

    it('imports into two pilots at once, through both processes', async () => {
      const [p1, p2] = [await newPilot(a, 'Een'), await newPilot(b, 'Twee')];
      const [r1, r2] = await Promise.all([
        importInto(a, p1, participantsCsv(refs('E', 1500))),
        importInto(b, p2, participantsCsv(refs('T', 1500))),
      ]);
      expect([r1.status, r2.status]).toEqual([200, 200]);
      expect([r1.body.inserted, r2.body.inserted]).toEqual([1500, 1500]);
      for (const p of [p1, p2]) {
        expect((await call(a, `/api/pilots/${p}/participants`)).body.total).toBe(1500);
        expect(await armTotals(store.db, p, 12)).toEqual(await recountTotals(store.db, p, 12));
      }
    });

    it('serialises two imports into one pilot: one after the other, never interleaved', async () => {
      const pilot = await newPilot(a, 'Samen');
      const shared = refs('S', 500);
      const [ra, rb] = await Promise.all([
        importInto(a, pilot, participantsCsv([...refs('A', 2000), ...shared])),
        importInto(b, pilot, participantsCsv([...refs('B', 2000), ...shared])),
      ]);
      expect([ra.status, rb.status]).toEqual([200, 200]);
      // Whichever ran first inserted the shared references; the second found and updated them.
      const outcomes = [ra.body, rb.body].map((r) => `${r.inserted}/${r.updated}`).sort();
      expect(outcomes).toEqual(['2000/500', '2500/0']);
      const rows = await store.db
        .selectFrom('participants')
        .select(['id', 'participant_ref'])
        .where('pilot_id', '=', pilot)
        .orderBy('id')
        .execute();
      expect(rows).toHaveLength(4500);
      // Never interleaved: the ids of one file's new participants form one unbroken run.
      const runs = rows
        .map((r) => r.participant_ref[0])
        .join('')
        .replace(/(.)\1*/g, '$1');
      expect(['ASB', 'BSA']).toContain(runs);
      for (const k of [6, 12, 24])
        expect(await armTotals(store.db, pilot, k)).toEqual(
          await recountTotals(store.db, pilot, k),
        );
      const audit = await store.db
        .selectFrom('audit_log')
        .select('row_count')
        .where('pilot_id', '=', pilot)
        .where('action', '=', 'import.participants')
        .execute();
      expect(audit.map((r) => r.row_count)).toEqual([2500, 2500]);
    });
  });
});
