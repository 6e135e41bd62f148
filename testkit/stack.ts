/**
 * The whole product for end-to-end tests, on real parts: a fresh migrated database, a real
 * Temporal dev server, the insurer and clearinghouse sandboxes over HTTP, the worker with the
 * real activities and coding engine, and the API — each on an ephemeral port of 127.0.0.1.
 * Intervals are short so clarification deadlines and pended follow-ups happen within a test.
 *
 * As in production, the worker and the API's client encrypt every payload (a throwaway key per
 * stack); `env.client` has no codec, so it reads what Temporal stores, and `client` has it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createApp } from '../api/app.ts';
import { demoTokenDirectory } from '../api/auth.ts';
import type { ApiLimits, PatientPortalSettings } from '../api/deps.ts';
import { loadConfig } from '../platform/config.ts';
import { listen } from '../platform/http-server.ts';
import { createPayloadCodec, encryptingDataConverter, generatePayloadKeySpec, type AesGcmPayloadCodec } from '../platform/payload-codec.ts';
import { startClearinghouseSandbox } from '../sandbox/clearinghouse/server.ts';
import { startInsurerSandbox } from '../sandbox/insurer/server.ts';
import { startPaymentSandbox, type PaymentSandboxState } from '../sandbox/payments/server.ts';
import { PaymentProviderClient } from '../integrations/payment-provider-client.ts';
import type { FaultConfig } from '../sandbox/shared/faults.ts';
import { buildActivityDeps } from '../worker/dependencies.ts';
import { createEncounterWorker } from '../worker/encounter-worker.ts';
import { bundleEncounterWorkflows } from '../worker/workflow-bundle.ts';
import { MessageProofKeys, messageSigningInterceptors } from '../platform/message-proof.ts';
import type { EncounterTimings } from '../workflows/config.ts';
import { DEFAULT_PAYMENT_PLAN_TIMINGS, type StatementCycleSchedule } from '../workflows/statement-cycle-config.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { createLocalTestEnv, quietBundlerLogger } from './temporal.ts';
import { TEST_STRAIGHT_THROUGH_CALIBRATION } from './test-calibration.ts';

export const FAST_TIMINGS: EncounterTimings = {
  clarificationDeadline: '6s',
  clarificationReminderInterval: '2s',
  authorizationPollInterval: '500ms',
  authorizationDeadlineStandard: '20s',
  authorizationDeadlineExpedited: '20s',
  // The clearinghouse mailbox is read every half second; one payer-directory day lasts a second.
  remittancePollInterval: '500ms',
  payerDay: '1s',
};

/** A statement cycle of seconds: reminders at 4, 8 and 12 s, the final notice at 16 s. */
export const FAST_STATEMENT_CYCLE: StatementCycleSchedule = {
  reminderOffsets: ['4s', '8s', '12s'],
  finalNoticeAfter: '16s',
  pausedRecheckInterval: '2s',
};

/** How long the stack's clients wait for a party that is up (under the activities' 1 minute). */
const GENEROUS_TIMEOUT_MS = 30_000;

/**
 * The stack's payment client (the API's and the reconcile step's): it waits generously for every
 * answer, since its timer also runs while this busy process does not (1.5 s failed healthy
 * charges), except for a charge of the timeout test card, which the sandbox never answers in a
 * test: that one is given up after half a second, so "the provider did not answer" is certain and quick.
 */
class StackPaymentProvider extends PaymentProviderClient {
  private readonly hasty: PaymentProviderClient;
  constructor(
    baseUrl: string,
    private readonly sandbox: PaymentSandboxState,
  ) {
    super(baseUrl, { timeoutMs: GENEROUS_TIMEOUT_MS });
    this.hasty = new PaymentProviderClient(baseUrl, { timeoutMs: 500 });
  }

  override charge(request: Parameters<PaymentProviderClient['charge']>[0]): ReturnType<PaymentProviderClient['charge']> {
    const neverAnswered = this.sandbox.tokens.get(request.token)?.behaviour.outcome === 'timeout';
    return neverAnswered ? this.hasty.charge(request) : super.charge(request);
  }
}

