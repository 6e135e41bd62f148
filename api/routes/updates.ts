/**
 * Where a client follows an answer, decision or coder action that the workflow accepted but had
 * not finished when its request ended (the request answered 202 with this link): the workflow's
 * outcome of that update, read from Temporal by its update id.
 */
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { z } from 'zod';
import { findEncounterOr404 } from '../encounter-access.ts';
import { notFound } from '../../platform/problem.ts';
import { route } from '../route.ts';
import { pathId } from '../schemas.ts';

/** How long the status read waits for the outcome before it says the update is still running. */
const STATUS_WAIT_MS = 1_000;

/** The update ids the answer routes give (api/encounter-access.ts sendUpdate callers). */
const UPDATE_ID = /^(answer|decision|coder):[A-Za-z0-9._:-]{1,300}$/;

const updateStatusSchema = z
  .object({
    updateId: z.string(),
    state: z.enum(['completed', 'refused', 'in_progress']),
    detail: z.string().optional().meta({ description: 'Why the workflow refused it (state refused)' }),
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
      summary: 'The outcome of an answer, decision or coder action the workflow accepted (the statusUrl of a 202)',
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
      if (!UPDATE_ID.test(updateId)) throw notFound('No such update of this encounter');
      const handle = deps.temporal.workflow.getHandle(encounter.workflowId).getUpdateHandle(updateId);
      try {
        await deps.temporal.withDeadline(Date.now() + STATUS_WAIT_MS, () => handle.result());
        res.json({ updateId, state: 'completed' });
      } catch (error) {
        if (error instanceof WorkflowUpdateFailedError) {
          res.json({ updateId, state: 'refused', detail: error.cause?.message ?? 'refused by the workflow' });
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
