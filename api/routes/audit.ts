/** GET /audit?encounterId= (supervisor): who did what, newest first. */
import { auditListSchema } from '../responses.ts';
import { route } from '../route.ts';
import { auditQuerySchema } from '../schemas.ts';

export const auditRoutes = [
  route(
    {
      method: 'get',
      path: '/audit',
      summary: 'Audit events (who answered, decided, overrode, cancelled or viewed)',
      roles: ['supervisor'],
      query: auditQuerySchema,
      responses: { 200: { description: 'The newest 500 events, newest first', body: auditListSchema } },
    },
    async ({ deps, query, res }) => {
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
    },
  ),
];
