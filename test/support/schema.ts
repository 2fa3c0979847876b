import { routeTable } from '@wegwijzer/api';

/** What the check needs of a zod schema. */
interface Schema {
  safeParse(
    v: unknown,
  ):
    | { success: true }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/**
 * The reply schema a route declares for `status` (the one the OpenAPI document shows), found by
 * method and path template, e.g. `declaredSchema('GET', '/api/pilots/{id}/outcomes', 200)`.
 */
export function declaredSchema(method: string, path: string, status: number): Schema {
  const route = routeTable.find((r) => r.method === method.toUpperCase() && r.path === path);
  if (!route) throw new Error(`No route ${method} ${path} is declared`);
  const reply = route.responses?.[String(status)] as
    { content?: { 'application/json'?: { schema?: Schema } } } | undefined;
  const schema = reply?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${method} ${path} declares no JSON reply for ${status}`);
  return schema;
}

/**
 * Parses a reply body with the schema its route declares, so what is sent and what the OpenAPI
 * document promises cannot drift; throws with zod's issues when they do. Returns the body.
 */
export function expectDeclared<T>(
  reply: { status: number; body: T },
  method: string,
  path: string,
): T {
  const result = declaredSchema(method, path, reply.status).safeParse(reply.body);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
    throw new Error(
      `${method} ${path} ${reply.status} does not match its schema:\n${issues.join('\n')}`,
    );
  }
  return reply.body;
}

/** A path's route template: ids become `{id}`, the query goes. */
export function templateOf(url: string): string {
  return url
    .split('?')[0]!
    .replace(/^\/api\/(pilots|participants|events|users|tokens)\/[^/]+/, '/api/$1/{id}');
}
