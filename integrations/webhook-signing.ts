/**
 * Webhooks signed per Standard Webhooks (the `standardwebhooks` library):
 *
 *   webhook-id:        the message's id, the same on every retry of one notice
 *   webhook-timestamp: seconds since the epoch when this attempt was sent
 *   webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">
 *
 * A receiver verifies with the shared secret (`new Webhook(secret).verify(body, headers)` in the
 * same library, or the recipe in the README), which also refuses a timestamp more than five
 * minutes from its clock; it then refuses a webhook-id it has already processed within that
 * window. Together that makes a captured webhook useless for a replay: resent later its timestamp
 * is stale, resent at once its id is a duplicate, and changing either breaks the signature.
 *
 * WEBHOOK_SIGNING_SECRET is either a Standard Webhooks secret (`whsec_` + base64, as their tools
 * generate) or any other string, whose UTF-8 bytes are the key.
 */
import { Webhook } from 'standardwebhooks';

export interface SignedWebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export function webhookSigner(secret: string): Webhook {
  return secret.startsWith('whsec_') ? new Webhook(secret) : new Webhook(secret, { format: 'raw' });
}

/** The three headers for one attempt at sending `body` as message `id`. */
export function signWebhook(secret: string, id: string, body: string, now: Date = new Date()): SignedWebhookHeaders {
  // Whole seconds: the timestamp header carries seconds, and the signature must cover what is sent.
  const sentAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(sentAt.getTime() / 1000),
    'webhook-signature': webhookSigner(secret).sign(id, sentAt, body),
  };
}
