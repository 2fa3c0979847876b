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
  sessionTtlMs: number;
  /** Built dashboard to serve on the same port; null serves the API alone. */
  webDist: string | null;
  secureCookies: boolean;
  version: string;
}

export const VERSION = '0.1.0';

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const threshold = Number(env.WEGWIJZER_SUPPRESSION_THRESHOLD ?? 10);
  return {
    port: Number(env.PORT ?? 3000),
    databaseUrl: env.DATABASE_URL ?? 'data/wegwijzer.sqlite',
    demo: (env.WEGWIJZER_DEMO ?? 'true').toLowerCase() !== 'false',
    adminEmail: env.WEGWIJZER_ADMIN_EMAIL || null,
    adminPassword: env.WEGWIJZER_ADMIN_PASSWORD || null,
    bsnKey: env.WEGWIJZER_BSN_KEY || null,
    suppressionThreshold: Number.isInteger(threshold) && threshold >= 1 ? threshold : 10,
    sessionTtlMs: Number(env.WEGWIJZER_SESSION_HOURS ?? 8) * 3600_000,
    webDist: env.WEGWIJZER_WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url)),
    secureCookies: env.WEGWIJZER_SECURE_COOKIES === 'true',
    version: VERSION,
  };
}
