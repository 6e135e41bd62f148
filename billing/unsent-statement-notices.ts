/**
 * Statement notices recorded but never sent: cycles and payment plans that ran before the patch
 * `statement-notices-sent` (workflows/patches.ts) recorded their notices without sending them, and
 * their histories keep it that way. The worker's reconcile pass (worker/workflow-reconciler.ts)
 * sends each such notice once, through the same activity code as the cycle
 * (activities/statement-notices.ts): the same signed webhook, the same webhook-id (the notice's
 * key), delivery recorded on the row so no later pass sends it again.
 *
 * Candidates are neither delivered nor refused and older than a grace period (a notice recorded
 * by a patched cycle is sent by the cycle within moments, and the pass leaves it to its workflow).
 * One still undelivered after the grace period because messaging is down may be attempted by both
 * its cycle and the pass: every attempt carries the same webhook-id, so the clinic's messaging
 * keeps one, and whichever is accepted first records the delivery. A notice whose sending fails
 * now is tried again by the next pass.
 */
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { NotificationSettings } from '../activities/deps.ts';
import { createStatementNoticeActivities, type StatementNoticeRef } from '../activities/statement-notices.ts';
import type { NoticeKind } from '../activities/statement-cycle.ts';

export interface UnsentNoticeOptions {
  /** Notices recorded more recently than this are their cycle's business (default 5 min). */
  graceMs?: number;
  /** Most notices sent per pass (default 100); the next pass takes the rest. */
  batchSize?: number;
}

export interface UnsentNoticeResult {
  /** Notices found recorded and not delivered past the grace period. */
  found: number;
  /** Of those, accepted by the clinic's messaging now. */
  delivered: number;
  /** Refused for good (recorded on the row) or failed for now (the next pass tries again). */
  failed: number;
}

export async function sendUnsentStatementNotices(
  prisma: PrismaClient,
  notifications: NotificationSettings,
  options: UnsentNoticeOptions = {},
): Promise<UnsentNoticeResult> {
  // No messaging configured: nothing can be sent (the cycle records 'no_messaging' the same way).
  if (!notifications.patientWebhookUrl) return { found: 0, delivered: 0, failed: 0 };
  const rows = await prisma.statementNotice.findMany({
    where: {
      deliveredAt: null,
      deliveryRefusal: null,
      sentAt: { lt: new Date(Date.now() - (options.graceMs ?? 300_000)) },
    },
    orderBy: { sentAt: 'asc' },
    take: options.batchSize ?? 100,
    select: { statementId: true, kind: true, seq: true },
  });
  const { sendStatementNotice } = createStatementNoticeActivities({ prisma, notifications });
  let delivered = 0;
  let failed = 0;
  for (const row of rows) {
    const notice: StatementNoticeRef = { statementId: row.statementId, kind: row.kind as NoticeKind, seq: row.seq };
    try {
      if ((await sendStatementNotice(notice)) === 'delivered') delivered += 1;
      else failed += 1;
    } catch {
      // Messaging down: the attempt is counted on the row; this pass goes on with the others.
      failed += 1;
    }
  }
  return { found: rows.length, delivered, failed };
}
