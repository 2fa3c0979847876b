import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname } from 'node:path';
import { serve } from '@hono/node-server';
import { isPostgresUrl, openDatabase, withStartupLock } from '@wegwijzer/db';
import { createApp } from './app.ts';
import { ConfigError, configFromEnv, type Config } from './config.ts';
import { bootstrapAdmin, DEMO_ACCOUNTS, loadDemo } from './usecases/bootstrap.ts';

let config: Config;
try {
  config = configFromEnv();
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(`Wegwijzer does not start: ${e.message}`);
  process.exit(1);
}
if (!isPostgresUrl(config.databaseUrl)) mkdirSync(dirname(config.databaseUrl), { recursive: true });
const store = await openDatabase(config.databaseUrl, {
  poolSize: Number(process.env.WEGWIJZER_PG_POOL_SIZE ?? 10) || 10,
  versionWatch: (process.env.WEGWIJZER_PG_VERSION_WATCH ?? 'on').toLowerCase() !== 'off',
});
await withStartupLock(store, 'bootstrap', async () => {
  if (await bootstrapAdmin(store, config))
    console.log(`Created the admin account ${config.adminEmail}`);
  if (config.demo && (await loadDemo(store))) {
    console.log('Loaded synthetic demo data. Demo accounts:');
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(10)} ${a.email}  ${a.password}`);
  }
});
const app = await createApp(store, config);
// Plain HTTP/1.1 (serve's default), so the connection controls of node:http are there.
const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`Wegwijzer listens on http://localhost:${info.port}/`);
}) as Server;

/** How long in-flight requests get to finish after SIGTERM before they are cut off. */
const GRACE_MS = Number(process.env.WEGWIJZER_SHUTDOWN_GRACE_MS ?? 10_000);
let stopping = false;

/**
 * SIGTERM/SIGINT: stop listening at once, let requests in flight finish (a write transaction is
 * never cut in half), close idle keep-alive connections, then checkpoint
 * the WAL into the database file, close it and exit 0. After the grace period the remaining
 * connections are cut off: an import still uploading fails as a whole and writes nothing.
 */
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(
    JSON.stringify({ level: 'info', time: new Date().toISOString(), msg: 'shutdown', signal }),
  );
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  const cutOff = setTimeout(() => {
    console.error(
      JSON.stringify({
        level: 'warn',
        time: new Date().toISOString(),
        msg: 'shutdown grace period over; closing open connections',
      }),
    );
    server.closeAllConnections();
  }, GRACE_MS);
  server.close(async () => {
    clearInterval(idle);
    clearTimeout(cutOff);
    try {
      await store.close();
      process.exit(0);
    } catch (err) {
      console.error(
        JSON.stringify({
          level: 'error',
          msg: 'closing the database failed',
          error: (err as Error).message,
        }),
      );
      process.exit(1);
    }
  });
  server.closeIdleConnections();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
