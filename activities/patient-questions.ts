/**
 * The patient-question workflow's activities (workflows/patient-question.ts): the question's
 * acknowledgement, reminders and escalation as database facts (each keyed, so a retry repeats
 * nothing), and the signed notices to the clinic's messaging, the billers and the supervisors.
 * Each state activity answers whether the question is still open: the database decides.
 *
 * Notices carry ids and links, never patient data or the question's text.
 */
import type { PrismaClient } from '../generated/prisma/client.ts';
import { hasOpenQuestion } from '../billing/patient-questions.ts';
import type { QuestionStatus } from '../domain/patient-questions.ts';
import type { ActivityDeps } from './deps.ts';
import { postWebhook } from './notifications.ts';

/** question.updated: more in the conversation after the answer (a claim sent back: the payer's answer, the corrected statement). */
export type PatientQuestionEvent =
  'question.received' | 'question.reminder' | 'question.escalated' | 'question.answered' | 'question.updated';

export interface PatientQuestionNotice {
  questionId: string;
  event: PatientQuestionEvent;
  /** The reminder's number (0 for the other events): part of the notice's idempotency key. */
  sequence: number;
}

async function auditQuestion(
  prisma: PrismaClient,
  question: { id: string; encounterId: string; statementId: string },
  action: string,
  key: string,
  detail: Record<string, string | number> = {},
) {
  await prisma.auditEvent.upsert({
    where: { idempotencyKey: `patient-question:${question.id}:${key}` },
    create: {
      encounterId: question.encounterId,
      actor: 'encounterflow',
      role: 'system',
      action,
      detail: { questionId: question.id, statementId: question.statementId, ...detail },
      idempotencyKey: `patient-question:${question.id}:${key}`,
    },
    update: {},
  });
}

const QUESTION_IDS = { id: true, encounterId: true, statementId: true, status: true } as const;

export function createPatientQuestionActivities({ prisma }: Pick<ActivityDeps, 'prisma'>) {
  return {
    async acknowledgePatientQuestion({ questionId }: { questionId: string }): Promise<QuestionStatus> {
      const question = await prisma.patientQuestion.findUniqueOrThrow({ where: { id: questionId }, select: QUESTION_IDS });
      await prisma.patientQuestion.updateMany({ where: { id: questionId, acknowledgedAt: null }, data: { acknowledgedAt: new Date() } });
      await auditQuestion(prisma, question, 'patient_question:acknowledged', 'acknowledged');
      return question.status as QuestionStatus;
    },

    async recordPatientQuestionReminder({
      questionId,
      reminderNumber,
    }: {
      questionId: string;
      reminderNumber: number;
    }): Promise<QuestionStatus> {
      const question = await prisma.patientQuestion.findUniqueOrThrow({ where: { id: questionId }, select: QUESTION_IDS });
      if (question.status !== 'open') return question.status as QuestionStatus;
      await prisma.patientQuestion.updateMany({
        where: { id: questionId, remindersSent: { lt: reminderNumber } },
        data: { remindersSent: reminderNumber },
      });
      await auditQuestion(prisma, question, 'patient_question:reminded', `reminder:${reminderNumber}`, { reminderNumber });
      return 'open';
    },

    async escalatePatientQuestion({ questionId }: { questionId: string }): Promise<QuestionStatus> {
      const question = await prisma.patientQuestion.findUniqueOrThrow({ where: { id: questionId }, select: QUESTION_IDS });
      if (question.status !== 'open') return question.status as QuestionStatus;
      await prisma.patientQuestion.updateMany({ where: { id: questionId, escalatedAt: null }, data: { escalatedAt: new Date() } });
      await auditQuestion(prisma, question, 'patient_question:escalated', 'escalated');
      return 'open';
    },

    /** For the statement cycle: dunning pauses while this is true (see billing/patient-questions.ts). */
    async statementHasOpenQuestion({ statementId }: { statementId: string }): Promise<boolean> {
      return hasOpenQuestion(prisma, statementId);
    },
  };
}

export function createPatientQuestionNoticeActivities({ prisma, notifications }: Pick<ActivityDeps, 'prisma' | 'notifications'>) {
  return {
    async sendPatientQuestionNotice(notice: PatientQuestionNotice): Promise<void> {
      const question = await prisma.patientQuestion.findUniqueOrThrow({ where: { id: notice.questionId }, select: QUESTION_IDS });
      const toPatient = notice.event === 'question.received' || notice.event === 'question.answered' || notice.event === 'question.updated';
      const url = toPatient
        ? notifications.patientWebhookUrl
        : notice.event === 'question.escalated'
          ? notifications.supervisorWebhookUrl
          : notifications.billerWebhookUrl;
      const key = `patient-question:${question.id}:${notice.event}:${notice.sequence}`;
      if (url) {
        await postWebhook(notifications, url, key, {
          event: `patient_${notice.event.replace('.', '_')}`,
          questionId: question.id,
          statementId: question.statementId,
          ...(notice.sequence > 0 ? { reminderNumber: notice.sequence } : {}),
          // The patient opens their own link (the clinic's messaging holds it); staff open the worklist.
          ...(toPatient ? {} : { worklistUrl: `${notifications.apiBaseUrl}/ui/questions.html#${question.id}` }),
        });
      }
      await auditQuestion(prisma, question, `patient_question:notified:${notice.event}`, `notice:${notice.event}:${notice.sequence}`, {
        sequence: notice.sequence,
      });
    },
  };
}
