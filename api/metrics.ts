/**
 * Prometheus metrics of the API (prom-client), served at GET /metrics:
 *
 * - `http_requests_total{method,route,status}` and `http_request_duration_seconds{method,route,status}`
 *   (request rate, latency histogram and errors by route: `route` is the matched route pattern such
 *   as `/encounters/:id`, never a concrete path, so no id or other data reaches a label);
 * - `http_request_errors_total{method,route,status}`: the 5xx answers alone;
 * - `encounterflow_encounters{stage}`: encounters per stage, counted in the database at each scrape;
 * - `encounterflow_intake_refused_total{reason}`: POST /encounters refused as overload, by the
 *   signal that refused (api/intake-admission.ts);
 * - the process's own metrics (CPU, memory, event-loop lag, GC) with the `encounterflow_api_` prefix.
 *
 * Who may read it: with METRICS_TOKEN set, a scraper that sends `Authorization: Bearer <token>`
 * (from anywhere); without it, clients on this host only (loopback), like the codec endpoints.
 * The staff bearer tokens are not used: a scraper is not a person with a role.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { forbidden } from '../platform/problem.ts';
import { isLoopbackClient } from './http-guards.ts';
import { INTAKE_REFUSAL_REASONS } from './intake-admission.ts';

export interface ApiMetrics {
  registry: Registry;
  /** Counts and times every request (mount it first). */
  observe: RequestHandler;
  /** GET /metrics. */
  endpoint: RequestHandler;
  /** Intakes refused as overload, by reason (api/intake-admission.ts). */
  intakeRefused: Counter<'reason'>;
}

/** The matched route's pattern; requests no route matched share one label. */
function routeLabel(req: Request): string {
  const pattern: unknown = req.route?.path;
  if (typeof pattern === 'string') return `${req.baseUrl}${pattern}`;
  if (req.originalUrl.startsWith('/ui/') || req.originalUrl === '/ui') return '/ui';
  return 'unmatched';
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function createApiMetrics(options: { prisma: PrismaClient; token?: string }): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'encounterflow_api_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered', labelNames, registers: [registry] });
  const errors = new Counter({
    name: 'http_request_errors_total',
    help: 'HTTP requests answered with a 5xx',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request to the end of the answer',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'encounterflow_encounters',
    help: 'Encounters per stage (from the database, at each scrape)',
    labelNames: ['stage'],
    registers: [registry],
    async collect() {
      const rows = await options.prisma.encounter.groupBy({ by: ['stage'], _count: { _all: true } });
      this.reset();
      for (const row of rows) this.set({ stage: row.stage }, row._count._all);
    },
  });

  const intakeRefused = new Counter({
    name: 'encounterflow_intake_refused_total',
    help: 'POST /encounters answered 503 as overload, by the signal that refused',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  // Every reason is exported from the start (at 0), so a dashboard's rate() has a series before the first refusal.
  for (const reason of INTAKE_REFUSAL_REASONS) intakeRefused.inc({ reason }, 0);

  const observe: RequestHandler = (req, res, next) => {
    const stop = duration.startTimer();
    res.once('finish', () => {
      const labels = { method: req.method, route: routeLabel(req), status: String(res.statusCode) };
      stop(labels);
      requests.inc(labels);
      if (res.statusCode >= 500) errors.inc(labels);
    });
    next();
  };

  const endpoint: RequestHandler = async (req, res, next) => {
    const allowed = options.token === undefined ? isLoopbackClient(req) : tokenMatches(req.get('authorization'), options.token);
    if (!allowed) {
      return next(
        forbidden(
          options.token === undefined
            ? 'The metrics endpoint only answers clients on this host (loopback)'
            : 'The metrics endpoint needs its bearer token (METRICS_TOKEN)',
        ),
      );
    }
    res.type(registry.contentType).send(await registry.metrics());
  };

  return { registry, observe, endpoint, intakeRefused };
}
