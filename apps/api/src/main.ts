import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { serve } from '@hono/node-server';
import { openStore } from '@wegwijzer/db';
import { createApp } from './app.ts';
import { configFromEnv } from './config.ts';
import { bootstrapAdmin, DEMO_ACCOUNTS, loadDemo } from './usecases/bootstrap.ts';

const config = configFromEnv();
if (config.databaseUrl.startsWith('postgres')) {
  console.error('PostgreSQL is not supported yet; set DATABASE_URL to a file path.');
  process.exit(1);
}
mkdirSync(dirname(config.databaseUrl), { recursive: true });
const store = await openStore(config.databaseUrl);
if (await bootstrapAdmin(store, config)) console.log(`Created the admin account ${config.adminEmail}`);
if (config.demo && (await loadDemo(store))) {
  console.log('Loaded synthetic demo data. Demo accounts:');
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(10)} ${a.email}  ${a.password}`);
}
const app = await createApp(store, config);
const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`Wegwijzer listens on http://localhost:${info.port}/`);
});

function shutdown() {
  server.close(async () => {
    await store.close();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
