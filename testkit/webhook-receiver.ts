/** A real HTTP receiver of signed webhooks for tests and the demo: keeps each delivery with its signature checked (standardwebhooks); `down` makes it an outage (503). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookSigner } from '../integrations/webhook-signing.ts';

export interface ReceivedWebhook {
  id: string;
  verified: boolean;
  payload: Record<string, unknown>;
}

export interface WebhookReceiver {
  url: string;
  /** Deliveries answered 204 (every attempt while up, repeats included). */
  received: ReceivedWebhook[];
  /** While true the endpoint is down: every delivery is answered 503 and counted in `refusedWhileDown`. */
  down: boolean;
  refusedWhileDown: number;
  close(): Promise<void>;
}

export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const receiver = { down: false, refusedWhileDown: 0 };
  const server: Server = createServer((req, res) => {
    if (receiver.down) {
      receiver.refusedWhileDown++;
      req.resume();
      res.statusCode = 503;
      res.end();
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const headers = {
        'webhook-id': String(req.headers['webhook-id']),
        'webhook-timestamp': String(req.headers['webhook-timestamp']),
        'webhook-signature': String(req.headers['webhook-signature']),
      };
      let verified = true;
      try {
        webhookSigner(secret).verify(body, headers);
      } catch {
        verified = false;
      }
      received.push({ id: headers['webhook-id'], verified, payload: JSON.parse(body) as Record<string, unknown> });
      res.statusCode = 204;
      res.end();
    });
  });
  // The server never closes an idle connection, its client does (platform/http-server.ts).
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
