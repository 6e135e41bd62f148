/**
 * Load shedding in front of the routes, so that beyond capacity the API says so at once instead
 * of letting requests pile up on the database pool and fail after seconds:
 *
 * - `admissionLimit`: at most `concurrency` requests of a kind are worked on at once; up to
 *   `queue` more wait at most `maxWaitMs` for a slot; anything beyond answers 503 with
 *   Retry-After immediately. Intake is the expensive write a clinic's system sends in bursts.
 * - `perTokenRateLimit` (`express-rate-limit`): requests per bearer token per minute; beyond it
 *   429 with Retry-After and the RateLimit headers. Counted per API process (memory store): with
 *   N API processes behind a balancer a token gets up to N times the limit.
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { DEFAULT_API_LIMITS, type ApiLimits } from './deps.ts';
import { HttpProblem, unavailable } from '../platform/problem.ts';

export function apiLimits(overrides: Partial<ApiLimits> | undefined): ApiLimits {
  return { ...DEFAULT_API_LIMITS, ...overrides };
}

/** Seconds a shed request is told to wait: long enough for the burst to drain. */
const SHED_RETRY_AFTER_SECONDS = 1;

export interface AdmissionLimit extends RequestHandler {
  /** Requests being worked on now (for tests and metrics). */
  inFlight(): number;
}

export function admissionLimit(options: { concurrency: number; queue: number; maxWaitMs: number }): AdmissionLimit {
  let inFlight = 0;
  const waiting: Array<() => void> = [];

  const release = () => {
    const next = waiting.shift();
    if (next !== undefined)
      next(); // the slot passes straight to the next waiting request
    else inFlight -= 1;
  };

  const shed: RequestHandler = (_req, _res, next) => {
    next(unavailable('The service is at capacity; try again shortly', SHED_RETRY_AFTER_SECONDS));
  };

  const handler: RequestHandler = (req, res, next) => {
    let released = false;
    const admit = () => {
      res.once('close', () => {
        if (!released) {
          released = true;
          release();
        }
      });
      next();
    };
    if (inFlight < options.concurrency) {
      inFlight += 1;
      return admit();
    }
    if (waiting.length >= options.queue) return shed(req, res, next);
    const take = () => {
      clearTimeout(timer);
      admit();
    };
    waiting.push(take);
    const timer = setTimeout(() => {
      const index = waiting.indexOf(take);
      if (index >= 0) waiting.splice(index, 1);
      shed(req, res, next);
    }, options.maxWaitMs);
  };
  return Object.assign(handler, { inFlight: () => inFlight });
}

/** Requests per bearer token (role and subject) per minute; unauthenticated requests are not counted here. */
export function perTokenRateLimit(limitPerMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: limitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (_req, res) => res.locals.principal === undefined,
    keyGenerator: (_req, res) => {
      const principal = res.locals.principal as { role: string; subject: string };
      return `${principal.role}:${principal.subject}`;
    },
    handler: (_req, res, next, options) => {
      // express-rate-limit sets Retry-After to the end of the window; this is the fallback.
      const retryAfter = res.get('Retry-After') ?? String(Math.ceil(options.windowMs / 1000));
      next(new HttpProblem(429, 'Too many requests for this token; slow down', undefined, { 'Retry-After': retryAfter }));
    },
  });
}
