/** POST /encounters (intake), GET /encounters (list), GET /encounters/:id (detail with live status). */
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client.ts';
import { recordView } from '../audit.ts';
import { afterCursor, encodeCursor } from '../cursor.ts';
import { principalOf } from '../auth.ts';
import { queryLiveStatus } from '../encounter-access.ts';
import { dateToDay, dayToDate } from '../../domain/days.ts';
import { submitEncounter } from '../encounter-intake.ts';
import { buildEncounterView, isOwnPhysician, readEncounterForView, readViewDetails } from '../encounter-view.ts';
import { notFound } from '../../platform/problem.ts';
import { encounterListSchema, encounterReceiptSchema, encounterViewSchema } from '../responses.ts';
import { route } from '../route.ts';
import { encounterIdParams, encounterSubmissionSchema, listEncountersQuerySchema } from '../schemas.ts';

export function encounterLinks(id: string): Record<string, string> {
  return {
    self: `/encounters/${id}`,
    cancel: `/encounters/${id}/cancel`,
    decision: `/encounters/${id}/decision`,
    codes: `/encounters/${id}/codes`,
    coverage: `/encounters/${id}/coverage`,
    estimates: `/encounters/${id}/estimates`,
    documentation: `/encounters/${id}/documentation`,
    audit: `/audit?encounterId=${id}`,
  };
}

export const encounterRoutes = [
  route(
    {
      method: 'post',
      path: '/encounters',
      summary: 'Submit an encounter (idempotent on clinicEncounterId)',
      roles: ['intake'],
      body: encounterSubmissionSchema,
      responses: {
        201: {
          description: 'Stored (durable); its workflow is started right after the answer, stage `received` until it runs',
          body: encounterReceiptSchema,
          headers: { Location: 'The encounter' },
        },
        200: {
          description: 'Already known (the same body again): the stored encounter',
          body: encounterReceiptSchema,
          headers: { Location: 'The encounter', 'Idempotent-Replay': 'true' },
        },
      },
      problems: {
        409: 'The clinicEncounterId is known with a different body',
        503: 'Overloaded (type intake-overloaded: too many stored encounters wait for their workflow start, or the workers are behind; nothing stored), or the database or Temporal did not answer; nothing half-written, try again after Retry-After',
      },
    },
    async ({ deps, body: submission, res }) => {
      const { encounter, created } = await submitEncounter(deps, submission);
      if (!created) res.set('Idempotent-Replay', 'true');
      res
        .status(created ? 201 : 200)
        .location(`/encounters/${encounter.id}`)
        .json({
          id: encounter.id,
          clinicEncounterId: encounter.clinicEncounterId,
          workflowId: encounter.workflowId,
          stage: encounter.stage,
          links: encounterLinks(encounter.id),
        });
    },
  ),

  route(
    {
      method: 'get',
      path: '/encounters',
      summary: 'List encounters (cursor pages, oldest first)',
      roles: ['coder', 'biller', 'supervisor'],
      query: listEncountersQuerySchema,
      responses: { 200: { description: 'One page', body: encounterListSchema } },
    },
    async ({ deps, query, res }) => {
      const where: Prisma.EncounterWhereInput = {};
      if (query.stage !== undefined) where.stage = query.stage;
      if (query.payer !== undefined) where.payerId = query.payer;
      if (query.from !== undefined || query.to !== undefined) {
        where.dateOfService = {
          ...(query.from !== undefined ? { gte: dayToDate(query.from) } : {}),
          ...(query.to !== undefined ? { lte: dayToDate(query.to) } : {}),
        };
      }
      if (query.overdue !== undefined) {
        // Overdue: a physician query past its due time (still open, or escalated for it), or an
        // escalated encounter. `overdue=false` lists the others.
        const overdue: Prisma.EncounterWhereInput = {
          OR: [
            { stage: 'escalated' },
            { clarificationQueries: { some: { status: { in: ['open', 'escalated'] }, dueAt: { lt: new Date() } } } },
          ],
        };
        where.AND = [query.overdue ? overdue : { NOT: overdue }];
      }
      if (query.cursor !== undefined) Object.assign(where, afterCursor(query.cursor));
      const rows = await deps.prisma.encounter.findMany({
        where,
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: query.limit + 1,
        select: { id: true, clinicEncounterId: true, stage: true, payerId: true, dateOfService: true, createdAt: true, updatedAt: true },
      });
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      res.json({
        items: page.map((row) => ({
          id: row.id,
          clinicEncounterId: row.clinicEncounterId,
          stage: row.stage,
          payerId: row.payerId,
          dateOfService: dateToDay(row.dateOfService),
          updatedAt: row.updatedAt.toISOString(),
        })),
        nextCursor: rows.length > query.limit && last !== undefined ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
      });
    },
  ),

  route(
    {
      method: 'get',
      path: '/encounters/:id',
      summary: 'An encounter with its live workflow status (stored state when the workflow cannot answer)',
      description: 'Intake gets the receipt (ids, stage, a link); the others the view their role may see.',
      roles: ['intake', 'physician', 'coder', 'biller', 'supervisor'],
      params: encounterIdParams,
      responses: { 200: { description: 'The encounter', body: z.union([encounterViewSchema, encounterReceiptSchema]) } },
      problems: { 404: 'No such encounter (or another physician’s)' },
    },
    async ({ deps, params, res }) => {
      const principal = principalOf(res);
      const encounter = await readEncounterForView(deps.prisma, params.id);
      if (principal.role === 'intake') {
        await recordView(deps, principal, 'encounter.viewed', { encounterId: encounter.id, patientId: encounter.patientId });
        // Intake submitted the encounter: it gets ids, the stage and links, nothing clinical.
        res.json({
          id: encounter.id,
          clinicEncounterId: encounter.clinicEncounterId,
          workflowId: encounter.workflowId,
          stage: encounter.stage,
          links: { self: encounterLinks(encounter.id).self },
        });
        return;
      }
      // Another physician's encounter: as if it did not exist.
      if (principal.role === 'physician' && !isOwnPhysician(encounter, principal)) throw notFound('No encounter has this id');
      // The stored details (and the view's audit row) are read while the workflow is asked.
      const [live, details] = await Promise.all([queryLiveStatus(deps, encounter.workflowId), readViewDetails(deps, encounter, principal)]);
      res.json({ ...buildEncounterView(encounter, details, live, principal), links: encounterLinks(encounter.id) });
    },
  ),
];
