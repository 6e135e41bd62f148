/**
 * One declaration per route. A route states its method, path, roles, request schemas (path
 * parameters, query, body) and every response it can answer (success bodies as zod schemas,
 * problem statuses) once; `mountRoutes` turns the declaration into the Express route (role
 * check, then validation: a bad parameter, query or body is a 400 naming the field) and
 * api/openapi.ts turns the same declaration into the OpenAPI document.
 *
 * Adding a route: write `route({ ... }, handler)` in a file of api/routes/ and add it to
 * API_ROUTES (api/routes/index.ts). The handler gets the parsed input, typed from the schemas.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { fieldErrors, PROBLEM_CONTENT_TYPE } from '../platform/problem.ts';
import { requireRole, type Role } from './auth.ts';
import type { ApiDeps } from './deps.ts';
import { CODING_INPUT_LIMITS } from '../coding/limits.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseDeclaration {
  description: string;
  /** The JSON body; absent when the response has none. */
  body?: z.ZodType;
  /** The same resource is also served as text/html (content negotiation). */
  html?: boolean;
  /** Response headers worth documenting, name → description. */
  headers?: Readonly<Record<string, string>>;
}

type AnyObject = z.ZodObject;

export interface RouteDeclaration<Params extends AnyObject, Query extends AnyObject, Body extends z.ZodType> {
  method: Method;
  /** Express path, e.g. `/encounters/:id` (documented as `/encounters/{id}`). */
  path: string;
  /** Older paths that answer the same (documented as deprecated operations). */
  aliases?: readonly string[];
  summary: string;
  description?: string;
  /** Roles allowed to call it; empty: no authentication. */
  roles: readonly Role[];
  /** One string schema per `:name` of the path (checked when the route is declared). */
  params?: Params;
  query?: Query;
  body?: Body;
  /** Success responses by status. */
  responses: Readonly<Record<number, ResponseDeclaration>>;
  /**
   * Problem responses by status → when. Implied, need not be listed: 400 for a route with a
   * query or body schema, 401, 403 and 429 for a route with roles, 413 and 415 for a route with a
   * body, 503 unless `usesDependencies` is false, 500 for every route.
   */
  problems?: Readonly<Record<number, string>>;
  /** Express middleware that runs before the role check (e.g. loopback only). */
  before?: readonly RequestHandler[];
  /**
   * False for a route that answers without the database or Temporal; every other route may
   * answer 503 + Retry-After while one of them is down (see platform/dependency-outage.ts).
   */
  usesDependencies?: boolean;
}

export interface RouteContext<Params extends AnyObject, Query extends AnyObject, Body extends z.ZodType> {
  params: z.output<Params>;
  query: z.output<Query>;
  body: z.output<Body>;
  deps: ApiDeps;
  req: Request;
  res: Response;
}

export type RouteHandler<Params extends AnyObject, Query extends AnyObject, Body extends z.ZodType> = (
  context: RouteContext<Params, Query, Body>,
) => Promise<void> | void;

/** A declared route: what the router mounts and the OpenAPI document describes. */
export interface Route {
  readonly declaration: RouteDeclaration<AnyObject, AnyObject, z.ZodType>;
  readonly handler: RouteHandler<AnyObject, AnyObject, z.ZodType>;
}

const NONE = z.object({});

/** `:name` segments of an Express path. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((match) => match[1] as string);
}

export function route<
  Params extends AnyObject = typeof NONE,
  Query extends AnyObject = typeof NONE,
  Body extends z.ZodType = z.ZodUndefined,
>(declaration: RouteDeclaration<Params, Query, Body>, handler: RouteHandler<Params, Query, Body>): Route {
  for (const path of [declaration.path, ...(declaration.aliases ?? [])]) {
    const named = pathParameterNames(path).sort();
    const declared = Object.keys(declaration.params?.shape ?? {}).sort();
    if (named.join() !== declared.join()) {
      throw new Error(
        `${declaration.method.toUpperCase()} ${path}: path parameters (${named.join(', ')}) differ from the declared params (${declared.join(', ')})`,
      );
    }
  }
  return { declaration, handler } as unknown as Route;
}

/** Statuses of problem+json responses a route can answer: the declared ones and the implied. */
export function problemStatuses(declaration: Route['declaration']): Map<number, string> {
  const statuses = new Map<number, string>();
  if (declaration.query !== undefined || declaration.body !== undefined) statuses.set(400, 'Invalid request (each field named in errors)');
  if (declaration.roles.length > 0) {
    statuses.set(401, 'Missing or unknown bearer token');
    statuses.set(403, `The caller's role (or identity) may not do this; roles: ${declaration.roles.join(', ')}`);
    statuses.set(429, 'Too many requests for this bearer token; try again after Retry-After');
  }
  if (declaration.body !== undefined) {
    statuses.set(413, `The request body is larger than ${CODING_INPUT_LIMITS.requestBytes / (1024 * 1024)} MB`);
    statuses.set(415, 'The Content-Encoding is not supported');
  }
  if (declaration.usesDependencies !== false) {
    statuses.set(503, 'The database or Temporal is briefly unavailable; try again after Retry-After');
  }
  for (const [status, description] of Object.entries(declaration.problems ?? {})) statuses.set(Number(status), description);
  statuses.set(500, 'Unexpected error');
  return new Map([...statuses].sort(([a], [b]) => a - b));
}

/** Reports a response that its route does not declare (tests turn this on, see ApiDeps). */
function responseChecker(declaration: Route['declaration'], report: (message: string) => void): RequestHandler {
  const name = `${declaration.method.toUpperCase()} ${declaration.path}`;
  const problems = problemStatuses(declaration);
  return (_req, res, next) => {
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      const declared = declaration.responses[res.statusCode]?.body;
      if (declared === undefined) {
        report(`${name} answered ${res.statusCode} with JSON it does not declare`);
      } else {
        const result = declared.safeParse(body);
        if (!result.success) {
          const fields = fieldErrors(result.error).map((e) => `${e.field}: ${e.message}`);
          report(`${name} answered ${res.statusCode} with a body that differs from its schema: ${fields.join('; ')}`);
        }
      }
      return json(body);
    };
    res.on('finish', () => {
      const problem = String(res.get('content-type') ?? '').startsWith(PROBLEM_CONTENT_TYPE);
      if (problem ? !problems.has(res.statusCode) : declaration.responses[res.statusCode] === undefined) {
        report(`${name} answered ${res.statusCode}${problem ? ' (problem)' : ''}, a status it does not declare`);
      }
    });
    next();
  };
}

/**
 * Mounts each route on the router: middleware declared `before`, the role check, then the
 * handler with the validated input (a ZodError becomes a 400 problem in the error handler).
 */
export function mountRoutes(router: Router, routes: readonly Route[], deps: ApiDeps): void {
  for (const { declaration, handler } of routes) {
    const handle: RequestHandler = async (req, res) => {
      const params = (declaration.params ?? NONE).parse(req.params);
      const query = (declaration.query ?? NONE).parse(req.query ?? {});
      const body = declaration.body === undefined ? undefined : declaration.body.parse(req.body);
      await handler({ params, query, body, deps, req, res });
    };
    const middleware: RequestHandler[] = [
      ...(deps.onUndeclaredResponse !== undefined ? [responseChecker(declaration, deps.onUndeclaredResponse)] : []),
      ...(declaration.before ?? []),
      ...(declaration.roles.length > 0 ? [requireRole(...declaration.roles)] : []),
      handle,
    ];
    for (const path of [declaration.path, ...(declaration.aliases ?? [])]) router[declaration.method](path, ...middleware);
  }
}
