/**
 * The HTTP API as an Express 5 app. Routes live in api/routes/*, each a small Router; this file
 * puts authentication in front and problem+json error handling behind them.
 */
import express from 'express';
import type { Response } from 'express';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../platform/logger.ts';
import { admissionLimit, apiLimits, perTokenRateLimit } from './admission.ts';
import { authenticate } from './auth.ts';
import type { ApiDeps } from './deps.ts';
import { jsonBody, noStore, securityHeaders } from './http-guards.ts';
import { createApiMetrics } from './metrics.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { notFoundHandler, problemErrorHandler } from './problem.ts';
import { actionRoutes } from './routes/actions.ts';
import { auditRoutes } from './routes/audit.ts';
import { clarificationRoutes } from './routes/clarifications.ts';
import { codecRoutes } from './routes/codec.ts';
import { encounterRoutes } from './routes/encounters.ts';
import { healthRoutes } from './routes/health.ts';
import { statementRoutes } from './routes/statements.ts';

export type { ApiDeps } from './deps.ts';

/** The staff web UI (web/): plain static files, served at /ui/. */
const WEB_DIR = fileURLToPath(new URL('../web/', import.meta.url));

/** The UI's files may be revalidated by the browser; every other response is no-store (api/http-guards.ts). */
function setUiHeaders(res: Response): void {
  res.set('Cache-Control', 'no-cache');
}

export function createApp(deps: ApiDeps): express.Express {
  const app = express();
  const logger = createLogger('api');
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  const metrics = createApiMetrics({ prisma: deps.prisma, token: deps.metricsToken });
  app.use(metrics.observe);
  app.use(securityHeaders());
  app.use(noStore);
  // Before authentication: a scraper has no staff token (api/metrics.ts says who may read it).
  app.get('/metrics', metrics.endpoint);
  // Before authentication: the files are public; every API call the page makes carries the user's token.
  app.use('/ui', express.static(WEB_DIR, { setHeaders: setUiHeaders }));
  app.use(jsonBody);
  app.use(authenticate(deps.tokens));
  const limits = apiLimits(deps.limits);
  app.use(perTokenRateLimit(limits.rateLimitPerMinute));
  app.post('/encounters', admissionLimit({ concurrency: limits.intakeConcurrency, queue: limits.intakeQueue, maxWaitMs: limits.intakeMaxWaitMs }));

  app.use(healthRoutes(deps));
  app.get('/openapi.json', (_req, res) => {
    res.json(buildOpenApiDocument());
  });
  app.use(encounterRoutes(deps));
  app.use(actionRoutes(deps));
  app.use(clarificationRoutes(deps));
  app.use(statementRoutes(deps));
  app.use(auditRoutes(deps));
  app.use(codecRoutes(deps));

  app.use(notFoundHandler);
  app.use(problemErrorHandler(logger));
  return app;
}
