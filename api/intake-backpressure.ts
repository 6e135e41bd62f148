/**
 * Intake backpressure from the workers' backlog. When new encounters arrive faster than the
 * workers take their workflow tasks, the tasks wait in the task queue, and so does everything
 * else that needs one of those workflows: a status query or an answer sent to a workflow that
 * has a task scheduled is held by the server until that task completes, i.e. until the worker
 * reached it through the whole backlog (10,000 encounters posted at 8.8/s with workers parking
 * 2/s left tasks waiting for minutes, and status queries timed out). So while the oldest
 * workflow task of the task queue has waited longer than `intakeMaxBacklogAgeMs`, POST
 * /encounters answers 503 with Retry-After (a clinic's system sends it again) instead of growing
 * the backlog further; reads, answers and decisions are never refused here.
 *
 * The age is the server's own figure (DescribeTaskQueue with reportStats: approximate backlog
 * age), read at most every `BACKLOG_READ_INTERVAL_MS` in the background, so a request never
 * waits for it. A reading that fails (Temporal unreachable) admits: the workflow start then
 * answers for itself.
 */
import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';
import type { RequestHandler } from 'express';
import { createLogger } from '../platform/logger.ts';
import { unavailable } from '../platform/problem.ts';

const log = createLogger('api');

/** How old a backlog reading may be before a request triggers the next one. */
export const BACKLOG_READ_INTERVAL_MS = 2_000;
/** Retry-After of a refused intake is the backlog's excess age, within these bounds (seconds). */
const MIN_RETRY_AFTER_SECONDS = 1;
const MAX_RETRY_AFTER_SECONDS = 30;

export interface WorkflowBacklog {
  /** Age of the oldest workflow task waiting for a worker, in ms (0: none waits). */
  oldestTaskAgeMs: number;
  /** Workflow tasks waiting (approximate). */
  tasks: number;
}

export type ReadWorkflowBacklog = () => Promise<WorkflowBacklog>;

/** The workflow-task backlog of `taskQueue` as the Temporal server reports it. */
export function taskQueueBacklog(client: Client, taskQueue: string): ReadWorkflowBacklog {
  return async () => {
    const { stats } = await client.workflowService.describeTaskQueue({
      namespace: client.options.namespace,
      taskQueue: { name: taskQueue, kind: proto.temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType: proto.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      reportStats: true,
    });
    const age = stats?.approximateBacklogAge;
    return {
      oldestTaskAgeMs: Number(age?.seconds ?? 0) * 1000 + Math.floor((age?.nanos ?? 0) / 1e6),
      tasks: Number(stats?.approximateBacklogCount ?? 0),
    };
  };
}

export interface BacklogAdmission extends RequestHandler {
  /** Reads the backlog now (the handler does so in the background; tests await it). */
  refresh(): Promise<void>;
}

/** Refuses intake (503 + Retry-After) while the last backlog reading is older than `maxAgeMs`; 0 turns it off. */
export function backlogAdmission(options: { maxAgeMs: number; read: ReadWorkflowBacklog; now?: () => number }): BacklogAdmission {
  const now = options.now ?? Date.now;
  let reading: (WorkflowBacklog & { at: number }) | undefined;
  let inFlight: Promise<void> | undefined;
  let failing = false;

  const refresh = (): Promise<void> => {
    inFlight ??= options
      .read()
      .then(
        (backlog) => {
          reading = { ...backlog, at: now() };
          failing = false;
        },
        (error: unknown) => {
          reading = undefined; // unknown: admit
          if (!failing) log.warn('workflow backlog unreadable; intake admitted without it', { error: String(error) });
          failing = true;
        },
      )
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  const handler: RequestHandler = (_req, _res, next) => {
    if (options.maxAgeMs <= 0) return next();
    if (reading === undefined || now() - reading.at >= BACKLOG_READ_INTERVAL_MS) void refresh();
    if (reading !== undefined && reading.oldestTaskAgeMs > options.maxAgeMs) {
      const excessSeconds = Math.ceil((reading.oldestTaskAgeMs - options.maxAgeMs) / 1000);
      const retryAfter = Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(MIN_RETRY_AFTER_SECONDS, excessSeconds));
      return next(
        unavailable(
          `The workers are behind (the oldest waiting workflow task waited ${Math.round(reading.oldestTaskAgeMs / 1000)} s); try again shortly`,
          retryAfter,
        ),
      );
    }
    next();
  };
  return Object.assign(handler, { refresh });
}
