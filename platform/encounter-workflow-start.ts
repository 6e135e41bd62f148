/**
 * Starting an encounter's workflow: one definition of its id, input, policies and search
 * attributes, used by intake (api/encounter-intake.ts) and by the worker's reconciler
 * (worker/workflow-reconciler.ts), so both start exactly the same execution and a start by one
 * after the other is a no-op.
 */
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Encounter } from '../generated/prisma/client.ts';
import { dateToDay } from '../domain/days.ts';
import type { EncounterTimings, EncounterWorkflowInput } from '../workflows/config.ts';
import type { encounterWorkflow } from '../workflows/encounter.ts';
import { DATE_OF_SERVICE, ENCOUNTER_STAGE, PAYER_ID, monthOfService } from './search-attributes.ts';

/** How long starting a workflow may take before intake answers 503 (Temporal unreachable). */
export const DEFAULT_WORKFLOW_START_TIMEOUT_MS = 5_000;

/** Starts (or finds) the workflow of a stored encounter; bounded in time. The input and options of an encounter's workflow, the same from intake and from the reconciler. */
export async function startEncounterWorkflow(
  temporal: Client,
  options: { taskQueue: string; timings: EncounterTimings; timeoutMs?: number },
  encounter: Pick<Encounter, 'id' | 'payerId' | 'dateOfService' | 'workflowId' | 'scheduled'>,
  physicianNpi: string,
): Promise<void> {
  const input: EncounterWorkflowInput = {
    encounterId: encounter.id,
    payerId: encounter.payerId,
    dateOfService: dateToDay(encounter.dateOfService),
    physicianNpi,
    timings: options.timings,
    ...(encounter.scheduled ? { scheduled: true } : {}),
  };
  try {
    await temporal.withDeadline(Date.now() + (options.timeoutMs ?? DEFAULT_WORKFLOW_START_TIMEOUT_MS), () =>
      temporal.workflow.start<typeof encounterWorkflow>('encounterWorkflow', {
        workflowId: encounter.workflowId,
        taskQueue: options.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: ENCOUNTER_STAGE, value: 'received' },
          { key: PAYER_ID, value: encounter.payerId },
          { key: DATE_OF_SERVICE, value: monthOfService(encounter.dateOfService) },
        ],
      }),
    );
  } catch (error) {
    // The execution ran and closed already (REJECT_DUPLICATE): nothing to heal.
    if (error instanceof WorkflowExecutionAlreadyStartedError) return;
    throw error;
  }
}
