/** A physician's open clarification queries, and answering one (a workflow update). */
import { Router } from 'express';
import { earlierResponse, idempotencyKeyOf, recordAudit, recordView } from '../audit.ts';
import { principalOf, requireRole } from '../auth.ts';
import type { ApiDeps } from '../deps.ts';
import { executeUpdateOrProblem } from '../encounter-access.ts';
import { conflict, forbidden, HttpProblem, notFound } from '../problem.ts';
import { answerQuerySchema, npi, uuid } from '../schemas.ts';
import { answerClarificationUpdate, type ClarificationAnswerInput } from '../../workflows/messages.ts';
import { pathParam } from '../request.ts';

/**
 * The 422 for a refused answer: the validator's reason, unless it quotes what the physician
 * wrote (an answer is clinical content and never goes into a problem).
 */
function refusalMessage(message: string | undefined, submitted: Array<string | undefined>): string {
  const generic = 'The workflow refused the answer';
  if (message === undefined || message === '') return generic;
  const quotes = submitted.some((text) => text !== undefined && text.length > 0 && (message.includes(text) || message.includes(text.slice(0, 12))));
  return quotes ? generic : message;
}

/** Past its deadline a query is escalated, but the physician's late answer still counts until a supervisor decides. */
const ANSWERABLE: readonly string[] = ['open', 'escalated'];

export function clarificationRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.get('/physicians/:npi/queries', requireRole('physician', 'supervisor'), async (req, res) => {
    const principal = principalOf(res);
    const physicianNpi = pathParam(req, 'npi');
    if (!npi.safeParse(physicianNpi).success) throw notFound('No physician has this NPI');
    if (principal.role === 'physician' && principal.subject !== physicianNpi) {
      throw forbidden("A physician sees only their own queries");
    }
    const rows = await deps.prisma.clarificationQuery.findMany({
      where: { physicianNpi, status: { in: [...ANSWERABLE] } },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    });
    await recordView(deps.prisma, principal, 'physician_queries.viewed', {
      physicianNpi,
      queryIds: rows.map((q) => q.id),
      encounterIds: [...new Set(rows.map((q) => q.encounterId))],
    });
    res.json({
      items: rows.map((q) => ({
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
        links: { answer: `/queries/${encodeURIComponent(q.id)}/answer`, encounter: `/encounters/${q.encounterId}` },
      })),
    });
  });

  router.post('/queries/:id/answer', requireRole('physician'), async (req, res) => {
    const principal = principalOf(res);
    const queryId = pathParam(req, 'id');
    // The workflow makes query ids with uuid4: anything else is no query of ours.
    const query = uuid.safeParse(queryId).success ? await deps.prisma.clarificationQuery.findUnique({ where: { id: queryId } }) : null;
    if (query === null) throw notFound('No clarification query has this id');
    if (query.physicianNpi !== principal.subject) throw forbidden('This query is addressed to another physician');
    if (!ANSWERABLE.includes(query.status)) throw conflict(`The query is ${query.status}: it takes no more answers`);
    const key = idempotencyKeyOf(req, query.encounterId);
    const body = answerQuerySchema.parse(req.body);
    const earlier = await earlierResponse(deps.prisma, key, 'clarification.answered');
    if (earlier !== undefined) {
      res.set('Idempotent-Replay', 'true').status(earlier.status).json(earlier.body);
      return;
    }
    const encounter = await deps.prisma.encounter.findUniqueOrThrow({ where: { id: query.encounterId }, select: { workflowId: true } });

    const input: ClarificationAnswerInput = { queryId: query.id, answeredBy: principal.subject };
    if (body.option !== undefined) input.option = body.option;
    if (body.freeText !== undefined) input.freeText = body.freeText;
    await executeUpdateOrProblem(deps, encounter.workflowId, answerClarificationUpdate, input, {
      refused: (message) => new HttpProblem(422, refusalMessage(message, [body.option, body.freeText])),
      ...(key !== undefined ? { updateId: `answer:${key}` } : {}),
    });
    const response = { status: 200, body: { accepted: true } };
    await recordAudit(deps.prisma, {
      encounterId: query.encounterId,
      principal,
      action: 'clarification.answered',
      detail: { queryId: query.id, option: body.option ?? null, freeText: body.freeText !== undefined, response },
      ...(key !== undefined ? { idempotencyKey: key } : {}),
    });
    res.status(response.status).json(response.body);
  });

  return router;
}
