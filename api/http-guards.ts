/**
 * What every response and every request body goes through before a route sees it:
 *
 * - security headers on every response (`helmet`), with one Content-Security-Policy for the API,
 *   the staff UI (web/) and the printable patient statement;
 * - `Cache-Control: no-store` on everything outside the static UI files: API answers carry
 *   patient data or data about it, and no shared or browser cache may keep them;
 * - the JSON body parser, with `Content-Encoding` handled as a client error: an encoding the
 *   parser does not know is a 415, a body that does not decode as its declared encoding (a
 *   "br" body that is not brotli) a 400. Neither is the server's fault;
 * - `isLoopbackClient`: whether a request comes from this host (the codec endpoints and an
 *   unauthenticated /metrics answer no one else).
 */
import { createHash } from 'node:crypto';
import express from 'express';
import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';
import { HttpProblem } from '../platform/problem.ts';
import { CODING_INPUT_LIMITS } from '../coding/limits.ts';

/**
 * The Print button of the patient statement runs `onclick="window.print()"`: allowed by its hash,
 * that exact handler and no other inline script.
 */
const PRINT_HANDLER_HASH = `'sha256-${createHash('sha256').update('window.print()').digest('base64')}'`;

/**
 * helmet with the product's policy: own scripts only, no framing, no referrer. `connectTo`: other
 * origins the pages may call (the payment provider's tokenization endpoint, for the patient page).
 */
export function securityHeaders(connectTo: readonly string[] = []): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'", "'unsafe-hashes'", PRINT_HANDLER_HASH],
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'", ...connectTo],
        imgSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/** `Cache-Control: no-store` unless a later handler (the static UI files) sets its own. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

const parseJson = express.json({ limit: CODING_INPUT_LIMITS.requestBytes });

/** Errors of the decompression stream carry zlib's codes (Z_DATA_ERROR, Z_BUF_ERROR, ERR_...). */
function isDecodingError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR__') || code === 'ERR_ZLIB_INITIALIZATION_FAILED');
}

/**
 * express.json, with body decoding failures turned into problems. body-parser already answers an
 * unknown encoding with a typed 415 error; a body that fails to decompress reaches us as zlib's
 * bare stream error, which would otherwise be an "unexpected" 500.
 */
export const jsonBody: RequestHandler = (req, res, next) => {
  parseJson(req, res, (error?: unknown) => {
    if (error === undefined || error === null) return next();
    if ((error as { type?: unknown }).type === 'encoding.unsupported') {
      return next(
        new HttpProblem(415, 'The Content-Encoding is not supported (use identity, gzip, deflate or br)', [
          { field: '(header) content-encoding', message: 'Unsupported encoding' },
        ]),
      );
    }
    if (isDecodingError(error)) {
      return next(
        new HttpProblem(400, 'The request body does not decode as its Content-Encoding says', [
          { field: '(header) content-encoding', message: 'Body does not match the encoding' },
        ]),
      );
    }
    next(error);
  });
};

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Whether the request comes from this host (its socket's peer is a loopback address). */
export function isLoopbackClient(req: Request): boolean {
  return LOOPBACK.has(req.socket.remoteAddress ?? '');
}
