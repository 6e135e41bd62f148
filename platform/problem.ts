/**
 * Errors as RFC 9457 problem details (`application/problem+json`), for every HTTP service of the
 * product: the API and both sandboxes. Each party names its own problem-type URI base (the API's
 * and the sandboxes' differ, as a real insurer's would); everything else is shared. Handlers throw
 * an `HttpProblem`; the error middleware turns it (and zod, JSON-parse and unexpected errors) into
 * a response. Details never carry stack traces or patient data: callers write them from ids only.
 */
import type { ErrorRequestHandler, Express, RequestHandler, Response } from 'express';
import { z, ZodError } from 'zod';
import type { Logger } from './logger.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface FieldError {
  /** Dotted path of the offending field, e.g. `patient.dateOfBirth`; `(body)` for the whole body. */
  field: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

/** The problem body as the OpenAPI documents describe it (component `Problem`). */
export const problemSchema = z
  .object({
    type: z.url(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string().meta({ example: 'patient.dateOfBirth' }), message: z.string() }))
      .optional()
      .meta({ description: 'One entry per invalid field' }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const STATUS_TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** A problem a handler raises on purpose; `detail` must be safe to show (ids, no PHI). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors?: FieldError[],
    /** Response headers that go with it, e.g. Retry-After or WWW-Authenticate. */
    readonly headers: Readonly<Record<string, string>> = {},
    /** Its own problem type under the service's base (e.g. `intake-overloaded`); default: the status's. */
    readonly problemType?: string,
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new HttpProblem(400, detail, errors);
export const notFound = (detail: string) => new HttpProblem(404, detail);
export const conflict = (detail: string) => new HttpProblem(409, detail);
export const forbidden = (detail: string) => new HttpProblem(403, detail);
/** Seconds a client should wait before retrying a 503 or 429 that named no time of its own. */
export const DEFAULT_RETRY_AFTER_SECONDS = 2;

/** 503 with Retry-After: the caller should try again after that many seconds. */
export const unavailable = (detail: string, retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS) =>
  new HttpProblem(503, detail, undefined, { 'Retry-After': String(retryAfterSeconds) });

/** The standard problem for a status under a party's type base, e.g. `<base>/not-found`. */
export function problemFor(base: string, status: number, detail: string, errors?: FieldError[]): ProblemDetails {
  const title = STATUS_TITLES[status] ?? 'Error';
  const problem: ProblemDetails = { type: `${base}/${title.toLowerCase().replaceAll(' ', '-')}`, title, status, detail };
  if (errors !== undefined && errors.length > 0) problem.errors = errors;
  return problem;
}

export function sendProblem(res: Response, problem: ProblemDetails, headers: Readonly<Record<string, string>> = {}): void {
  res.status(problem.status).set(headers);
  // Every "try again later" says when: clients and load balancers back off instead of hammering.
  if ((problem.status === 503 || problem.status === 429) && !res.hasHeader('Retry-After')) {
    res.set('Retry-After', String(DEFAULT_RETRY_AFTER_SECONDS));
  }
  res.type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

/** One entry per zod issue, named by its path. Messages are zod's (they never echo the input). */
export function fieldErrors(error: ZodError): FieldError[] {
  const named = (path: readonly PropertyKey[]) => (path.length === 0 ? '(body)' : path.map(String).join('.'));
  return error.issues.flatMap((issue) =>
    // A key the schema does not know is named itself (e.g. a misspelt query parameter).
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: named([...issue.path, key]), message: 'Not a known field' }))
      : [{ field: named(issue.path), message: issue.message }],
  );
}

/** A request body that failed its zod schema, as the sandboxes answer it: 422 naming each field. */
export function validationProblem(base: string, error: ZodError): ProblemDetails {
  const errors = fieldErrors(error);
  return {
    type: `${base}/validation`,
    title: 'Request validation failed',
    status: 422,
    detail: `Invalid field(s): ${errors.map((e) => e.field).join(', ')}`,
    errors,
  };
}

/** Catches requests no route matched. */
export function notFoundHandler(base: string): RequestHandler {
  return (req, res) => sendProblem(res, problemFor(base, 404, `No route for ${req.method} ${req.path}`));
}

interface BodyParserError {
  type?: string;
  status?: number;
  /** For entity.too.large: the limit in bytes. */
  limit?: number;
}

export interface ProblemHandlerOptions {
  /** True for an error that means a dependency is down or saturated: answered 503 + Retry-After. */
  isOutage?: (error: unknown) => boolean;
}

/** The last middleware of a service: every error becomes a problem+json response under `base`. */
export function problemErrorHandler(base: string, logger: Logger, options: ProblemHandlerOptions = {}): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const send = (status: number, detail: string, errors?: FieldError[], headers?: Record<string, string>) =>
      sendProblem(res, problemFor(base, status, detail, errors), headers);
    if (error instanceof HttpProblem) {
      const problem = problemFor(base, error.status, error.detail, error.errors);
      if (error.problemType !== undefined) problem.type = `${base}/${error.problemType}`;
      return sendProblem(res, problem, error.headers);
    }
    if (error instanceof ZodError) return send(400, 'The request is invalid', fieldErrors(error));
    // A path whose percent-encoding does not decode: Express's router throws a URIError (marked
    // status 400, its message quotes the path), as does decodeURIComponent in a handler.
    if (error instanceof URIError) {
      return send(400, 'The request path is not validly percent-encoded', [{ field: '(path)', message: 'Malformed percent-encoding' }]);
    }
    const parserError = error as BodyParserError;
    if (parserError.type === 'entity.parse.failed') return send(400, 'The request body is not valid JSON');
    if (parserError.type === 'entity.too.large') {
      const limit = typeof parserError.limit === 'number' ? ` (at most ${parserError.limit} bytes)` : '';
      return send(413, `The request body is too large${limit}`, [{ field: '(body)', message: `Larger than the limit${limit}` }]);
    }
    if (typeof parserError.type === 'string' && parserError.status !== undefined && parserError.status < 500) {
      return send(parserError.status, 'The request body could not be read');
    }
    const logged = {
      method: req.method,
      route: req.route?.path ?? req.path,
      error: error instanceof Error ? error.name : typeof error,
      code: (error as { code?: unknown }).code,
    };
    // The database or Temporal is down or saturated: the request may succeed in a moment.
    if (options.isOutage?.(error) === true) {
      logger.warn('dependency unavailable', logged);
      return send(503, 'A service this request needs is briefly unavailable; try again shortly');
    }
    // Unexpected: log the error's class and code only. Messages may quote data (Prisma's
    // validation errors print the query's arguments), so they stay out of the log.
    logger.error('unhandled error', logged);
    send(500, 'An unexpected error occurred');
  };
}

/** The last handlers of a service: unknown routes answer 404, errors a problem, all under `base`. */
export function installProblemHandlers(app: Express, base: string, logger: Logger, options: ProblemHandlerOptions = {}): void {
  app.use(notFoundHandler(base));
  app.use(problemErrorHandler(base, logger, options));
}
