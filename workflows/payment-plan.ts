/**
 * A payment plan: the statement's balance in installments, one workflow per plan
 * (`payment-plan-<planId>`). Before each due date a reminder (a durable timer); after the due
 * date and a grace period the plan's progress is read: paid → the installment is marked paid,
 * not paid → it is marked missed, which puts it on the billers' worklist (a person calls the
 * patient; nothing automatic happens to the patient). A balance paid off early completes the plan.
 * While the plan is active the statement cycle is paused (payments/dunning-holds.ts). Reminders
 * are sent to the patient through the clinic's messaging (STATEMENT_NOTICES_SENT).
 */
import { patched, sleep } from '@temporalio/workflow';
import { durationMs } from '../domain/durations.ts';
import { internal, messaging } from './activities.ts';
import { STATEMENT_NOTICES_SENT } from './patches.ts';
import type { PaymentPlanInput } from './statement-cycle-config.ts';

function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

async function sleepUntil(at: number): Promise<void> {
  const wait = at - Date.now();
  if (wait > 0) await sleep(wait);
}

export async function paymentPlanWorkflow(input: PaymentPlanInput): Promise<'completed' | 'defaulted'> {
  const { planId, statementId, timings } = input;
  let missed = 0;
  for (const installment of input.installments) {
    const due = dayStart(installment.dueDate);
    await sleepUntil(due - durationMs(timings.reminderBefore));
    let progress = await internal.paymentPlanProgress({ planId, throughNumber: installment.number });
    if (progress.balanceCents <= 0) break;
    if (progress.paidCents < progress.requiredCents) {
      await internal.recordStatementNotice({
        statementId,
        kind: 'installment_reminder',
        seq: installment.number,
        balanceCents: progress.balanceCents,
      });
      if (patched(STATEMENT_NOTICES_SENT)) {
        await messaging.sendStatementNotice({ statementId, kind: 'installment_reminder', seq: installment.number });
      }
    }
    await sleepUntil(due + durationMs(timings.grace));
    progress = await internal.paymentPlanProgress({ planId, throughNumber: installment.number });
    if (progress.balanceCents <= 0) {
      await internal.markInstallment({ planId, number: installment.number, status: 'paid' });
      break;
    }
    const met = progress.paidCents >= progress.requiredCents;
    if (!met) missed++;
    await internal.markInstallment({ planId, number: installment.number, status: met ? 'paid' : 'missed' });
  }
  const outcome = missed === 0 ? 'completed' : 'defaulted';
  await internal.finishPaymentPlan({ planId, status: outcome });
  return outcome;
}
