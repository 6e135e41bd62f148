/**
 * Sending a statement notice (the statement, a reminder at 30/60/90 days, the final notice) to the
 * patient through the clinic's messaging: a signed webhook like the answer to a question
 * (activities/patient-questions.ts), carrying the same kind of content — the event, the opaque
 * statement id and the notice's number, never patient data; the clinic's messaging holds the
 * patient's access link, which stays the opaque token.
 *
 * Once per notice: the notice row (recorded first by the cycle) says whether messaging accepted
 * it; a retry after that sends nothing, and every attempt carries the same webhook-id (the
 * notice's key), so a receiver that saw an attempt whose answer was lost drops the repeat.
 * Messaging down (5xx, 429, unreachable) is retried by the workflow's policy, with no end, so an
 * outage delays a notice and never loses it; a refusal for good (4xx) is recorded, not retried.
 */
import { ApplicationFailure } from '@temporalio/common';
import { EXTERNAL_PARTY_REJECTED } from '../integrations/failure-types.ts';
import type { ActivityDeps } from './deps.ts';
import { postWebhook } from './notifications.ts';
import type { NoticeKind } from './statement-cycle.ts';

export interface StatementNoticeRef {
  statementId: string;
  kind: NoticeKind;
  seq: number;
}

export type NoticeDelivery = 'delivered' | 'already_delivered' | 'refused' | 'no_messaging';

const EVENTS: Record<NoticeKind, string> = {
  statement: 'statement_issued',
  reminder: 'statement_reminder',
  final_notice: 'statement_final_notice',
  installment_reminder: 'payment_plan_installment_reminder',
};

export function statementNoticeKey(notice: StatementNoticeRef): string {
  return `statement-notice:${notice.statementId}:${notice.kind}:${notice.seq}`;
}

export function createStatementNoticeActivities({ prisma, notifications }: Pick<ActivityDeps, 'prisma' | 'notifications'>) {
  return {
    async sendStatementNotice(notice: StatementNoticeRef): Promise<NoticeDelivery> {
      const where = { statementId_kind_seq: { statementId: notice.statementId, kind: notice.kind, seq: notice.seq } };
      const stored = await prisma.statementNotice.findUnique({ where });
      // Recorded by the cycle before it is sent; gone only with its statement.
      if (stored === null) return 'refused';
      if (stored.deliveredAt !== null) return 'already_delivered';
      if (stored.deliveryRefusal !== null) return 'refused';
      const url = notifications.patientWebhookUrl;
      if (!url) return 'no_messaging';
      await prisma.statementNotice.update({ where, data: { deliveryAttempts: { increment: 1 } } });
      try {
        await postWebhook(notifications, url, statementNoticeKey(notice), {
          event: EVENTS[notice.kind],
          statementId: notice.statementId,
          ...(notice.seq > 0 ? { noticeNumber: notice.seq } : {}),
        });
      } catch (error) {
        if (error instanceof ApplicationFailure && error.type === EXTERNAL_PARTY_REJECTED) {
          await prisma.statementNotice.update({ where, data: { deliveryRefusal: error.message } });
          return 'refused';
        }
        throw error;
      }
      await prisma.statementNotice.update({ where, data: { deliveredAt: new Date() } });
      await prisma.auditEvent.upsert({
        where: { idempotencyKey: `${statementNoticeKey(notice)}:delivered` },
        create: {
          actor: 'encounterflow',
          role: 'system',
          action: 'statement_notice:delivered',
          detail: { statementId: notice.statementId, kind: notice.kind, seq: notice.seq },
          idempotencyKey: `${statementNoticeKey(notice)}:delivered`,
        },
        update: {},
      });
      return 'delivered';
    },
  };
}
