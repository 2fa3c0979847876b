import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrator, openStore } from '@wegwijzer/db';
import { viewerPaths } from '../support/attack.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { createPilot, twelvePersonPilot } from '../support/disclosure-fixtures.ts';

/**
 * Migration 008 (a pilot's arms, issue 17) keeps every two-arm figure: the same pilots held by a
 * database made at schema 007 and upgraded to today's give byte-identical replies — every
 * summary, window, curve, subgroup, cohort, budget, status by month, balance table and route
 * planner profile a viewer can reach, to an admin (exact) and to a viewer (protected) — to those
 * of a database that had today's schema all along.
 */

const dir = mkdtempSync(join(tmpdir(), 'wegwijzer-m008-'));
const native = join(dir, 'native.sqlite');
const upgraded = join(dir, 'upgraded.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Tables of people and accounts, and the append-only audit log: not figures, not copied. */
const NOT_COPIED = /^(audit|users|sessions|api_tokens|tokens|grants|user_pilots|login|kysely)/;

/** Every reply of `paths`, as text, to an admin and to a viewer granted `pilots`. */
async function replies(t: TestApp, pilots: string[], paths: string[]) {
  const viewer = await t.user('viewer', pilots);
  const out: Record<string, string> = {};
  for (const [who, as] of [
    ['admin', undefined],
    ['viewer', viewer],
  ] as const)
    for (const path of [
      ...paths,
      ...pilots.flatMap((p) => [
        `/api/pilots/${p}/models/cox`,
        `/api/pilots/${p}/models/adjusted-difference?window=12`,
        ...(who === 'admin' ? [`/api/pilots/${p}/forecast`] : []),
      ]),
    ]) {
      const res = await t.request(path, { as });
      out[`${who} ${path}`] = `${res.status} ${await res.text()}`;
    }
  return out;
}

let pilots: string[];
let paths: string[];
let before: Record<string, string>;

beforeAll(async () => {
  // Today's schema, the fixtures imported through the API.
  const t = await testApp({}, { sqliteFile: native });
  pilots = [
    await createPilot(t, { name: 'Middel', intervention: 140, control: 90, seed: 7, rare: 0.03 }),
    await createPilot(t, { name: 'Klein', intervention: 9, control: 6, seed: 3 }),
    await twelvePersonPilot(t),
  ];
  paths = viewerPaths(pilots);
  before = await replies(t, pilots, paths);
  await t.close();

  // The same rows in a database at schema 007, as an installation before issue 17 held them.
  const old = await openStore(upgraded, { migrations: {} });
  const { error } = await migrator(old.db).migrateTo('007_derived_version');
  expect(error).toBeUndefined();
  const raw = old.sqlite;
  raw.pragma('foreign_keys = OFF');
  raw.exec(`ATTACH DATABASE '${native}' AS native`);
  const tables = raw
    .prepare(
      "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .pluck()
    .all() as string[];
  raw.transaction(() => {
    for (const table of tables) {
      if (NOT_COPIED.test(table)) continue;
      const mine = raw.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all();
      const theirs = new Set(
        raw.prepare(`SELECT name FROM native.pragma_table_info('${table}')`).pluck().all(),
      );
      const columns = (mine as string[]).filter((c) => theirs.has(c)).join(', ');
      // A table today's schema no longer has: its rows are the later migrations' to rebuild.
      if (columns === '') continue;
      raw.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM native.${table}`);
    }
  })();
  raw.exec('DETACH DATABASE native');
  raw.pragma('foreign_keys = ON');
  expect(raw.prepare('SELECT COUNT(*) FROM participants').pluck().get()).toBe(140 + 90 + 15 + 12);
  await old.close();
}, 240_000);

describe('migration 008_pilot_arms', () => {
  it('upgrades a schema-007 database to replies byte-identical to a database made today', async () => {
    const t = await testApp({}, { sqliteFile: upgraded });
    try {
      const after = await replies(t, pilots, paths);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
      expect(changed).toEqual([]);
      // The comparison covers real figures, not errors.
      expect(before[`admin /api/pilots/${pilots[0]}/outcomes?window=12`]).toMatch(/^200 /);
      expect(Object.values(before).filter((r) => !r.startsWith('200 '))).toEqual([]);
    } finally {
      await t.close();
    }
  }, 240_000);

  it('gives every upgraded pilot the two arms it could hold', async () => {
    const t = await testApp({}, { sqliteFile: upgraded });
    try {
      for (const p of pilots) {
        const { body } = await t.json(`/api/pilots/${p}`);
        expect(body.arms.map((a: { code: string }) => a.code)).toEqual(['intervention', 'control']);
      }
    } finally {
      await t.close();
    }
  });
});
