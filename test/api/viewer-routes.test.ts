import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '@wegwijzer/api';
import { testApp, type TestApp } from '../support/app.ts';
import { createPilot } from '../support/disclosure-fixtures.ts';

/**
 * Every route a viewer can reach, walked from the route table: it declares what it gives a viewer
 * (apps/api/src/http/access.ts, `ViewerReply`), and a route that declares `protected` answers a
 * viewer with a reply passed through @wegwijzer/disclosure, which marks it `rounded`. A new viewer
 * endpoint that forgets either fails here.
 */

let t: TestApp;
let pilot: string;
let viewer: string;
beforeAll(async () => {
  t = await testApp();
  pilot = await createPilot(t, { name: 'Routes', intervention: 40, control: 30, seed: 11 });
  viewer = await t.user('viewer', [pilot]);
});
afterAll(() => t.close());

const viewerRoutes = () =>
  routeTable.filter((r) => !('public' in r.access) && r.access.roles.includes('viewer'));

/** Sample query strings for the routes that need one. */
const QUERIES: Record<string, string> = {
  '/api/pilots/{id}/subgroups': '?by=motivation&window=12',
};

describe('routes a viewer can reach', () => {
  it('each declare what they give a viewer', () => {
    expect(viewerRoutes().length).toBeGreaterThan(10);
    const undeclared = viewerRoutes().filter(
      (r) => !('public' in r.access) && r.access.viewer === undefined,
    );
    expect(undeclared.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('answer a viewer with protected, rounded replies where they say so', async () => {
    const routes = viewerRoutes().filter(
      (r) => r.method === 'GET' && !('public' in r.access) && r.access.viewer === 'protected',
    );
    expect(routes.length).toBeGreaterThanOrEqual(9);
    for (const r of routes) {
      const path = r.path.replace('{id}', pilot) + (QUERIES[r.path] ?? '');
      const { status, body } = await t.json(path, { as: viewer });
      expect(status, path).toBe(200);
      const marked =
        body.rounded === true ||
        (Array.isArray(body.items) && body.items.every((i: { rounded?: boolean }) => i.rounded));
      expect(marked, path).toBe(true);
      // The same route gives an admin the exact figures, unmarked.
      const exact = await t.json(path);
      expect(exact.body.rounded, path).toBeUndefined();
    }
  });
});
