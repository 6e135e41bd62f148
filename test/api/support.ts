/**
 * The API under test: createApp over a fresh migrated database and a real Temporal dev server,
 * listening on an ephemeral port of 127.0.0.1. No worker runs: workflows are started and signalled
 * but never make progress, and status queries fall back to the stored state quickly.
 */
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Server } from 'node:http';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApp } from '../../api/app.ts';
import { demoTokenDirectory } from '../../api/auth.ts';
import type { ApiLimits } from '../../api/deps.ts';
import { createPayloadCodec, encryptingDataConverter, generatePayloadKeySpec } from '../../platform/payload-codec.ts';
import { DEFAULT_TIMINGS } from '../../workflows/config.ts';
import { createTestDatabase, type TestDatabase } from '../../testkit/database.ts';
import { createLocalTestEnv } from '../../testkit/temporal.ts';

export interface ApiUnderTest {
  app: Express;
  baseUrl: string;
  db: TestDatabase;
  env: TestWorkflowEnvironment;
  taskQueue: string;
  /** What /readyz reports; tests may change it. */
  readiness: Record<string, boolean>;
  close(): Promise<void>;
}

export async function startApiUnderTest(options: { limits?: Partial<ApiLimits> } = {}): Promise<ApiUnderTest> {
  const [db, env] = await Promise.all([createTestDatabase(), createLocalTestEnv()]);
  const taskQueue = `api-test-${process.pid}`;
  const readiness: Record<string, boolean> = { temporal: true, database: true };
  // The API's client encrypts payloads as in production; `env.client` (no codec) reads what Temporal stores.
  const payloadCodec = createPayloadCodec(generatePayloadKeySpec());
  const temporal = new Client({ connection: env.connection, namespace: env.namespace ?? 'default', dataConverter: encryptingDataConverter(payloadCodec) });
  const app = createApp({
    prisma: db.prisma,
    temporal,
    payloadCodec,
    taskQueue,
    timings: DEFAULT_TIMINGS,
    tokens: demoTokenDirectory(),
    readiness: async () => ({ ...readiness }),
    statusQueryTimeoutMs: 300,
    updateTimeoutMs: 1_000,
    ...(options.limits !== undefined ? { limits: options.limits } : {}),
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    env,
    taskQueue,
    readiness,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([env.teardown(), db.drop()]);
    },
  };
}

export { TOKENS, call, validSubmission, type Call } from '../../testkit/http.ts';
