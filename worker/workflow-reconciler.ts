/**
 * The reconciler: finds encounters that are stored but whose workflow was never started (intake
 * committed the row, then Temporal was unreachable or the API died before the start) and starts
 * them, with the same id, input and policies as intake (platform/encounter-workflow-start.ts),
 * so a start that raced intake is a no-op.
 *
 * It runs in every worker process, once at start and then on a plain interval, rather than as a
 * Temporal Schedule: a Schedule is a workflow that needs Temporal up to run, which is exactly
 * when there is nothing to heal, and it would need its own registration on every cluster; the
 * interval runs wherever a worker runs, needs no server state, and several workers running it
 * at once only repeat idempotent starts. A pass that finds Temporal (or the database) down
 * logs it and the next pass tries again.
 *
 * Candidates are encounters still in the stage `received` (the workflow's first step moves it on)
 * and older than a grace period, so intakes in progress are left to finish their own start.
 * Each candidate is described first: an execution that exists (running or closed) is left alone.
 *
 * The same pass starts the workflow of patient questions stored while Temporal was down and never
 * acknowledged (billing/patient-question-start.ts), when `patientQuestions` is given, and sends
 * statement notices recorded but never sent (billing/unsent-statement-notices.ts: cycles that ran
 * before the patch `statement-notices-sent`), when `statementNotices` is given.
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { NotificationSettings } from '../activities/deps.ts';
import { startMissingQuestionWorkflows } from '../billing/patient-question-start.ts';
import { sendUnsentStatementNotices } from '../billing/unsent-statement-notices.ts';
import { startEncounterWorkflow } from '../platform/encounter-workflow-start.ts';
import { createLogger } from '../platform/logger.ts';
import type { EncounterTimings } from '../workflows/config.ts';
import { repeatPass, type RunningPasses } from '../platform/periodic-pass.ts';

const log = createLogger('reconciler');

export interface ReconcilerOptions {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  timings: EncounterTimings;
  /** Encounters younger than this are still their intake's business (default 15 s). */
  graceMs?: number;
  /** Most encounters looked at per pass (default 200); the next pass takes the rest. */
  batchSize?: number;
  /** Bound of each Temporal call (default 5 s). */
  rpcTimeoutMs?: number;
  /** Also start the workflow of stored patient questions that have none (their reminder interval). */
  patientQuestions?: { reminderInterval: string };
  /** Also send statement notices recorded but never sent, older than `graceMs` (default 5 min). */
  statementNotices?: { notifications: NotificationSettings; graceMs?: number };
}

export interface ReconcileResult {
  /** Stored encounters in `received` past the grace period. */
  candidates: number;
  /** Of those, the ones that had no workflow and were started now. */
  started: number;
  /** Patient questions never acknowledged past the grace period, whose workflow was started (or found running). */
  questions: number;
  /** Statement notices recorded but never sent that the clinic's messaging accepted now. */
  notices: number;
}

async function workflowExists(temporal: Client, workflowId: string, rpcTimeoutMs: number): Promise<boolean> {
  try {
    await temporal.withDeadline(Date.now() + rpcTimeoutMs, () => temporal.workflow.getHandle(workflowId).describe());
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

/** One pass: starts the workflow of every stored encounter that has none. Throws when Temporal or the database is down. */
export async function reconcileUnstartedWorkflows(options: ReconcilerOptions): Promise<ReconcileResult> {
  const rpcTimeoutMs = options.rpcTimeoutMs ?? 5_000;
  const candidates = await options.prisma.encounter.findMany({
    where: { stage: 'received', createdAt: { lt: new Date(Date.now() - (options.graceMs ?? 15_000)) } },
    orderBy: { createdAt: 'asc' },
    take: options.batchSize ?? 200,
    select: { id: true, payerId: true, dateOfService: true, workflowId: true, scheduled: true, provider: { select: { npi: true } } },
  });
  let started = 0;
  for (const encounter of candidates) {
    if (await workflowExists(options.temporal, encounter.workflowId, rpcTimeoutMs)) continue;
    await startEncounterWorkflow(
      options.temporal,
      { taskQueue: options.taskQueue, timings: options.timings, timeoutMs: rpcTimeoutMs },
      encounter,
      encounter.provider.npi,
    );
    started += 1;
    log.info('started the workflow of a stored encounter that had none', { workflowId: encounter.workflowId });
  }
  const questions =
    options.patientQuestions === undefined
      ? 0
      : await startMissingQuestionWorkflows(options.prisma, options.temporal, {
          taskQueue: options.taskQueue,
          reminderInterval: options.patientQuestions.reminderInterval,
          timeoutMs: rpcTimeoutMs,
          ...(options.graceMs !== undefined ? { graceMs: options.graceMs } : {}),
        });
  const notices =
    options.statementNotices === undefined
      ? 0
      : (
          await sendUnsentStatementNotices(options.prisma, options.statementNotices.notifications, {
            ...(options.statementNotices.graceMs !== undefined ? { graceMs: options.statementNotices.graceMs } : {}),
          })
        ).delivered;
  return { candidates: candidates.length, started, questions, notices };
}

export type RunningReconciler = RunningPasses;

/** Runs a pass now and then every `intervalMs`, never two at once. */
export function startReconciler(options: ReconcilerOptions & { intervalMs: number }): RunningReconciler {
  return repeatPass(
    options.intervalMs,
    async () => {
      const result = await reconcileUnstartedWorkflows(options);
      if (result.started > 0 || result.questions > 0 || result.notices > 0) log.info('reconcile pass', { ...result });
    },
    (error) => {
      // Temporal or the database is down: the next pass tries again.
      log.warn('reconcile pass failed', { error: error instanceof Error ? error.name : typeof error });
    },
  );
}
