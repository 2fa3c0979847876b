export { createApp, type AppType } from './app.ts';
export { ConfigError, configFromEnv, type Config } from './config.ts';
export { routeTable } from './http/access.ts';
export { DEMO_ACCOUNTS, loadDemo, bootstrapAdmin } from './usecases/bootstrap.ts';
export { pseudonym } from './usecases/pseudonym.ts';
export { dateShiftDays } from './usecases/exports.ts';
