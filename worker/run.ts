/** Starts the encounter worker against configured services; used by `npm run worker` and `npm start`. */
import type { AppConfig } from '../platform/config.ts';
import { createPrismaClient } from '../platform/db.ts';
import { retryThroughOutage } from '../platform/dependency-outage.ts';
import { createLogger } from '../platform/logger.ts';
import { createPayloadCodec, encryptingDataConverter } from '../platform/payload-codec.ts';
import { connectClient, connectNativeConnection, type TemporalSettings } from '../platform/temporal-connection.ts';
import { installTemporalRuntime } from '../platform/temporal-runtime.ts';
import { createTracing } from '../platform/tracing.ts';
import { syncPayerDirectory } from '../payers/sync.ts';
import { buildActivityDeps, type ExternalParties } from './dependencies.ts';
import { createEncounterWorker } from './encounter-worker.ts';
import { workerTuning, workflowStackTracesOn } from './tuning.ts';
import { startReconciler } from './workflow-reconciler.ts';
import { PaymentProviderClient } from '../integrations/payment-provider-client.ts';
import { startPaymentReconciler } from '../payments/reconcile.ts';

const log = createLogger('worker');

export interface RunningWorker {
  /** Stops polling, lets running activities finish, then closes connections. */
  stop(): Promise<void>;
}

export async function runWorker(
  config: AppConfig,
  temporal: TemporalSettings,
  databaseUrl: string,
  parties: ExternalParties,
): Promise<RunningWorker> {
  if (config.payloadEncryptionKeys === undefined) throw new Error('PAYLOAD_ENCRYPTION_KEYS is required to run a worker');
  installTemporalRuntime(config.observability);
  const dataConverter = encryptingDataConverter(createPayloadCodec(config.payloadEncryptionKeys));
  const prisma = createPrismaClient(databaseUrl, config.database);
  const connection = await connectNativeConnection(temporal);
  const deps = await buildActivityDeps(config, prisma, parties);
  // The Payer table follows the directory file: intake (in the API) refuses payers not in it.
  // Several workers starting at once contend for the same rows: an outage-like failure is retried.
  const synced = await retryThroughOutage(() => syncPayerDirectory(prisma, deps.payers));
  log.info('payer directory loaded', synced);
  const tracing = createTracing(config.observability, 'encounterflow-worker');
  const worker = await createEncounterWorker({
    connection,
    namespace: temporal.namespace,
    taskQueue: config.taskQueue,
    deps,
    dataConverter,
    tuning: workerTuning(),
    workflowStackTraces: workflowStackTracesOn(),
    tracing,
    // A bundle made elsewhere has no tracing interceptors (bundleEncounterWorkflows() without tracing): not with tracing on.
    ...(config.workflowBundlePath !== undefined && tracing === undefined
      ? { workflowBundle: { codePath: config.workflowBundlePath } }
      : {}),
  });
  const running = worker.run();
  running.catch((err: unknown) => log.error('worker stopped with an error', { error: (err as Error).message }));
  // Stored encounters whose workflow was never started (Temporal was down at intake) get one.
  const client = await connectClient(temporal, { dataConverter });
  const reconciler = startReconciler({
    prisma,
    temporal: client.client,
    taskQueue: config.taskQueue,
    timings: config.timings,
    intervalMs: config.reconcileIntervalMs,
    // Patient questions stored while Temporal was down get their SLA workflow too.
    patientQuestions: { reminderInterval: config.patientPortal.reminderInterval },
    // Statement notices recorded before they were sent (older cycles) are sent once.
    statementNotices: { notifications: deps.notifications },
  });
  // Card payments whose provider answer never came are settled from the provider's record.
  const paymentReconciler = startPaymentReconciler(
    {
      prisma,
      provider: new PaymentProviderClient(parties.paymentProviderUrl, { timeoutMs: config.payments.providerTimeoutMs }),
      pendingGraceMs: config.payments.pendingGraceMs,
    },
    config.payments.reconcileIntervalMs,
    { temporal: client.client, taskQueue: config.taskQueue, schedule: config.statementCycle },
  );
  log.info('worker ready', { taskQueue: config.taskQueue, namespace: temporal.namespace });
  return {
    async stop() {
      await reconciler.stop();
      await paymentReconciler.stop();
      await client.connection.close();
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running.catch(() => undefined);
      await connection.close();
      await prisma.$disconnect();
      await tracing?.shutdown();
      log.info('worker stopped');
    },
  };
}
