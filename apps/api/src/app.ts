import { OpenAPIHono } from '@hono/zod-openapi';
import { BEARER } from './http/route.ts';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { serverSecret, type Store } from '@wegwijzer/db';
import { NotFound, PayloadTooLarge } from '@wegwijzer/domain';
import { resolveActor } from './auth/actor.ts';
import { ActorCache, forgetActorsOnWrites } from './auth/actor-cache.ts';
import { ReplyCache } from './cache/replies.ts';
import { answerCachedFirst, keepCachedReplyHeaders } from './cache/early-reply.ts';
import { forgetVersionsAfterWrites } from './cache/version-writes.ts';
import { ExportFileCache } from './cache/export-files.ts';
import type { Config } from './config.ts';
import { docsRoutes } from './http/docs.ts';
import type { AppEnv, Deps } from './http/env.ts';
import { onError, validationHook } from './http/errors.ts';
import { requestLog, requestLogger } from './http/logging.ts';
import { serverRequestId } from './http/request-id.ts';
import { sameOriginWrites } from './http/origin.ts';
import { webRoutes } from './http/web.ts';
import { auditLog } from './routes/audit.ts';
import { auth } from './routes/auth.ts';
import { balance } from './routes/balance.ts';
import { budget } from './routes/budget.ts';
import { demo } from './routes/demo.ts';
import { exports } from './routes/exports.ts';
import { health } from './routes/health.ts';
import { imports } from './routes/imports.ts';
import { models } from './routes/models.ts';
import { outcomes } from './routes/outcomes.ts';
import { participants } from './routes/participants.ts';
import { pilots } from './routes/pilots.ts';
import { privacy } from './routes/privacy.ts';
import { routeplanner } from './routes/routeplanner.ts';
import { statusByMonth } from './routes/status-by-month.ts';
import { users } from './routes/users.ts';
import { variables } from './routes/variables.ts';

/** JSON bodies are small; CSV imports stream through their own route without this limit. */
const JSON_LIMIT = 1024 * 1024;

function buildApi() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .route('/', health)
    .route('/', demo)
    .route('/', auth)
    .route('/', users)
    .route('/', pilots)
    .route('/', participants)
    .route('/', imports)
    .route('/', outcomes)
    .route('/', budget)
    .route('/', routeplanner)
    .route('/', statusByMonth)
    .route('/', exports)
    .route('/', auditLog)
    .route('/', models)
    .route('/', privacy)
    .route('/', variables)
    .route('/', balance);
}

export type AppType = ReturnType<typeof buildApi>;

/** The whole server: API, its OpenAPI document and reference, and the dashboard, on one port. */
export async function createApp(store: Store, config: Config) {
  const deps: Deps = {
    store,
    config,
    pseudonymKey: await serverSecret(store.db, 'pseudonym_key'),
    actors: new ActorCache(),
    replies: new ReplyCache(),
    exportFiles: new ExportFileCache(),
  };
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(onError);
  app.notFound((c) => onError(new NotFound(`Route ${c.req.method} ${c.req.path}`), c));
  app.use('*', serverRequestId);
  const log = requestLog();
  app.use('*', requestLogger(log));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('/api/pilots/*', keepCachedReplyHeaders);
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    }),
  );
  app.use('/api/*', sameOriginWrites);
  const limitBody = bodyLimit({
    maxSize: JSON_LIMIT,
    onError: () => {
      throw new PayloadTooLarge();
    },
  });
  app.use('/api/*', (c, next) => {
    // GET and HEAD carry no body; imports stream theirs through their own path.
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || /\/imports$/.test(c.req.path))
      return next();
    return limitBody(c, next);
  });
  app.use('/api/*', forgetActorsOnWrites);
  app.use('/api/*', forgetVersionsAfterWrites);
  app.use('/api/*', resolveActor);
  app.route('/', buildApi());
  app.openAPIRegistry.registerComponent('securitySchemes', BEARER, {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from Beheer → Tokens, sent as `Authorization: Bearer <token>`.',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Wegwijzer API',
      version: config.version,
      description:
        'Outcomes of social-domain pilots: exit from bijstand, routes, time to exit, savings.',
    },
    servers: [{ url: '/' }],
  });
  app.route('/', docsRoutes());
  app.route('/', webRoutes(config.webDist));
  // Warm cached replies are answered in front of the app; `app.request` goes through it too.
  app.fetch = answerCachedFirst(deps, log, app.fetch);
  return app;
}
