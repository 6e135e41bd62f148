/**
 * All configuration comes from the environment; every variable has a default that runs the whole
 * stack on one machine with embedded services. The README's configuration table mirrors this file.
 */
import { resolve } from 'node:path';
import { durationMs } from '../domain/durations.ts';
import { DEFAULT_TIMINGS, type EncounterTimings } from '../workflows/config.ts';
import { DEFAULT_API_LIMITS, type ApiLimits } from '../api/deps.ts';
import { DEFAULT_DATABASE_SETTINGS, type DatabaseSettings } from './db.ts';
import { LOG_LEVELS, type LogLevel } from './logger.ts';
import { parsePayloadKeys } from './payload-codec.ts';

export const TRACING_EXPORTERS = ['none', 'console', 'otlp'] as const;

/** Logs, metrics and traces (platform/logger.ts, platform/temporal-runtime.ts, api/metrics.ts, platform/tracing.ts). */
export interface ObservabilityConfig {
  logLevel: LogLevel;
  /** host:port where the worker's SDK serves Prometheus metrics; unset: none. */
  workerMetricsAddress?: string;
  /** Bearer token a scraper sends to the API's /metrics; unset: /metrics answers loopback clients only. */
  metricsToken?: string;
  /** Where OpenTelemetry spans go: nowhere (default), the log (console) or OTLP/HTTP. */
  tracingExporter: (typeof TRACING_EXPORTERS)[number];
  /** OTLP/HTTP traces endpoint (e.g. http://127.0.0.1:4318/v1/traces), with tracingExporter otlp. */
  otlpTracesEndpoint?: string;
}

export interface AppConfig {
  dataDir: string;
  /** Unset: an embedded PostgreSQL (PGlite) is started in dataDir. */
  databaseUrl?: string;
  embeddedPostgresPort: number;
  /** Connection pool and transaction limits of every process's database client. */
  database: DatabaseSettings;
  /** Load shedding and rate limits of the API (api/admission.ts). */
  apiLimits: ApiLimits;
  /** How often each worker looks for stored encounters without a workflow (worker/workflow-reconciler.ts). */
  reconcileIntervalMs: number;
  taskQueue: string;
  temporalDevServerPort: number;
  temporalUiPort: number;
  api: { host: string; port: number; publicUrl: string };
  /** Unset: the insurer sandbox is started by `npm start`. */
  insurerUrl?: string;
  insurerPort: number;
  clearinghouseUrl?: string;
  clearinghousePort: number;
  externalTimeoutMs: number;
  physicianWebhookUrl?: string;
  supervisorWebhookUrl?: string;
  webhookSigningSecret: string;
  /** "token=role:subject,..." bearer tokens; unset: the demo tokens (never in production). */
  apiTokens?: string;
  /**
   * "keyId:base64key,..." keys of the Temporal payload codec (the first encrypts, all decrypt).
   * Unset: `npm start` keeps a generated key in DATA_DIR/payload-keys; standalone processes refuse.
   */
  payloadEncryptionKeys?: string;
  /** Origins of the Temporal Web UI allowed to call the codec endpoints (CORS). */
  temporalUiOrigins: string[];
  timings: EncounterTimings;
  statementDueDays: number;
  procedureCatalogPath?: string;
  /** The payer directory seed file (data/payers.json when unset). */
  payerDirectoryPath?: string;
  feeSchedulePath?: string;
  insurerScenarioPath?: string;
  clearinghouseScenarioPath?: string;
  x12SenderId: string;
  x12ReceiverId: string;
  observability: ObservabilityConfig;
}

type Env = Record<string, string | undefined>;

function positiveInt(env: Env, name: string, fallback: number): number {
  const value = int(env, name, fallback);
  if (value === 0) throw new Error(`${name} must be at least 1`);
  return value;
}

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

function text(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : raw;
}

/** The signing secret used when none is configured: only acceptable while no webhook is sent anywhere. */
export const DEV_WEBHOOK_SIGNING_SECRET = 'dev-only-signing-secret';

export const MAX_DURATION_MS = 365 * 24 * 3_600_000;

/** A workflow duration as Temporal reads it (`ms` syntax: 90m, 24h, 7d, 1500): positive, at most 365 days. */
function duration(env: Env, name: string, fallback: string): string {
  const raw = text(env, name) ?? fallback;
  let value: number;
  try {
    value = durationMs(raw);
  } catch {
    value = Number.NaN;
  }
  if (!Number.isFinite(value) || value <= 0 || value > MAX_DURATION_MS) {
    throw new Error(`${name} must be a positive duration of at most 365 days such as 72h or 7d, got "${raw}"`);
  }
  return raw;
}

