import { hc } from 'hono/client';
import type { AppType } from '@wegwijzer/api';

/** Typed client: paths, params and queries are checked against the server's routes. */
export const api = hc<AppType>(
  typeof window === 'undefined' ? 'http://localhost/' : window.location.origin,
  {
    init: { credentials: 'same-origin' },
  },
);

export interface ApiErrorDetail {
  line?: number;
  column?: string;
  message: string;
  path?: string;
  /** The shared validation rule that refused, with its params (domain rules.ts). */
  code?: string;
  params?: Record<string, string | number>;
}

/** An `{error: {code, message, details?}}` reply, with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }
  get detailList(): ApiErrorDetail[] {
    return Array.isArray(this.details) ? (this.details as ApiErrorDetail[]) : [];
  }
}

/** Awaits a client call, returns the JSON body on 2xx, throws ApiError otherwise. The reply type comes from the domain schemas. */
export async function unwrap<T>(call: Promise<Response> | Response): Promise<T> {
  const res = await call;
  const body: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  return replyOrThrow<T>(res.status, body);
}

/** The parsed body of a 2xx reply; an ApiError built from the `{error}` envelope otherwise. */
export function replyOrThrow<T>(status: number, body: unknown): T {
  if (status < 200 || status > 299) {
    const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)
      ?.error;
    throw new ApiError(
      status,
      err?.code ?? 'http_error',
      err?.message ?? `HTTP ${status}`,
      err?.details,
    );
  }
  return body as T;
}

/** Parses a reply text as JSON; null when it is empty or not JSON. */
export function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}
