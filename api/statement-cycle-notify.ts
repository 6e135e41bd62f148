/**
 * Tells a statement's cycle that something it depends on changed (a payment, a question opened
 * or answered, a payment plan), through the API's signing client: the cycle re-reads the balance
 * and its holds at once instead of at its next notice. Best effort by design: a cycle that does
 * not exist (yet, or any more) has nothing to learn, and a lost signal only delays what the
 * cycle finds anyway before each notice and on its periodic re-check while paused.
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import { createLogger } from '../platform/logger.ts';
import { dunningChangedSignal } from '../workflows/statement-cycle-messages.ts';
import { statementCycleWorkflowId } from '../workflows/statement-cycle-config.ts';
import type { ApiDeps } from './deps.ts';

const log = createLogger('statement-cycle');

export async function notifyStatementCycle(
  deps: Pick<ApiDeps, 'temporal'>,
  statementId: string,
  reason: 'payment' | 'question' | 'payment_plan' | 'refund' | 'claim_correction',
): Promise<void> {
  try {
    await deps.temporal.workflow.getHandle(statementCycleWorkflowId(statementId)).signal(dunningChangedSignal, { reason });
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return;
    log.warn('could not tell the statement cycle', { reason, error: error instanceof Error ? error.name : typeof error });
  }
}
