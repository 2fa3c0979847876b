import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from './env.ts';

/** Serves the built dashboard; any non-API path falls back to index.html for client-side routing. */
export function webRoutes(dist: string | null) {
  const app = new Hono<AppEnv>();
  if (!dist || !existsSync(join(dist, 'index.html'))) return app;
  const index = readFileSync(join(dist, 'index.html'), 'utf8');
  app.use(
    '/assets/*',
    serveStatic({
      root: dist,
      onFound: (_p, c) => c.header('cache-control', 'public, max-age=31536000, immutable'),
    }),
  );
  app.use('*', serveStatic({ root: dist }));
  app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(index)));
  return app;
}
