/**
 * Where a client follows an answer, decision, coder action or denial action that the workflow
 * accepted but had not finished when its request ended (the request answered 202 with this link):
 * the workflow's outcome of that update, read from Temporal by its update id. A refusal carries the
 * problem the request would have answered had it waited (api/update-refusals.ts): a coder's code
 * refused is the same 422 with each field named.
 */
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { z } from 'zod';
import { findEncounterOr404 } from '../encounter-access.ts';
import { notFound, problemFor, problemSchema } from '../../platform/problem.ts';
import { API_PROBLEM_BASE } from '../problem-base.ts';
import { route } from '../route.ts';
import { pathId } from '../schemas.ts';
import { kindOfUpdateId, refusalProblem } from '../update-refusals.ts';

/** How long the status read waits for the outcome before it says the update is still running. */
const STATUS_WAIT_MS = 1_000;

const updateStatusSchema = z
  .object({
    updateId: z.string(),
    state: z.enum(['completed', 'refused', 'in_progress']),
    detail: z.string().optional().meta({ description: 'Why the workflow refused it (state refused)' }),
    problem: problemSchema.optional().meta({
      description: 'State refused: the problem the request would have answered had it waited (e.g. 422 naming each refused code)',
    }),
  })
  .meta({ id: 'UpdateStatus' });

const isNotFound = (error: unknown) => error instanceof WorkflowNotFoundError || (error as { code?: unknown }).code === 5;
const isDeadline = (error: unknown) => {
  const code = (error as { code?: unknown; cause?: { code?: unknown } }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  return code === 4 || code === 1 || (error as Error).name === 'WorkflowUpdateRPCTimeoutOrCancelledError';
};

export const updateRoutes = [
  route(
    {
      method: 'get',
      path: '/encounters/:id/updates/:updateId',
      summary: 'The outcome of an answer, decision, coder action or denial action the workflow accepted (the statusUrl of a 202)',
      roles: ['physician', 'coder', 'biller', 'supervisor'],
      params: z.object({ id: pathId('Encounter id'), updateId: z.string().meta({ description: 'From the statusUrl of the 202' }) }),
      responses: {
        200: { description: 'Finished: completed, or refused by the workflow (detail says why)', body: updateStatusSchema },
        202: { description: 'Still running; ask again after Retry-After', body: updateStatusSchema, headers: { 'Retry-After': 'Seconds' } },
      },
      problems: { 404: 'No such encounter, or no such update of its workflow' },
    },
    async ({ deps, params, res }) => {
      const encounter = await findEncounterOr404(deps, params.id);
      const { updateId } = params;
      const kind = kindOfUpdateId(updateId);
      if (kind === undefined) throw notFound('No such update of this encounter');
      const handle = deps.temporal.workflow.getHandle(encounter.workflowId).getUpdateHandle(updateId);
      try {
        await deps.temporal.withDeadline(Date.now() + STATUS_WAIT_MS, () => handle.result());
        res.json({ updateId, state: 'completed' });
      } catch (error) {
        if (error instanceof WorkflowUpdateFailedError) {
          const refusal = refusalProblem(kind, error.cause?.message, error.cause);
          const problem = problemFor(API_PROBLEM_BASE, refusal.status, refusal.detail, refusal.errors);
          res.json({ updateId, state: 'refused', detail: refusal.detail, problem });
        } else if (isDeadline(error)) {
          res.status(202).set('Retry-After', '1').json({ updateId, state: 'in_progress' });
        } else if (isNotFound(error)) {
          throw notFound('No such update of this encounter');
        } else {
          throw error;
        }
      }
    },
  ),
];
