/**
 * Sending a coder's accept / edit / query to the encounter's workflow as the coderReview update,
 * and turning its answer into HTTP: a code the handler refused is a 422 naming each field and
 * code; a request that does not fit the encounter's state (wrong stage, stale review, another
 * action in flight) a 409 with the workflow's reason. Shared by POST /encounters/:id/coder-review
 * and PUT /encounters/:id/codes (which was a signal that dropped a bad code silently).
 */
import type { Encounter } from '../generated/prisma/client.ts';
import { coderReviewUpdate, type CoderReviewAction } from '../workflows/messages.ts';
import type { ApiDeps } from './deps.ts';
import { sendUpdate, type UpdateOutcome } from './encounter-access.ts';
import { refusalProblem, updateIdFor } from './update-refusals.ts';

export async function sendCoderAction(
  deps: ApiDeps,
  encounter: Encounter,
  action: CoderReviewAction,
  idempotencyKey: string | undefined,
): Promise<UpdateOutcome<unknown>> {
  return sendUpdate(deps, encounter.workflowId, coderReviewUpdate, action, {
    refused: (message, failure) => refusalProblem('coder', message, failure),
    updateId: updateIdFor('coder', idempotencyKey),
  });
}
