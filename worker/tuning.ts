/**
 * Worker tuning from the environment (the WORKER_* variables of platform/config.ts), shared by
 * the product's worker and the benchmark's no-op worker so both run with the same options. Unset
 * variables keep the SDK's defaults.
 */
import type { WorkerOptions } from '@temporalio/worker';
import { parseEnvironment } from '../platform/config.ts';

type Env = Record<string, string | undefined>;

export function workerTuning(env: Env = process.env): Partial<WorkerOptions> {
  const settings = parseEnvironment(env);
  const options: Partial<WorkerOptions> = {};
  if (settings.WORKER_MAX_CONCURRENT_ACTIVITIES !== undefined)
    options.maxConcurrentActivityTaskExecutions = settings.WORKER_MAX_CONCURRENT_ACTIVITIES;
  if (settings.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS !== undefined)
    options.maxConcurrentWorkflowTaskExecutions = settings.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS;
  if (settings.WORKER_MAX_CACHED_WORKFLOWS !== undefined) options.maxCachedWorkflows = settings.WORKER_MAX_CACHED_WORKFLOWS;
  if (settings.WORKER_MAX_CONCURRENT_WORKFLOW_TASK_POLLS !== undefined)
    options.maxConcurrentWorkflowTaskPolls = settings.WORKER_MAX_CONCURRENT_WORKFLOW_TASK_POLLS;
  if (settings.WORKER_NON_STICKY_TO_STICKY_POLL_RATIO !== undefined)
    options.nonStickyToStickyPollRatio = settings.WORKER_NON_STICKY_TO_STICKY_POLL_RATIO;
  if (settings.WORKER_MAX_CONCURRENT_ACTIVITY_TASK_POLLS !== undefined)
    options.maxConcurrentActivityTaskPolls = settings.WORKER_MAX_CONCURRENT_ACTIVITY_TASK_POLLS;
  if (settings.WORKER_WORKFLOW_THREADS !== undefined) options.workflowThreadPoolSize = settings.WORKER_WORKFLOW_THREADS;
  return options;
}

/** WORKER_WORKFLOW_STACK_TRACES: whether workflow threads collect stack traces (worker/workflow-stack-traces.ts). */
export function workflowStackTracesOn(env: Env = process.env): boolean {
  return parseEnvironment(env).WORKER_WORKFLOW_STACK_TRACES === 'on';
}
