/**
 * All configuration comes from the environment; every variable has a default that runs the whole
 * stack on one machine with embedded services. The README's configuration table mirrors this file.
 */
import { resolve } from 'node:path';
import { DEFAULT_TIMINGS, type EncounterTimings } from '../workflows/config.ts';

export interface AppConfig {
  dataDir: string;
  /** Unset: an embedded PostgreSQL (PGlite) is started in dataDir. */
  databaseUrl?: string;
  embeddedPostgresPort: number;
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
  timings: EncounterTimings;
  statementDueDays: number;
  procedureCatalogPath?: string;
  payerRulesPath?: string;
  feeSchedulePath?: string;
  insurerScenarioPath?: string;
  clearinghouseScenarioPath?: string;
  x12SenderId: string;
  x12ReceiverId: string;
}

type Env = Record<string, string | undefined>;

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

export function loadConfig(env: Env = process.env): AppConfig {
  const apiHost = text(env, 'API_HOST') ?? '127.0.0.1';
  const apiPort = int(env, 'API_PORT', 3000);
  return {
    dataDir: resolve(text(env, 'DATA_DIR') ?? '.data'),
    databaseUrl: text(env, 'DATABASE_URL'),
    embeddedPostgresPort: int(env, 'EMBEDDED_POSTGRES_PORT', 5433),
    taskQueue: text(env, 'TASK_QUEUE') ?? 'encounters',
    temporalDevServerPort: int(env, 'TEMPORAL_DEV_SERVER_PORT', 7233),
    temporalUiPort: int(env, 'TEMPORAL_UI_PORT', 8233),
    api: { host: apiHost, port: apiPort, publicUrl: text(env, 'API_PUBLIC_URL') ?? `http://${apiHost}:${apiPort}` },
    insurerUrl: text(env, 'INSURER_URL'),
    insurerPort: int(env, 'INSURER_PORT', 4010),
    clearinghouseUrl: text(env, 'CLEARINGHOUSE_URL'),
    clearinghousePort: int(env, 'CLEARINGHOUSE_PORT', 4020),
    externalTimeoutMs: int(env, 'EXTERNAL_TIMEOUT_MS', 10_000),
    physicianWebhookUrl: text(env, 'PHYSICIAN_WEBHOOK_URL'),
    supervisorWebhookUrl: text(env, 'SUPERVISOR_WEBHOOK_URL'),
    webhookSigningSecret: text(env, 'WEBHOOK_SIGNING_SECRET') ?? 'dev-only-signing-secret',
    apiTokens: text(env, 'API_TOKENS'),
    timings: {
      clarificationDeadline: text(env, 'CLARIFICATION_DEADLINE') ?? DEFAULT_TIMINGS.clarificationDeadline,
      clarificationReminderInterval: text(env, 'CLARIFICATION_REMINDER_INTERVAL') ?? DEFAULT_TIMINGS.clarificationReminderInterval,
      authorizationPollInterval: text(env, 'AUTHORIZATION_POLL_INTERVAL') ?? DEFAULT_TIMINGS.authorizationPollInterval,
      authorizationDeadlineStandard: text(env, 'AUTHORIZATION_DEADLINE_STANDARD') ?? DEFAULT_TIMINGS.authorizationDeadlineStandard,
      authorizationDeadlineExpedited: text(env, 'AUTHORIZATION_DEADLINE_EXPEDITED') ?? DEFAULT_TIMINGS.authorizationDeadlineExpedited,
    },
    statementDueDays: int(env, 'STATEMENT_DUE_DAYS', 30),
    procedureCatalogPath: text(env, 'PROCEDURE_CATALOG'),
    payerRulesPath: text(env, 'PAYER_RULES'),
    feeSchedulePath: text(env, 'FEE_SCHEDULE'),
    insurerScenarioPath: text(env, 'INSURER_SCENARIO'),
    clearinghouseScenarioPath: text(env, 'CLEARINGHOUSE_SCENARIO'),
    x12SenderId: text(env, 'X12_SENDER_ID') ?? 'ENCOUNTERFLOW',
    x12ReceiverId: text(env, 'X12_RECEIVER_ID') ?? 'CLEARINGHOUSE',
  };
}
