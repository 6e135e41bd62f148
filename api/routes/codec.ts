/**
 * The codec server of the Temporal Web UI and CLI (the Temporal codec-server protocol):
 * `POST /codec/decode` and `POST /codec/encode` take `{ "payloads": [Payload...] }` in protobuf
 * JSON (base64 `data` and metadata values) and answer the same shape, run through the payload
 * codec the API's own Temporal client uses (platform/payload-codec.ts). The CLI reaches it with
 * `--codec-endpoint <api>/codec --codec-auth 'Bearer <token>'`.
 *
 * Decoding shows patient data, so both endpoints need a supervisor's bearer token and a client on
 * the loopback interface (the Temporal Web UI cannot send this API's bearer token; see README),
 * and each decode is audited (who and how many payloads, never content). Browsers get CORS
 * headers only for the configured Temporal Web UI origins.
 */
import type { RequestHandler } from 'express';
import type { Payload } from '@temporalio/common';
import type { z } from 'zod';
import { recordView } from '../audit.ts';
import { principalOf } from '../auth.ts';
import { badRequest, forbidden } from '../../platform/problem.ts';
import { isLoopbackClient } from '../http-guards.ts';
import { codecPayloadsResponseSchema } from '../responses.ts';
import { route } from '../route.ts';
import { codecPayloadsSchema } from '../schemas.ts';

interface JsonPayload {
  metadata: Record<string, string>;
  data: string;
}

function toPayloads(body: z.output<typeof codecPayloadsSchema>): Payload[] {
  return body.payloads.map(({ metadata, data }) => ({
    metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([name, value]) => [name, Buffer.from(value, 'base64')])),
    data: Buffer.from(data ?? '', 'base64'),
  }));
}

function toJson(payload: Payload): JsonPayload {
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload.metadata ?? {})) {
    if (value !== null && value !== undefined) metadata[name] = Buffer.from(value).toString('base64');
  }
  return { metadata, data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64') };
}

/**
 * CORS for the Temporal Web UI: only its configured origins, with the headers its codec calls
 * send. Mounted on /codec ahead of the routes (it answers the browser's OPTIONS preflight).
 */
export function codecCors(origins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origin !== undefined && origins.includes(origin)) {
      res.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Allow-Methods': 'POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, Authorization, X-Namespace',
        'Access-Control-Max-Age': '600',
      });
      if (req.get('access-control-request-private-network') === 'true') res.set('Access-Control-Allow-Private-Network', 'true');
    }
    res.vary('Origin');
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
}

const loopbackOnly: RequestHandler = (req, _res, next) => {
  if (!isLoopbackClient(req)) {
    return next(forbidden('The codec endpoint only answers clients on this host (loopback)'));
  }
  next();
};

export const codecRoutes = (['decode', 'encode'] as const).map((direction) =>
  route(
    {
      method: 'post',
      path: `/codec/${direction}`,
      summary: `Temporal codec server (Web UI, CLI --codec-endpoint): ${direction} payloads with the payload codec`,
      description: `Loopback clients only${direction === 'decode' ? '; each decode is audited' : ''}.`,
      roles: ['supervisor'],
      body: codecPayloadsSchema,
      before: [loopbackOnly],
      responses: { 200: { description: 'The payloads in protobuf JSON', body: codecPayloadsResponseSchema } },
      problems: {
        400: 'Invalid payloads, or a payload the codec cannot read (unknown key id)',
        403: 'Not a loopback client, or not a supervisor',
      },
    },
    async ({ deps, body, res }) => {
      const payloads = toPayloads(body);
      let result: Payload[];
      try {
        result = direction === 'decode' ? await deps.payloadCodec.decode(payloads) : await deps.payloadCodec.encode(payloads);
      } catch (error) {
        // The codec's messages name a key id at most, never key material or content.
        throw badRequest((error as Error).message);
      }
      if (direction === 'decode') await recordView(deps, principalOf(res), 'temporal_payloads.viewed', { payloads: payloads.length });
      res.set('Cache-Control', 'no-store').json({ payloads: result.map(toJson) });
    },
  ),
);
