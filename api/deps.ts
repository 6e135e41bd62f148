/** What the HTTP API needs from the rest of the process (wired in api/main.ts and in tests). */
import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { FeeSchedule } from '../billing/fee-schedule.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { EncounterTimings } from '../workflows/config.ts';
import {
  DEFAULT_MAX_PENDING_WORKFLOW_STARTS,
  DEFAULT_WORKFLOW_START_CONCURRENCY,
  type EncounterWorkflowStarts,
} from '../platform/encounter-workflow-starts.ts';
import type { TokenDirectory } from './auth.ts';
import type { ReadWorkflowBacklog } from './intake-backpressure.ts';
import type { PaymentProviderClient } from '../integrations/payment-provider-client.ts';
import type { PaymentPlanTimings } from '../workflows/statement-cycle-config.ts';

export interface ApiPayments {
  /** The payment provider, charged server to server. */
  provider: PaymentProviderClient;
  /** Where the patient's browser tokenizes card data (the provider's own endpoint). */
  publicUrl: string;
  /** See payments/record-payment.ts. */
  pendingGraceMs: number;
  /** Reminder and grace of each new payment plan's installments. */
  planTimings: PaymentPlanTimings;
}

export interface ApiDeps {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  /** Passed into each new workflow's input. */
  timings: EncounterTimings;
  tokens: TokenDirectory;
  /** Prices of the patient estimates (FEE_SCHEDULE); the shipped data/fee-schedule.csv when absent. */
  feeSchedule?: FeeSchedule;
  /** The codec of `temporal`'s data converter, also served to the Temporal Web UI and CLI at /codec. */
  payloadCodec: PayloadCodec;
  /** Origins of the Temporal Web UI allowed to call /codec from a browser (CORS); none by default. */
  temporalUiOrigins?: readonly string[];
  /** e.g. `{ temporal: true, database: true }`; /readyz is 200 only when all are true. */
  readiness: () => Promise<Record<string, boolean>>;
  /** How long an answer or decision may wait for the workflow to take and finish it (default 20000 ms). */
  updateTimeoutMs?: number;
  /**
   * How long, once the workflow accepted an update, the request waits for its result before it
   * answers 202 with a status link (default: what is left of updateTimeoutMs). Tests set 0.
   */
  updateResultWaitMs?: number;
  /** Card payments through the provider; absent: payment routes answer 503. */
  payments?: ApiPayments;
  /** The workers' backlog intake is held against (tests); default: the task queue's, read from Temporal. */
  workflowBacklog?: ReadWorkflowBacklog;
  /** Admission and rate limits (api/admission.ts); defaults when absent. */
  limits?: Partial<ApiLimits>;
  /** The patient page: links, sessions, question deadlines (defaults when absent). */
  patientPortal?: Partial<PatientPortalSettings>;
  /**
   * Tests: told of every response that its route does not declare (status, or a JSON body that
   * differs from the declared schema). Unset in production: nothing is checked.
   */
  onUndeclaredResponse?: (message: string) => void;
  /** Bearer token of GET /metrics; unset: loopback clients only (api/metrics.ts). */
  metricsToken?: string;
  /**
   * The workflow starts intake hands off (platform/encounter-workflow-starts.ts); absent: one per
   * deps object, made at first use from `temporal`, `taskQueue`, `timings` and `limits`.
   */
  workflowStarts?: EncounterWorkflowStarts;
}

export interface ApiLimits {
  /** Intake requests worked on at once; more wait briefly, then get 503 + Retry-After. */
  intakeConcurrency: number;
  /** Intake requests that may wait for a slot. */
  intakeQueue: number;
  /** How long a waiting intake request may wait for a slot. */
  intakeMaxWaitMs: number;
  /**
   * Intake answers 503 while the oldest workflow task waiting for a worker is older than this
   * (api/intake-backpressure.ts); 0 turns it off.
   */
  intakeMaxBacklogAgeMs: number;
  /** Requests per bearer token per minute before 429 + Retry-After. */
  rateLimitPerMinute: number;
  /** How long starting a workflow may take (intake answers 503 when it waited for one that did not answer). */
  workflowStartTimeoutMs: number;
  /** Workflow starts the API sends to Temporal at once after intake stored their encounters. */
  workflowStartConcurrency: number;
  /** Stored encounters waiting for their workflow start past which intake answers 503 + Retry-After. */
  maxPendingWorkflowStarts: number;
  /**
   * How long a read may wait for the workflow's status query before the stored status is shown
   * instead (GET /encounters/:id then says `statusSource: 'database'`).
   */
  statusQueryTimeoutMs: number;
  /** Repeated views of one record by one user within this window are one audit row (0: every view). */
  viewAuditWindowMs: number;
}

export const DEFAULT_API_LIMITS: ApiLimits = {
  intakeConcurrency: 8,
  intakeQueue: 32,
  intakeMaxWaitMs: 1_000,
  intakeMaxBacklogAgeMs: 15_000,
  rateLimitPerMinute: 1_200,
  workflowStartTimeoutMs: 5_000,
  workflowStartConcurrency: DEFAULT_WORKFLOW_START_CONCURRENCY,
  maxPendingWorkflowStarts: DEFAULT_MAX_PENDING_WORKFLOW_STARTS,
  statusQueryTimeoutMs: 3_000,
  viewAuditWindowMs: 10 * 60_000,
};

export interface PatientPortalSettings {
  /** How long an access link stays valid (ms syntax). */
  linkTtl: string;
  /** How long a verified patient stays signed in. */
  sessionTtl: string;
  /** Wrong answers after which a link locks. */
  maxAttempts: number;
  /** Patient API requests per client address per minute, and sign-in attempts per link per minute. */
  rateLimitPerMinute: number;
  /** Business days a biller has to answer a question. */
  answerBusinessDays: number;
  /** A fixed answer deadline instead of business days (demos, tests). */
  answerDeadline?: string;
  /** How often billers are reminded of an open question. */
  reminderInterval: string;
  /** Adjustments and write-offs above this need a supervisor's approval; refunds above it a supervisor. */
  writeOffApprovalAboveCents: number;
  /** Base of the links handed to patients (API_PUBLIC_URL); unset: the request's own origin. */
  publicUrl?: string;
}

export const DEFAULT_PATIENT_PORTAL: PatientPortalSettings = {
  linkTtl: '30d',
  sessionTtl: '15m',
  maxAttempts: 5,
  rateLimitPerMinute: 30,
  answerBusinessDays: 2,
  reminderInterval: '24h',
  writeOffApprovalAboveCents: 10_000,
};

export function patientPortalSettings(deps: Pick<ApiDeps, 'patientPortal'>): PatientPortalSettings {
  return { ...DEFAULT_PATIENT_PORTAL, ...deps.patientPortal };
}
