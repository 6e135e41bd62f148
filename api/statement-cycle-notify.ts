/**
 * Tells a statement's cycle that something it depends on changed (a payment, a question opened
 * or answered, a payment plan), through the API's signing client: the cycle re-reads the balance
 * and its holds at once instead of at its next notice. Best effort by design: a cycle that does
 * not exist (yet, or any more) has nothing to learn, and a lost signal only delays what the
 * cycle finds anyway before each notice and on its periodic re-check while paused.
 */
import { createLogger } from '../platform/logger.ts';
import { wakeStatementCycle, type DunningChange } from '../payments/statement-cycle-wake.ts';
import type { ApiDeps } from './deps.ts';

const log = createLogger('statement-cycle');

export async function notifyStatementCycle(deps: Pick<ApiDeps, 'temporal'>, statementId: string, reason: DunningChange): Promise<void> {
  try {
    await wakeStatementCycle(deps.temporal.workflow, statementId, reason);
  } catch (error) {
    log.warn('could not tell the statement cycle', { reason, error: error instanceof Error ? error.name : typeof error });
  }
}
