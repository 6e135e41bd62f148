/** GET /audit (supervisor): who did what, newest first, in pages, by encounter, action or actor. */
import type { Prisma } from '../../generated/prisma/client.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { auditListSchema } from '../responses.ts';
import { route } from '../route.ts';
import { auditQuerySchema } from '../schemas.ts';

export const auditRoutes = [
  route(
    {
      method: 'get',
      path: '/audit',
      summary: 'Audit events (who answered, decided, overrode, cancelled or viewed), newest first, in pages',
      description:
        'Filter by encounterId, action (exact, or a prefix ending in *) and actor; `limit` events a page (default 100), ' +
        '`cursor` from the previous page’s nextCursor. Repeated views of the same record by the same user within ' +
        'AUDIT_VIEW_WINDOW_MS are one event.',
      roles: ['supervisor'],
      query: auditQuerySchema,
      responses: { 200: { description: 'One page of events, newest first', body: auditListSchema } },
    },
    async ({ deps, query, res }) => {
      const where: Prisma.AuditEventWhereInput = {};
      if (query.encounterId !== undefined) where.encounterId = query.encounterId;
      if (query.actor !== undefined) where.actor = query.actor;
      if (query.action !== undefined) {
        where.action = query.action.endsWith('*') ? { startsWith: query.action.slice(0, -1) } : query.action;
      }
      if (query.cursor !== undefined) {
        const after = decodeCursor(query.cursor);
        where.OR = [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }];
      }
      const rows = await deps.prisma.auditEvent.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: query.limit + 1 });
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      res.json({
        items: page.map((e) => ({
          id: e.id,
          encounterId: e.encounterId,
          actor: e.actor,
          role: e.role,
          action: e.action,
          detail: e.detail,
          at: e.at.toISOString(),
        })),
        nextCursor: rows.length > query.limit && last !== undefined ? encodeCursor({ at: last.at, id: last.id }) : null,
      });
    },
  ),
];
