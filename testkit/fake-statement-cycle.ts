/**
 * In-memory stand-ins for the statement-cycle and payment-plan activities: a ledger a test sets
 * (balance, holds, payments) and reads back (notices with the workflow clock's time, states,
 * decisions, installments).
 */
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { EXTERNAL_PARTY_UNAVAILABLE } from '../integrations/failure-types.ts';
import type { Activities } from '../activities/index.ts';
import type { NoticeKind } from '../activities/statement-cycle.ts';

export class FakeStatementLedger {
  balanceCents = 10_000;
  holds: string[] = [];
  /** Confirmed payments since the payment plan began. */
  planPaidCents = 0;
  planInstallments: Array<{ number: number; amountCents: number }> = [];
  readonly notices: Array<{ kind: NoticeKind; seq: number; at: number }> = [];
  readonly states: Array<{ status: string; remindersSent: number }> = [];
  readonly decisions: Array<{ decision: string; decidedBy: string }> = [];
  readonly installments = new Map<number, 'paid' | 'missed'>();
  planStatus: 'active' | 'completed' | 'defaulted' = 'active';
  /** Facts reads, in order (a test can wait for the cycle to have looked). */
  factReads = 0;
  /** Notices the clinic's messaging accepted, once each (sendStatementNotice). */
  readonly delivered: Array<{ kind: NoticeKind; seq: number }> = [];
  /** Delivery attempts, accepted or not. */
  deliveryAttempts = 0;
  /** The next this many delivery attempts find the messaging endpoint down (retryable). */
  messagingDownFor = 0;
  /**
   * The cycle's first reminder offset (runStatementCycle sets it). openStatementCycle runs as a
   * local activity, whose times are this process's clock, not the time-skipping server's: the
   * statement's time is the workflow's `firstReminderAt` less this offset.
   */
  firstReminderAfterMs = 0;
}

/** The workflow clock when the activity was scheduled (the time-skipping server's time, not this process's). */
function workflowClock(): number {
  return Context.current().info.currentAttemptScheduledTimestampMs;
}

type CycleActivities = Pick<
  Activities,
  | 'statementCycleFacts'
  | 'openStatementCycle'
  | 'recordStatementNotice'
  | 'recordCycleState'
  | 'recordCycleDecision'
  | 'paymentPlanProgress'
  | 'markInstallment'
  | 'finishPaymentPlan'
  | 'sendStatementNotice'
>;

export function fakeStatementCycleActivities(ledger: FakeStatementLedger): CycleActivities {
  const recordNotice = (kind: NoticeKind, seq: number, at: number) => {
    if (!ledger.notices.some((n) => n.kind === kind && n.seq === seq)) ledger.notices.push({ kind, seq, at });
  };
  const activities: CycleActivities = {
    async statementCycleFacts() {
      ledger.factReads++;
      return { balanceCents: ledger.balanceCents, holds: [...ledger.holds] };
    },
    async openStatementCycle({ statementId, workflowId, firstReminderAt, statementSeq }) {
      const facts = await activities.statementCycleFacts({ statementId });
      const status = facts.balanceCents <= 0 ? 'paid' : facts.holds.length > 0 ? 'paused' : 'active';
      if (status !== 'paid') recordNotice('statement', statementSeq ?? 0, Date.parse(firstReminderAt) - ledger.firstReminderAfterMs);
      await activities.recordCycleState({
        statementId,
        workflowId,
        status,
        remindersSent: 0,
        holds: facts.holds,
        ...(status === 'active' ? { nextNoticeAt: firstReminderAt } : {}),
      });
      return { facts, status };
    },
    async recordStatementNotice({ kind, seq }) {
      recordNotice(kind, seq, workflowClock());
    },
    async recordCycleState({ status, remindersSent }) {
      ledger.states.push({ status, remindersSent });
    },
    async recordCycleDecision({ decision, decidedBy }) {
      ledger.decisions.push({ decision, decidedBy });
    },
    async paymentPlanProgress({ throughNumber }) {
      const requiredCents = ledger.planInstallments.filter((i) => i.number <= throughNumber).reduce((sum, i) => sum + i.amountCents, 0);
      return { paidCents: ledger.planPaidCents, requiredCents, balanceCents: ledger.balanceCents };
    },
    async markInstallment({ number, status }) {
      if (!ledger.installments.has(number)) ledger.installments.set(number, status);
    },
    async finishPaymentPlan({ status }) {
      if (ledger.planStatus === 'active') ledger.planStatus = status;
    },
    async sendStatementNotice({ kind, seq }) {
      ledger.deliveryAttempts++;
      if (ledger.messagingDownFor > 0) {
        ledger.messagingDownFor--;
        throw ApplicationFailure.create({ type: EXTERNAL_PARTY_UNAVAILABLE, message: 'webhook answered 503' });
      }
      if (ledger.delivered.some((d) => d.kind === kind && d.seq === seq)) return 'already_delivered';
      ledger.delivered.push({ kind, seq });
      return 'delivered';
    },
  };
  return activities;
}
