/**
 * Starting a statement's cycle (workflows/statement-cycle.ts): one definition of its id, input and
 * policies, used where the statement is issued (activities/statements.ts) and by the worker's
 * sweep for statements that have no cycle yet (issued by another path, or while Temporal was
 * down), so a start by one after the other is a no-op. The id holds the opaque statement id only.
 */
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { statementCycleWorkflowId, type StatementCycleInput, type StatementCycleSchedule } from '../workflows/statement-cycle-config.ts';
import type { statementCycleWorkflow } from '../workflows/statement-cycle.ts';

export interface CycleStartOptions {
  taskQueue: string;
  schedule: StatementCycleSchedule;
}

export async function startStatementCycle(temporal: Client, options: CycleStartOptions, statementId: string): Promise<void> {
  const input: StatementCycleInput = { statementId, schedule: options.schedule };
  try {
    await temporal.workflow.start<typeof statementCycleWorkflow>('statementCycleWorkflow', {
      workflowId: statementCycleWorkflowId(statementId),
      taskQueue: options.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    // The cycle ran and closed already: it is not started twice.
    if (error instanceof WorkflowExecutionAlreadyStartedError) return;
    throw error;
  }
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
