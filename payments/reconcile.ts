/**
 * The reconcile step of card payments: a payment left `pending` (the provider's answer never came)
 * is settled from what the provider says about its key — confirmed, failed, or, when the provider
 * has no charge under that key after the grace period, failed as never charged. It runs in every
 * worker on an interval (like worker/workflow-reconciler.ts: no server state, concurrent passes
 * only repeat idempotent updates); a retry of the same payment request settles it as well.
 */
import type { Client } from '@temporalio/client';
import { createLogger } from '../platform/logger.ts';
import { startMissingStatementCycles, type CycleStartOptions } from './statement-cycle-start.ts';
import { DEFAULT_PENDING_GRACE_MS, settleFromProvider, type PaymentContext } from './record-payment.ts';
import { repeatPass, type RunningPasses } from '../platform/periodic-pass.ts';

const log = createLogger('payment-reconciler');

export interface ReconcilePaymentsResult {
  pending: number;
  confirmed: number;
  failed: number;
}

/** One pass over the pending payments older than `olderThanMs` (default: none younger than 5 s). */
export async function reconcilePendingPayments(
  ctx: PaymentContext,
  options: { olderThanMs?: number; batchSize?: number } = {},
): Promise<ReconcilePaymentsResult> {
  const pending = await ctx.prisma.payment.findMany({
    where: { status: 'pending', createdAt: { lt: new Date(Date.now() - (options.olderThanMs ?? 5_000)) } },
    orderBy: { createdAt: 'asc' },
    take: options.batchSize ?? 100,
  });
  const result: ReconcilePaymentsResult = { pending: pending.length, confirmed: 0, failed: 0 };
  for (const payment of pending) {
    const settled = await settleFromProvider(ctx, payment);
    if (settled.status === 'confirmed') result.confirmed++;
    if (settled.status === 'failed') result.failed++;
  }
  return result;
}

export type RunningPaymentReconciler = RunningPasses;

/**
 * Every `intervalMs`: settles pending card payments, and (with `cycles`) starts the cycle of
 * statements that have none (see statement-cycle-start.ts).
 */
export function startPaymentReconciler(
  ctx: PaymentContext,
  intervalMs: number,
  cycles?: { temporal: Client } & CycleStartOptions,
): RunningPaymentReconciler {
  return repeatPass(
    intervalMs,
    async () => {
      const result = await reconcilePendingPayments(ctx, { olderThanMs: Math.min(ctx.pendingGraceMs ?? DEFAULT_PENDING_GRACE_MS, 5_000) });
      if (result.confirmed + result.failed > 0) log.info('reconciled pending payments', { ...result });
      if (cycles === undefined) return;
      const started = await startMissingStatementCycles(ctx.prisma, cycles.temporal, cycles);
      if (started > 0) log.info('started statement cycles that were missing', { started });
    },
    (error) => {
      // The provider, Temporal or the database is down: the next pass tries again.
      log.warn('payment reconcile pass failed', { error: error instanceof Error ? error.name : typeof error });
    },
  );
}
