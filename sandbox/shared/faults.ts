/**
 * Fault injection shared by the sandboxes: a configured share of requests answers 503, 429 with
 * Retry-After, answers late, or has its connection reset. Draws come from a seeded generator, so
 * a run with the same seed and the same request order sees the same faults. A test forces one
 * fault on one request with the header `X-Sandbox-Fault: 500|503|429|slow|reset|reset-after`.
 * `reset-after` handles the request first and then drops the connection before the answer (the
 * "did my request get through?" case that idempotency keys exist for).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { seededRandom } from './prng.ts';
import { sendProblem } from '../../platform/problem.ts';

export const faultConfigSchema = z.object({
  seed: z.number().int().default(1),
  /** Share (0..1) of requests answered 503. */
  serverErrorRate: z.number().min(0).max(1).default(0),
  /** Share answered 429 with Retry-After. */
  rateLimitRate: z.number().min(0).max(1).default(0),
  retryAfterSeconds: z.number().int().min(0).default(1),
  /** Share answered only after slowDelayMs. */
  slowRate: z.number().min(0).max(1).default(0),
  slowDelayMs: z.number().int().min(0).default(3000),
  /** Share whose connection is destroyed without an answer. */
  resetRate: z.number().min(0).max(1).default(0),
});
export type FaultConfig = z.input<typeof faultConfigSchema>;
export type ResolvedFaultConfig = z.output<typeof faultConfigSchema>;

export type FaultKind = 'server-error' | 'rate-limit' | 'slow' | 'reset' | 'reset-after';

export const FAULT_HEADER = 'x-sandbox-fault';

function forcedFault(header: string | undefined): { kind: FaultKind; status?: number } | undefined {
  switch (header?.trim().toLowerCase()) {
    case undefined:
    case '':
      return undefined;
    case '500':
    case '502':
    case '503':
      return { kind: 'server-error', status: Number(header) };
    case '429':
      return { kind: 'rate-limit' };
    case 'slow':
      return { kind: 'slow' };
    case 'reset':
      return { kind: 'reset' };
    case 'reset-after':
      return { kind: 'reset-after' };
    default:
      return undefined;
  }
}

export interface FaultCounters {
  injected: Record<FaultKind, number>;
}

/**
 * Express middleware injecting faults. Mount it in front of the business routes only (not the
 * /_sandbox routes). `counters` is updated so tests can see what was injected.
 */
export function faultInjector(config: FaultConfig | undefined, counters: FaultCounters): RequestHandler {
  const settings = faultConfigSchema.parse(config ?? {});
  const random = seededRandom(settings.seed);

  const pick = (): { kind: FaultKind; status?: number } | undefined => {
    const draw = random();
    let threshold = settings.serverErrorRate;
    if (draw < threshold) return { kind: 'server-error', status: 503 };
    threshold += settings.rateLimitRate;
    if (draw < threshold) return { kind: 'rate-limit' };
    threshold += settings.slowRate;
    if (draw < threshold) return { kind: 'slow' };
    threshold += settings.resetRate;
    if (draw < threshold) return { kind: 'reset' };
    return undefined;
  };

  return (req: Request, res: Response, next: NextFunction) => {
    const fault = forcedFault(req.get(FAULT_HEADER)) ?? pick();
    if (!fault) return next();
    counters.injected[fault.kind]++;
    switch (fault.kind) {
      case 'server-error':
        return sendProblem(
          res,
          {
            type: 'https://encounterflow.example/problems/unavailable',
            title: 'Service temporarily unavailable',
            status: fault.status ?? 503,
          },
          { 'Retry-After': String(settings.retryAfterSeconds) },
        );
      case 'rate-limit':
        return sendProblem(
          res,
          {
            type: 'https://encounterflow.example/problems/rate-limited',
            title: 'Too many requests',
            status: 429,
          },
          { 'Retry-After': String(settings.retryAfterSeconds) },
        );
      case 'slow':
        // The request is still handled after the delay, even when the caller gave up waiting.
        setTimeout(next, settings.slowDelayMs).unref();
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'reset-after': {
        // Let the route handle (and store) the request, then drop the connection instead of answering.
        const drop = () => {
          req.socket.destroy();
          return res;
        };
        res.send = drop as Response['send'];
        res.json = drop as Response['json'];
        return next();
      }
    }
  };
}

export function emptyFaultCounters(): FaultCounters {
  return { injected: { 'server-error': 0, 'rate-limit': 0, slow: 0, reset: 0, 'reset-after': 0 } };
}
