/**
 * Worker tuning from the environment, shared by the product's worker and the benchmark's no-op
 * worker so both run with the same options. Unset variables keep the SDK's defaults.
 *
 *   WORKER_MAX_CONCURRENT_ACTIVITIES       activity tasks run at once (SDK default 100)
 *   WORKER_MAX_CONCURRENT_WORKFLOW_TASKS   workflow tasks run at once (SDK default 40)
 *   WORKER_MAX_CACHED_WORKFLOWS            sticky cache size: workflows kept in memory between
 *                                          tasks, so a task does not replay the history
 *                                          (SDK default: from the heap size; 0 disables)
 *   WORKER_WORKFLOW_THREADS                worker threads that run workflow code (SDK default 1)
 */
import type { WorkerOptions } from '@temporalio/worker';

type Env = Record<string, string | undefined>;

function count(env: Env, name: string, min: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, got ${raw}`);
  return value;
}

export function workerTuning(env: Env = process.env): Partial<WorkerOptions> {
  const options: Partial<WorkerOptions> = {};
  const activities = count(env, 'WORKER_MAX_CONCURRENT_ACTIVITIES', 1);
  const workflowTasks = count(env, 'WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', 2);
  const cached = count(env, 'WORKER_MAX_CACHED_WORKFLOWS', 0);
  const threads = count(env, 'WORKER_WORKFLOW_THREADS', 1);
  if (activities !== undefined) options.maxConcurrentActivityTaskExecutions = activities;
  if (workflowTasks !== undefined) options.maxConcurrentWorkflowTaskExecutions = workflowTasks;
  if (cached !== undefined) options.maxCachedWorkflows = cached;
  if (threads !== undefined) options.workflowThreadPoolSize = threads;
  return options;
}