/**
 * Settings that are only safe on a developer's machine: the demo bearer tokens and the dev
 * signing secret. The one place that decides where they are refused:
 *
 * - a webhook URL is configured: WEBHOOK_SIGNING_SECRET must be set too (receivers would
 *   otherwise verify signatures made with a secret published in this repository);
 * - a standalone API (`npm run api`, against a real DATABASE_URL): API_TOKENS must be set;
 * - a standalone API or worker: PAYLOAD_ENCRYPTION_KEYS must be set (every process that talks to
 *   Temporal must share the keys; a key generated per process would make others' payloads
 *   unreadable, and no key at all would put patient data into Temporal's history in plain text).
 *
 * `npm start` with the embedded database keeps the demo tokens (the API logs a warning).
 * Returns the problems, each naming the variable to set; empty when the configuration is safe.
 */
export function unsafeSettings(env: Env, mode: 'embedded' | 'standalone-api' | 'standalone-worker'): string[] {
  const problems: string[] = [];
  const webhooks = ['PHYSICIAN_WEBHOOK_URL', 'SUPERVISOR_WEBHOOK_URL'].filter((name) => text(env, name) !== undefined);
  if (webhooks.length > 0 && text(env, 'WEBHOOK_SIGNING_SECRET') === undefined) {
    problems.push(`WEBHOOK_SIGNING_SECRET must be set when ${webhooks.join(' or ')} is configured`);
  }
  if (mode === 'standalone-api' && text(env, 'API_TOKENS') === undefined) {
    problems.push('API_TOKENS must be set for a standalone API (the demo tokens are only for npm start with the embedded database)');
  }
  if (mode !== 'embedded' && text(env, 'PAYLOAD_ENCRYPTION_KEYS') === undefined) {
    const name = mode === 'standalone-api' ? 'API' : 'worker';
    problems.push(`PAYLOAD_ENCRYPTION_KEYS must be set for a standalone ${name}: the same keys as every other worker and API (npm start generates one into DATA_DIR/payload-keys)`);
  }
  return problems;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = text(env, name)?.toLowerCase() ?? fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

function observability(env: Env): ObservabilityConfig {
  const tracingExporter = oneOf(env, 'TRACING_EXPORTER', TRACING_EXPORTERS, 'none');
  const otlpTracesEndpoint = text(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  if (tracingExporter === 'otlp' && otlpTracesEndpoint === undefined) throw new Error('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be set when TRACING_EXPORTER is otlp');
  return {
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    workerMetricsAddress: text(env, 'WORKER_METRICS_ADDRESS'),
    metricsToken: text(env, 'METRICS_TOKEN'),
    tracingExporter,
    otlpTracesEndpoint,
  };
}

export function loadConfig(env: Env = process.env): AppConfig {
  // Webhooks signed with the published dev secret are refused in every mode, npm start included.
  const unsafe = unsafeSettings(env, 'embedded');
  if (unsafe.length > 0) throw new Error(unsafe.join('\n'));
  const apiHost = text(env, 'API_HOST') ?? '127.0.0.1';
  const apiPort = int(env, 'API_PORT', 3000);
  const payloadEncryptionKeys = text(env, 'PAYLOAD_ENCRYPTION_KEYS');
  // Checked here so a malformed key list stops every process at start (the message names no key).
  if (payloadEncryptionKeys !== undefined) parsePayloadKeys(payloadEncryptionKeys);
  const temporalUiPort = int(env, 'TEMPORAL_UI_PORT', 8233);
  return {
    dataDir: resolve(text(env, 'DATA_DIR') ?? '.data'),
    databaseUrl: text(env, 'DATABASE_URL'),
    embeddedPostgresPort: int(env, 'EMBEDDED_POSTGRES_PORT', 5433),
    database: {
      poolSize: positiveInt(env, 'DATABASE_POOL_SIZE', DEFAULT_DATABASE_SETTINGS.poolSize),
      connectTimeoutMs: positiveInt(env, 'DATABASE_CONNECT_TIMEOUT_MS', DEFAULT_DATABASE_SETTINGS.connectTimeoutMs),
      queryTimeoutMs: positiveInt(env, 'DATABASE_QUERY_TIMEOUT_MS', DEFAULT_DATABASE_SETTINGS.queryTimeoutMs),
      transactionMaxWaitMs: positiveInt(env, 'DATABASE_TRANSACTION_MAX_WAIT_MS', DEFAULT_DATABASE_SETTINGS.transactionMaxWaitMs),
      transactionTimeoutMs: positiveInt(env, 'DATABASE_TRANSACTION_TIMEOUT_MS', DEFAULT_DATABASE_SETTINGS.transactionTimeoutMs),
    },
    reconcileIntervalMs: positiveInt(env, 'WORKFLOW_RECONCILE_INTERVAL_MS', 30_000),
    apiLimits: {
      intakeConcurrency: positiveInt(env, 'API_INTAKE_CONCURRENCY', DEFAULT_API_LIMITS.intakeConcurrency),
      intakeQueue: int(env, 'API_INTAKE_QUEUE', DEFAULT_API_LIMITS.intakeQueue),
      intakeMaxWaitMs: int(env, 'API_INTAKE_MAX_WAIT_MS', DEFAULT_API_LIMITS.intakeMaxWaitMs),
      rateLimitPerMinute: positiveInt(env, 'API_RATE_LIMIT_PER_MINUTE', DEFAULT_API_LIMITS.rateLimitPerMinute),
      workflowStartTimeoutMs: positiveInt(env, 'TEMPORAL_START_TIMEOUT_MS', DEFAULT_API_LIMITS.workflowStartTimeoutMs),
    },
    taskQueue: text(env, 'TASK_QUEUE') ?? 'encounters',
    temporalDevServerPort: int(env, 'TEMPORAL_DEV_SERVER_PORT', 7233),
    temporalUiPort,
    api: { host: apiHost, port: apiPort, publicUrl: text(env, 'API_PUBLIC_URL') ?? `http://${apiHost}:${apiPort}` },
    insurerUrl: text(env, 'INSURER_URL'),
    insurerPort: int(env, 'INSURER_PORT', 4010),
    clearinghouseUrl: text(env, 'CLEARINGHOUSE_URL'),
    clearinghousePort: int(env, 'CLEARINGHOUSE_PORT', 4020),
    externalTimeoutMs: int(env, 'EXTERNAL_TIMEOUT_MS', 10_000),
    physicianWebhookUrl: text(env, 'PHYSICIAN_WEBHOOK_URL'),
    supervisorWebhookUrl: text(env, 'SUPERVISOR_WEBHOOK_URL'),
    webhookSigningSecret: text(env, 'WEBHOOK_SIGNING_SECRET') ?? DEV_WEBHOOK_SIGNING_SECRET,
    apiTokens: text(env, 'API_TOKENS'),
    payloadEncryptionKeys,
    temporalUiOrigins: (text(env, 'TEMPORAL_UI_ORIGIN') ?? `http://127.0.0.1:${temporalUiPort},http://localhost:${temporalUiPort}`)
      .split(',')
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter((origin) => origin !== ''),
    timings: {
      clarificationDeadline: duration(env, 'CLARIFICATION_DEADLINE', DEFAULT_TIMINGS.clarificationDeadline),
      clarificationReminderInterval: duration(env, 'CLARIFICATION_REMINDER_INTERVAL', DEFAULT_TIMINGS.clarificationReminderInterval),
      authorizationPollInterval: duration(env, 'AUTHORIZATION_POLL_INTERVAL', DEFAULT_TIMINGS.authorizationPollInterval),
      authorizationDeadlineStandard: duration(env, 'AUTHORIZATION_DEADLINE_STANDARD', DEFAULT_TIMINGS.authorizationDeadlineStandard),
      authorizationDeadlineExpedited: duration(env, 'AUTHORIZATION_DEADLINE_EXPEDITED', DEFAULT_TIMINGS.authorizationDeadlineExpedited),
    },
    statementDueDays: int(env, 'STATEMENT_DUE_DAYS', 30),
    procedureCatalogPath: text(env, 'PROCEDURE_CATALOG'),
    payerDirectoryPath: text(env, 'PAYER_DIRECTORY'),
    feeSchedulePath: text(env, 'FEE_SCHEDULE'),
    insurerScenarioPath: text(env, 'INSURER_SCENARIO'),
    clearinghouseScenarioPath: text(env, 'CLEARINGHOUSE_SCENARIO'),
    x12SenderId: text(env, 'X12_SENDER_ID') ?? 'ENCOUNTERFLOW',
    x12ReceiverId: text(env, 'X12_RECEIVER_ID') ?? 'CLEARINGHOUSE',
    observability: observability(env),
  };
}
