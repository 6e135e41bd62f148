/**
 * The OpenAPI 3.1 document of the API, written from the route declarations (api/route.ts) by
 * zod-openapi: the same zod schemas that validate requests describe them here, and the response
 * schemas the tests check every answer against describe the responses. Nothing is listed twice.
 */
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from 'zod-openapi';
import { z } from 'zod';
import { PROBLEM_CONTENT_TYPE, problemSchema } from '../platform/problem.ts';
import { problemStatuses, type Route } from './route.ts';

/** `/encounters/:id` → `/encounters/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

/** A stable operation id from method and path: `post /encounters/{id}/cancel` → `postEncountersIdCancel`. */
function operationId(method: string, path: string): string {
  return `${method}${path.replace(/[{}:]/g, '').replace(/[/.-](\w)/g, (_m, c: string) => c.toUpperCase())}`;
}

function headerObjects(headers: Readonly<Record<string, string>> | undefined) {
  if (headers === undefined) return undefined;
  return Object.fromEntries(
    Object.entries(headers).map(([name, description]) => [name, { description, schema: { type: 'string' as const } }]),
  );
}

function operation(declaration: Route['declaration'], path: string, deprecated: boolean): ZodOpenApiOperationObject {
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, response] of Object.entries(declaration.responses)) {
    const content: Record<string, { schema: z.ZodType }> = {};
    if (response.body !== undefined) content['application/json'] = { schema: response.body };
    if (response.html === true) content['text/html'] = { schema: z.string() };
    const headers = headerObjects(response.headers);
    responses[status] = {
      description: response.description,
      ...(Object.keys(content).length > 0 ? { content } : {}),
      ...(headers !== undefined ? { headers } : {}),
    };
  }
  for (const [status, description] of problemStatuses(declaration)) {
    const headers =
      status === 503 || status === 429
        ? headerObjects({ 'Retry-After': 'Seconds to wait before trying again' })
        : status === 401
          ? headerObjects({ 'WWW-Authenticate': 'Bearer realm="encounterflow"' })
          : undefined;
    responses[String(status)] = {
      description,
      content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } },
      ...(headers !== undefined ? { headers } : {}),
    };
  }
  const { roles } = declaration;
  const replacement = openApiPath(declaration.path);
  return {
    operationId: operationId(declaration.method, openApiPath(path)),
    summary: declaration.summary,
    description: [
      declaration.description,
      roles.length > 0 ? `Roles: ${roles.join(', ')}.` : 'No authentication.',
      deprecated ? `Deprecated: use ${declaration.method.toUpperCase()} ${replacement}.` : undefined,
    ]
      .filter((part) => part !== undefined)
      .join(' '),
    ...(deprecated ? { deprecated: true } : {}),
    security: roles.length > 0 ? [{ bearer: [] }] : [],
    ...(declaration.params !== undefined || declaration.query !== undefined
      ? {
          requestParams: {
            ...(declaration.params !== undefined ? { path: declaration.params } : {}),
            ...(declaration.query !== undefined ? { query: declaration.query } : {}),
          },
        }
      : {}),
    ...(declaration.body !== undefined
      ? { requestBody: { required: true, content: { 'application/json': { schema: declaration.body } } } }
      : {}),
    responses,
  };
}

export function buildOpenApiDocument(routes: readonly Route[], serverUrl?: string): Record<string, unknown> {
  const paths: ZodOpenApiPathsObject = {};
  for (const { declaration } of routes) {
    const entries = [[declaration.path, false] as const, ...(declaration.aliases ?? []).map((alias) => [alias, true] as const)];
    for (const [path, deprecated] of entries) {
      const item = (paths[openApiPath(path)] ??= {});
      item[declaration.method] = operation(declaration, path, deprecated);
    }
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'encounterflow',
      version: '0.1.0',
      description: 'Medical coding and billing of patient encounters, each run as a durable Temporal workflow.',
    },
    ...(serverUrl !== undefined ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'token=role:subject (see api/auth.ts)' } },
    },
  }) as unknown as Record<string, unknown>;
}
