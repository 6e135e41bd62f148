/**
 * A physician's open clarifications (the physician queries a coder would send), and answering one
 * (a workflow update). The paths say "clarifications"; the first paths said "queries", which
 * still answer and are documented as deprecated.
 */
import { earlierResponse, idempotencyKeyOf, recordAudit, recordView } from '../audit.ts';
import { principalOf } from '../auth.ts';
import { acceptedResponse, sendUpdate } from '../encounter-access.ts';
import { refusalProblem, updateIdFor } from '../update-refusals.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/problem.ts';
import { acceptedSchema, clarificationListSchema, physicianClarificationsSchema, UPDATE_IN_PROGRESS } from '../responses.ts';
import { route } from '../route.ts';
import { answerClarificationSchema, clarificationIdParams, clarificationListQuerySchema, npi, physicianParams, uuid } from '../schemas.ts';
import type { ClarificationQuery } from '../../generated/prisma/client.ts';
import { answerClarificationUpdate, type ClarificationAnswerInput } from '../../workflows/messages.ts';

/** One clarification (physician query) as both lists show it; GET /clarifications adds the physician, the clinic's encounter id and the answer. */
function clarificationView(q: ClarificationQuery) {
  return {
    id: q.id,
    status: q.status,
    encounterId: q.encounterId,
    question: q.question,
    clinicalIndicators: q.clinicalIndicators,
    options: q.options,
    reason: q.reason,
    askedAt: q.createdAt.toISOString(),
    dueAt: q.dueAt.toISOString(),
    remindersSent: q.remindersSent,
    links: { answer: `/clarifications/${encodeURIComponent(q.id)}/answer`, encounter: `/encounters/${q.encounterId}` },
  };
}

/** Past its deadline a query is escalated, but the physician's late answer still counts until a supervisor decides. */
const ANSWERABLE: readonly string[] = ['open', 'escalated'];

