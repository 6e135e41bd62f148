/**
 * What the API can say to, or ask of, a statement cycle or a payment plan. No patient data:
 * only opaque ids, a reason word and the deciding person's subject.
 */
import { defineQuery, defineSignal } from '@temporalio/workflow';

export type CycleStatus = 'active' | 'paused' | 'paid' | 'awaiting_decision' | 'closed';

export const CYCLE_DECISIONS = ['collections', 'write_off', 'keep_open'] as const;
export type CycleDecision = (typeof CYCLE_DECISIONS)[number];

export interface StatementCycleState {
  statementId: string;
  status: CycleStatus;
  /** Notices sent so far: statement, reminders, final notice. */
  noticesSent: number;
  remindersSent: number;
  /** Workflow time of the next notice while active (ISO); none while paused or finished. */
  nextNoticeAt?: string;
  holds: string[];
  decision?: { decision: CycleDecision; decidedBy: string; at: string };
}

/** Something that may change the cycle happened (a payment, a question opened or closed, a plan): re-read the facts. */
export const dunningChangedSignal = defineSignal<[{ reason: string }]>('dunningChanged');

/** The supervisor's decision after the final notice (the API checks the cycle awaits one). */
export const cycleDecisionSignal = defineSignal<[{ decision: CycleDecision; decidedBy: string; note?: string }]>('cycleDecision');

export const statementCycleStateQuery = defineQuery<StatementCycleState>('statementCycleState');
