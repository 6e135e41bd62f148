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
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { Prisma } from '../generated/prisma/client.ts';
import { sqlOf } from '../platform/sql.ts';
import { EXTERNAL_PARTY_REJECTED } from '../integrations/failure-types.ts';
import type { ActivityDeps } from './deps.ts';
import { postWebhook } from './notifications.ts';
import { insertRowsStatement } from './raw-insert.ts';
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
      const { statementId, kind, seq } = notice;
      const sql = sqlOf(prisma);
      const url = notifications.patientWebhookUrl;
      const isNotice = Prisma.sql`"statementId" = ${statementId} AND "kind" = ${kind} AND "seq" = ${seq}`;
      // One statement: the notice as stored and, when it is still to send and there is messaging to
      // send it to, one more delivery attempt counted.
      const [stored] = await sql.query<{ delivered: boolean; refused: boolean }>(Prisma.sql`
        WITH stored AS (
          SELECT "id", "deliveredAt" IS NOT NULL AS delivered, "deliveryRefusal" IS NOT NULL AS refused
          FROM "StatementNotice" WHERE ${isNotice}),
        counted AS (
          UPDATE "StatementNotice" n SET "deliveryAttempts" = n."deliveryAttempts" + 1 FROM stored
          WHERE n."id" = stored."id" AND NOT stored.delivered AND NOT stored.refused AND ${Boolean(url)}::boolean)
        SELECT delivered, refused FROM stored`);
      // Recorded by the cycle before it is sent; gone only with its statement.
      if (stored === undefined) return 'refused';
      if (stored.delivered) return 'already_delivered';
      if (stored.refused) return 'refused';
      if (!url) return 'no_messaging';
      try {
        await postWebhook(notifications, url, statementNoticeKey(notice), {
          event: EVENTS[kind],
          statementId,
          ...(seq > 0 ? { noticeNumber: seq } : {}),
        });
      } catch (error) {
        if (error instanceof ApplicationFailure && error.type === EXTERNAL_PARTY_REJECTED) {
          await sql.execute(Prisma.sql`UPDATE "StatementNotice" SET "deliveryRefusal" = ${error.message} WHERE ${isNotice}`);
          return 'refused';
        }
        throw error;
      }
      // Delivered, and its audit row once per notice, in one statement.
      const key = `${statementNoticeKey(notice)}:delivered`;
      const audit = { id: randomUUID(), actor: 'encounterflow', role: 'system', action: 'statement_notice:delivered' };
      const detail = JSON.stringify({ statementId, kind, seq });
      await sql.execute(Prisma.sql`
        WITH delivered AS (UPDATE "StatementNotice" SET "deliveredAt" = ${new Date()} WHERE ${isNotice})
        ${insertRowsStatement('AuditEvent', [{ ...audit, detail, idempotencyKey: key }], { onConflictDoNothing: true })}`);
      return 'delivered';
    },
  };
}