export const clarificationRoutes = [
  route(
    {
      method: 'get',
      path: '/clarifications',
      summary: 'Clarifications (physician queries): a physician’s inbox and history, or every physician’s for a supervisor',
      description:
        'state=open: waiting for an answer, escalated (past due) first, then the earliest due. state=closed: answered or ' +
        'withdrawn, newest first. A physician passes physician=me (or their NPI); a supervisor any NPI, or none for all.',
      roles: ['physician', 'supervisor'],
      query: clarificationListQuerySchema,
      responses: {
        200: {
          description: 'Clarifications with question, quoted indicators, options, due time and reminders',
          body: clarificationListSchema,
        },
      },
    },
    async ({ deps, query, res }) => {
      const principal = principalOf(res);
      let physicianNpi: string | undefined;
      if (principal.role === 'physician') {
        if (query.physician !== undefined && query.physician !== 'me' && query.physician !== principal.subject) {
          throw forbidden('A physician sees only their own queries');
        }
        physicianNpi = principal.subject;
      } else if (query.physician === 'me') {
        throw badRequest('"me" is for physicians', [{ field: 'physician', message: 'An NPI, or leave it out for every physician' }]);
      } else {
        physicianNpi = query.physician;
      }
      const open = query.state === 'open';
      const rows = await deps.prisma.clarificationQuery.findMany({
        where: {
          ...(physicianNpi !== undefined ? { physicianNpi } : {}),
          status: { in: open ? [...ANSWERABLE] : ['answered', 'withdrawn'] },
        },
        // 'escalated' sorts before 'open': past-due queries first.
        orderBy: open ? [{ status: 'asc' }, { dueAt: 'asc' }, { id: 'asc' }] : [{ updatedAt: 'desc' }, { id: 'asc' }],
        take: query.limit,
        include: { encounter: { select: { clinicEncounterId: true } } },
      });
      await recordView(deps, principal, 'physician_queries.viewed', {
        physicianNpi: physicianNpi ?? null,
        queryIds: rows.map((q) => q.id),
        encounterIds: [...new Set(rows.map((q) => q.encounterId))],
      });
      res.json({
        items: rows.map((q) => ({
          ...clarificationView(q),
          status: q.status as 'open' | 'escalated' | 'answered' | 'withdrawn',
          physicianNpi: q.physicianNpi,
          clinicEncounterId: q.encounter.clinicEncounterId,
          answer:
            q.status === 'answered'
              ? { option: q.answerOption, freeText: q.answerText, by: q.answeredBy, at: q.answeredAt?.toISOString() ?? null }
              : null,
        })),
      });
    },
  ),

  route(
    {
      method: 'get',
      path: '/physicians/:npi/clarifications',
      aliases: ['/physicians/:npi/queries'],
      summary: 'Open clarifications (physician queries) addressed to a physician',
      roles: ['physician', 'supervisor'],
      params: physicianParams,
      responses: { 200: { description: 'Open and escalated clarifications, earliest due first', body: physicianClarificationsSchema } },
      problems: { 404: 'Not an NPI' },
    },
    async ({ deps, params, res }) => {
      const principal = principalOf(res);
      const physicianNpi = params.npi;
      if (!npi.safeParse(physicianNpi).success) throw notFound('No physician has this NPI');
      if (principal.role === 'physician' && principal.subject !== physicianNpi) {
        throw forbidden('A physician sees only their own queries');
      }
      const rows = await deps.prisma.clarificationQuery.findMany({
        where: { physicianNpi, status: { in: [...ANSWERABLE] } },
        orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      });
      await recordView(deps, principal, 'physician_queries.viewed', {
        physicianNpi,
        queryIds: rows.map((q) => q.id),
        encounterIds: [...new Set(rows.map((q) => q.encounterId))],
      });
      res.json({
        items: rows.map(clarificationView),
      });
    },
  ),

  route(
    {
      method: 'post',
      path: '/clarifications/:id/answer',
      aliases: ['/queries/:id/answer'],
      summary: 'Answer a clarification (physician query)',
      roles: ['physician'],
      params: clarificationIdParams,
      body: answerClarificationSchema,
      responses: {
        200: {
          description: 'Taken by the workflow',
          body: acceptedSchema,
          headers: { 'Idempotent-Replay': 'true when this is the answer to an earlier request with the same Idempotency-Key' },
        },
        202: UPDATE_IN_PROGRESS,
      },
      problems: {
        403: 'The clarification is addressed to another physician',
        404: 'No such clarification',
        409: 'The clarification takes no more answers, or the Idempotency-Key was used for another action',
        422: 'The workflow refused the answer (e.g. an option it did not offer)',
        503: 'The workflow did not take the answer in time; try again after Retry-After with the same Idempotency-Key',
      },
    },
    async ({ deps, params, body, req, res }) => {
      const principal = principalOf(res);
      const queryId = params.id;
      // The workflow makes query ids with uuid4: anything else is no query of ours.
      const query = uuid.safeParse(queryId).success ? await deps.prisma.clarificationQuery.findUnique({ where: { id: queryId } }) : null;
      if (query === null) throw notFound('No clarification query has this id');
      if (query.physicianNpi !== principal.subject) throw forbidden('This query is addressed to another physician');
      if (!ANSWERABLE.includes(query.status)) throw conflict(`The query is ${query.status}: it takes no more answers`);
      const key = idempotencyKeyOf(req, query.encounterId);
      const earlier = await earlierResponse(deps.prisma, key, 'clarification.answered');
      if (earlier !== undefined) {
        res.set('Idempotent-Replay', 'true').status(earlier.status).json(earlier.body);
        return;
      }
      const encounter = await deps.prisma.encounter.findUniqueOrThrow({ where: { id: query.encounterId }, select: { workflowId: true } });

      const input: ClarificationAnswerInput = { queryId: query.id, answeredBy: principal.subject };
      if (body.option !== undefined) input.option = body.option;
      if (body.freeText !== undefined) input.freeText = body.freeText;
      const outcome = await sendUpdate(deps, encounter.workflowId, answerClarificationUpdate, input, {
        refused: (message) => refusalProblem('answer', message, undefined, [body.option, body.freeText]),
        updateId: updateIdFor('answer', key),
      });
      const response = acceptedResponse(query.encounterId, outcome);
      await recordAudit(deps.prisma, {
        encounterId: query.encounterId,
        principal,
        action: 'clarification.answered',
        detail: { queryId: query.id, option: body.option ?? null, freeText: body.freeText !== undefined, response },
        ...(key !== undefined ? { idempotencyKey: key } : {}),
      });
      res.status(response.status).json(response.body);
    },
  ),
];
