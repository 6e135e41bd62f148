/**
 * Sending a coder's accept / edit / query to the encounter's workflow as the coderReview update,
 * and turning its answer into HTTP: a code the handler refused is a 422 naming each field and
 * code; a request that does not fit the encounter's state (wrong stage, stale review, another
 * action in flight) a 409 with the workflow's reason. Shared by POST /encounters/:id/coder-review
 * and PUT /encounters/:id/codes (which was a signal that dropped a bad code silently).
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Encounter } from '../generated/prisma/client.ts';
import { coderReviewUpdate, INVALID_CODES, type CodeProblem, type CoderReviewAction } from '../workflows/messages.ts';
import type { ApiDeps } from './deps.ts';
import { randomUUID } from 'node:crypto';
import { sendUpdate, type UpdateOutcome } from './encounter-access.ts';
import { conflict, HttpProblem } from '../platform/problem.ts';

/** The problems of a refused coder update, when it was refused for its codes. */
function codeProblemsOf(failure: unknown): CodeProblem[] | undefined {
  if (!(failure instanceof ApplicationFailure) || failure.type !== INVALID_CODES) return undefined;
  const [problems] = (failure.details ?? []) as [CodeProblem[] | undefined];
  return Array.isArray(problems) ? problems : [];
}

export async function sendCoderAction(
  deps: ApiDeps,
  encounter: Encounter,
  action: CoderReviewAction,
  idempotencyKey: string | undefined,
): Promise<UpdateOutcome<unknown>> {
  return sendUpdate(deps, encounter.workflowId, coderReviewUpdate, action, {
    refused: (message, failure) => {
      const problems = codeProblemsOf(failure);
      if (problems === undefined) return conflict(message ?? 'The workflow refused the coder’s action');
      const codes = [...new Set(problems.map((p) => p.code))].join(', ');
      return new HttpProblem(
        422,
        `The codes were refused: ${codes}`,
        problems.map((p) => ({ field: p.field, message: p.message })),
      );
    },
    updateId: `coder:${idempotencyKey ?? randomUUID()}`,
  });
}
