/**
 * The statement cycle: one workflow per patient statement (`statement-cycle-<statementId>`),
 * started when the statement is issued. The statement is the first notice; then reminders at
 * the configured offsets (30, 60, 90 days) while a balance remains, each a durable timer; then a
 * final notice, and a supervisor decides what happens to what is left (collections, write-off,
 * keep open) — the cycle never refers anyone to collections on its own.
 *
 * It stops as soon as the balance is paid. It pauses while the statement is on hold (an open
 * question or dispute, an active payment plan): paused time does not count towards the next
 * notice, so a reminder never arrives the day after a question was answered. What the cycle
 * decides on comes from the database through one activity (balance, holds), read before every
 * notice; the API's signal `dunningChanged` (a payment, a question opened or answered) only
 * makes it read now instead of later, and while paused it also re-reads on an interval.
 *
 * Each notice is recorded, then (STATEMENT_NOTICES_SENT) sent to the patient through the clinic's
 * messaging, retried through its outages (activities/statement-notices.ts).
 */
import { HandlerUnfinishedPolicy } from '@temporalio/common';
import { CancelledFailure, condition, patched, setHandler, TemporalFailure, workflowInfo } from '@temporalio/workflow';
import type { NoticeKind } from '../activities/statement-cycle.ts';
import { durationMs } from '../domain/durations.ts';
import { internal, localInternal, localMessaging, messaging } from './activities.ts';
import {
  cycleDecisionSignal,
  dunningChangedSignal,
  statementCycleStateQuery,
  type CycleDecision,
  type CycleStatus,
  type StatementCycleState,
} from './statement-cycle-messages.ts';
import type { StatementCycleInput } from './statement-cycle-config.ts';
import {
  STATEMENT_CYCLE_OPENED_AT_ONCE,
  STATEMENT_CYCLE_OPENED_LOCALLY,
  STATEMENT_NOTICES_SENT,
  STATEMENT_NOTICES_SENT_LOCALLY,
} from './patches.ts';

