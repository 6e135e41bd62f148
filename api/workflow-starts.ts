/** The API process's workflow starts handed off by intake (platform/encounter-workflow-starts.ts). */
import { EncounterWorkflowStarts } from '../platform/encounter-workflow-starts.ts';
import { apiLimits } from './admission.ts';
import type { ApiDeps } from './deps.ts';

/** Workflow starts bounded by the API's limits (the start timeout, concurrency and pending bound). */
export function encounterWorkflowStarts(deps: Pick<ApiDeps, 'temporal' | 'taskQueue' | 'timings' | 'limits'>): EncounterWorkflowStarts {
  const limits = apiLimits(deps.limits);
  return new EncounterWorkflowStarts({
    temporal: deps.temporal,
    taskQueue: deps.taskQueue,
    timings: deps.timings,
    timeoutMs: limits.workflowStartTimeoutMs,
    concurrency: limits.workflowStartConcurrency,
    maxPending: limits.maxPendingWorkflowStarts,
  });
}

const startsByDeps = new WeakMap<ApiDeps, EncounterWorkflowStarts>();

/** The deps' workflow starts (one per deps object when the process did not give its own). */
export function workflowStartsOf(deps: ApiDeps): EncounterWorkflowStarts {
  if (deps.workflowStarts !== undefined) return deps.workflowStarts;
  let starts = startsByDeps.get(deps);
  if (starts === undefined) {
    starts = encounterWorkflowStarts(deps);
    startsByDeps.set(deps, starts);
  }
  return starts;
}
