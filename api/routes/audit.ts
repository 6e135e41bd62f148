/** GET /audit?encounterId= (supervisor): who did what, newest first. */
import { Router } from 'express';
import { requireRole } from '../auth.ts';
import type { ApiDeps } from '../deps.ts';
import { auditQuerySchema } from '../schemas.ts';

export function auditRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.get('/audit', requireRole('supervisor'), async (req, res) => {
    const query = auditQuerySchema.parse(req.query);
    const rows = await deps.prisma.auditEvent.findMany({
      where: query.encounterId !== undefined ? { encounterId: query.encounterId } : {},
      orderBy: [{ at: 'desc' }, { id: 'asc' }],
      take: 500,
    });
    res.json({
      items: rows.map((e) => ({
        id: e.id,
        encounterId: e.encounterId,
        actor: e.actor,
        role: e.role,
        action: e.action,
        detail: e.detail,
        at: e.at.toISOString(),
      })),
    });
  });
  return router;
}
