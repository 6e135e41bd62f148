/**
 * The biller's worklists (GET, biller and supervisor): what waits for a biller before the claim.
 *
 * - /worklists/eligibility: encounters stopped because of their coverage (inactive, member not
 *   found, the wrong member) with the insurer's answer; the biller corrects the coverage or the
 *   demographics, or switches to self-pay (links given).
 * - /worklists/authorizations: prior authorizations the insurer has not decided yet, with their
 *   regulatory decision deadline, and those a biller must decide (denied, not decided in time,
 *   modified, or a visit that differs from what was authorized).
 *
 * Both list ids and billing facts only (no names or clinical text), oldest encounter first, in
 * cursor pages. A page may hold fewer than `limit` items (encounters that left the list while
 * being read are skipped): follow `nextCursor` until it is null.
 */
import { dateToDay } from '../../domain/days.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Stage } from '../../workflows/stages.ts';
import { authorizationDeadlineMs, expeditedRequests } from '../authorization-deadlines.ts';
import { queryLiveStatus } from '../encounter-access.ts';
import { route } from '../route.ts';
import { authorizationWorklistQuerySchema, eligibilityWorklistQuerySchema } from '../schemas.ts';
import { authorizationWorklistSchema, eligibilityWorklistSchema } from '../worklist-responses.ts';
import { afterCursor, encodeCursor } from '../cursor.ts';

export const WORKLIST_ROLES = ['biller', 'supervisor'] as const;
const DAY_MS = 86_400_000;

/** One page of encounters in these stages (oldest first, one more row than the limit to know if another page follows). */
function pageQuery(query: { payer?: string | undefined; cursor?: string | undefined; limit: number }, stages: readonly Stage[]) {
  const where: Prisma.EncounterWhereInput = {
    stage: { in: [...stages] },
    ...(query.payer !== undefined ? { payerId: query.payer } : {}),
    ...(query.cursor !== undefined ? afterCursor(query.cursor) : {}),
  };
  return { where, orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }], take: query.limit + 1 };
}

/** The encounter columns every worklist item shows. */
export const WORK_ITEM_COLUMNS = {
  id: true,
  createdAt: true,
  clinicEncounterId: true,
  payerId: true,
  dateOfService: true,
  scheduled: true,
} as const;

export function workItem(row: { id: string; clinicEncounterId: string; payerId: string; dateOfService: Date; scheduled: boolean }) {
  return {
    encounterId: row.id,
    clinicEncounterId: row.clinicEncounterId,
    payerId: row.payerId,
    dateOfService: dateToDay(row.dateOfService),
    scheduled: row.scheduled,
  };
}

/** A page of `limit` rows (of the limit + 1 read) and the cursor after its last row, in the list's (time, id) order. */
export function page<Row extends { id: string }>(
  rows: readonly Row[],
  limit: number,
  timeOf: (row: Row) => Date,
): { rows: Row[]; nextCursor: string | null } {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return { rows: kept, nextCursor: rows.length > limit && last !== undefined ? encodeCursor({ at: timeOf(last), id: last.id }) : null };
}

/** The authorization questions a biller answers (the rest of needs_review is a supervisor's or a coder's). */
const AUTHORIZATION_DECISIONS = new Set([
  'authorization_denied',
  'authorization_expired',
  'authorization_modified',
  'authorization_mismatch',
]);

