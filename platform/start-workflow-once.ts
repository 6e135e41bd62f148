/**
 * Starting a workflow that must exist once per record (a patient question, a statement's cycle):
 * a start that finds the workflow running joins it, and one that finds it closed leaves it alone,
 * so the API, an activity and a repair sweep may all start it without a second run.
 */
import { WorkflowExecutionAlreadyStartedError, type WorkflowClient, type WorkflowStartOptions } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';

export async function startWorkflowOnce<W extends Workflow>(
  client: WorkflowClient,
  workflowType: string,
  options: WorkflowStartOptions<W>,
): Promise<void> {
  try {
    await client.start<W>(workflowType, {
      ...options,
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    // It ran and closed already: it is not started twice.
    if (error instanceof WorkflowExecutionAlreadyStartedError) return;
    throw error;
  }
}
