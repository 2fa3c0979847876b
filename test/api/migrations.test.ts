import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, migrations, openStore, verifyAuditChain } from '@wegwijzer/db';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempFile() {
  const dir = mkdtempSync(join(tmpdir(), 'wegwijzer-migrate-'));
  dirs.push(dir);
  return join(dir, 'db.sqlite');
}

describe('migrations', () => {
  it('creates every table in an empty file, in WAL mode with foreign keys on', async () => {
    const store = await openStore(tempFile());
    const tables = store.sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name",
      )
      .pluck()
      .all();
    expect(tables).toEqual([
      'audit_anonymous',
      'audit_log',
      'budget_lines',
      'events',
      'export_log',
      'export_participants',
      'grants',
      'login_throttle',
      'participant_derived',
      'participant_values',
      'participants',
      'pilot_arms',
      'pilot_totals',
      'pilot_variables',
      'pilots',
      'reference_lines',
      'sessions',
      'settings',
      'tokens',
      'users',
    ]);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    await store.close();
  });

  it('opens an already migrated file again without changes', async () => {
    const file = tempFile();
    await (await openStore(file)).close();
    const store = await openStore(file);
    const applied = store.sqlite.prepare('SELECT name FROM kysely_migration').pluck().all();
    expect(applied).toEqual(Object.keys(migrations).sort());
    expect(applied).toContain('005_audit_chain');
    await store.close();
  });

  it('refuses to update or delete an audit entry, whatever the SQL', async () => {
    const store = await openStore(tempFile());
    await appendAudit(store.db, { actorId: null, actorEmail: null, action: 'test' });
    expect(() => store.sqlite.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(
      /append-only/,
    );
    expect(() => store.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    await store.close();
  });

  it('chains the audit entries an older database already holds, in id order', async () => {
    const file = tempFile();
    const before = Object.fromEntries(
      Object.entries(migrations).filter(([name]) => name < '005_audit_chain'),
    );
    const old = await openStore(file, { migrations: before });
    for (const action of ['login', 'import.participants', 'participant.read'])
      old.sqlite
        .prepare('INSERT INTO audit_log (at, actor_email, action) VALUES (?, ?, ?)')
        .run(new Date().toISOString(), 'beheer@gemeente.example', action);
    await old.close();
    const store = await openStore(file);
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true, entries: 3 });
    await appendAudit(store.db, { actorId: null, actorEmail: null, action: 'after' });
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true, entries: 4 });
    await store.close();
  });
});
