/**
 * Patient questions on the API side: asking one (stored, then its durable work started: the
 * patient-question workflow with its service-level timer), answering one (stored and audited,
 * then the workflow told), and reading them for the patient page and the billers' worklist.
 *
 * The question row is written before its workflow starts, and the start is repeatable
 * (USE_EXISTING): a retried request with the same Idempotency-Key finds the row and starts the
 * workflow if the first attempt could not, and without a retry the worker's sweep starts it
 * (billing/patient-question-start.ts). An answer is stored before the workflow hears of it;
 * if that signal is lost, the workflow sees the answer at its next reminder (the database decides).
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { PatientQuestion, PatientQuestionMessage, PrismaClient } from '../generated/prisma/client.ts';
import { startPatientQuestionWorkflow } from '../billing/patient-question-start.ts';
import { durationMs } from '../domain/durations.ts';
import {
  addBusinessDays,
  patientQuestionWorkflowId,
  QUESTION_CATEGORY_LABELS,
  type QuestionCategory,
} from '../domain/patient-questions.ts';
import { badRequest, conflict } from '../platform/problem.ts';
import { patientQuestionAnsweredSignal } from '../workflows/patient-question-messages.ts';
import { patientPortalSettings, type ApiDeps } from './deps.ts';
import { notifyStatementCycle } from './statement-cycle-notify.ts';

const START_TIMEOUT_MS = 5_000;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,200}$/;

export interface AskQuestionInput {
  statementId: string;
  encounterId: string;
  category: QuestionCategory;
  text: string;
  lineNumber?: number | undefined;
  channel: 'patient_page' | 'phone';
  /** "patient", or the biller's subject when asked on the patient's behalf. */
  askedBy: string;
}

/** When the answer is due: a fixed configured duration (demos, tests) or N business days. */
export function answerDueAt(deps: Pick<ApiDeps, 'patientPortal'>, now: Date): Date {
  const settings = patientPortalSettings(deps);
  return settings.answerDeadline !== undefined
    ? new Date(now.getTime() + durationMs(settings.answerDeadline))
    : addBusinessDays(now, settings.answerBusinessDays);
}

function idempotencyKey(req: Request, statementId: string): string | undefined {
  const raw = req.get('idempotency-key');
  if (raw === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(raw))
    throw badRequest('The Idempotency-Key header is malformed', [
      { field: 'Idempotency-Key', message: '1 to 200 letters, digits and . _ : -' },
    ]);
  return `${statementId}:question:${raw}`;
}

function startQuestionWorkflow(deps: ApiDeps, question: Pick<PatientQuestion, 'id' | 'workflowId' | 'dueAt'>): Promise<void> {
  return startPatientQuestionWorkflow(
    deps.temporal,
    { taskQueue: deps.taskQueue, reminderInterval: patientPortalSettings(deps).reminderInterval, timeoutMs: START_TIMEOUT_MS },
    question,
  );
}

/** Stores the question with its first message and starts its workflow; a repeat of the Idempotency-Key returns the same question. */
export async function askQuestion(
  deps: ApiDeps,
  req: Request,
  input: AskQuestionInput,
): Promise<{ question: PatientQuestion; created: boolean }> {
  const key = idempotencyKey(req, input.statementId);
  if (key !== undefined) {
    const earlier = await deps.prisma.patientQuestion.findUnique({ where: { idempotencyKey: key } });
    if (earlier !== null) {
      if (earlier.statementId !== input.statementId) throw conflict('This Idempotency-Key was used for another statement');
      await startQuestionWorkflow(deps, earlier);
      return { question: earlier, created: false };
    }
  }
  const now = new Date();
  const id = randomUUID();
  let question: PatientQuestion;
  try {
    question = await deps.prisma.patientQuestion.create({
      data: {
        id,
        statementId: input.statementId,
        encounterId: input.encounterId,
        lineNumber: input.lineNumber ?? null,
        category: input.category,
        channel: input.channel,
        askedBy: input.askedBy,
        dueAt: answerDueAt(deps, now),
        workflowId: patientQuestionWorkflowId(id),
        idempotencyKey: key ?? null,
        messages: { create: { authorRole: input.channel === 'phone' ? 'biller' : 'patient', author: input.askedBy, body: input.text } },
      },
    });
  } catch (error) {
    // A concurrent request with the same key stored it first: answer with that one.
    if (key !== undefined && (error as { code?: unknown }).code === 'P2002') {
      const earlier = await deps.prisma.patientQuestion.findUniqueOrThrow({ where: { idempotencyKey: key } });
      return { question: earlier, created: false };
    }
    throw error;
  }
  await startQuestionWorkflow(deps, question);
  // The statement's dunning pauses while the question is open (payments/dunning-holds.ts).
  await notifyStatementCycle(deps, question.statementId, 'question');
  return { question, created: true };
}

/** Stores a biller's answer (the question becomes answered) and tells the question's workflow. */
export async function answerQuestion(
  deps: ApiDeps,
  question: PatientQuestion,
  answer: { text: string; attachItemizedBill: boolean; author: string; authorRole: 'biller' | 'supervisor' },
): Promise<PatientQuestionMessage> {
  const now = new Date();
  const [message] = await deps.prisma.$transaction([
    deps.prisma.patientQuestionMessage.create({
      data: {
        questionId: question.id,
        authorRole: answer.authorRole,
        author: answer.author,
        body: answer.text,
        attachment: answer.attachItemizedBill ? 'itemized_bill' : null,
      },
    }),
    deps.prisma.patientQuestion.update({
      where: { id: question.id },
      data: { status: 'answered', answeredAt: question.answeredAt ?? now, answeredBy: question.answeredBy ?? answer.author },
    }),
  ]);
  try {
    await deps.temporal.workflow.getHandle(question.workflowId).signal(patientQuestionAnsweredSignal, { answeredBy: answer.author });
  } catch (error) {
    // A finished workflow (a second answer) needs no signal; any other failure is healed by the workflow's next reminder.
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
  // Answered: the statement's dunning may resume.
  await notifyStatementCycle(deps, question.statementId, 'question');
  return message;
}

export type QuestionWithMessages = PatientQuestion & { messages: PatientQuestionMessage[] };

/** The question as the patient and the biller read it (the conversation in order). */
export function questionView(question: QuestionWithMessages, now = new Date()) {
  return {
    id: question.id,
    statementId: question.statementId,
    lineNumber: question.lineNumber,
    category: question.category as QuestionCategory,
    categoryLabel: QUESTION_CATEGORY_LABELS[question.category as QuestionCategory] ?? question.category,
    status: question.status as 'open' | 'answered',
    channel: question.channel as 'patient_page' | 'phone',
    askedAt: question.createdAt.toISOString(),
    acknowledged: true,
    dueAt: question.dueAt.toISOString(),
    overdue: question.status === 'open' && question.dueAt <= now,
    escalatedAt: question.escalatedAt?.toISOString() ?? null,
    answeredAt: question.answeredAt?.toISOString() ?? null,
    messages: [...question.messages]
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((m) => ({
        from: (m.authorRole === 'patient' ? 'patient' : 'billing_office') as 'patient' | 'billing_office',
        body: m.body,
        attachment: m.attachment as 'itemized_bill' | null,
        at: m.createdAt.toISOString(),
      })),
  };
}

export const questionsOfStatement = (prisma: PrismaClient, statementId: string) =>
  prisma.patientQuestion.findMany({ where: { statementId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { messages: true } });
