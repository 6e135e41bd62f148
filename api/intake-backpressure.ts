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
 * The decision, with the other overload signal (pending workflow starts), is api/intake-admission.ts.
 * The age is the server's own figure (DescribeTaskQueue with reportStats: approximate backlog
 * age), read at most every `BACKLOG_READ_INTERVAL_MS` in the background, so a request never
 * waits for it. A reading that fails (Temporal unreachable) admits: the workflow start then
 * answers for itself.
 */
import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';
import { createLogger } from '../platform/logger.ts';

const log = createLogger('api');

/** How old a backlog reading may be before a request triggers the next one. */
export const BACKLOG_READ_INTERVAL_MS = 2_000;

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

export interface BacklogMonitor {
  /** The last reading's oldest task age; starts the next reading when it is stale. Undefined: none yet, or unreadable. */
  oldestTaskAgeMs(): number | undefined;
  /** Reads the backlog now (tests await it). */
  refresh(): Promise<void>;
}

/** The workers' backlog, read in the background at most every BACKLOG_READ_INTERVAL_MS (api/intake-admission.ts decides on it). */
export function backlogMonitor(options: { read: ReadWorkflowBacklog; now?: () => number }): BacklogMonitor {
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

  return {
    oldestTaskAgeMs() {
      if (reading === undefined || now() - reading.at >= BACKLOG_READ_INTERVAL_MS) void refresh();
      return reading?.oldestTaskAgeMs;
    },
    refresh,
  };
}
