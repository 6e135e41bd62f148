/** A physician's open clarification queries, and answering one (a workflow update). */
import { Router } from 'express';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { recordAudit } from '../audit.ts';
import { principalOf, requireRole } from '../auth.ts';
import type { ApiDeps } from '../deps.ts';
import { conflict, forbidden, HttpProblem, notFound, unavailable } from '../problem.ts';
import { answerQuerySchema, npi } from '../schemas.ts';
import { answerClarificationUpdate, type ClarificationAnswerInput } from '../../workflows/messages.ts';
import { pathParam } from '../request.ts';

function isDeadlineExceeded(error: unknown): boolean {
  // gRPC status 4 (DEADLINE_EXCEEDED) or 1 (CANCELLED) from withDeadline.
  const code = (error as { code?: unknown; cause?: { code?: unknown } }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  return error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || code === 4 || code === 1;
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
    const query = queryId.length <= 200 ? await deps.prisma.clarificationQuery.findUnique({ where: { id: queryId } }) : null;
    if (query === null) throw notFound('No clarification query has this id');
    if (query.physicianNpi !== principal.subject) throw forbidden('This query is addressed to another physician');
    if (!ANSWERABLE.includes(query.status)) throw conflict(`The query is ${query.status}: it takes no more answers`);
    const body = answerQuerySchema.parse(req.body);
    const encounter = await deps.prisma.encounter.findUniqueOrThrow({ where: { id: query.encounterId }, select: { workflowId: true } });

    const input: ClarificationAnswerInput = { queryId: query.id, answeredBy: principal.subject };
    if (body.option !== undefined) input.option = body.option;
    if (body.freeText !== undefined) input.freeText = body.freeText;
    const handle = deps.temporal.workflow.getHandle(encounter.workflowId);
    try {
      await deps.temporal.withDeadline(Date.now() + (deps.updateTimeoutMs ?? 20_000), () =>
        handle.executeUpdate(answerClarificationUpdate, { args: [input] }),
      );
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        throw new HttpProblem(422, error.cause?.message ?? 'The workflow rejected the answer');
      }
      if (error instanceof WorkflowNotFoundError) throw conflict("The encounter's workflow is no longer running");
      if (isDeadlineExceeded(error)) throw unavailable("The encounter's workflow did not take the answer in time; try again");
      throw error;
    }
    await recordAudit(deps.prisma, {
      encounterId: query.encounterId,
      principal,
      action: 'clarification.answered',
      detail: { queryId: query.id, option: body.option ?? null, freeText: body.freeText !== undefined },
    });
    res.json({ accepted: true });
  });

  return router;
}
