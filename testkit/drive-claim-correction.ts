/**
 * Runs a claim correction (workflows/claim-correction.ts) on the time-skipping server with the
 * in-memory activities of testkit/fake-activities.ts and returns its result, its handle and the
 * activity calls. Shared by the workflow test and the history recorder.
 */
import { randomUUID } from 'node:crypto';
import type { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { createFakeActivities, type Script } from './fake-activities.ts';
import { withFakeWorker, type DriveContext } from './drive.ts';
import { claimCorrectionWorkflowId, type ClaimCorrectionInput } from '../workflows/claim-correction-config.ts';
import type { claimCorrectionWorkflow } from '../workflows/claim-correction.ts';

export type CorrectionHandle = WorkflowHandleWithFirstExecutionRunId<typeof claimCorrectionWorkflow>;

/** A payer day of a minute and a mailbox read every five: follow-ups and horizons in skipped minutes. */
export const CORRECTION_TIMINGS = { payerDay: '1m', remittancePollInterval: '5m' };

export async function runClaimCorrection(
  ctx: DriveContext,
  script: Omit<Script, 'coding'>,
  options: Pick<ClaimCorrectionInput, 'continueAfterEvents'> = {},
) {
  const fake = createFakeActivities({ coding: [], ...script });
  const correctionId = randomUUID();
  return withFakeWorker(ctx, 'claim-correction', fake.activities, async (taskQueue) => {
    const handle: CorrectionHandle = await ctx.env.client.workflow.start<typeof claimCorrectionWorkflow>('claimCorrectionWorkflow', {
      taskQueue,
      workflowId: claimCorrectionWorkflowId(correctionId),
      args: [{ correctionId, timings: CORRECTION_TIMINGS, ...options }],
    });
    return { result: await handle.result(), handle, fake };
  });
}
