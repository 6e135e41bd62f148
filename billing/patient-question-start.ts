/**
 * Starting a patient question's workflow (workflows/patient-question.ts): one definition of its
 * id, input and policies, used by the API when the question is asked and by the worker's sweep for
 * questions stored while Temporal was down (worker/workflow-reconciler.ts), so a start by one
 * after the other is a no-op (platform/start-workflow-once.ts). The id holds the opaque question
 * id only.
 */
import type { Client } from '@temporalio/client';
import type { PatientQuestion, PrismaClient } from '../generated/prisma/client.ts';
import type { PatientQuestionWorkflowInput } from '../domain/patient-questions.ts';
import { startWorkflowOnce } from '../platform/start-workflow-once.ts';
import type { patientQuestionWorkflow } from '../workflows/patient-question.ts';

export interface QuestionStartOptions {
  taskQueue: string;
  /** How often billers are reminded while the question is open (PATIENT_QUESTION_REMINDER_INTERVAL). */
  reminderInterval: string;
  /** Bound of the start call (default 5 s). */
  timeoutMs?: number;
}

export async function startPatientQuestionWorkflow(
  temporal: Client,
  options: QuestionStartOptions,
  question: Pick<PatientQuestion, 'id' | 'workflowId' | 'dueAt'>,
): Promise<void> {
  const input: PatientQuestionWorkflowInput = {
    questionId: question.id,
    answerDueAt: question.dueAt.toISOString(),
    reminderInterval: options.reminderInterval,
  };
  await temporal.withDeadline(Date.now() + (options.timeoutMs ?? 5_000), () =>
    startWorkflowOnce<typeof patientQuestionWorkflow>(temporal.workflow, 'patientQuestionWorkflow', {
      workflowId: question.workflowId,
      taskQueue: options.taskQueue,
      args: [input],
    }),
  );
}

/**
 * Starts the workflow of every question stored more than `graceMs` ago that was never
 * acknowledged (its workflow's first step acknowledges it): stored while Temporal was down, and
 * the patient's page did not retry. One whose workflow runs already is left alone by the start.
 * Returns how many it looked at.
 */
export async function startMissingQuestionWorkflows(
  prisma: PrismaClient,
  temporal: Client,
  options: QuestionStartOptions & { graceMs?: number; batchSize?: number },
): Promise<number> {
  const questions = await prisma.patientQuestion.findMany({
    where: { acknowledgedAt: null, createdAt: { lt: new Date(Date.now() - (options.graceMs ?? 15_000)) } },
    orderBy: { createdAt: 'asc' },
    take: options.batchSize ?? 100,
    select: { id: true, workflowId: true, dueAt: true },
  });
  for (const question of questions) await startPatientQuestionWorkflow(temporal, options, question);
  return questions.length;
}
