import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  CovariatesParam,
  ModelArmParam,
  CoxOrPlainReply,
  DifferenceOrPlainReply,
  ForecastReply,
  PilotPowerReply,
  PowerQuery,
  PowerReply,
  WindowParam,
} from '@wegwijzer/domain';
import { ALL_ROLES } from '../http/access.ts';
import { pilotArgs } from '../http/ctx.ts';
import type { AppEnv } from '../http/env.ts';
import { PilotParam } from './params.ts';
import { defineRoute, errorResponses, jsonContent } from '../http/route.ts';
import {
  pilotAdjustedDifference,
  pilotCox,
  pilotForecast,
  pilotPower,
  plannedPower,
} from '../usecases/models.ts';

const PowerParam = z.coerce.number().gt(0).lt(1).default(0.8).openapi({ example: 0.8 });

/** Viewers get verdicts in words; see packages/disclosure/src/verdict.ts. */
const VIEWER_NOTE = 'Viewers get a verdict in words without figures (SPEC §6).';

export const models = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, pilot: 'id', viewer: 'verdict' },
      {
        method: 'get',
        path: '/api/pilots/{id}/models/cox',
        tags: ['Models'],
        summary: `Hazard ratio of first exit, intervention against control, unadjusted and adjusted (Cox, Efron ties), with cox.zph. ${VIEWER_NOTE}`,
        request: {
          params: PilotParam,
          query: z.object({ covariates: CovariatesParam, arm: ModelArmParam }),
        },
        responses: { 200: jsonContent(CoxOrPlainReply, 'The models'), ...errorResponses },
      },
    ),
    async (c) =>
      c.json(
        await pilotCox({
          ...pilotArgs(c),
          covariates: c.req.valid('query').covariates,
          arm: c.req.valid('query').arm,
        }),
        200,
      ),
  )
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, pilot: 'id', viewer: 'verdict' },
      {
        method: 'get',
        path: '/api/pilots/{id}/models/adjusted-difference',
        tags: ['Models'],
        summary: `Off benefit at k: raw difference and the standardised difference of a logistic model (g-computation, delta-method interval). ${VIEWER_NOTE}`,
        request: {
          params: PilotParam,
          query: z.object({ window: WindowParam, covariates: CovariatesParam, arm: ModelArmParam }),
        },
        responses: { 200: jsonContent(DifferenceOrPlainReply, 'The models'), ...errorResponses },
      },
    ),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await pilotAdjustedDifference({
          ...pilotArgs(c),
          k: q.window,
          covariates: q.covariates,
          arm: q.arm,
        }),
        200,
      );
    },
  )
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, viewer: 'no-participant-figures' },
      {
        method: 'get',
        path: '/api/power',
        tags: ['Models'],
        summary:
          "Participants per arm to detect p1 against p2, two-sided α = 0.05 (R's power.prop.test)",
        request: { query: PowerQuery },
        responses: { 200: jsonContent(PowerReply, 'The sample size'), ...errorResponses },
      },
    ),
    (c) => c.json(plannedPower(c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute(
      { roles: ALL_ROLES, pilot: 'id', viewer: 'protected' },
      {
        method: 'get',
        path: '/api/pilots/{id}/power',
        tags: ['Models'],
        summary:
          'The smallest difference the current evaluable numbers detect at k (viewers: from rounded numbers)',
        request: {
          params: PilotParam,
          query: z.object({ window: WindowParam, power: PowerParam }),
        },
        responses: {
          200: jsonContent(PilotPowerReply, 'The detectable difference'),
          ...errorResponses,
        },
      },
    ),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await pilotPower({ ...pilotArgs(c), k: q.window, power: q.power }), 200);
    },
  )
  .openapi(
    defineRoute(
      // No viewers: the date is an order statistic of intake dates (packages/disclosure/src/verdict.ts).
      { roles: ['admin', 'manager', 'researcher'], pilot: 'id' },
      {
        method: 'get',
        path: '/api/pilots/{id}/forecast',
        tags: ['Models'],
        summary:
          'When each arm has `target` participants evaluable at k months, projected at the pace of the last 90 days',
        request: {
          params: PilotParam,
          query: z.object({
            window: WindowParam,
            target: z.coerce
              .number()
              .int()
              .min(1)
              .max(1_000_000)
              .default(100)
              .openapi({ example: 100 }),
          }),
        },
        responses: { 200: jsonContent(ForecastReply, 'The dates'), ...errorResponses },
      },
    ),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await pilotForecast({ ...pilotArgs(c), k: q.window, target: q.target }), 200);
    },
  );
