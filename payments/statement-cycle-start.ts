/**
 * Starting a statement's cycle (workflows/statement-cycle.ts): one definition of its id, input and
 * policies, used where the statement is issued (activities/statements.ts) and by the worker's
 * sweep for statements that have no cycle yet (issued by another path, or while Temporal was
 * down), so a start by one after the other is a no-op; and its renewal when a claim correction
 * raised the balance after the cycle had ended paid. The id holds the opaque statement id only.
 */
import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { startWorkflowOnce } from '../platform/start-workflow-once.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { statementBalance } from './balance.ts';
import { statementCycleWorkflowId, type StatementCycleInput, type StatementCycleSchedule } from '../workflows/statement-cycle-config.ts';
import type { statementCycleWorkflow } from '../workflows/statement-cycle.ts';

export interface CycleStartOptions {
  taskQueue: string;
  schedule: StatementCycleSchedule;
  /**
   * Eager start: the server hands the cycle's first workflow task back in its answer, to the worker
   * that asked (no matching, no poll). Only through a worker's own connection (an activity's client).
   */
  eager?: boolean;
}

export async function startStatementCycle(temporal: Client, options: CycleStartOptions, statementId: string): Promise<void> {
  const input: StatementCycleInput = { statementId, schedule: options.schedule };
  await startWorkflowOnce<typeof statementCycleWorkflow>(temporal.workflow, 'statementCycleWorkflow', {
    workflowId: statementCycleWorkflowId(statementId),
    taskQueue: options.taskQueue,
    args: [input],
    ...(options.eager ? { requestEagerStart: true } : {}),
  });
}

/**
 * From inside the activity that issued the statement: its cycle starts with it, on the worker's own
 * task queue and eagerly (this worker runs its first task at once); a retry finds it started.
 * Without a schedule (cycles not configured) nothing starts.
 */
export async function startStatementCycleFromActivity(schedule: StatementCycleSchedule | undefined, statementId: string): Promise<void> {
  if (schedule === undefined) return;
  const { client, info } = Context.current();
  await startStatementCycle(client, { taskQueue: info.taskQueue, schedule, eager: true }, statementId);
}

export type CycleRenewal = 'renewed' | 'not_ended_paid' | 'nothing_owed';

/**
 * After a statement's balance was raised (a claim correction's reissue): a cycle that had ended
 * `paid` is started again (a new run of the same workflow id, allowed because the last one closed),
 * its notices numbered after the earlier ones, so the patient is sent the new statement and
 * reminded of it. A cycle still running was woken by the reissue and goes on from the new balance
 * itself; one that ended otherwise (a supervisor's decision) is left to people. A repeat finds the
 * new run (running: joined) or the cycle's row no longer `paid`.
 */
export async function renewPaidStatementCycle(
  prisma: PrismaClient,
  temporal: Client,
  options: CycleStartOptions,
  statementId: string,
): Promise<CycleRenewal> {
  const cycle = await prisma.statementCycle.findUnique({ where: { statementId }, select: { status: true } });
  if (cycle?.status !== 'paid') return 'not_ended_paid';
  const balance = await statementBalance(prisma, statementId);
  if (balance === undefined || balance.balanceCents <= 0) return 'nothing_owed';
  const last = await prisma.statementNotice.groupBy({ by: ['kind'], where: { statementId }, _max: { seq: true } });
  const lastOf = (kind: string, none: number) => last.find((row) => row.kind === kind)?._max.seq ?? none;
  const input: StatementCycleInput = {
    statementId,
    schedule: options.schedule,
    renewal: { lastSeq: { statement: lastOf('statement', -1), reminder: lastOf('reminder', 0), final_notice: lastOf('final_notice', 0) } },
  };
  await temporal.workflow.start<typeof statementCycleWorkflow>('statementCycleWorkflow', {
    workflowId: statementCycleWorkflowId(statementId),
    taskQueue: options.taskQueue,
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    ...(options.eager ? { requestEagerStart: true } : {}),
  });
  return 'renewed';
}

/** renewPaidStatementCycle from inside an activity: on the worker's task queue, eagerly. Without a schedule (cycles not configured) nothing starts. */
export async function renewPaidStatementCycleFromActivity(
  prisma: PrismaClient,
  schedule: StatementCycleSchedule | undefined,
  statementId: string,
): Promise<CycleRenewal | 'no_cycles'> {
  if (schedule === undefined) return 'no_cycles';
  const { client, info } = Context.current();
  return renewPaidStatementCycle(prisma, client, { taskQueue: info.taskQueue, schedule, eager: true }, statementId);
}

/** Starts the cycle of every statement issued more than `graceMs` ago that has none; returns how many. */
export async function startMissingStatementCycles(
  prisma: PrismaClient,
  temporal: Client,
  options: CycleStartOptions & { graceMs?: number; batchSize?: number },
): Promise<number> {
  const statements = await prisma.patientStatement.findMany({
    where: { cycle: null, issuedAt: { lt: new Date(Date.now() - (options.graceMs ?? 15_000)) } },
    orderBy: { issuedAt: 'asc' },
    take: options.batchSize ?? 100,
    select: { id: true },
  });
  for (const statement of statements) await startStatementCycle(temporal, options, statement.id);
  return statements.length;
}
