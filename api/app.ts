/**
 * The HTTP API as an Express 5 app. Routes are declared in api/routes/* (see api/route.ts) and
 * listed in api/routes/index.ts; this file puts authentication in front and problem+json error
 * handling behind them.
 */
import express from 'express';
import type { Response } from 'express';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../platform/logger.ts';
import { admissionLimit, apiLimits, perTokenRateLimit } from './admission.ts';
import { intakeAdmission } from './intake-admission.ts';
import { taskQueueBacklog } from './intake-backpressure.ts';
import { workflowStartsOf } from './workflow-starts.ts';
import { authenticate } from './auth.ts';
import { patientPortalSettings, type ApiDeps } from './deps.ts';
import { linkAttemptRateLimit, PATIENT_API_PREFIX, patientRateLimit } from './patient-access.ts';
import { isDependencyOutage } from '../platform/dependency-outage.ts';
import { jsonBody, noStore, securityHeaders } from './http-guards.ts';
import { createApiMetrics } from './metrics.ts';
import { installProblemHandlers } from '../platform/problem.ts';
import { mountRoutes } from './route.ts';
import { codecCors } from './routes/codec.ts';
import { API_PROBLEM_BASE } from './problem-base.ts';
import { API_ROUTES } from './routes/index.ts';

export type { ApiDeps } from './deps.ts';

export { API_PROBLEM_BASE };

/** The staff web UI (web/): plain static files, served at /ui/. */
const WEB_DIR = fileURLToPath(new URL('../web/', import.meta.url));
/** The patient page (web/patient/), served at /patient/; the access link's token is in the URL fragment. */
const PATIENT_WEB_DIR = fileURLToPath(new URL('../web/patient/', import.meta.url));

/** The UI's files may be revalidated by the browser; every other response is no-store (api/http-guards.ts). */
function setUiHeaders(res: Response): void {
  res.set('Cache-Control', 'no-cache');
}

/** Routes deliberately left out of the OpenAPI document (see where each is mounted for why). */
export const ROUTES_OUTSIDE_OPENAPI: readonly string[] = ['get /metrics'];

export function createApp(deps: ApiDeps): express.Express {
  const app = express();
  const logger = createLogger('api');
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  const metrics = createApiMetrics({ prisma: deps.prisma, token: deps.metricsToken });
  app.use(metrics.observe);
  // The patient page sends card data straight to the payment provider (never through this API).
  app.use(securityHeaders(deps.payments !== undefined ? [new URL(deps.payments.publicUrl).origin] : []));
  app.use(noStore);
  // Before authentication and outside the OpenAPI document: a Prometheus scraper is not a person
  // with a staff role, and it reads the text exposition format, not this API's JSON. Who may read
  // it (METRICS_TOKEN or loopback only) is decided in api/metrics.ts.
  app.get('/metrics', metrics.endpoint);
  // Before authentication: the files are public; every API call the page makes carries the user's token.
  app.use('/ui', express.static(WEB_DIR, { setHeaders: setUiHeaders }));
  app.use('/patient', express.static(PATIENT_WEB_DIR, { setHeaders: setUiHeaders }));
  app.use(jsonBody);
  // The patient page's API has no bearer token: limited per client address, and sign-ins per link.
  const patientPortal = patientPortalSettings(deps);
  app.use(PATIENT_API_PREFIX, patientRateLimit(patientPortal.rateLimitPerMinute));
  app.post(`${PATIENT_API_PREFIX}/session`, linkAttemptRateLimit(patientPortal.rateLimitPerMinute));
  app.use(authenticate(deps.tokens));
  const limits = apiLimits(deps.limits);
  app.use(perTokenRateLimit(limits.rateLimitPerMinute));
  app.post(
    '/encounters',
    intakeAdmission({
      starts: () => workflowStartsOf(deps),
      maxPendingStarts: limits.maxPendingWorkflowStarts,
      maxBacklogAgeMs: limits.intakeMaxBacklogAgeMs,
      readBacklog: deps.workflowBacklog ?? taskQueueBacklog(deps.temporal, deps.taskQueue),
      onRefused: (reason) => metrics.intakeRefused.inc({ reason }),
    }),
    admissionLimit({ concurrency: limits.intakeConcurrency, queue: limits.intakeQueue, maxWaitMs: limits.intakeMaxWaitMs }),
  );

  // Every /codec request, the browser's preflight (answered there) included.
  app.use('/codec', codecCors(deps.temporalUiOrigins ?? []));
  mountRoutes(app, API_ROUTES, deps);

  installProblemHandlers(app, API_PROBLEM_BASE, logger, { isOutage: isDependencyOutage });
  return app;
}