export const worklistRoutes = [
  route(
    {
      method: 'get',
      path: '/worklists/eligibility',
      summary: 'Encounters waiting for a biller because of their coverage (inactive, member not found, the wrong member)',
      roles: WORKLIST_ROLES,
      query: eligibilityWorklistQuerySchema,
      responses: { 200: { description: 'One page, oldest encounter first', body: eligibilityWorklistSchema } },
    },
    async ({ deps, query, res }) => {
      const rows = await deps.prisma.encounter.findMany({
        ...pageQuery(query, ['awaiting_coverage']),
        select: {
          ...WORK_ITEM_COLUMNS,
          coverageVersion: true,
          eligibilityChecks: { orderBy: { checkedAt: 'desc' }, take: 1 },
          transitions: { where: { toStage: 'awaiting_coverage' }, orderBy: { sequence: 'desc' }, take: 1, select: { at: true } },
        },
      });
      const { rows: kept, nextCursor } = page(rows, query.limit, (row) => row.createdAt);
      res.json({
        items: kept.map((row) => {
          const check = row.eligibilityChecks[0];
          return {
            ...workItem(row),
            coverageVersion: row.coverageVersion,
            waitingSince: row.transitions[0]?.at.toISOString() ?? null,
            eligibility:
              check === undefined
                ? null
                : {
                    status: check.status,
                    reason: check.reason,
                    checkedAt: check.checkedAt.toISOString(),
                    planBegin: check.planBegin ? dateToDay(check.planBegin) : null,
                    planEnd: check.planEnd ? dateToDay(check.planEnd) : null,
                  },
            links: {
              encounter: `/encounters/${row.id}`,
              coverage: `/encounters/${row.id}/coverage`,
              selfPay: `/encounters/${row.id}/self-pay`,
              demographics: `/encounters/${row.id}/demographics`,
              cancel: `/encounters/${row.id}/cancel`,
            },
          };
        }),
        nextCursor,
      });
    },
  ),

  route(
    {
      method: 'get',
      path: '/worklists/authorizations',
      summary: 'Prior authorizations pending with their decision deadlines, and those a biller must decide',
      description:
        'pending: the insurer has not decided; the workflow follows the request until decisionDueAt (CMS-0057-F: 72 h expedited, 7 days standard). needs_biller: denied, not decided in time, modified, or performed differs from authorized; decide with POST /encounters/{id}/decision.',
      roles: WORKLIST_ROLES,
      query: authorizationWorklistQuerySchema,
      responses: { 200: { description: 'One page, oldest encounter first', body: authorizationWorklistSchema } },
    },
    async ({ deps, query, res }) => {
      const stages: Stage[] =
        query.state === 'pending'
          ? ['authorization']
          : query.state === 'needs_biller'
            ? ['denied', 'needs_review']
            : ['authorization', 'denied', 'needs_review'];
      const paged = pageQuery(query, stages);
      const rows = await deps.prisma.encounter.findMany({
        ...paged,
        where: { ...paged.where, priorAuthorizations: { some: {} } },
        select: {
          ...WORK_ITEM_COLUMNS,
          stage: true,
          workflowId: true,
          priorAuthorizations: { orderBy: { createdAt: 'desc' }, take: 1 },
        },
      });
      const { rows: kept, nextCursor } = page(rows, query.limit, (row) => row.createdAt);
      // needs_review holds other questions too (edits, a rejected claim): the workflow says which one is pending.
      const pendingKinds = new Map(
        await Promise.all(
          kept
            .filter((row) => row.stage === 'needs_review')
            .map(async (row) => [row.id, (await queryLiveStatus(deps, row.workflowId))?.pendingDecision?.kind] as const),
        ),
      );
      const candidates = kept.flatMap((row) => {
        const auth = row.priorAuthorizations[0];
        if (auth === undefined) return [];
        const pending = row.stage === 'authorization' && (auth.status === 'requested' || auth.status === 'pended');
        const needsBiller =
          row.stage === 'denied' || (row.stage === 'needs_review' && AUTHORIZATION_DECISIONS.has(pendingKinds.get(row.id) ?? ''));
        if (!pending && !needsBiller) return [];
        return [
          {
            row,
            auth,
            state: pending ? ('pending' as const) : ('needs_biller' as const),
            requestedUnits: (auth.requestedUnits ?? {}) as Record<string, number>,
          },
        ];
      });
      const expedited = await expeditedRequests(
        deps,
        candidates.map((c) => ({ key: c.row.id, payerId: c.row.payerId, codes: Object.keys(c.requestedUnits) })),
      );
      const now = Date.now();
      const today = Date.parse(dateToDay(new Date(now)));
      res.json({
        items: candidates.map(({ row, auth, state, requestedUnits }) => {
          const isExpedited = expedited.has(row.id);
          const due = auth.createdAt.getTime() + authorizationDeadlineMs(deps.timings, isExpedited);
          return {
            ...workItem(row),
            stage: row.stage as Stage,
            state,
            daysUntilService: Math.round((row.dateOfService.getTime() - today) / DAY_MS),
            authorization: {
              status: auth.status,
              timing: auth.timing as 'pre_service' | 'retro',
              requestedAt: auth.createdAt.toISOString(),
              expedited: isExpedited,
              decisionDueAt: new Date(due).toISOString(),
              overdue: now > due,
              payerReference: auth.payerReference,
              reason: auth.reason,
              requestedUnits,
            },
            links: { encounter: `/encounters/${row.id}`, decision: `/encounters/${row.id}/decision` },
          };
        }),
        nextCursor,
      });
    },
  ),
];
