/**
 * Announcing clarification queries to physicians and escalations to supervisors. The webhook
 * carries ids and links only, never patient data: the recipient opens the query in the inbox.
 */
import { ApplicationFailure } from '@temporalio/common';
import { EXTERNAL_PARTY_REJECTED, EXTERNAL_PARTY_UNAVAILABLE } from '../integrations/failure-types.ts';
import type { ActivityDeps, NotificationSettings } from './deps.ts';
import { signWebhook } from '../integrations/webhook-signing.ts';
import { recordAuditEvent } from './records.ts';

/** POSTs one signed notice; 5xx/429/unreachable are retried by the activity's policy, other refusals are not. */
export async function postWebhook(settings: NotificationSettings, url: string, idempotencyKey: string, payload: object): Promise<void> {
  const body = JSON.stringify(payload);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // Standard Webhooks: webhook-id (the idempotency key, equal on every retry), a fresh
        // webhook-timestamp per attempt, and the signature over both and the body.
        ...signWebhook(settings.signingSecret, idempotencyKey, body),
      },
      body,
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
  } catch (err) {
    throw ApplicationFailure.create({ type: EXTERNAL_PARTY_UNAVAILABLE, message: `webhook unreachable: ${(err as Error).name}` });
  }
  if (response.status >= 500 || response.status === 429) {
    throw ApplicationFailure.create({ type: EXTERNAL_PARTY_UNAVAILABLE, message: `webhook answered ${response.status}` });
  }
  if (!response.ok) {
    throw ApplicationFailure.nonRetryable(`webhook refused the notification (${response.status})`, EXTERNAL_PARTY_REJECTED);
  }
}

export interface PhysicianNotice {
  encounterId: string;
  queryId: string;
  physicianNpi: string;
  kind: 'new' | 'reminder';
  reminderNumber?: number;
}

export interface SupervisorNotice {
  encounterId: string;
  kind: string;
  reason: string;
}

export function createNotificationActivities({ prisma, notifications }: Pick<ActivityDeps, 'prisma' | 'notifications'>) {
  return {
    async notifyPhysician(notice: PhysicianNotice): Promise<void> {
      const key = `${notice.queryId}:${notice.kind}:${notice.reminderNumber ?? 0}`;
      if (notice.kind === 'reminder' && notice.reminderNumber !== undefined) {
        await prisma.clarificationQuery.update({
          where: { id: notice.queryId },
          data: { remindersSent: notice.reminderNumber },
        });
      }
      if (notifications.physicianWebhookUrl) {
        await postWebhook(notifications, notifications.physicianWebhookUrl, key, {
          event: notice.kind === 'new' ? 'clarification.requested' : 'clarification.reminder',
          queryId: notice.queryId,
          encounterId: notice.encounterId,
          physicianNpi: notice.physicianNpi,
          reminderNumber: notice.reminderNumber ?? 0,
          inboxUrl: `${notifications.apiBaseUrl}/physicians/${notice.physicianNpi}/queries`,
        });
      }
      await recordAuditEvent(prisma, {
        encounterId: notice.encounterId,
        actor: 'encounterflow',
        role: 'system',
        action: notice.kind === 'new' ? 'clarification:notified' : 'clarification:reminded',
        detail: { queryId: notice.queryId, reminderNumber: notice.reminderNumber ?? 0 },
        idempotencyKey: `notify:${key}`,
      });
    },

    async notifySupervisor(notice: SupervisorNotice): Promise<void> {
      const at = await prisma.encounterTransition.count({ where: { encounterId: notice.encounterId } });
      const key = `${notice.encounterId}:${notice.kind}:${at}`;
      if (notifications.supervisorWebhookUrl) {
        await postWebhook(notifications, notifications.supervisorWebhookUrl, key, {
          event: 'encounter.needs_decision',
          encounterId: notice.encounterId,
          kind: notice.kind,
          reason: notice.reason,
          encounterUrl: `${notifications.apiBaseUrl}/encounters/${notice.encounterId}`,
        });
      }
      await recordAuditEvent(prisma, {
        encounterId: notice.encounterId,
        actor: 'encounterflow',
        role: 'system',
        action: `escalation:${notice.kind}`,
        detail: { reason: notice.reason },
        idempotencyKey: `escalate:${key}`,
      });
    },
  };
}
