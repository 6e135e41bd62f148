/** Runs one patient-question workflow on the time-skipping server with the fake activities (tests, history recording). */
import { randomUUID } from 'node:crypto';
import type { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { patientQuestionWorkflowId, type PatientQuestionWorkflowInput } from '../domain/patient-questions.ts';
import type { patientQuestionWorkflow } from '../workflows/patient-question.ts';
import { withFakeWorker, type DriveContext } from './drive.ts';
import { createFakeActivities } from './fake-activities.ts';

export type QuestionHandle = WorkflowHandleWithFirstExecutionRunId<typeof patientQuestionWorkflow>;

/** Starts a question due `answerWithin` after now (the server's clock), lets `drive` act, and returns its outcome and calls. */
export async function runPatientQuestion(
  ctx: DriveContext,
  timing: { answerWithin: number; reminderInterval: string; continueAfterEvents?: number },
  drive: (handle: QuestionHandle, fake: ReturnType<typeof createFakeActivities>) => Promise<void>,
) {
  const fake = createFakeActivities({ coding: [] });
  const questionId = randomUUID();
  const now = await ctx.env.currentTimeMs();
  const input: PatientQuestionWorkflowInput = {
    questionId,
    answerDueAt: new Date(now + timing.answerWithin).toISOString(),
    reminderInterval: timing.reminderInterval,
    ...(timing.continueAfterEvents !== undefined ? { continueAfterEvents: timing.continueAfterEvents } : {}),
  };
  const { outcome, handle } = await withFakeWorker(ctx, 'questions', fake.activities, async (taskQueue) => {
    const started: QuestionHandle = await ctx.env.client.workflow.start<typeof patientQuestionWorkflow>('patientQuestionWorkflow', {
      taskQueue,
      workflowId: patientQuestionWorkflowId(questionId),
      args: [input],
    });
    await drive(started, fake);
    return { outcome: await started.result(), handle: started };
  });
  return { outcome, fake, handle, questionId };
}
