/**
 * The physician and supervisor notifications: a signed webhook to a real HTTP receiver, the
 * stored reminder count, and the audit trail; retried deliveries are recognisable and write once.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/common';
import { createClarificationActivities } from '../../activities/clarification.ts';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { createNotificationActivities } from '../../activities/notifications.ts';
import { signWebhook } from '../../integrations/webhook-signing.ts';
import { useTestDatabase } from '../../testkit/fixtures.ts';
import { seedStoredEncounter } from '../../testkit/seed-encounter.ts';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

const db = useTestDatabase();
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
let answerStatus = 204;
const SECRET = 'test-secret';

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answerStatus;
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve) ?? resolve(undefined));
});

async function seedEncounterWithQuery(): Promise<{ encounterId: string; queryId: string }> {
  const { prisma } = db;
  const { encounterId, suffix } = await seedStoredEncounter(prisma, { memberId: 'M-SECRET-1' });
  const queryId = `q-${suffix}`;
  await createClarificationActivities({ prisma }).openClarificationQuery({
    encounterId,
    queryId,
    physicianNpi: '1234567893',
    draft: {
      question: 'Which type?',
      clinicalIndicators: ['"diabetes"'],
      options: ['Type 1', 'Type 2', 'Other (please specify)', 'Clinically undetermined'],
      reason: 'type missing',
    },
    dueAt: '2026-11-05T00:00:00Z',
  });
  return { encounterId, queryId };
}

function activitiesWith(physicianWebhookUrl?: string) {
  return createNotificationActivities({
    prisma: db.prisma,
    notifications: {
      physicianWebhookUrl,
      supervisorWebhookUrl: physicianWebhookUrl,
      signingSecret: SECRET,
      apiBaseUrl: 'http://api.test',
      // Generous: the receiver is up; a failing one answers 503 or 410, never late.
      timeoutMs: 30_000,
    },
  });
}

describe('Standard Webhooks signatures', () => {
  it('a receiver refuses a replay with a stale timestamp, a changed body and a changed id', () => {
    const receiver = new Webhook(SECRET, { format: 'raw' });
    const body = JSON.stringify({ event: 'clarification.requested', queryId: 'q-1' });
    const fresh = signWebhook(SECRET, 'msg-1', body);
    expect(receiver.verify(body, { ...fresh })).toEqual(JSON.parse(body));
    const captured = signWebhook(SECRET, 'msg-1', body, new Date(Date.now() - 10 * 60_000));
    expect(() => receiver.verify(body, { ...captured })).toThrow(WebhookVerificationError);
    expect(() => receiver.verify(body.replace('q-1', 'q-2'), { ...fresh })).toThrow(WebhookVerificationError);
    expect(() => receiver.verify(body, { ...fresh, 'webhook-id': 'msg-2' })).toThrow(WebhookVerificationError);
    // A whsec_ secret (base64 key) works the same way.
    const whsec = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
    expect(new Webhook(whsec).verify(body, { ...signWebhook(whsec, 'msg-3', body) })).toEqual(JSON.parse(body));
  });
});

describe('notifications', () => {
  it('posts a signed webhook with ids only, stores the reminder count and audits once per notice', async () => {
    const { encounterId, queryId } = await seedEncounterWithQuery();
    received.length = 0;
    answerStatus = 204;
    const notify = activitiesWith(receiverUrl);
    await notify.notifyPhysician({ encounterId, queryId, physicianNpi: '1234567893', kind: 'new' });
    await notify.notifyPhysician({ encounterId, queryId, physicianNpi: '1234567893', kind: 'reminder', reminderNumber: 1 });
    await notify.notifyPhysician({ encounterId, queryId, physicianNpi: '1234567893', kind: 'reminder', reminderNumber: 1 }); // a retry

    expect(received).toHaveLength(3);
    const receiver = new Webhook(SECRET, { format: 'raw' });
    for (const hook of received) {
      // A receiver with the shared secret verifies id, timestamp and body with the standard library.
      expect(() => receiver.verify(hook.body, hook.headers as Record<string, string>)).not.toThrow();
      expect(hook.headers['webhook-signature']).toMatch(/^v1,/);
      expect(hook.body).not.toMatch(/Ada|Example|M-SECRET-1|1970/);
    }
    expect(JSON.parse(received[0]!.body)).toMatchObject({ event: 'clarification.requested', queryId, encounterId });
    // A retry of the same notice carries the same webhook-id: the receiver drops it as a duplicate.
    expect(received[1]!.headers['webhook-id']).toBe(received[2]!.headers['webhook-id']);
    expect(received[0]!.headers['webhook-id']).not.toBe(received[1]!.headers['webhook-id']);

    const query = await db.prisma.clarificationQuery.findUniqueOrThrow({ where: { id: queryId } });
    expect(query.remindersSent).toBe(1);
    const audit = await db.prisma.auditEvent.findMany({ where: { encounterId } });
    expect(audit.map((a) => a.action).sort()).toEqual(['clarification:notified', 'clarification:reminded']);
  });

  it('retries a failing receiver and gives up on one that refuses', async () => {
    const { encounterId, queryId } = await seedEncounterWithQuery();
    const notify = activitiesWith(receiverUrl);
    answerStatus = 503;
    const unavailable = await notify
      .notifyPhysician({ encounterId, queryId, physicianNpi: '1234567893', kind: 'new' })
      .catch((e: unknown) => e);
    expect(unavailable).toBeInstanceOf(ApplicationFailure);
    expect((unavailable as ApplicationFailure).nonRetryable).toBe(false);
    answerStatus = 410;
    const refused = await notify
      .notifyPhysician({ encounterId, queryId, physicianNpi: '1234567893', kind: 'new' })
      .catch((e: unknown) => e);
    expect((refused as ApplicationFailure).nonRetryable).toBe(true);
    expect((refused as ApplicationFailure).type).toBe('ExternalPartyRejected');
  });

  it('without a webhook the physician finds the query in the inbox only', async () => {
    const { encounterId, queryId } = await seedEncounterWithQuery();
    received.length = 0;
    await activitiesWith(undefined).notifyPhysician({ encounterId, queryId, physicianNpi: '1234567893', kind: 'new' });
    expect(received).toHaveLength(0);
    expect(await db.prisma.auditEvent.count({ where: { encounterId, action: 'clarification:notified' } })).toBe(1);
  });
});
