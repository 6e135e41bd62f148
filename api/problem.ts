/**
 * Errors as RFC 9457 problem details (`application/problem+json`). Handlers throw an
 * `HttpProblem`; the error middleware turns it (and zod, JSON-parse and unexpected errors) into
 * a response. Details never carry stack traces or patient data: callers write them from ids only.
 */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import type { Logger } from '../platform/logger.ts';
import { isDependencyOutage } from './dependency-outage.ts';

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
  detail: string;
  errors?: FieldError[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  409: 'Conflict',
  429: 'Too Many Requests',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** A problem a handler raises on purpose; `detail` must be safe to show (ids, no PHI). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new HttpProblem(400, detail, errors);
export const notFound = (detail: string) => new HttpProblem(404, detail);
export const conflict = (detail: string) => new HttpProblem(409, detail);
export const forbidden = (detail: string) => new HttpProblem(403, detail);
export const unavailable = (detail: string) => new HttpProblem(503, detail);

export function problemBody(status: number, detail: string, errors?: FieldError[]): ProblemDetails {
  const title = TITLES[status] ?? 'Error';
  const body: ProblemDetails = {
    type: `https://encounterflow.dev/problems/${title.toLowerCase().replaceAll(' ', '-')}`,
    title,
    status,
    detail,
  };
  if (errors !== undefined && errors.length > 0) body.errors = errors;
  return body;
}

/** Seconds a client should wait before retrying a 503 or 429 that named no time of its own. */
export const DEFAULT_RETRY_AFTER_SECONDS = 2;

export function sendProblem(res: Response, status: number, detail: string, errors?: FieldError[]): void {
  // Every "try again later" says when: clients and load balancers back off instead of hammering.
  if ((status === 503 || status === 429) && !res.hasHeader('Retry-After')) res.set('Retry-After', String(DEFAULT_RETRY_AFTER_SECONDS));
  res.status(status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problemBody(status, detail, errors)));
}

/** One entry per zod issue, named by its path. Messages are zod's (they never echo the input). */
export function fieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length === 0 ? '(body)' : issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** Catches requests no route matched. */
export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(res, 404, `No route for ${req.method} ${req.path}`);
};

interface BodyParserError {
  type?: string;
  status?: number;
}

/** The last middleware: every error becomes a problem+json response. */
export function problemErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof HttpProblem) return sendProblem(res, error.status, error.detail, error.errors);
    if (error instanceof ZodError) return sendProblem(res, 400, 'The request is invalid', fieldErrors(error));
    // A path whose percent-encoding does not decode: Express's router throws a URIError (marked
    // status 400, its message quotes the path), as does decodeURIComponent in a handler.
    if (error instanceof URIError) {
      return sendProblem(res, 400, 'The request path is not validly percent-encoded', [{ field: '(path)', message: 'Malformed percent-encoding' }]);
    }
    const parserError = error as BodyParserError;
    if (parserError.type === 'entity.parse.failed') return sendProblem(res, 400, 'The request body is not valid JSON');
    if (parserError.type === 'entity.too.large') return sendProblem(res, 413, 'The request body is too large');
    if (typeof parserError.type === 'string' && parserError.status !== undefined && parserError.status < 500) {
      return sendProblem(res, parserError.status, 'The request body could not be read');
    }
    // The database or Temporal is down or saturated: the request may succeed in a moment.
    if (isDependencyOutage(error)) {
      logger.warn('dependency unavailable', {
        method: req.method,
        route: req.route?.path ?? req.path,
        error: error instanceof Error ? error.name : typeof error,
        code: (error as { code?: unknown }).code,
      });
      return sendProblem(res, 503, 'A service this request needs is briefly unavailable; try again shortly');
    }
    // Unexpected: log the error's class and code only. Messages may quote data (Prisma's
    // validation errors print the query's arguments), so they stay out of the log.
    logger.error('unhandled error', {
      method: req.method,
      route: req.route?.path ?? req.path,
      error: error instanceof Error ? error.name : typeof error,
      code: (error as { code?: unknown }).code,
    });
    sendProblem(res, 500, 'An unexpected error occurred');
  };
}
