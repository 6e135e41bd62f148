/** Runs one patient-question workflow on the time-skipping server with the fake activities (tests, history recording). */
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { patientQuestionWorkflowId, type PatientQuestionWorkflowInput } from '../domain/patient-questions.ts';
import type { patientQuestionWorkflow } from '../workflows/patient-question.ts';
import type { DriveContext } from './drive.ts';
import { createFakeActivities } from './fake-activities.ts';

export type QuestionHandle = WorkflowHandle<typeof patientQuestionWorkflow>;

/** Starts a question due `answerWithin` after now (the server's clock), lets `drive` act, and returns its outcome and calls. */
export async function runPatientQuestion(
  ctx: DriveContext,
  timing: { answerWithin: number; reminderInterval: string },
  drive: (handle: QuestionHandle, fake: ReturnType<typeof createFakeActivities>) => Promise<void>,
) {
  const fake = createFakeActivities({ coding: [] });
  const taskQueue = `questions-${randomUUID()}`;
  const questionId = randomUUID();
  const worker = await Worker.create({
    connection: ctx.env.nativeConnection,
    namespace: ctx.env.namespace ?? 'default',
    taskQueue,
    workflowBundle: ctx.bundle,
    activities: fake.activities,
  });
  const now = await ctx.env.currentTimeMs();
  const input: PatientQuestionWorkflowInput = {
    questionId,
    answerDueAt: new Date(now + timing.answerWithin).toISOString(),
    reminderInterval: timing.reminderInterval,
  };
  const { outcome, handle } = await worker.runUntil(async () => {
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
