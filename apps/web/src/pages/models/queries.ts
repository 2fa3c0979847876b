import { queryOptions } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import type { ModelCovariate } from '@wegwijzer/domain';
import { api, unwrap } from '../../api/client.ts';

/** queryOptions of the model endpoints; reply types from the server. */
const pilots = api.api.pilots[':id'];
export type CoxResult = InferResponseType<(typeof pilots)['models']['cox']['$get'], 200>;
export type DifferenceResult = InferResponseType<
  (typeof pilots)['models']['adjusted-difference']['$get'],
  200
>;
export type PowerResult = InferResponseType<typeof api.api.power.$get, 200>;
export type PilotPowerResult = InferResponseType<(typeof pilots)['power']['$get'], 200>;
export type ForecastResult = InferResponseType<(typeof pilots)['forecast']['$get'], 200>;

const list = (c: readonly ModelCovariate[]) => [...c].join(',');

/** `arm`: the intervention arm compared with control; left out, the API takes the primary arm. */
export const coxQuery = (id: string, covariates: readonly ModelCovariate[], arm?: string) =>
  queryOptions({
    queryKey: ['models', 'cox', id, list(covariates), arm ?? null],
    queryFn: () =>
      unwrap<CoxResult>(
        pilots.models.cox.$get({
          param: { id },
          query: { covariates: list(covariates), ...(arm ? { arm } : {}) },
        }),
      ),
  });

export const differenceQuery = (
  id: string,
  window: number,
  covariates: readonly ModelCovariate[],
  arm?: string,
) =>
  queryOptions({
    queryKey: ['models', 'difference', id, window, list(covariates), arm ?? null],
    queryFn: () =>
      unwrap<DifferenceResult>(
        pilots.models['adjusted-difference'].$get({
          param: { id },
          query: {
            window: String(window),
            covariates: list(covariates),
            ...(arm ? { arm } : {}),
          },
        }),
      ),
  });

export const powerQuery = (p1: number, p2: number, power: number) =>
  queryOptions({
    queryKey: ['power', p1, p2, power],
    queryFn: () =>
      unwrap<PowerResult>(
        api.api.power.$get({ query: { p1: String(p1), p2: String(p2), power: String(power) } }),
      ),
  });

export const pilotPowerQuery = (id: string, window: number, power: number) =>
  queryOptions({
    queryKey: ['power', id, window, power],
    queryFn: () =>
      unwrap<PilotPowerResult>(
        pilots.power.$get({
          param: { id },
          query: { window: String(window), power: String(power) },
        }),
      ),
  });

export const forecastQuery = (id: string, window: number, target: number) =>
  queryOptions({
    queryKey: ['forecast', id, window, target],
    queryFn: () =>
      unwrap<ForecastResult>(
        pilots.forecast.$get({
          param: { id },
          query: { window: String(window), target: String(target) },
        }),
      ),
  });
