// The reference for HTTP throughput: a bare Hono JSON endpoint on the same runtime.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono().get('/api/health', (c) => c.json({ status: 'ok' }));
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3999) });
