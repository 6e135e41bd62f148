/**
 * The statement cycle and payment plans on Temporal's time-skipping test server with the
 * in-memory ledger: reminders at 30/60/90 days and the final notice at 120 (on the workflow
 * clock, no wall clock), stopping when paid, pausing while a question is open (paused days do
 * not count), a supervisor's decision at the end, and a payment plan's missed installment. Every
 * notice recorded is sent through the clinic's messaging once, through its outages.
 */
import { describe, expect, it } from 'vitest';
import { Client } from '@temporalio/client';
import { useWorkflowTestEnv } from '../../testkit/workflow-test-env.ts';
import { FakeStatementLedger } from '../../testkit/fake-statement-cycle.ts';
import { noticeDays, runPaymentPlan, runStatementCycle, type CycleHandle } from '../../testkit/drive-statement-cycle.ts';
import { cycleDecisionSignal, dunningChangedSignal, statementCycleStateQuery } from '../../workflows/statement-cycle-messages.ts';
import { daysFromNow } from '../../testkit/calendar.ts';

const wf = useWorkflowTestEnv();

async function waitForStatus(handle: CycleHandle, status: string): Promise<void> {
  for (;;) {
    if ((await handle.query(statementCycleStateQuery)).status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the statement cycle', () => {
  it('sends the statement, reminders at 30, 60 and 90 days and the final notice at 120, then waits for a supervisor', async () => {
    const ledger = new FakeStatementLedger();
    const { result } = await runStatementCycle(wf, ledger, async (handle) => {
      await wf.env.sleep('125d');
      await waitForStatus(handle, 'awaiting_decision');
      // Nothing automatic after the final notice: still waiting a month later.
      await wf.env.sleep('30d');
      expect((await handle.query(statementCycleStateQuery)).status).toBe('awaiting_decision');
      expect(ledger.decisions).toEqual([]);
      // A decision not sent through the API's signing client is dropped.
      const forger = new Client({ connection: wf.env.connection, namespace: wf.env.namespace ?? 'default' });
      await forger.workflow.getHandle(handle.workflowId).signal(cycleDecisionSignal, { decision: 'collections', decidedBy: 'mallory' });
      await handle.signal(cycleDecisionSignal, { decision: 'keep_open', decidedBy: 'supervisor-1', note: 'patient called' });
    });
    expect(noticeDays(ledger)).toEqual([
      { kind: 'statement', seq: 0, day: 0 },
      { kind: 'reminder', seq: 1, day: 30 },
      { kind: 'reminder', seq: 2, day: 60 },
      { kind: 'reminder', seq: 3, day: 90 },
      { kind: 'final_notice', seq: 1, day: 120 },
    ]);
    expect(result).toMatchObject({ status: 'closed', remindersSent: 3, decision: { decision: 'keep_open', decidedBy: 'supervisor-1' } });
    expect(ledger.decisions).toEqual([{ decision: 'keep_open', decidedBy: 'supervisor-1' }]);
  });

  it('follows a configured schedule (reminders at 14 and 28 days, final notice at 45)', async () => {
    const ledger = new FakeStatementLedger();
    await runStatementCycle(
      wf,
      ledger,
      async (handle) => {
        await wf.env.sleep('46d');
        await waitForStatus(handle, 'awaiting_decision');
        await handle.signal(cycleDecisionSignal, { decision: 'write_off', decidedBy: 'supervisor-1' });
      },
      { reminderOffsets: ['14d', '28d'], finalNoticeAfter: '45d', pausedRecheckInterval: '1d' },
    );
    expect(noticeDays(ledger).map((n) => n.day)).toEqual([0, 14, 28, 45]);
  });

  it('stops when the balance is paid: no reminder after the payment', async () => {
    const ledger = new FakeStatementLedger();
    const { result } = await runStatementCycle(wf, ledger, async (handle) => {
      await wf.env.sleep('45d');
      ledger.balanceCents = 0;
      await handle.signal(dunningChangedSignal, { reason: 'payment' });
    });
    expect(result.status).toBe('paid');
    expect(noticeDays(ledger)).toEqual([
      { kind: 'statement', seq: 0, day: 0 },
      { kind: 'reminder', seq: 1, day: 30 },
    ]);
  });

  it('finds a payment before the next reminder even without a signal', async () => {
    const ledger = new FakeStatementLedger();
    const { result } = await runStatementCycle(wf, ledger, async () => {
      await wf.env.sleep('40d');
      ledger.balanceCents = 0;
    });
    expect(result.status).toBe('paid');
    expect(ledger.notices.map((n) => n.kind)).toEqual(['statement', 'reminder']);
  });

  it('pauses while a question is open: paused days do not count towards the next reminder', async () => {
    const ledger = new FakeStatementLedger();
    const { result } = await runStatementCycle(wf, ledger, async (handle) => {
      await wf.env.sleep('20d');
      ledger.holds = ['question'];
      await handle.signal(dunningChangedSignal, { reason: 'question' });
      await waitForStatus(handle, 'paused');
      await wf.env.sleep('30d'); // day 50: the day-30 reminder has not gone out
      expect(ledger.notices.map((n) => n.kind)).toEqual(['statement']);
      ledger.holds = [];
      await handle.signal(dunningChangedSignal, { reason: 'question' });
      await waitForStatus(handle, 'active');
      await wf.env.sleep('11d'); // day 61: the reminder came 10 unpaused days after the answer
      ledger.balanceCents = 0;
      await handle.signal(dunningChangedSignal, { reason: 'payment' });
    });
    expect(result.status).toBe('paid');
    expect(noticeDays(ledger)).toEqual([
      { kind: 'statement', seq: 0, day: 0 },
      { kind: 'reminder', seq: 1, day: 60 },
    ]);
    expect(ledger.states.map((s) => s.status)).toContain('paused');
  });

  it('sends every notice it records through the clinic’s messaging, once each, through an outage of the endpoint', async () => {
    const ledger = new FakeStatementLedger();
    // Down for the statement's first three attempts, then again for the first reminder's two.
    ledger.messagingDownFor = 3;
    const { result } = await runStatementCycle(wf, ledger, async (handle) => {
      await wf.env.sleep('10d');
      expect(ledger.delivered).toEqual([{ kind: 'statement', seq: 0 }]);
      ledger.messagingDownFor = 2;
      await wf.env.sleep('115d');
      await waitForStatus(handle, 'awaiting_decision');
      await handle.signal(cycleDecisionSignal, { decision: 'write_off', decidedBy: 'supervisor-1' });
    });
    expect(result.status).toBe('closed');
    expect(ledger.delivered).toEqual(ledger.notices.map(({ kind, seq }) => ({ kind, seq })));
    expect(ledger.delivered).toHaveLength(5);
    expect(ledger.deliveryAttempts).toBe(5 + 3 + 2);
    expect(ledger.decisions).toEqual([{ decision: 'write_off', decidedBy: 'supervisor-1' }]);
  });

  it('a cycle renewed after an earlier one ended paid numbers its notices after the earlier ones, and sends each', async () => {
    const ledger = new FakeStatementLedger();
    // The earlier cycle sent the statement and one reminder before the patient paid.
    await runStatementCycle(
      wf,
      ledger,
      async (handle) => {
        await wf.env.sleep('125d');
        await waitForStatus(handle, 'awaiting_decision');
        await handle.signal(cycleDecisionSignal, { decision: 'keep_open', decidedBy: 'supervisor-1' });
      },
      undefined,
      { lastSeq: { statement: 0, reminder: 1, final_notice: 0 } },
    );
    expect(noticeDays(ledger)).toEqual([
      { kind: 'statement', seq: 1, day: 0 },
      { kind: 'reminder', seq: 2, day: 30 },
      { kind: 'reminder', seq: 3, day: 60 },
      { kind: 'reminder', seq: 4, day: 90 },
      { kind: 'final_notice', seq: 1, day: 120 },
    ]);
    expect(ledger.delivered).toEqual(ledger.notices.map(({ kind, seq }) => ({ kind, seq })));
  });

  it('sends nothing for a statement with nothing owed', async () => {
    const ledger = new FakeStatementLedger();
    ledger.balanceCents = 0;
    const { result } = await runStatementCycle(wf, ledger);
    expect(result.status).toBe('paid');
    expect(ledger.notices).toEqual([]);
  });
});

describe('payment plans', () => {
  it('reminds before each installment, marks a paid one paid and a missed one missed for the billers', async () => {
    const ledger = new FakeStatementLedger();
    ledger.balanceCents = 9_000;
    const installments = [
      // Due dates ahead of the real clock (the workflow sleeps until each; one already past would be
      // read at once, before the first installment is paid).
      { number: 1, dueDate: daysFromNow(30), amountCents: 3_000 },
      { number: 2, dueDate: daysFromNow(61), amountCents: 3_000 },
      { number: 3, dueDate: daysFromNow(89), amountCents: 3_000 },
    ];
    const { result } = await runPaymentPlan(wf, ledger, installments, async () => {
      // Paid the first installment only.
      ledger.planPaidCents = 3_000;
    });
    expect(result).toBe('defaulted');
    expect(Object.fromEntries(ledger.installments)).toEqual({ 1: 'paid', 2: 'missed', 3: 'missed' });
    expect(ledger.notices.filter((n) => n.kind === 'installment_reminder').map((n) => n.seq)).toEqual([2, 3]);
    // Each reminder recorded is also sent to the patient through the clinic's messaging.
    expect(ledger.delivered).toEqual([
      { kind: 'installment_reminder', seq: 2 },
      { kind: 'installment_reminder', seq: 3 },
    ]);
    expect(ledger.planStatus).toBe('defaulted');
  });

  it('completes early when the balance is paid off', async () => {
    const ledger = new FakeStatementLedger();
    ledger.balanceCents = 0;
    const { result } = await runPaymentPlan(wf, ledger, [{ number: 1, dueDate: daysFromNow(30), amountCents: 3_000 }]);
    expect(result).toBe('completed');
    expect(ledger.planStatus).toBe('completed');
  });
});