export async function statementCycleWorkflow(input: StatementCycleInput): Promise<StatementCycleState> {
  const { statementId, schedule } = input;
  // A renewed cycle numbers its notices after the earlier cycles' (a first cycle: statement 0, reminders 1.., final notice 1).
  const last = input.renewal?.lastSeq ?? { statement: -1, reminder: 0, final_notice: 0 };
  const { workflowId } = workflowInfo();
  // The newest cycle marker stands for the earlier ones (STATEMENT_NOTICES_SENT_LOCALLY for
  // STATEMENT_CYCLE_OPENED_LOCALLY, which stands for the rest); decided once, at the start.
  const sentLocally = patched(STATEMENT_NOTICES_SENT_LOCALLY);
  const openedLocally = sentLocally || patched(STATEMENT_CYCLE_OPENED_LOCALLY);
  const uses = (patchId: string) => openedLocally || patched(patchId);
  const state: StatementCycleState = { statementId, status: 'active', noticesSent: 0, remindersSent: 0, holds: [] };
  let changed = false;
  let decision: { decision: CycleDecision; decidedBy: string; note?: string } | undefined;
  setHandler(statementCycleStateQuery, () => state);
  // Only a wake-up: one still being authenticated when the cycle ends has nothing left to do.
  setHandler(
    dunningChangedSignal,
    () => {
      changed = true;
    },
    { unfinishedPolicy: HandlerUnfinishedPolicy.ABANDON },
  );
  setHandler(cycleDecisionSignal, (message) => {
    if (state.status === 'awaiting_decision' && decision === undefined) decision = message;
  });

  const save = (status: CycleStatus, nextNoticeAt?: number) => {
    state.status = status;
    if (nextNoticeAt === undefined) delete state.nextNoticeAt;
    else state.nextNoticeAt = new Date(nextNoticeAt).toISOString();
    return internal.recordCycleState({
      statementId,
      workflowId,
      status,
      remindersSent: state.remindersSent,
      holds: state.holds,
      ...(state.nextNoticeAt ? { nextNoticeAt: state.nextNoticeAt } : {}),
    });
  };
  const readFacts = async () => {
    const facts = await internal.statementCycleFacts({ statementId });
    state.holds = facts.holds;
    return facts;
  };
  /** Sends a recorded notice: first in this workflow task (STATEMENT_NOTICES_SENT_LOCALLY), else or on failure as an activity. */
  const deliver = async (kind: NoticeKind, seq: number) => {
    if (sentLocally) {
      try {
        await localMessaging.sendStatementNotice({ statementId, kind, seq });
        return;
      } catch (err) {
        // The local attempt's failure (the activity's error, a timeout) as it is, not an ActivityFailure.
        if (!(err instanceof TemporalFailure) || err instanceof CancelledFailure) throw err;
      }
    }
    await messaging.sendStatementNotice({ statementId, kind, seq });
  };
  const sendNotice = async (kind: NoticeKind, seq: number, balanceCents: number) => {
    await internal.recordStatementNotice({ statementId, kind, seq, balanceCents });
    if (uses(STATEMENT_NOTICES_SENT)) await deliver(kind, seq);
  };
  const paid = async () => {
    await save('paid');
    return state;
  };

  const notices = [
    ...schedule.reminderOffsets.map((offset) => ({ at: durationMs(offset), final: false })),
    { at: durationMs(schedule.finalNoticeAfter), final: true },
  ];
  let facts: Awaited<ReturnType<typeof readFacts>>;
  /** The facts and the cycle's state were just recorded by openStatementCycle: the first round reads and saves nothing. */
  let opened = false;
  if (uses(STATEMENT_CYCLE_OPENED_AT_ONCE)) {
    const firstReminderAt = Date.now() + notices[0]!.at;
    const first = await (openedLocally ? localInternal : internal).openStatementCycle({
      statementId,
      workflowId,
      firstReminderAt: new Date(firstReminderAt).toISOString(),
      ...(input.renewal !== undefined ? { statementSeq: last.statement + 1 } : {}),
    });
    facts = first.facts;
    state.holds = facts.holds;
    state.status = first.status;
    if (first.status === 'paid') return state;
    if (first.status === 'active') state.nextNoticeAt = new Date(firstReminderAt).toISOString();
    opened = true;
    if (uses(STATEMENT_NOTICES_SENT)) await deliver('statement', last.statement + 1);
  } else {
    facts = await readFacts();
    if (facts.balanceCents <= 0) return paid();
    await sendNotice('statement', last.statement + 1, facts.balanceCents);
  }
  state.noticesSent++;

  /** Time the cycle has run unpaused since the statement. */
  let counted = 0;
  for (const notice of notices) {
    for (;;) {
      const recorded = opened;
      opened = false;
      if (!recorded) {
        facts = await readFacts();
        if (facts.balanceCents <= 0) return paid();
      }
      if (facts.holds.length > 0) {
        if (state.status !== 'paused') await save('paused');
        changed = false;
        await condition(() => changed, schedule.pausedRecheckInterval);
        continue;
      }
      if (counted >= notice.at) break;
      const due = notice.at - counted;
      if (!recorded) await save('active', Date.now() + due);
      changed = false;
      const started = Date.now();
      await condition(() => changed, due);
      counted += Date.now() - started;
    }
    if (notice.final) {
      await sendNotice('final_notice', last.final_notice + 1, facts.balanceCents);
    } else {
      state.remindersSent++;
      await sendNotice('reminder', last.reminder + state.remindersSent, facts.balanceCents);
    }
    state.noticesSent++;
  }

  // What is left after the final notice is a person's decision, never an automatic referral.
  await save('awaiting_decision');
  for (;;) {
    changed = false;
    await condition(() => changed || decision !== undefined);
    if (decision !== undefined) break;
    facts = await readFacts();
    if (facts.balanceCents <= 0) return paid();
  }
  const at = new Date(Date.now()).toISOString();
  await internal.recordCycleDecision({
    statementId,
    decision: decision.decision,
    decidedBy: decision.decidedBy,
    at,
    ...(decision.note !== undefined ? { note: decision.note } : {}),
  });
  state.status = 'closed';
  state.decision = { decision: decision.decision, decidedBy: decision.decidedBy, at };
  return state;
}
