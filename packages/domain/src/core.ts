/**
 * The framework-free part of the domain: allowed values, validation rules, the engine's plain
 * types, money and error classes. No zod, no Hono, so the outcome engine built on it runs in the
 * browser as cheaply as on the server; the HTTP schemas (api*.ts) build on it.
 */
export * from './values.ts';
export * from './model-covariates.ts';
export * from './rules.ts';
export * from './variables.ts';
export * from './model.ts';
export * from './money.ts';
export * from './errors.ts';
