import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CoxReply,
  AdjustedDifferenceReply,
  ForecastReply,
  PilotPowerReply,
  PowerReply,
} from '@wegwijzer/domain';
import { addMonths, coxph, fromDay, toDay } from '@wegwijzer/outcomes';
import { importCsv, testApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let pilot: string;
let researcher: string;
let viewer: string;
let manager: string;

const HOUSEHOLDS = ['single', 'couple', 'single_parent'];
const START = toDay('2024-01-01');
const END = '2025-06-30';

/** 40 people, one a week from 2024-01-01, arms alternating; two without a household. */
const people = Array.from({ length: 40 }, (_, i) => {
  const t0 = START + 7 * i;
  const exitAfter = i % 3 === 0 ? null : 30 + ((i * 13) % 200) + (i % 2 === 0 ? 0 : 60);
  return {
    ref: `P${i}`,
    arm: i % 2 === 0 ? 'intervention' : 'control',
    t0,
    motivation: 1 + (i % 5),
    household: i === 3 || i === 7 ? '' : HOUSEHOLDS[Math.floor(i / 2) % 3]!,
    exitAfter,
  };
});

beforeAll(async () => {
  t = await testApp();
  pilot = await t.pilot({ dataCompleteThrough: END });
  researcher = await t.user('researcher', [pilot]);
  viewer = await t.user('viewer', [pilot]);
  manager = await t.user('manager', [pilot]);
  const participants = [
    'participant_ref,arm,intake_date,motivation,household,education,birth_year',
    ...people.map(
      (p, i) => `${p.ref},${p.arm},${fromDay(p.t0)},${p.motivation},${p.household},mid,${1970 + i}`,
    ),
  ].join('\n');
  const events = [
    'participant_ref,type,date,reason,value',
    ...people
      .filter((p) => p.exitAfter !== null)
      .map((p) => `${p.ref},benefit_end,${fromDay(p.t0 + p.exitAfter!)},regular_work,`),
  ].join('\n');
  expect((await importCsv(t, pilot, 'participants', participants)).status).toBe(200);
  expect((await importCsv(t, pilot, 'events', events)).status).toBe(200);
});
afterAll(() => t.close());

describe('GET /api/pilots/{id}/models/cox', () => {
  it('gives a researcher the unadjusted hazard ratio of the hand-derived exit times', async () => {
    const { status, body } = await t.json(`/api/pilots/${pilot}/models/cox`, { as: researcher });
    expect(status).toBe(200);
    const reply = CoxReply.parse(body);
    const end = toDay(END);
    const direct = coxph({
      time: people.map((p) => p.exitAfter ?? end - p.t0),
      event: people.map((p) => p.exitAfter !== null),
      x: people.map((p) => [p.arm === 'intervention' ? 1 : 0]),
    });
    expect(direct.ok && reply.unadjusted.ok).toBe(true);
    if (direct.ok && reply.unadjusted.ok) {
      expect(reply.unadjusted.hazardRatio).toBeCloseTo(direct.hazardRatio[0]!, 12);
    }
    expect([reply.n, reply.excluded, reply.adjusted]).toEqual([40, 0, null]);
    expect(reply.proportionalHazards?.terms.map((x) => x.name)).toEqual(['arm']);
  });

  it('adjusts for categorical and scale covariates on complete cases, saying how many were left out', async () => {
    const { status, body } = await t.json(
      `/api/pilots/${pilot}/models/cox?covariates=motivation,household`,
      { as: manager },
    );
    expect(status).toBe(200);
    const reply = CoxReply.parse(body);
    expect([reply.n, reply.excluded]).toEqual([38, 2]);
    expect(reply.adjusted?.ok && reply.adjusted.coefficients.map((c) => c.name)).toEqual([
      'arm',
      'motivation',
      'householdsingle_parent',
      'householdcouple',
    ]);
    expect(reply.proportionalHazards?.terms.map((x) => [x.name, x.df])).toEqual([
      ['arm', 1],
      ['motivation', 1],
      ['household', 2],
    ]);
  });

  it('says a covariate has one level instead of giving a number', async () => {
    const { status, body } = await t.json(`/api/pilots/${pilot}/models/cox?covariates=education`, {
      as: researcher,
    });
    expect(status).toBe(200);
    expect(body.adjusted).toEqual({
      ok: false,
      reason: 'constant_covariate',
      covariate: 'education',
    });
  });

  it('refuses an unknown covariate with 400 naming the allowed ones', async () => {
    const { status, body } = await t.json(`/api/pilots/${pilot}/models/cox?covariates=bsn,age`, {
      as: researcher,
    });
    expect(status).toBe(400);
    expect(body.error.message).toContain('Unknown covariate bsn');
    expect(body.error.message).toContain('motivation, ladderStep, household');
  });

  it('gives a viewer a verdict in words and no figure', async () => {
    const { status, body } = await t.json(`/api/pilots/${pilot}/models/cox?covariates=household`, {
      as: viewer,
    });
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual([
      'adjusted',
      'covariates',
      'pilotId',
      'plain',
      'rounded',
      'unadjusted',
    ]);
    expect(['intervention_better', 'intervention_worse', 'no_clear_difference']).toContain(
      body.unadjusted,
    );
    expect(JSON.stringify(body)).not.toMatch(/\d+\.\d/);
  });

  it('tells a viewer too few when a group of the model is below the threshold', async () => {
    // motivation has 8 people per value: below 10.
    const { body } = await t.json(`/api/pilots/${pilot}/models/cox?covariates=motivation`, {
      as: viewer,
    });
    expect(body).toMatchObject({ unadjusted: 'too_few', adjusted: 'too_few' });
  });
});

describe('GET /api/pilots/{id}/models/adjusted-difference', () => {
  it('gives the raw and the standardised difference among the evaluable at k', async () => {
    const { status, body } = await t.json(
      `/api/pilots/${pilot}/models/adjusted-difference?window=12&covariates=motivation`,
      { as: researcher },
    );
    expect(status).toBe(200);
    const reply = AdjustedDifferenceReply.parse(body);
    const end = toDay(END);
    const evaluable = people.filter((p) => addMonths(p.t0, 12) <= end);
    expect([reply.n, reply.pending]).toEqual([evaluable.length, 40 - evaluable.length]);
    const off = (arm: string) => {
      const group = evaluable.filter((p) => p.arm === arm);
      return (
        group.filter((p) => p.exitAfter !== null && p.exitAfter <= addMonths(p.t0, 12) - p.t0)
          .length / group.length
      );
    };
    expect(reply.unadjusted.ok && reply.unadjusted.difference).toBeCloseTo(
      off('intervention') - off('control'),
      12,
    );
    expect(reply.adjusted?.ok).toBe(true);
  });

  it('refuses a window outside 1–60', async () => {
    const { status } = await t.json(`/api/pilots/${pilot}/models/adjusted-difference?window=61`, {
      as: researcher,
    });
    expect(status).toBe(400);
  });
});

describe('GET /api/power', () => {
  it('gives participants per arm as power.prop.test', async () => {
    const { status, body } = await t.json('/api/power?p1=0.2&p2=0.3&power=0.8', { as: viewer });
    expect(status).toBe(200);
    expect(PowerReply.parse(body).perArm).toBe(294);
  });

  it('refuses equal or impossible proportions', async () => {
    expect((await t.json('/api/power?p1=0.3&p2=0.3')).status).toBe(400);
    expect((await t.json('/api/power?p1=1.2&p2=0.3')).status).toBe(400);
    expect((await t.json('/api/power?p2=0.3')).status).toBe(400);
  });
});

describe('GET /api/pilots/{id}/power', () => {
  it('uses the smaller arm’s evaluable count and the control rate', async () => {
    const { status, body } = await t.json(`/api/pilots/${pilot}/power?window=6&power=0.8`, {
      as: researcher,
    });
    expect(status).toBe(200);
    const reply = PilotPowerReply.parse(body);
    const end = toDay(END);
    const evaluable = (arm: string) =>
      people.filter((p) => p.arm === arm && addMonths(p.t0, 6) <= end).length;
    expect(reply.n).toBe(Math.min(evaluable('intervention'), evaluable('control')));
    expect(reply.rounded).toBeUndefined();
    expect(reply.detectableDifference).toBeGreaterThan(0);
  });

  it('gives a viewer n from the rounded counts, and no difference where the control count is suppressed', async () => {
    const { body } = await t.json(`/api/pilots/${pilot}/power?window=6`, { as: viewer });
    const reply = PilotPowerReply.parse(body);
    const summary = (await t.json(`/api/pilots/${pilot}/outcomes?window=6`, { as: viewer })).body;
    const c = summary.arms.control;
    expect(reply.rounded).toBe(true);
    expect(reply.n).toBe(Math.min(summary.arms.intervention.evaluable, c.evaluable));
    // Fewer than 10 control participants are off benefit at 6 months: the viewer sees no rate.
    expect(c.offBenefit.rate).toBeNull();
    expect(reply).toMatchObject({ p1: null, detectableP2: null, detectableDifference: null });
  });
});

describe('GET /api/pilots/{id}/forecast', () => {
  it('gives the date each arm has the target evaluable, and when all have', async () => {
    const { status, body } = await t.json(`/api/pilots/${pilot}/forecast?window=12&target=5`, {
      as: researcher,
    });
    expect(status).toBe(200);
    const reply = ForecastReply.parse(body);
    // The fifth intervention person enrolled on day 4 × 14 = 56 (2024-02-26); control's fifth on 63.
    expect(reply.arms.map((a) => [a.arm, a.date, a.reached])).toEqual([
      ['intervention', fromDay(addMonths(START + 56, 12)), true],
      ['control', fromDay(addMonths(START + 63, 12)), true],
    ]);
    expect(reply.date).toBe(fromDay(addMonths(START + 63, 12)));
  });

  it('gives no date when the target is beyond the enrolled and nobody enrolled lately', async () => {
    const { body } = await t.json(`/api/pilots/${pilot}/forecast?window=12&target=30`, {
      as: researcher,
    });
    expect(body.arms[0]).toMatchObject({ toEnroll: 10, date: null, pacePer30Days: 0 });
    expect(body.date).toBeNull();
  });

  it('is not for viewers', async () => {
    expect((await t.json(`/api/pilots/${pilot}/forecast`, { as: viewer })).status).toBe(403);
  });
});
