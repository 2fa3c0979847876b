import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from './env.ts';

/** One request, as an operator's log pipeline receives it. Nothing a caller sent is in it. */
export interface RequestLogLine {
  level: 'info' | 'warn' | 'error';
  time: string;
  msg: 'request';
  requestId: string;
  method: string;
  /** The route pattern (`/api/participants/:id/events`), never the path or its query string. */
  route: string;
  status: number;
  durationMs: number;
}

export interface RequestLogOptions {
  /** Where a line goes; standard output by default. */
  write?: (line: string) => void;
  /** Logging is off when NODE_ENV is `test` or WEGWIJZER_LOG is `off`, so test output stays clean. */
  enabled?: boolean;
}

export function requestLoggingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== 'test' && (env.WEGWIJZER_LOG ?? 'on').toLowerCase() !== 'off';
}

/** Where request lines go, shared by the logger middleware and the replies answered before it. */
export interface RequestLog {
  enabled: boolean;
  write(requestId: string, method: string, route: string, status: number, ms: number): void;
}

/**
 * Writes one JSON line per request: id, method, route pattern, status, duration. The route
 * pattern rather than the URL keeps participant references (`?ref=…`), tokens and ids of query
 * strings out of the log; bodies are never read.
 */
export function requestLog(options: RequestLogOptions = {}): RequestLog {
  const out = options.write ?? ((line: string) => process.stdout.write(line + '\n'));
  return {
    enabled: options.enabled ?? requestLoggingEnabled(),
    write(requestId, method, route, status, ms) {
      const line: RequestLogLine = {
        level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
        time: new Date().toISOString(),
        msg: 'request',
        requestId,
        method,
        route,
        status,
        durationMs: Math.round(ms * 10) / 10,
      };
      out(JSON.stringify(line));
    },
  };
}

/** The middleware that writes a `requestLog` line for every request the app answers. */
export function requestLogger(log: RequestLog = requestLog()): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!log.enabled) return next();
    const started = performance.now();
    await next();
    log.write(
      c.get('requestId'),
      c.req.method,
      routePath(c) || 'unmatched',
      c.res.status,
      performance.now() - started,
    );
  };
}
