/**
 * Runs a statement cycle or a payment plan on the time-skipping server with the in-memory ledger
 * (testkit/fake-statement-cycle.ts), letting `drive` act while it runs (skip time, change the
 * ledger, send signals), and returns its result. Shared by the workflow tests and the history
 * recorder.
 */
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { durationMs } from '../domain/durations.ts';
import { createFakeActivities } from './fake-activities.ts';
import { withFakeWorker, type DriveContext } from './drive.ts';
import { type FakeStatementLedger } from './fake-statement-cycle.ts';
import {
  DEFAULT_PAYMENT_PLAN_TIMINGS,
  DEFAULT_STATEMENT_CYCLE,
  paymentPlanWorkflowId,
  statementCycleWorkflowId,
  type PaymentPlanInput,
  type StatementCycleRenewal,
  type StatementCycleSchedule,
} from '../workflows/statement-cycle-config.ts';
import type { statementCycleWorkflow } from '../workflows/statement-cycle.ts';
import type { paymentPlanWorkflow } from '../workflows/payment-plan.ts';

export type CycleHandle = WorkflowHandle<typeof statementCycleWorkflow>;
export type PlanHandle = WorkflowHandle<typeof paymentPlanWorkflow>;

function withWorker<T>(ctx: DriveContext, ledger: FakeStatementLedger, run: (taskQueue: string) => Promise<T>): Promise<T> {
  return withFakeWorker(ctx, 'statements', createFakeActivities({ coding: [], ledger }).activities, run);
}

export async function runStatementCycle(
  ctx: DriveContext,
  ledger: FakeStatementLedger,
  drive: (handle: CycleHandle) => Promise<void> = async () => {},
  schedule: StatementCycleSchedule = DEFAULT_STATEMENT_CYCLE,
  renewal?: StatementCycleRenewal,
) {
  const statementId = randomUUID();
  ledger.firstReminderAfterMs = durationMs(schedule.reminderOffsets[0] ?? schedule.finalNoticeAfter);
  return withWorker(ctx, ledger, async (taskQueue) => {
    const handle: CycleHandle = await ctx.env.client.workflow.start<typeof statementCycleWorkflow>('statementCycleWorkflow', {
      taskQueue,
      workflowId: statementCycleWorkflowId(statementId),
      args: [{ statementId, schedule, ...(renewal !== undefined ? { renewal } : {}) }],
    });
    await drive(handle);
    return { result: await handle.result(), handle };
  });
}

export async function runPaymentPlan(
  ctx: DriveContext,
  ledger: FakeStatementLedger,
  installments: PaymentPlanInput['installments'],
  drive: (handle: PlanHandle) => Promise<void> = async () => {},
) {
  const planId = randomUUID();
  ledger.planInstallments = installments.map(({ number, amountCents }) => ({ number, amountCents }));
  return withWorker(ctx, ledger, async (taskQueue) => {
    const handle: PlanHandle = await ctx.env.client.workflow.start<typeof paymentPlanWorkflow>('paymentPlanWorkflow', {
      taskQueue,
      workflowId: paymentPlanWorkflowId(planId),
      args: [{ planId, statementId: randomUUID(), installments, timings: DEFAULT_PAYMENT_PLAN_TIMINGS }],
    });
    await drive(handle);
    return { result: await handle.result(), handle };
  });
}

/** Days between the statement and each notice of the ledger, on the workflow clock. */
export function noticeDays(ledger: FakeStatementLedger): Array<{ kind: string; seq: number; day: number }> {
  const start = ledger.notices[0]?.at ?? 0;
  return ledger.notices.map((n) => ({ kind: n.kind, seq: n.seq, day: Math.round((n.at - start) / 86_400_000) }));
}
