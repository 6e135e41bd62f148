// Headers on every response, request body encodings, and dependency outages as 503 + Retry-After.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { Client, Connection } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { demoTokenDirectory } from '../../api/auth.ts';
import { isDependencyOutage } from '../../platform/dependency-outage.ts';
import { createPrismaClient } from '../../platform/db.ts';
import { createPayloadCodec, generatePayloadKeySpec } from '../../platform/payload-codec.ts';
import { DEFAULT_TIMINGS } from '../../workflows/config.ts';
import { call, useApiUnderTest, TOKENS, validSubmission } from './support.ts';

const api = useApiUnderTest();
async function postEncoded(body: Buffer, encoding: string) {
  const response = await fetch(`${api.baseUrl}/encounters`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKENS.intake}`, 'content-type': 'application/json', 'content-encoding': encoding },
    body,
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: (await response.json()) as { errors?: Array<{ field: string }> },
  };
}

describe('security headers and caching', () => {
  it('API JSON, problems and the OpenAPI document carry helmet headers and no-store', async () => {
    const responses = await Promise.all([
      call(api.baseUrl, 'GET', '/encounters', { token: TOKENS.supervisor }),
      call(api.baseUrl, 'GET', '/encounters', {}),
      call(api.baseUrl, 'GET', '/no-such-route', { token: TOKENS.supervisor }),
      call(api.baseUrl, 'GET', '/openapi.json', {}),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 401, 404, 200]);
    for (const response of responses) {
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('the static UI files may be revalidated (no-cache) and keep the same policy', async () => {
    const page = await fetch(`${api.baseUrl}/ui/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    await page.text();
  });
});

describe('Content-Encoding of request bodies', () => {
  it('gzip and br bodies that decode are accepted', async () => {
    const gzip = await postEncoded(gzipSync(JSON.stringify(validSubmission())), 'gzip');
    const br = await postEncoded(brotliCompressSync(JSON.stringify(validSubmission())), 'br');
    expect([gzip.status, br.status]).toEqual([201, 201]);
  });

  it('a body that is not what its encoding says is a 400 problem; an unknown encoding a 415', async () => {
    const plain = Buffer.from(JSON.stringify(validSubmission()));
    const badBr = await postEncoded(plain, 'br');
    const badGzip = await postEncoded(plain, 'gzip');
    const unknown = await postEncoded(plain, 'compress');
    expect([badBr.status, badGzip.status, unknown.status]).toEqual([400, 400, 415]);
    for (const response of [badBr, badGzip, unknown]) {
      expect(response.type).toContain('application/problem+json');
      expect(response.body.errors?.[0]?.field).toBe('(header) content-encoding');
    }
  });
});

describe('dependency outages', () => {
  it('classifies Prisma, node-postgres and gRPC outage errors, and leaves others alone', () => {
    const prismaTimeout = Object.assign(new Error('Unable to start a transaction in the given time.'), {
      name: 'PrismaClientKnownRequestError',
      code: 'P2028',
    });
    const wrapped = Object.assign(new Error('x'), {
      name: 'PrismaClientKnownRequestError',
      code: 'P2010',
      meta: { driverAdapterError: { cause: { kind: 'ConnectionClosed' } } },
    });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
      errno: -111,
      syscall: 'connect',
    });
    const shuttingDown = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
      severity: 'FATAL',
    });
    const grpc = Object.assign(new Error('ServiceError'), {
      name: 'ServiceError',
      cause: Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }),
    });
    for (const error of [prismaTimeout, wrapped, refused, shuttingDown, grpc, new Error('Connection terminated unexpectedly')]) {
      expect(isDependencyOutage(error), String(error.message)).toBe(true);
    }
    const unique = Object.assign(new Error('Unique constraint failed'), { code: 'P2002' });
    const syntax = Object.assign(new Error('syntax error'), { code: '42601', severity: 'ERROR' });
    for (const error of [unique, syntax, new TypeError('x is undefined'), 'text']) {
      expect(isDependencyOutage(error)).toBe(false);
    }
  });

  it('a database that cannot be reached answers 503 with Retry-After, as problem+json', async () => {
    // Port 1 on loopback refuses connections: every query fails the way a stopped PostgreSQL does.
    const prisma = createPrismaClient('postgres://postgres:postgres@127.0.0.1:1/none');
    const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
    const app = createApp({
      prisma,
      temporal,
      taskQueue: 'unused',
      timings: DEFAULT_TIMINGS,
      tokens: demoTokenDirectory(),
      payloadCodec: createPayloadCodec(generatePayloadKeySpec()),
      readiness: async () => ({ database: false }),
    });
    const server: Server = await new Promise((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    try {
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const list = await call(baseUrl, 'GET', '/encounters', { token: TOKENS.supervisor });
      const intake = await call(baseUrl, 'POST', '/encounters', { token: TOKENS.intake, body: validSubmission() });
      for (const response of [list, intake]) {
        expect(response.status).toBe(503);
        expect(response.contentType).toContain('application/problem+json');
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await prisma.$disconnect();
    }
  });
});
