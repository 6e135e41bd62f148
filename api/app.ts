/**
 * The HTTP API as an Express 5 app. Routes live in api/routes/*, each a small Router; this file
 * puts authentication in front and problem+json error handling behind them.
 */
import express from 'express';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../platform/logger.ts';
import { authenticate } from './auth.ts';
import type { ApiDeps } from './deps.ts';
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

/**
 * The UI's pages talk only to this API and run only their own script files; no framing, no
 * referrer. The patient statement, which the UI opens from a blob and which therefore inherits
 * this policy, needs two exceptions: its own <style> element, and its Print button's
 * `onclick="window.print()"` (allowed by hash: that exact handler and no other inline script).
 */
const PRINT_HANDLER_HASH = `'sha256-${createHash('sha256').update('window.print()').digest('base64')}'`;
function setUiHeaders(res: Response): void {
  res.set({
    'Content-Security-Policy':
      `default-src 'none'; script-src 'self' 'unsafe-hashes' ${PRINT_HANDLER_HASH}; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self'; ` +
      "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-cache',
  });
}

export function createApp(deps: ApiDeps): express.Express {
  const app = express();
  const logger = createLogger('api');
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  // Before authentication: the files are public; every API call the page makes carries the user's token.
  app.use('/ui', express.static(WEB_DIR, { setHeaders: setUiHeaders }));
  app.use(express.json({ limit: '1mb' }));
  app.use(authenticate(deps.tokens));

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
