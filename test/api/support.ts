/**
 * The API under test: createApp over a fresh migrated database and a real Temporal dev server,
 * listening on an ephemeral port of 127.0.0.1. No worker runs: workflows are started and signalled
 * but never make progress, and status queries fall back to the stored state quickly.
 */
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Server } from 'node:http';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApp } from '../../api/app.ts';
import { demoTokenDirectory } from '../../api/auth.ts';
import { DEFAULT_TIMINGS } from '../../workflows/config.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createLocalTestEnv } from '../helpers/temporal.ts';

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

export async function startApiUnderTest(): Promise<ApiUnderTest> {
  const [db, env] = await Promise.all([createTestDatabase(), createLocalTestEnv()]);
  const taskQueue = `api-test-${process.pid}`;
  const readiness: Record<string, boolean> = { temporal: true, database: true };
  const app = createApp({
    prisma: db.prisma,
    temporal: env.client,
    taskQueue,
    timings: DEFAULT_TIMINGS,
    tokens: demoTokenDirectory(),
    readiness: async () => ({ ...readiness }),
    statusQueryTimeoutMs: 300,
    updateTimeoutMs: 1_000,
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

export const TOKENS = {
  intake: 'intake-demo',
  coder: 'coder-demo',
  biller: 'biller-demo',
  supervisor: 'supervisor-demo',
  physicianA: 'physician-1234567893-demo',
  physicianB: 'physician-1245319599-demo',
} as const;

export interface Call {
  status: number;
  contentType: string;
  headers: Headers;
  body: any;
  text: string;
}

/** One HTTP request; JSON bodies are serialised, JSON and problem+json responses parsed. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; accept?: string } = {},
): Promise<Call> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.accept !== undefined) headers.accept = options.accept;
  let body: string | undefined;
  if (options.rawBody !== undefined || options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = options.rawBody ?? JSON.stringify(options.body);
  }
  const response = await fetch(baseUrl + path, { method, headers, body });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    contentType,
    headers: response.headers,
    text,
    body: /json/.test(contentType) && text !== '' ? JSON.parse(text) : undefined,
  };
}

let counter = 0;

/** A valid submission with a fresh clinic encounter id (the fake patient is not a real person). */
export function validSubmission(overrides: { clinicEncounterId?: string } = {}) {
  counter += 1;
  return {
    clinicEncounterId: overrides.clinicEncounterId ?? `CLN-${Date.now()}-${counter}`,
    patient: {
      externalId: `PAT-${counter}-${process.pid}`,
      firstName: 'Testy',
      lastName: 'McTestface',
      dateOfBirth: '1980-02-29',
      sex: 'F',
      memberId: 'MBR12345',
    },
    provider: { npi: '1234567893', name: 'Dr. Demo One', taxonomy: '207Q00000X' },
    payerId: 'ACME-HEALTH',
    dateOfService: '2026-11-20',
    placeOfService: '11',
    documentation: {
      notes: 'Follow-up for type 2 diabetes; A1c reviewed.',
      diagnoses: [{ description: 'Type 2 diabetes mellitus without complications', code: 'E11.9' }],
      procedures: [{ description: 'Office visit, established patient', code: '99213', units: 1 }],
      testResults: [{ name: 'HbA1c', value: '7.2', unit: '%', flag: 'H' }],
    },
  };
}
