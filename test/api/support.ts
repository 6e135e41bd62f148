/**
 * The API under test: createApp over a fresh migrated database and a real Temporal dev server,
 * listening on an ephemeral port of 127.0.0.1. No worker runs: workflows are started and signalled
 * but never make progress, and status queries fall back to the stored state quickly.
 */
import type { Express } from 'express';
import { expect } from 'vitest';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApp } from '../../api/app.ts';
import { demoTokenDirectory } from '../../api/auth.ts';
import type { ApiLimits } from '../../api/deps.ts';
import { EncounterWorkflowStarts } from '../../platform/encounter-workflow-starts.ts';
import { listen } from '../../platform/http-server.ts';
import { createPayloadCodec, encryptingDataConverter, generatePayloadKeySpec } from '../../platform/payload-codec.ts';
import { DEFAULT_TIMINGS } from '../../workflows/config.ts';
import { createTestDatabase, type TestDatabase } from '../../testkit/database.ts';
import { createLocalTestEnv } from '../../testkit/temporal.ts';
import { call } from '../../testkit/http.ts';
import { startedForFile } from '../../testkit/fixtures.ts';

export interface ApiUnderTest {
  app: Express;
  baseUrl: string;
  db: TestDatabase;
  env: TestWorkflowEnvironment;
  taskQueue: string;
  /** The workflow starts intake hands off (`idle()` waits for them). */
  workflowStarts: EncounterWorkflowStarts;
  /** What /readyz reports; tests may change it. */
  readiness: Record<string, boolean>;
  /** Answers that their route does not declare (status or body schema); close() fails if any. */
  undeclaredResponses: string[];
  close(): Promise<void>;
}

export async function startApiUnderTest(options: { limits?: Partial<ApiLimits> } = {}): Promise<ApiUnderTest> {
  const [db, env] = await Promise.all([createTestDatabase(), createLocalTestEnv()]);
  const taskQueue = `api-test-${process.pid}`;
  const readiness: Record<string, boolean> = { temporal: true, database: true };
  // The API's client encrypts payloads as in production; `env.client` (no codec) reads what Temporal stores.
  const payloadCodec = createPayloadCodec(generatePayloadKeySpec());
  const temporal = new Client({
    connection: env.connection,
    namespace: env.namespace ?? 'default',
    dataConverter: encryptingDataConverter(payloadCodec),
  });
  const undeclaredResponses: string[] = [];
  const workflowStarts = new EncounterWorkflowStarts({ temporal, taskQueue, timings: DEFAULT_TIMINGS });
  const app = createApp({
    workflowStarts,
    prisma: db.prisma,
    temporal,
    payloadCodec,
    taskQueue,
    timings: DEFAULT_TIMINGS,
    tokens: demoTokenDirectory(),
    readiness: async () => ({ ...readiness }),
    updateTimeoutMs: 1_000,
    // No worker runs: the status query cannot answer, so wait for it briefly; and the workflow
    // tasks' backlog only grows, so intake is not held against it (unless a test asks).
    limits: { statusQueryTimeoutMs: 300, intakeMaxBacklogAgeMs: 0, ...options.limits },
    onUndeclaredResponse: (message) => undeclaredResponses.push(message),
  });
  // The server never closes an idle connection, the test's client does (platform/http-server.ts).
  const server = await listen(app, { port: 0, host: '127.0.0.1', closeConnections: 'all', keepAliveTimeoutMs: 0 });
  return {
    app,
    baseUrl: server.url,
    db,
    env,
    taskQueue,
    workflowStarts,
    readiness,
    undeclaredResponses,
    close: async () => {
      await server.stop();
      await workflowStarts.idle();
      await Promise.allSettled([env.teardown(), db.drop()]);
      // Every answer the tests provoked must be one the OpenAPI document declares.
      if (undeclaredResponses.length > 0) throw new Error(`Undeclared responses:\n${[...new Set(undeclaredResponses)].join('\n')}`);
    },
  };
}

/** The file's API under test: started before its tests (generous timeout: a fresh database and Temporal) and closed after them. */
export function useApiUnderTest(options: { limits?: Partial<ApiLimits> } = {}): ApiUnderTest {
  return startedForFile(
    'the API under test',
    () => startApiUnderTest(options),
    (api) => api.close(),
    180_000,
  );
}

/** Every item of a cursor-paged list, read one item a page (as `token`), following nextCursor to its end. */
export async function allPages(api: ApiUnderTest, path: string, token: string): Promise<Array<Record<string, any>>> {
  const items: Array<Record<string, any>> = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const separator = path.includes('?') ? '&' : '?';
    const response = await call(api.baseUrl, 'GET', `${path}${separator}limit=1${cursor !== null ? `&cursor=${cursor}` : ''}`, { token });
    expect(response.status, response.text).toBe(200);
    items.push(...response.body.items);
    cursor = response.body.nextCursor;
    if (cursor === null) return items;
  }
  throw new Error('the cursor never ended');
}

export { TOKENS, call, submitEncounter, validSubmission, type Call } from '../../testkit/http.ts';
