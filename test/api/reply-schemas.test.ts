import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv, testApp, type TestApp } from '../support/app.ts';
import { declaredSchema, expectDeclared, templateOf } from '../support/schema.ts';

// The reply check of test/support/schema.ts: bodies are parsed with the schema the route
// declares (the one in the OpenAPI document), so a reply that drifts from it fails a test.

let t: TestApp;
let pilot: string;

beforeAll(async () => {
  t = await testApp();
  pilot = await t.pilot();
  const csv = 'participant_ref,arm,intake_date\nA,intervention,2024-01-01\nB,control,2024-02-01\n';
  expect((await importCsv(t, pilot, 'participants', csv)).status).toBe(200);
});
afterAll(() => t.close());

describe('reply bodies against their declared schemas', () => {
  it.each(['outcomes?window=12', 'survival', 'subgroups?by=household&window=12'])(
    'GET /api/pilots/{id}/%s matches its schema',
    async (tail) => {
      const url = `/api/pilots/${pilot}/${tail}`;
      const reply = await t.json(url);
      expect(reply.status).toBe(200);
      expect(expectDeclared(reply, 'GET', templateOf(url))).toBe(reply.body);
    },
  );

  it('fails a body that drifted from the schema, and a 400 is checked against the error body', async () => {
    const url = `/api/pilots/${pilot}/survival`;
    const { body } = await t.json(url);
    const drifted = { ...body, arms: { intervention: { points: 'none' } } };
    expect(() => expectDeclared({ status: 200, body: drifted }, 'GET', templateOf(url))).toThrow(
      /does not match its schema[\s\S]*arms\.intervention/,
    );
    const bad = await t.json(`/api/pilots/${pilot}/outcomes?window=61`);
    expect(bad.status).toBe(400);
    expectDeclared(bad, 'GET', '/api/pilots/{id}/outcomes');
    expect(() => declaredSchema('GET', '/api/nowhere', 200)).toThrow(/No route/);
  });
});
