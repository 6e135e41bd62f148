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
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Payload } from '@temporalio/common';
import { recordView } from '../audit.ts';
import { principalOf, requireRole } from '../auth.ts';
import type { ApiDeps } from '../deps.ts';
import { sendProblem } from '../problem.ts';
import { isLoopbackClient } from '../request.ts';
import { codecPayloadsSchema } from '../schemas.ts';

interface JsonPayload {
  metadata: Record<string, string>;
  data: string;
}

/** The request's payloads (a malformed body throws the ZodError the error handler turns into a 400). */
function readPayloads(body: unknown): Payload[] {
  return codecPayloadsSchema.parse(body).payloads.map(({ metadata, data }) => ({
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

/** CORS for the Temporal Web UI: only its configured origins, with the headers its codec calls send. */
function cors(origins: readonly string[]): RequestHandler {
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

const loopbackOnly: RequestHandler = (req, res, next) => {
  if (!isLoopbackClient(req)) {
    return sendProblem(res, 403, 'The codec endpoint only answers clients on this host (loopback)');
  }
  next();
};

export function codecRoutes(deps: ApiDeps): Router {
  const router = Router();
  const origins = deps.temporalUiOrigins ?? [];

  const handle = (direction: 'decode' | 'encode') => async (req: Request, res: Response) => {
    const payloads = readPayloads(req.body);
    let result: Payload[];
    try {
      result = direction === 'decode' ? await deps.payloadCodec.decode(payloads) : await deps.payloadCodec.encode(payloads);
    } catch (error) {
      // The codec's messages name a key id at most, never key material or content.
      return sendProblem(res, 400, (error as Error).message);
    }
    if (direction === 'decode') await recordView(deps.prisma, principalOf(res), 'temporal_payloads.viewed', { payloads: payloads.length });
    res.set('Cache-Control', 'no-store').json({ payloads: result.map(toJson) });
  };

  // Every /codec request, the browser's preflight (answered here) included.
  router.use('/codec', cors(origins));
  for (const direction of ['decode', 'encode'] as const) {
    router.post(`/codec/${direction}`, loopbackOnly, requireRole('supervisor'), handle(direction));
  }
  return router;
}
