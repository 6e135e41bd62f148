/** Liveness (always 200 while the process serves) and readiness (200 only when every check passes). */
import { Router } from 'express';
import type { ApiDeps } from '../deps.ts';

export function healthRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    let checks: Record<string, boolean>;
    try {
      checks = await deps.readiness();
    } catch {
      checks = { readiness: false };
    }
    const failing = Object.keys(checks).filter((name) => checks[name] !== true);
    res.status(failing.length === 0 ? 200 : 503).json({ status: failing.length === 0 ? 'ready' : 'not_ready', checks, failing });
  });
  return router;
}
