import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL server the tests run against (WEGWIJZER_TEST_DATABASE_URL, set by
 * scripts/with-postgres.sh), or null for SQLite.
 */
export function testDatabaseServer(): string | null {
  return process.env.WEGWIJZER_TEST_DATABASE_URL || null;
}

/** The same server URL with another database name. */
export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty database `wegwijzer_test_<random>` on the server, with C collation so text
 * sorts byte-wise as on SQLite; returns its URL.
 */
export async function createTestDatabase(
  serverUrl: string,
): Promise<{ url: string; name: string }> {
  const name = `wegwijzer_test_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, (c) =>
    c.query(
      `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`,
    ),
  );
  return { url: withDatabase(serverUrl, name), name };
}

/** Drops a database made by `createTestDatabase`, closing whatever still holds it open. */
export async function dropTestDatabase(serverUrl: string, name: string): Promise<void> {
  if (!/^wegwijzer_test_[0-9a-f]+$/.test(name)) throw new Error(`Not a test database: ${name}`);
  await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
