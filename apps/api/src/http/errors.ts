import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError } from '@wegwijzer/domain';
import type { AppEnv } from './env.ts';

type Status = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500;

function envelope(
  c: Context<AppEnv>,
  status: Status,
  code: string,
  message: string,
  details?: unknown,
) {
  return c.json(
    { error: { code, message, ...(details === undefined ? {} : { details }) } },
    status,
  );
}

/** The one place that turns a thrown error into the SPEC's error envelope. */
export function onError(err: Error, c: Context<AppEnv>) {
  // A refused upload (a 10 MB line, a body over the limit) may still be arriving when the reply
  // goes out; the server stops reading it and may cut the socket off, so tell the client not to
  // reuse the connection instead of letting its next request fail on a dead socket.
  if (c.req.raw.body !== null) c.header('Connection', 'close');
  if (err instanceof DomainError)
    return envelope(c, err.status, err.code, err.message, err.details);
  if (err instanceof HTTPException) {
    const status = err.status as Status;
    if (status === 413)
      return envelope(c, 413, 'payload_too_large', 'The request body is too large');
    return envelope(
      c,
      status,
      status === 400 ? 'bad_request' : 'http_error',
      err.message || 'Bad request',
    );
  }
  if (err instanceof SyntaxError)
    return envelope(c, 400, 'bad_request', 'The request body is not valid JSON');
  // Anything else is our fault: log it with the request id, never send internals to the client.
  console.error(
    JSON.stringify({
      level: 'error',
      requestId: c.get('requestId'),
      error: err.message,
      stack: err.stack,
    }),
  );
  return envelope(
    c,
    500,
    'internal',
    `Something went wrong on our side (request ${c.get('requestId')})`,
  );
}

interface Issue {
  path: PropertyKey[];
  message: string;
  code?: string;
  expected?: string;
  params?: Record<string, unknown>;
}

/**
 * The code of a refused value: the shared rule's (domain rules.ts) where it refused, else the
 * nearest rule code for zod's own checks, so a client can word every refusal itself.
 */
function issueCode(i: Issue): { code: string; params?: Record<string, unknown> } {
  if (i.params && typeof i.params.rule === 'string') {
    const { rule, ...params } = i.params;
    return Object.keys(params).length ? { code: rule, params } : { code: rule };
  }
  if (i.code === 'invalid_value') return { code: 'unknown_value' };
  if (i.code === 'invalid_type')
    return { code: i.expected === 'number' ? 'not_a_number' : 'invalid_type' };
  return { code: i.code ?? 'invalid' };
}

/** Turns a failed zod validation into a 400 that lists every problem with its path and code. */
export function validationHook(
  result: { success: boolean; error?: { issues: Issue[] } },
  c: Context<AppEnv>,
) {
  if (result.success || !result.error) return undefined;
  const details = result.error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
    ...issueCode(i),
  }));
  const summary = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
  return envelope(c, 400, 'bad_request', `Invalid request: ${summary}`, details);
}
