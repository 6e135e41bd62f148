/**
 * The worker's pass over statement notices recorded but never sent (cycles that ran before the
 * patch statement-notices-sent): each is sent once through the clinic's messaging (a real signed
 * webhook receiver), with the notice's key as webhook-id; delivered, refused and recent notices
 * are left alone; an outage leaves the notice for the next pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationSettings } from '../../activities/deps.ts';
import { statementNoticeKey } from '../../activities/statement-notices.ts';
import { sendUnsentStatementNotices } from '../../billing/unsent-statement-notices.ts';
import { useTestDatabase } from '../../testkit/fixtures.ts';
import { seedStoredEncounter } from '../../testkit/seed-encounter.ts';
import { seedStatement } from '../../testkit/seed-statement.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../testkit/webhook-receiver.ts';
import { reconcileUnstartedWorkflows } from '../../worker/workflow-reconciler.ts';
import { DEFAULT_TIMINGS } from '../../workflows/config.ts';

const SECRET = 'unsent-notices-secret';
const db = useTestDatabase();
let messaging: WebhookReceiver;

beforeAll(async () => {
  messaging = await startWebhookReceiver(SECRET);
});
afterAll(async () => {
  await messaging?.close();
});

const settings = (): NotificationSettings => ({
  patientWebhookUrl: messaging.url,
  signingSecret: SECRET,
  apiBaseUrl: 'http://api.test',
  // Generous: the receiver is up; an outage here is a 503 (messaging.down), never a timer.
  timeoutMs: 30_000,
});

async function storedStatement(): Promise<string> {
  const { encounterId } = await seedStoredEncounter(db.prisma);
  const { statementId } = await seedStatement(db.prisma, encounterId, {
    billedCents: 10_000,
    insuranceExpectedCents: 8_000,
    patientOwesCents: 2_000,
    dueDate: new Date('2026-12-20'),
    claimStatus: 'submitted',
    basis: 'remittance',
  });
  return statementId;
}

const HOUR_AGO = () => new Date(Date.now() - 3_600_000);

describe('statement notices recorded before they were sent', () => {
  it('are sent once each, with the notice’s key as webhook-id; delivered, refused and recent ones are left alone', async () => {
    const { prisma } = db;
    const statementId = await storedStatement();
    await prisma.statementNotice.createMany({
      data: [
        { statementId, kind: 'statement', seq: 0, balanceCents: 2_000, sentAt: HOUR_AGO() },
        { statementId, kind: 'reminder', seq: 1, balanceCents: 2_000, sentAt: HOUR_AGO() },
        { statementId, kind: 'reminder', seq: 2, balanceCents: 2_000, sentAt: HOUR_AGO(), deliveredAt: HOUR_AGO(), deliveryAttempts: 1 },
        {
          statementId,
          kind: 'reminder',
          seq: 3,
          balanceCents: 2_000,
          sentAt: HOUR_AGO(),
          deliveryRefusal: '410 gone',
          deliveryAttempts: 1,
        },
        // Recorded a moment ago by a patched cycle: its workflow sends it.
        { statementId, kind: 'final_notice', seq: 1, balanceCents: 2_000 },
      ],
    });

    const first = await sendUnsentStatementNotices(prisma, settings());
    expect(first).toEqual({ found: 2, delivered: 2, failed: 0 });
    const mine = messaging.received.filter((w) => w.payload.statementId === statementId);
    expect(mine.map((w) => w.id).sort()).toEqual(
      [
        statementNoticeKey({ statementId, kind: 'reminder', seq: 1 }),
        statementNoticeKey({ statementId, kind: 'statement', seq: 0 }),
      ].sort(),
    );
    expect(mine.every((w) => w.verified)).toBe(true);
    expect(mine.map((w) => w.payload.event).sort()).toEqual(['statement_issued', 'statement_reminder']);
    const rows = await prisma.statementNotice.findMany({ where: { statementId }, orderBy: [{ kind: 'asc' }, { seq: 'asc' }] });
    expect(rows.filter((n) => n.deliveredAt !== null).map((n) => `${n.kind}:${n.seq}`)).toEqual([
      'reminder:1',
      'reminder:2',
      'statement:0',
    ]);

    // A second pass finds nothing left to send.
    expect(await sendUnsentStatementNotices(prisma, settings())).toMatchObject({ delivered: 0 });
    expect(messaging.received.filter((w) => w.payload.statementId === statementId)).toHaveLength(2);
  });

  it('an outage of the clinic’s messaging leaves the notice for the next pass; no messaging configured sends nothing', async () => {
    const { prisma } = db;
    const statementId = await storedStatement();
    await prisma.statementNotice.create({ data: { statementId, kind: 'statement', seq: 0, balanceCents: 2_000, sentAt: HOUR_AGO() } });
    expect(await sendUnsentStatementNotices(prisma, { ...settings(), patientWebhookUrl: undefined })).toEqual({
      found: 0,
      delivered: 0,
      failed: 0,
    });

    messaging.down = true;
    try {
      const during = await sendUnsentStatementNotices(prisma, settings());
      expect(during.delivered).toBe(0);
      expect(during.failed).toBeGreaterThanOrEqual(1);
    } finally {
      messaging.down = false;
    }
    // The next pass is the worker's reconcile pass (no encounter is old enough for it to start anything).
    const after = await reconcileUnstartedWorkflows({
      prisma,
      temporal: undefined as never,
      taskQueue: 'unused',
      timings: DEFAULT_TIMINGS,
      graceMs: 24 * 3_600_000,
      statementNotices: { notifications: settings(), graceMs: 60_000 },
    });
    expect(after.notices).toBeGreaterThanOrEqual(1);
    const row = await prisma.statementNotice.findFirstOrThrow({ where: { statementId } });
    expect(row.deliveredAt).not.toBeNull();
    expect(row.deliveryAttempts).toBe(2);
    expect(messaging.received.filter((w) => w.payload.statementId === statementId)).toHaveLength(1);
  });
});
