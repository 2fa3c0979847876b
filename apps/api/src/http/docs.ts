import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from './env.ts';

const require = createRequire(import.meta.url);
const dist = join(require.resolve('swagger-ui-dist/package.json'), '..');
const asset = (name: string) => readFileSync(join(dist, name));

/** An interactive API reference served from the installed swagger-ui-dist, so it works offline. */
export function docsRoutes() {
  const bundle = asset('swagger-ui-bundle.js');
  const css = asset('swagger-ui.css');
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Wegwijzer API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`;
  const init = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui' });`;
  return new Hono<AppEnv>()
    .get('/api/docs', (c) => c.html(page))
    .get('/api/docs/swagger-ui-bundle.js', (c) =>
      c.body(bundle, 200, { 'content-type': 'text/javascript' }),
    )
    .get('/api/docs/swagger-ui.css', (c) => c.body(css, 200, { 'content-type': 'text/css' }))
    .get('/api/docs/init.js', (c) => c.body(init, 200, { 'content-type': 'text/javascript' }));
}
