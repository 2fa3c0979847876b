import { fileURLToPath } from 'node:url';

/** Server settings, all from the environment (README lists them). */
export interface Config {
  port: number;
  databaseUrl: string;
  demo: boolean;
  adminEmail: string | null;
  adminPassword: string | null;
  /** Secret of the BSN hash; without it a file with a `bsn` column is refused. */
  bsnKey: string | null;
  /** Counts from 1 to threshold − 1 are suppressed for viewers (SPEC §6). */
  suppressionThreshold: number;
  /** Every other count a viewer sees is rounded to a multiple of this (SPEC §6). */
  roundingBase: number;
  sessionTtlMs: number;
  /** A session unused this long ends, whatever its absolute lifetime (ASVS 3.3.2). */
  sessionIdleMs: number;
  /** Bearer tokens: lifetime when none is asked for, and the longest one may ask for. */
  tokenDefaultDays: number;
  tokenMaxDays: number;
  /** Origins the dashboard is served from (behind a proxy); empty means the request's own host. */
  origins: string[];
  /** Largest import body in bytes; a larger one is answered 413 and nothing is written. */
  importMaxBytes: number;
  /** Built dashboard to serve on the same port; null serves the API alone. */
  webDist: string | null;
  secureCookies: boolean;
  /** Behind a reverse proxy: take the caller's address from the proxy's X-Forwarded-For entry. */
  trustProxy: boolean;
  version: string;
}

export const VERSION = '0.1.0';

/** A setting that is wrong: start-up stops with a message naming the variable. */
export class ConfigError extends Error {}

/** A whole number of at least 1, or the default when unset; anything else stops start-up. */
function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(n) || n < 1)
    throw new ConfigError(`${name} must be a whole number of 1 or more, not "${raw}"`);
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    databaseUrl: env.DATABASE_URL ?? 'data/wegwijzer.sqlite',
    demo: (env.WEGWIJZER_DEMO ?? 'true').toLowerCase() !== 'false',
    adminEmail: env.WEGWIJZER_ADMIN_EMAIL || null,
    adminPassword: env.WEGWIJZER_ADMIN_PASSWORD || null,
    bsnKey: env.WEGWIJZER_BSN_KEY || null,
    suppressionThreshold: positiveInteger(env, 'WEGWIJZER_SUPPRESSION_THRESHOLD', 10),
    roundingBase: positiveInteger(env, 'WEGWIJZER_ROUNDING_BASE', 5),
    sessionTtlMs: Number(env.WEGWIJZER_SESSION_HOURS ?? 8) * 3600_000,
    sessionIdleMs: positiveInteger(env, 'WEGWIJZER_SESSION_IDLE_MINUTES', 30) * 60_000,
    tokenDefaultDays: Math.min(
      positiveInteger(env, 'WEGWIJZER_TOKEN_DEFAULT_DAYS', 90),
      positiveInteger(env, 'WEGWIJZER_TOKEN_MAX_DAYS', 365),
    ),
    tokenMaxDays: positiveInteger(env, 'WEGWIJZER_TOKEN_MAX_DAYS', 365),
    origins: (env.WEGWIJZER_ORIGIN ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    importMaxBytes: positiveInteger(env, 'WEGWIJZER_IMPORT_MAX_BYTES', 512 * 1024 * 1024),
    webDist: env.WEGWIJZER_WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url)),
    secureCookies: env.WEGWIJZER_SECURE_COOKIES === 'true',
    trustProxy: env.WEGWIJZER_TRUST_PROXY === 'true',
    version: VERSION,
  };
}