export interface TestStack {
  apiUrl: string;
  insurerUrl: string;
  clearinghouseUrl: string;
  /** The payment-provider sandbox and its in-memory state (charges by idempotency key). */
  paymentsUrl: string;
  paymentSandbox: PaymentSandboxState;
  /** The client the API charges through (for calling the reconcile step directly). */
  paymentProvider: PaymentProviderClient;
  db: TestDatabase;
  /** The dev server environment; its `client` has no codec (it sees the encrypted payloads). */
  env: TestWorkflowEnvironment;
  /** A client with the stack's payload codec, like the API's. */
  client: Client;
  payloadCodec: AesGcmPayloadCodec;
  taskQueue: string;
  /** Stops the worker (draining), as when the product is stopped; the API and Temporal keep running. */
  stopWorker(): Promise<void>;
  /** Starts a new worker with the same settings (the product started again). */
  startWorker(): Promise<void>;
  stop(): Promise<void>;
}

/** A calibration record for tests only: straight-through billing on (testkit/test-calibration.ts). */
export { TEST_STRAIGHT_THROUGH_CALIBRATION };

export interface TestStackOptions {
  timings?: EncounterTimings;
  /**
   * 'test-calibration' (default): stacks for tests that are not about coding enable straight-through
   * billing explicitly with the test calibration; 'product-default': as shipped, a coder confirms every encounter.
   */
  straightThrough?: 'test-calibration' | 'product-default';
  insurerFaults?: FaultConfig;
  clearinghouseFaults?: FaultConfig;
  /** Another insurer scenario file (e.g. a shorter adjudication delay). */
  insurerScenarioPath?: string;
  /**
   * The worker's client timeout towards the insurer and clearinghouse (default 30 s, so that an
   * answer is never taken for a timeout on a busy machine; a test of late answers sets a short one).
   */
  externalTimeoutMs?: number;
  /** The statement cycle's schedule (default FAST_STATEMENT_CYCLE). */
  statementCycle?: StatementCycleSchedule;
  /** The API's admission and rate limits (api/admission.ts); its defaults otherwise. */
  apiLimits?: Partial<ApiLimits>;
  /** The patient page's settings (short answer deadlines for the SLA tests). */
  patientPortal?: Partial<PatientPortalSettings>;
  /** How long the API waits for an accepted update's result before it answers 202 (ApiDeps.updateResultWaitMs). */
  updateResultWaitMs?: number;
  /** More configuration, as environment variables (e.g. PATIENT_WEBHOOK_URL with WEBHOOK_SIGNING_SECRET). */
  env?: Record<string, string>;
}

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const [db, env, bundle, insurer] = await Promise.all([
    createTestDatabase(),
    createLocalTestEnv(),
    bundleEncounterWorkflows({ logger: quietBundlerLogger }),
    startInsurerSandbox({
      port: 0,
      faults: options.insurerFaults,
      ...(options.insurerScenarioPath ? { scenarioPath: options.insurerScenarioPath } : {}),
    }),
  ]);
  // The timeout test card is answered after ten minutes: never while a test waits.
  const paymentSandbox = await startPaymentSandbox({ port: 0, timeoutDelayMs: 600_000 });
  const paymentProvider = new StackPaymentProvider(paymentSandbox.url, paymentSandbox.state);
  const clearinghouse = await startClearinghouseSandbox({ port: 0, faults: options.clearinghouseFaults, payerUrl: insurer.url });
  const taskQueue = `e2e-${randomUUID()}`;
  const config = loadConfig({
    EXTERNAL_TIMEOUT_MS: String(options.externalTimeoutMs ?? GENEROUS_TIMEOUT_MS),
    ...(options.straightThrough === 'product-default' ? {} : { CODING_STRAIGHT_THROUGH_CALIBRATION: TEST_STRAIGHT_THROUGH_CALIBRATION }),
    ...options.env,
  });
  const payloadKeySpec = generatePayloadKeySpec();
  const deps = {
    ...(await buildActivityDeps(config, db.prisma, {
      insurerUrl: insurer.url,
      clearinghouseUrl: clearinghouse.url,
      paymentProviderUrl: paymentSandbox.url,
    })),
    messageProof: MessageProofKeys.fromPayloadKeySpec(payloadKeySpec),
    statementCycle: options.statementCycle ?? FAST_STATEMENT_CYCLE,
  };
  const payloadCodec = createPayloadCodec(payloadKeySpec);
  const dataConverter = encryptingDataConverter(payloadCodec);
  // Like the API's client: encrypts payloads and signs every message (platform/message-proof.ts).
  const client = new Client({
    connection: env.connection,
    namespace: env.namespace ?? 'default',
    dataConverter,
    interceptors: messageSigningInterceptors(payloadKeySpec),
  });
  const newWorker = (): Promise<Worker> =>
    createEncounterWorker({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue,
      deps,
      workflowBundle: bundle,
      dataConverter,
    });
  let worker: Worker | undefined = await newWorker();
  let running: Promise<void> = worker.run();
  const stopWorker = async () => {
    if (worker === undefined) return;
    worker.shutdown();
    await running.catch(() => undefined);
    worker = undefined;
  };

  const undeclaredResponses: string[] = [];
  const app = createApp({
    prisma: db.prisma,
    temporal: client,
    taskQueue,
    timings: options.timings ?? FAST_TIMINGS,
    tokens: demoTokenDirectory(),
    payloadCodec,
    temporalUiOrigins: ['http://127.0.0.1:8233'],
    readiness: async () => ({ database: true, temporal: true }),
    onUndeclaredResponse: (message) => undeclaredResponses.push(message),
    // A short grace, so a test's reconcile step can fail a payment the provider never charged.
    payments: {
      provider: paymentProvider,
      publicUrl: paymentSandbox.url,
      pendingGraceMs: 2_000,
      planTimings: DEFAULT_PAYMENT_PLAN_TIMINGS,
    },
    ...(options.apiLimits !== undefined ? { limits: options.apiLimits } : {}),
    ...(options.updateResultWaitMs !== undefined ? { updateResultWaitMs: options.updateResultWaitMs } : {}),
    ...(options.patientPortal !== undefined ? { patientPortal: options.patientPortal } : {}),
  });
  // The server never closes an idle connection, its clients do: none sends on one the server is
  // just closing (ECONNRESET on a busy machine; platform/http-server.ts).
  const server = await listen(app, { port: 0, host: '127.0.0.1', closeConnections: 'all', keepAliveTimeoutMs: 0 });

  return {
    apiUrl: server.url,
    insurerUrl: insurer.url,
    clearinghouseUrl: clearinghouse.url,
    paymentsUrl: paymentSandbox.url,
    paymentSandbox: paymentSandbox.state,
    paymentProvider,
    db,
    env,
    client,
    payloadCodec,
    taskQueue,
    stopWorker,
    async startWorker() {
      if (worker !== undefined) return;
      worker = await newWorker();
      running = worker.run();
    },
    async stop() {
      await keepX12ForCi(db).catch(() => undefined);
      await server.stop();
      await stopWorker();
      await Promise.allSettled([insurer.stop(), clearinghouse.stop(), paymentSandbox.stop()]);
      await Promise.allSettled([env.teardown(), db.drop()]);
      // Every answer the tests provoked must be one the OpenAPI document declares.
      if (undeclaredResponses.length > 0) throw new Error(`Undeclared responses:\n${[...new Set(undeclaredResponses)].join('\n')}`);
    },
  };
}

/**
 * Every 837P the stack produced (and every 835 it received) goes to .test-results/x12/, where CI
 * checks each with pyx12 after the tests (`npx tsx scripts/pyx12.ts .test-results/x12`).
 */
async function keepX12ForCi(db: TestDatabase): Promise<void> {
  const dir = new URL('../.test-results/x12/', import.meta.url);
  await mkdir(dir, { recursive: true });
  const claims = await db.prisma.claim.findMany({ select: { claimNumber: true, x12: true } });
  for (const claim of claims) await writeFile(new URL(`837P-${claim.claimNumber}.x12`, dir), claim.x12);
  const remittances = await db.prisma.remittance.findMany({ where: { status: 'posted' }, select: { traceNumber: true, raw: true } });
  for (const remittance of remittances)
    await writeFile(new URL(`835-${remittance.traceNumber}-${randomUUID().slice(0, 8)}.x12`, dir), remittance.raw);
}
