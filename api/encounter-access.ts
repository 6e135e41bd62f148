/**
 * Finding an encounter by id and talking to its workflow: the live status (with a time limit,
 * so a missing worker or a closed execution never hangs a request) and signals.
 */
import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type UpdateDefinition,
} from '@temporalio/client';
import type { Encounter } from '../generated/prisma/client.ts';
import { createLogger } from '../platform/logger.ts';
import { statusQuery, type EncounterStatus } from '../workflows/messages.ts';
import { FINAL_STAGES, isStage, type Stage } from '../workflows/stages.ts';
import { DEFAULT_API_LIMITS, type ApiDeps } from './deps.ts';
import { conflict, type HttpProblem, notFound, unavailable } from '../platform/problem.ts';
import { uuid } from './schemas.ts';

const log = createLogger('api');

/** The encounter with this id, or a 404 problem (also for a malformed id). */
export async function findEncounterOr404(deps: ApiDeps, id: string): Promise<Encounter> {
  const encounter = uuid.safeParse(id).success ? await deps.prisma.encounter.findUnique({ where: { id } }) : null;
  if (encounter === null) throw notFound('No encounter has this id');
  return encounter;
}

/**
 * The workflow's own status, or undefined when it cannot answer within the configured time
 * (STATUS_QUERY_TIMEOUT_MS: gone, closed, no worker, a busy worker); callers then show the stored one.
 */
export async function queryLiveStatus(deps: ApiDeps, workflowId: string): Promise<EncounterStatus | undefined> {
  const handle = deps.temporal.workflow.getHandle(workflowId);
  try {
    const timeoutMs = deps.limits?.statusQueryTimeoutMs ?? DEFAULT_API_LIMITS.statusQueryTimeoutMs;
    return await deps.temporal.withDeadline(Date.now() + timeoutMs, () => handle.query(statusQuery));
  } catch (error) {
    log.warn('status query failed; showing stored state', {
      workflowId,
      error: error instanceof Error ? error.name : typeof error,
    });
    return undefined;
  }
}

/** The live stage when the workflow answers, otherwise the stored one. */
export function stageOf(encounter: Encounter, live: EncounterStatus | undefined): Stage {
  if (live !== undefined) return live.stage;
  return isStage(encounter.stage) ? encounter.stage : 'received';
}

export function isFinal(stage: Stage): boolean {
  return FINAL_STAGES.includes(stage);
}

/**
 * Runs a signal, bounded in time (Temporal unreachable is a quick 503, not the SDK's retries for
 * many seconds); a workflow that is no longer running becomes a 409 problem.
 */
export async function signalOr409(deps: ApiDeps, send: () => Promise<void>): Promise<void> {
  try {
    await deps.temporal.withDeadline(Date.now() + (deps.limits?.workflowStartTimeoutMs ?? DEFAULT_API_LIMITS.workflowStartTimeoutMs), send);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw conflict("The encounter's workflow is no longer running");
    throw error;
  }
}

function isDeadlineExceeded(error: unknown): boolean {
  // gRPC status 4 (DEADLINE_EXCEEDED) or 1 (CANCELLED) from withDeadline.
  const code = (error as { code?: unknown; cause?: { code?: unknown } }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  return error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || code === 4 || code === 1;
}

/**
 * Runs a workflow update and waits for its result (within deps.updateTimeoutMs, default 20 s).
 * The validator's refusal becomes `refused(message)`; a workflow no longer running a 409; no
 * answer in time a 503. `updateId` makes a retried update the same update for Temporal.
 */
export async function executeUpdateOrProblem<Arg, Result extends { accepted: true } = { accepted: true }>(
  deps: ApiDeps,
  workflowId: string,
  update: UpdateDefinition<Result, [Arg]>,
  arg: Arg,
  options: { refused: (validatorMessage: string | undefined, failure: unknown) => HttpProblem; updateId?: string },
): Promise<Result> {
  const handle = deps.temporal.workflow.getHandle(workflowId);
  try {
    return await deps.temporal.withDeadline(Date.now() + (deps.updateTimeoutMs ?? 20_000), () =>
      handle.executeUpdate(update, { args: [arg], ...(options.updateId !== undefined ? { updateId: options.updateId } : {}) }),
    );
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) throw options.refused(error.cause?.message, error.cause);
    if (error instanceof WorkflowNotFoundError) throw conflict("The encounter's workflow is no longer running");
    if (isDeadlineExceeded(error)) throw unavailable("The encounter's workflow did not take this in time; try again");
    throw error;
  }
}
