import { createRoute, type RouteConfig, type z } from '@hono/zod-openapi';
import { ErrorBody } from '@wegwijzer/domain';
import { pilotReplyCache } from '../cache/replies.ts';
import { guard, routeTable, type Access } from './access.ts';

export interface RouteOptions {
  /**
   * The reply is a pure function of the `{id}` pilot's data, the caller's role, the language and
   * the query: it may be answered from the reply cache while the pilot's data version holds.
   */
  cacheByPilotVersion?: boolean;
}

/**
 * Declares a route once: its access rule (recorded in the route table and enforced by a guard),
 * its request and response schemas (validation and the OpenAPI document).
 */
export function defineRoute<const R extends Omit<RouteConfig, 'middleware'>>(
  access: Access,
  config: R,
  options: RouteOptions = {},
) {
  if (options.cacheByPilotVersion && ('public' in access || access.pilot !== 'id'))
    throw new Error(`${config.path}: a cached reply needs a route guarded on its {id} pilot`);
  routeTable.push({
    method: config.method.toUpperCase(),
    path: config.path,
    access,
    responses: config.responses,
    ...(options.cacheByPilotVersion ? { cachedByPilotVersion: true } : {}),
  });
  // Routes that need a caller say so in the document, so the API docs offer "Authorize" with an
  // API token (a browser session cookie works too, but needs no documenting).
  const security = 'public' in access ? undefined : [{ [BEARER]: [] }];
  return createRoute({
    ...(security && { security }),
    ...config,
    middleware: options.cacheByPilotVersion ? [guard(access), pilotReplyCache] : [guard(access)],
  });
}

/** The name of the bearer-token security scheme in the OpenAPI document. */
export const BEARER = 'bearer';

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}

const err = (description: string) => jsonContent(ErrorBody, description);

/** The error replies most routes can give, for the OpenAPI document. */
export const errorResponses = {
  400: err('Bad input'),
  401: err('Not logged in'),
  403: err('Not allowed'),
  404: err('Not found'),
};
