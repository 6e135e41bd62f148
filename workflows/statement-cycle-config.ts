/**
 * Timings of the statement cycle and of payment plans. Passed in when each workflow starts (from
 * configuration), so a running cycle keeps the schedule it started with.
 */
export interface StatementCycleSchedule {
  /** Reminders while a balance remains, as durations after the statement, ascending (30d, 60d, 90d). */
  reminderOffsets: string[];
  /** The final notice, after the statement; then a supervisor decides. */
  finalNoticeAfter: string;
  /** While paused: how often the cycle re-reads whether it still is. */
  pausedRecheckInterval: string;
}

export const DEFAULT_STATEMENT_CYCLE: StatementCycleSchedule = {
  reminderOffsets: ['30d', '60d', '90d'],
  finalNoticeAfter: '120d',
  pausedRecheckInterval: '1d',
};

export interface PaymentPlanTimings {
  /** A reminder this long before each installment's due date. */
  reminderBefore: string;
  /** An installment unpaid this long after its due date is missed. */
  grace: string;
}

export const DEFAULT_PAYMENT_PLAN_TIMINGS: PaymentPlanTimings = { reminderBefore: '3d', grace: '5d' };

export interface StatementCycleInput {
  /** Opaque statement id (our database key): never patient data. */
  statementId: string;
  schedule: StatementCycleSchedule;
  /** Set when this cycle starts again after an earlier one ended paid (payments/statement-cycle-start.ts). */
  renewal?: StatementCycleRenewal;
}

/**
 * A statement's cycle started again: a claim correction raised the balance of a statement whose
 * cycle had ended paid. Its notices are numbered after those the earlier cycles recorded (a notice
 * is kept and delivered once per kind and number), so the reissued statement reaches the patient.
 */
export interface StatementCycleRenewal {
  /** The highest number each notice kind has among the statement's notices so far. */
  lastSeq: { statement: number; reminder: number; final_notice: number };
}

export interface PaymentPlanInput {
  /** Opaque plan id. */
  planId: string;
  statementId: string;
  /** Due dates as YYYY-MM-DD, in order, with the amount of each. */
  installments: Array<{ number: number; dueDate: string; amountCents: number }>;
  timings: PaymentPlanTimings;
}

export function statementCycleWorkflowId(statementId: string): string {
  return `statement-cycle-${statementId}`;
}

export function paymentPlanWorkflowId(planId: string): string {
  return `payment-plan-${planId}`;
}
