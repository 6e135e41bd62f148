/**
 * Tells a statement's cycle (workflows/statement-cycle.ts) that something it depends on changed —
 * a payment, a question opened or answered, a payment plan, a claim correction started or ended —
 * so that it re-reads the balance and its holds now instead of at its next notice or periodic
 * re-check. Used by the API after its writes (api/statement-cycle-notify.ts, through its signing
 * client) and by the worker's activities after theirs (the claim correction's end), which sign
 * the message themselves: the cycle acts only on messages that carry the proof
 * (platform/message-proof.ts). A cycle that does not exist (yet, or any more) has nothing to learn.
 */
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError, type WorkflowClient } from '@temporalio/client';
import { argsWithProof, type MessageProofKeys } from '../platform/message-proof.ts';
import { dunningChangedSignal } from '../workflows/statement-cycle-messages.ts';
import { statementCycleWorkflowId } from '../workflows/statement-cycle-config.ts';

export type DunningChange = 'payment' | 'question' | 'payment_plan' | 'refund' | 'claim_correction';

/** Signals the cycle; false when it has no running cycle. `keys` sign it when the client does not. */
export async function wakeStatementCycle(
  workflows: WorkflowClient,
  statementId: string,
  reason: DunningChange,
  keys?: MessageProofKeys,
): Promise<boolean> {
  const workflowId = statementCycleWorkflowId(statementId);
  const args = keys === undefined ? [{ reason }] : argsWithProof(keys, { workflowId, name: dunningChangedSignal.name, args: [{ reason }] });
  try {
    await workflows.getHandle(workflowId).signal(dunningChangedSignal.name, ...args);
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

/**
 * From inside an activity that ended a hold: the worker's client does not sign, so the activity
 * signs with the worker's proof keys. Without keys (messages cannot be proved) nothing is sent:
 * the cycle finds the change at its next re-check. An outage of Temporal fails the activity,
 * which is retried (its writes are idempotent).
 */
export async function wakeStatementCycleFromActivity(
  keys: MessageProofKeys | undefined,
  statementId: string,
  reason: DunningChange,
): Promise<void> {
  if (keys === undefined) return;
  await wakeStatementCycle(Context.current().client.workflow, statementId, reason, keys);
}
