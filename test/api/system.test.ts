import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('system routes', () => {
  it('answers health with ok and the version', async () => {
    const { status, body } = await t.json('/api/health', { as: '' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', database: 'ok' });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('publishes an OpenAPI 3.1 document with the SPEC endpoints', async () => {
    const { status, body } = await t.json('/api/openapi.json', { as: '' });
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    for (const path of [
      '/api/health',
      '/api/auth/login',
      '/api/tokens',
      '/api/users',
      '/api/pilots',
      '/api/pilots/{id}/participants',
      '/api/participants/{id}/events',
      '/api/pilots/{id}/imports',
      '/api/pilots/{id}/outcomes',
      '/api/pilots/{id}/survival',
      '/api/pilots/{id}/subgroups',
      '/api/outcomes',
    ]) {
      expect(body.paths, path).toHaveProperty([path]);
    }
  });

  it('documents bearer tokens, so the API reference offers "Authorize", on every route that needs a caller', async () => {
    const { body } = await t.json('/api/openapi.json', { as: '' });
    expect(body.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(body.paths['/api/pilots'].get.security).toEqual([{ bearer: [] }]);
    expect(body.paths['/api/health'].get.security).toBeUndefined();
  });

  it('serves an interactive API reference at /api/docs', async () => {
    const res = await t.request('/api/docs', { as: '' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger-ui-bundle.js');
  });

  it('answers an unknown API route with 404 in the error envelope', async () => {
    const { status, body } = await t.json('/api/nothing-here');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.request('/api/pilots', {
      method: 'POST',
      body: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.code).toBe('bad_request');
  });

  it('refuses an oversized JSON body with 413', async () => {
    const res = await t.request('/api/pilots', {
      method: 'POST',
      body: JSON.stringify({ name: 'x'.repeat(2_000_000) }),
    });
    expect(res.status).toBe(413);
  });

  it('sends security headers with a strict Content-Security-Policy', async () => {
    const res = await t.request('/api/health', { as: '' });
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
