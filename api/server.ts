/** Starts the HTTP API against configured services; used by `npm run api` and `npm start`. */
import { loadFeeSchedule } from '../billing/fee-schedule.ts';
import type { AppConfig } from '../platform/config.ts';
import { createPrismaClient } from '../platform/db.ts';
import { listen } from '../platform/http-server.ts';
import { createLogger } from '../platform/logger.ts';
import { messageSigningInterceptors } from '../platform/message-proof.ts';
import { createPayloadCodec, encryptingDataConverter } from '../platform/payload-codec.ts';
import { connectClient, type TemporalSettings } from '../platform/temporal-connection.ts';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { createTracing } from '../platform/tracing.ts';
import { createApp } from './app.ts';
import { encounterWorkflowStarts } from './workflow-starts.ts';
import { demoTokenDirectory, parseTokenDirectory } from './auth.ts';
import { PaymentProviderClient } from '../integrations/payment-provider-client.ts';
import type { ExternalParties } from '../worker/dependencies.ts';

const log = createLogger('api');

export interface RunningApi {
  url: string;
  stop(): Promise<void>;
}

export async function runApi(
  config: AppConfig,
  temporal: TemporalSettings,
  databaseUrl: string,
  parties: Pick<ExternalParties, 'paymentProviderUrl'>,
): Promise<RunningApi> {
  if (config.payloadEncryptionKeys === undefined) throw new Error('PAYLOAD_ENCRYPTION_KEYS is required to run the API');
  const payloadCodec = createPayloadCodec(config.payloadEncryptionKeys);
  const prisma = createPrismaClient(databaseUrl, config.database);
  const tracing = createTracing(config.observability, 'encounterflow-api');
  // People's messages (answers, decisions, codes, cancel) are signed: the workflow acts only on those.
  const signing = messageSigningInterceptors(config.payloadEncryptionKeys);
  const { client, connection } = await connectClient(temporal, {
    dataConverter: encryptingDataConverter(payloadCodec),
    interceptors: {
      workflow: [...(tracing ? [new OpenTelemetryWorkflowClientInterceptor({ tracer: tracing.tracer })] : []), ...signing.workflow],
    },
  });
  // Intake hands workflow starts off to this; a stop lets the waiting ones go out first.
  const workflowStarts = encounterWorkflowStarts({
    temporal: client,
    taskQueue: config.taskQueue,
    timings: config.timings,
    limits: config.apiLimits,
  });
  if (!config.apiTokens) log.warn('API_TOKENS is not set: the demo tokens are accepted (never do this in production)');
  const app = createApp({
    prisma,
    temporal: client,
    taskQueue: config.taskQueue,
    timings: config.timings,
    tokens: config.apiTokens ? parseTokenDirectory(config.apiTokens) : demoTokenDirectory(),
    feeSchedule: loadFeeSchedule(config.feeSchedulePath),
    payloadCodec,
    temporalUiOrigins: config.temporalUiOrigins,
    limits: config.apiLimits,
    workflowStarts,
    patientPortal: config.patientPortal,
    metricsToken: config.observability.metricsToken,
    payments: {
      provider: new PaymentProviderClient(parties.paymentProviderUrl, { timeoutMs: config.payments.providerTimeoutMs }),
      publicUrl: config.paymentProviderPublicUrl ?? parties.paymentProviderUrl,
      pendingGraceMs: config.payments.pendingGraceMs,
      planTimings: config.paymentPlanTimings,
    },
    readiness: async () => ({
      database: await prisma.$queryRaw`SELECT 1`.then(
        () => true,
        () => false,
      ),
      temporal: await connection.healthService.check({}).then(
        () => true,
        () => false,
      ),
    }),
  });
  const server = await listen(app, { port: config.api.port, host: config.api.host });
  log.info('api ready', { url: server.url });
  return {
    url: server.url,
    async stop() {
      await server.stop().catch(() => undefined);
      // Starts still waiting after this are the reconciler's (their encounters are stored).
      await workflowStarts.idle(config.apiLimits.workflowStartTimeoutMs);
      await connection.close();
      await prisma.$disconnect();
      await tracing?.shutdown();
      log.info('api stopped');
    },
  };
}
