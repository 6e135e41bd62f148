/**
 * The no-op baseline: a workflow of the same shape as an encounter (N sequential activities on
 * its own task queue) whose activities do nothing. What it reaches is what Temporal and one
 * TypeScript worker allow on this machine; the lifecycle benchmark divides the product by it.
 */
import { proxyActivities } from '@temporalio/workflow';

export interface NoopActivities {
  noop(step: number): Promise<number>;
}

const { noop } = proxyActivities<NoopActivities>({ startToCloseTimeout: '1 minute' });

export async function noopWorkflow(activities: number): Promise<number> {
  let done = 0;
  for (let step = 0; step < activities; step++) done += await noop(step);
  return done;
}
