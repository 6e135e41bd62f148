/**
 * Finding an encounter by id and talking to its workflow: the live status (with a time limit,
 * so a missing worker or a closed execution never hangs a request) and signals.
 */
import { randomUUID } from 'node:crypto';
import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  WorkflowUpdateStage,
  type UpdateDefinition,
  type WorkflowUpdateHandle,
} from '@temporalio/client';
import type { Encounter } from '../generated/prisma/client.ts';
import { createLogger } from '../platform/logger.ts';
import { statusQuery, type EncounterStatus } from '../workflows/messages.ts';
import { FINAL_STAGES, isStage, type Stage } from '../workflows/stages.ts';
import { DEFAULT_API_LIMITS, type ApiDeps } from './deps.ts';
import { conflict, type HttpProblem, notFound, unavailable } from '../platform/problem.ts';
import { uuid } from './schemas.ts';
import { workflowStartsOf } from './workflow-starts.ts';

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

export const WORKFLOW_NOT_STARTED = "The encounter's workflow has not started yet; try again shortly";

/**
 * The problem for a workflow Temporal does not know: the encounter is stored but its workflow not
 * started yet (stage `received`: intake handed the start off, or Temporal was down) is a 503 with
 * Retry-After; otherwise the workflow is no longer running, a 409.
 */
async function missingWorkflowProblem(deps: ApiDeps, workflowId: string): Promise<HttpProblem> {
  const stored = await deps.prisma.encounter.findUnique({ where: { workflowId }, select: { stage: true } });
  if (stored?.stage === 'received') return unavailable(WORKFLOW_NOT_STARTED);
  return conflict("The encounter's workflow is no longer running");
}

/**
 * Waits (until `deadline`) for the workflow's start when intake in this process handed it off and
 * it is still waiting; still waiting at the deadline is a 503 (the start goes out later).
 */
async function afterPendingStart(deps: ApiDeps, workflowId: string, deadline: number): Promise<void> {
  if (!(await workflowStartsOf(deps).settled(workflowId, deadline))) throw unavailable(WORKFLOW_NOT_STARTED);
}

/**
 * Runs a signal to an encounter's workflow, bounded in time (Temporal unreachable is a quick 503,
 * not the SDK's retries for many seconds); a workflow not started yet is a 503, one no longer
 * running a 409 problem.
 */
export async function signalOr409(deps: ApiDeps, workflowId: string, send: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + (deps.limits?.workflowStartTimeoutMs ?? DEFAULT_API_LIMITS.workflowStartTimeoutMs);
  await afterPendingStart(deps, workflowId, deadline);
  try {
    await deps.temporal.withDeadline(deadline, send);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw await missingWorkflowProblem(deps, workflowId);
    throw error;
  }
}

function isDeadlineExceeded(error: unknown): boolean {
  // gRPC status 4 (DEADLINE_EXCEEDED) or 1 (CANCELLED) from withDeadline.
  const code = (error as { code?: unknown; cause?: { code?: unknown } }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  return error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || code === 4 || code === 1;
}

/** Where an update the workflow accepted but had not finished is followed (GET, api/routes/updates.ts). */
export function updateStatusUrl(encounterId: string, updateId: string): string {
  return `/encounters/${encounterId}/updates/${encodeURIComponent(updateId)}`;
}

/** An update's fate within the request: done (its result), or accepted and still running. */
export type UpdateOutcome<Result> = { completed: true; result: Result } | { completed: false; updateId: string };

/**
 * Sends a workflow update and waits first for the workflow to accept it (its validator passed and
 * its handler started), then for its result, all within deps.updateTimeoutMs (default 20 s; the
 * wait for the result alone is bounded by deps.updateResultWaitMs when set). The validator's (or
 * handler's) refusal becomes `refused(message)`; a workflow no longer running a 409 (one not
 * started yet a 503; one whose start intake handed off here is waited for first); not accepted
 * in time a 503 (a retry with the same `updateId` joins the same update instead of repeating it);
 * accepted but not finished: `completed: false`, for a 202 that says so.
 */
export async function sendUpdate<Arg, Result>(
  deps: ApiDeps,
  workflowId: string,
  update: UpdateDefinition<Result, [Arg]>,
  arg: Arg,
  options: { refused: (validatorMessage: string | undefined, failure: unknown) => HttpProblem; updateId: string },
): Promise<UpdateOutcome<Result>> {
  const handle = deps.temporal.workflow.getHandle(workflowId);
  const deadline = Date.now() + (deps.updateTimeoutMs ?? 20_000);
  const settle = async (error: unknown): Promise<never> => {
    if (error instanceof WorkflowUpdateFailedError) throw options.refused(error.cause?.message, error.cause);
    if (error instanceof WorkflowNotFoundError) throw await missingWorkflowProblem(deps, workflowId);
    throw error;
  };
  await afterPendingStart(deps, workflowId, deadline);
  let accepted: WorkflowUpdateHandle<Result>;
  try {
    accepted = await deps.temporal.withDeadline(deadline, () =>
      handle.startUpdate(update, { args: [arg], waitForStage: WorkflowUpdateStage.ACCEPTED, updateId: options.updateId }),
    );
  } catch (error) {
    if (isDeadlineExceeded(error)) {
      throw unavailable(
        "The encounter's workflow has not taken this yet; it may still take it: try again with the same Idempotency-Key, which joins this request instead of repeating it",
      );
    }
    return settle(error);
  }
  const resultDeadline = deps.updateResultWaitMs === undefined ? deadline : Math.min(deadline, Date.now() + deps.updateResultWaitMs);
  try {
    // An update whose handler finished in the task that accepted it already carries its outcome (no call).
    return { completed: true, result: await deps.temporal.withDeadline(resultDeadline, () => accepted.result()) };
  } catch (error) {
    if (isDeadlineExceeded(error)) return { completed: false, updateId: accepted.updateId };
    return settle(error);
  }
}

/** An answer route's response: 200 once the workflow finished taking it, 202 with where to follow it while it works on it. */
export function acceptedResponse(
  encounterId: string,
  outcome: UpdateOutcome<unknown>,
): { status: 200; body: { accepted: true } } | { status: 202; body: { accepted: true; completed: false; statusUrl: string } } {
  if (outcome.completed) return { status: 200, body: { accepted: true } };
  return { status: 202, body: { accepted: true, completed: false, statusUrl: updateStatusUrl(encounterId, outcome.updateId) } };
}

/**
 * Runs a workflow update and waits for its result (sendUpdate). For callers that need the result
 * itself: accepted but not finished in time is a 503 too, saying so.
 */
export async function executeUpdateOrProblem<Arg, Result extends { accepted: true } = { accepted: true }>(
  deps: ApiDeps,
  workflowId: string,
  update: UpdateDefinition<Result, [Arg]>,
  arg: Arg,
  options: { refused: (validatorMessage: string | undefined, failure: unknown) => HttpProblem; updateId?: string },
): Promise<Result> {
  const outcome = await sendUpdate(deps, workflowId, update, arg, { ...options, updateId: options.updateId ?? randomUUID() });
  if (outcome.completed) return outcome.result;
  throw unavailable("The encounter's workflow took this but did not finish it in time; try again with the same Idempotency-Key");
}
