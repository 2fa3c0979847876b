import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WINDOW, StatusByMonthReply } from '@wegwijzer/domain';
import { windowOf, wilson } from '@wegwijzer/outcomes';
import type { TestApp } from '../support/app.ts';
import { demoApp } from '../support/demo.ts';
import { deriveInMemory } from '../support/derive.ts';

let t: TestApp;
let pilots: string[];

beforeAll(async () => {
  ({ t, pilots } = await demoApp());
}, 120_000);
afterAll(() => t.close());

const MONTHS = Array.from({ length: MAX_WINDOW }, (_, i) => i + 1);
type Arm = 'intervention' | 'control';

describe('GET /api/pilots/{id}/status-by-month', () => {
  it('meets the 12- and 9-month outcomes at months 12 and 9, for every arm of every pilot', async () => {
    for (const id of pilots) {
      const { status, body } = await t.json(`/api/pilots/${id}/status-by-month`);
      expect(status).toBe(200);
      expect(StatusByMonthReply.safeParse(body).success).toBe(true);
      for (const k of [12, 9]) {
        const outcome = (await t.json(`/api/pilots/${id}/outcomes?window=${k}`)).body;
        for (const arm of Object.keys(outcome.arms) as Arm[]) {
          const point = body.arms[arm][k - 1];
          expect(point.month).toBe(k);
          expect(point.evaluable).toBe(outcome.arms[arm].evaluable);
          expect(point.offBenefit).toEqual(outcome.arms[arm].offBenefit);
        }
        expect(Object.keys(body.arms).sort()).toEqual(Object.keys(outcome.arms).sort());
      }
    }
  });

  it('counts every month as the engine derives each participant', async () => {
    for (const id of pilots) {
      const rows = (await deriveInMemory(t.store, id, { windows: MONTHS })).map((r) => r.derived);
      const { body } = await t.json(`/api/pilots/${id}/status-by-month`);
      for (const arm of Object.keys(body.arms) as Arm[]) {
        const mine = rows.filter((r) => r.arm === arm);
        const reached = MONTHS.filter((m) => rows.some((r) => windowOf(r, m)!.evaluable));
        const last = Math.max(36, ...reached);
        expect(body.arms[arm].map((p: { month: number }) => p.month)).toEqual(
          MONTHS.slice(0, last),
        );
        for (const point of body.arms[arm]) {
          const w = mine.map((r) => windowOf(r, point.month)!);
          const n = w.filter((x) => x.evaluable).length;
          expect(point).toEqual({
            month: point.month,
            evaluable: n,
            offBenefit: wilson(w.filter((x) => x.offBenefit).length, n),
          });
        }
      }
    }
  });

  it('shows a viewer rounded counts, none from 1 to 9, and no month with fewer than 10 evaluable', async () => {
    const viewer = await t.user('viewer', pilots);
    let left = 0;
    for (const id of pilots) {
      const exact = (await t.json(`/api/pilots/${id}/status-by-month`)).body;
      const { status, body } = await t.json(`/api/pilots/${id}/status-by-month`, { as: viewer });
      expect(status).toBe(200);
      expect(StatusByMonthReply.safeParse(body).success).toBe(true);
      expect(body.rounded).toBe(true);
      for (const arm of Object.keys(exact.arms) as Arm[]) {
        const kept = exact.arms[arm].filter((p: { evaluable: number }) => p.evaluable >= 10);
        left += exact.arms[arm].length - kept.length;
        expect(body.arms[arm].map((p: { month: number }) => p.month)).toEqual(
          kept.map((p: { month: number }) => p.month),
        );
        body.arms[arm].forEach(
          (
            p: { evaluable: number; offBenefit: { count: number | null; rate: number | null } },
            i: number,
          ) => {
            expect(p.evaluable).toBeGreaterThanOrEqual(10);
            expect(p.evaluable % 5).toBe(0);
            const off = p.offBenefit.count;
            if (off === null) {
              expect(p.offBenefit.rate).toBeNull();
              expect(body.suppressed).toContain(`/arms/${arm}/${i}/offBenefit/count`);
            } else {
              expect(off === 0 || (off >= 10 && off % 5 === 0)).toBe(true);
              // The share comes from the rounded counts, never from the exact ones.
              expect(p.offBenefit).toEqual(wilson(off, p.evaluable));
            }
          },
        );
      }
    }
    // The demo has months beyond its data for some arm, so the rule was exercised.
    expect(left).toBeGreaterThan(0);
  });

  it('follows the access rules: 401 without login, 403 without a grant, 404 for no pilot', async () => {
    expect((await t.json(`/api/pilots/${pilots[0]}/status-by-month`, { as: '' })).status).toBe(401);
    const manager = await t.user('manager', []);
    expect((await t.json(`/api/pilots/${pilots[0]}/status-by-month`, { as: manager })).status).toBe(
      403,
    );
    expect((await t.json('/api/pilots/nope/status-by-month')).status).toBe(404);
  });

  it('is in the OpenAPI document', async () => {
    const { body } = await t.json('/api/openapi.json');
    expect(body.paths['/api/pilots/{id}/status-by-month'].get).toBeDefined();
  });
});
