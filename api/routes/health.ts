/** Liveness (always 200 while the process serves) and readiness (200 only when every check passes). */
import { healthSchema, readinessSchema } from '../responses.ts';
import { route } from '../route.ts';

export const healthRoutes = [
  route(
    {
      method: 'get',
      path: '/healthz',
      summary: 'Liveness',
      roles: [],
      usesDependencies: false,
      responses: { 200: { description: 'The process serves requests', body: healthSchema } },
    },
    ({ res }) => {
      res.json({ status: 'ok' });
    },
  ),

  route(
    {
      method: 'get',
      path: '/readyz',
      summary: 'Readiness of Temporal and the database',
      roles: [],
      usesDependencies: false,
      responses: {
        200: { description: 'Ready', body: readinessSchema },
        503: { description: 'Not ready: the failing checks', body: readinessSchema },
      },
    },
    async ({ deps, res }) => {
      let checks: Record<string, boolean>;
      try {
        checks = await deps.readiness();
      } catch {
        checks = { readiness: false };
      }
      const failing = Object.keys(checks).filter((name) => checks[name] !== true);
      res.status(failing.length === 0 ? 200 : 503).json({ status: failing.length === 0 ? 'ready' : 'not_ready', checks, failing });
    },
  ),
];
