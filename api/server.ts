/** Starts the HTTP API against configured services; used by `npm run api` and `npm start`. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../platform/config.ts';
import { createPrismaClient } from '../platform/db.ts';
import { createLogger } from '../platform/logger.ts';
import { createPayloadCodec, encryptingDataConverter } from '../platform/payload-codec.ts';
import { connectClient, type TemporalSettings } from '../platform/temporal-connection.ts';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { createTracing } from '../platform/tracing.ts';
import { createApp } from './app.ts';
import { demoTokenDirectory, parseTokenDirectory } from './auth.ts';

const log = createLogger('api');

export interface RunningApi {
  url: string;
  stop(): Promise<void>;
}

export async function runApi(config: AppConfig, temporal: TemporalSettings, databaseUrl: string): Promise<RunningApi> {
  if (config.payloadEncryptionKeys === undefined) throw new Error('PAYLOAD_ENCRYPTION_KEYS is required to run the API');
  const payloadCodec = createPayloadCodec(config.payloadEncryptionKeys);
  const prisma = createPrismaClient(databaseUrl, config.database);
  const tracing = createTracing(config.observability, 'encounterflow-api');
  const { client, connection } = await connectClient(temporal, {
    dataConverter: encryptingDataConverter(payloadCodec),
    ...(tracing ? { interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor({ tracer: tracing.tracer })] } } : {}),
  });
  if (!config.apiTokens) log.warn('API_TOKENS is not set: the demo tokens are accepted (never do this in production)');
  const app = createApp({
    prisma,
    temporal: client,
    taskQueue: config.taskQueue,
    timings: config.timings,
    tokens: config.apiTokens ? parseTokenDirectory(config.apiTokens) : demoTokenDirectory(),
    payloadCodec,
    temporalUiOrigins: config.temporalUiOrigins,
    limits: config.apiLimits,
    metricsToken: config.observability.metricsToken,
    readiness: async () => ({
      database: await prisma.$queryRaw`SELECT 1`.then(() => true, () => false),
      temporal: await connection.healthService.check({}).then(() => true, () => false),
    }),
  });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.api.port, config.api.host, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.api.host}:${port}`;
  log.info('api ready', { url });
  return {
    url,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await connection.close();
      await prisma.$disconnect();
      await tracing?.shutdown();
      log.info('api stopped');
    },
  };
}
