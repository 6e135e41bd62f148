/**
 * The back half of the biller's cycle in the workflow alone (in-memory activities, time-skipping
 * server): a silent payer followed up with status inquiries, a denial appealed with a document,
 * a denial whose appeal deadline passes and escalates, and the biller's update refused when it
 * does not fit.
 */
import { describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { DEFAULT_TIMINGS } from '../../workflows/config.ts';
import { denialActionUpdate, statusQuery, supervisorDecisionUpdate } from '../../workflows/messages.ts';
import { useWorkflowTestEnv } from '../../testkit/workflow-test-env.ts';
import { runEncounter as runScripted, waitForStage, type Drive } from '../../testkit/drive.ts';
import { DENIED_APPEALED_PAID } from '../../testkit/encounter-paths.ts';
import { confidentCoding, postedPayment, type Script } from '../../testkit/fake-activities.ts';
import type { RemittanceCollection } from '../../activities/remittances.ts';

const wf = useWorkflowTestEnv();

/** Day-long payer limits at a test's pace: a payer day is 1 minute of (skipped) workflow time. */
const TIMINGS = { ...DEFAULT_TIMINGS, payerDay: '1m', remittancePollInterval: '10s' };
const runEncounter = (script: Script, drive?: Drive) => runScripted(wf, script, drive, TIMINGS);

const nothingYet = (): RemittanceCollection => ({
  forwardedToPayer: true,
  payerAcknowledgement: { status: 'accepted', reasons: [] },
  payments: [],
  duplicateDeliveries: 0,
});
const paid = (claimNumber: string): RemittanceCollection => ({ ...nothingYet(), payments: [postedPayment(claimNumber)] });
const denied = (claimNumber: string): RemittanceCollection => ({
  ...nothingYet(),
  payments: [postedPayment(claimNumber, { id: 'p-denied', denied: true })],
});

describe('after the claim', () => {
  it('follows a silent payer up with a 276 at each follow-up interval, then posts the remittance and bills the patient from it', async () => {
    let inquiries = 0;
    const { status, fake, stages } = await runEncounter(
      {
        coding: [confidentCoding()],
        remittances: [(claimNumber) => (inquiries >= 2 ? paid(claimNumber) : nothingYet())],
      },
      async (handle) => {
        await waitForStage(handle, 'awaiting_remittance');
        // Count the inquiries as the workflow makes them (each answers P1 until the second).
        for (let i = 0; i < 400 && inquiries < 2; i++) {
          await wf.env.sleep('1m');
          inquiries = (await handle.query(statusQuery)).adjudication?.statusInquiries ?? 0;
        }
      },
    );
    expect(stages).toEqual(['eligibility', 'coding', 'billing', 'awaiting_remittance', 'billed']);
    expect(fake.callsOf('inquireClaimStatus').length).toBeGreaterThanOrEqual(2);
    expect(status.adjudication!.claimStatusHistory.map((e) => e.source)).toEqual(
      expect.arrayContaining(['clearinghouse', 'payer-acknowledgement', 'status-inquiry', 'remittance']),
    );
    expect(status.patientResponsibilityCents).toBe(2500);
    expect(fake.callsOf('issueStatementFromRemittance')).toHaveLength(1);
    expect(fake.callsOf('issuePatientStatement')).toHaveLength(0);
  });

  it('opens a denial work item; an appeal without a document is refused at once; the appeal with one is filed and the overturned answer is billed', async () => {
    const { status, fake, stages } = await runEncounter(
      {
        coding: [confidentCoding()],
        remittances: [
          denied,
          (claimNumber) => ({
            ...denied(claimNumber),
            payments: [postedPayment(claimNumber, { id: 'p-denied', denied: true }), postedPayment(claimNumber, { id: 'p-overturned' })],
          }),
        ],
      },
      async (handle) => {
        // The mailbox is first read one poll interval after the claim (CLAIM_CARRIES_AWAITING): skip it.
        await wf.env.sleep(TIMINGS.remittancePollInterval);
        const review = await waitForStage(handle, 'denial_review');
        expect(review.denials![0]).toMatchObject({ status: 'open', code: '99213', reasons: ['CO-50: not medically necessary'] });
        await expect(
          handle.executeUpdate(denialActionUpdate, { args: [{ action: 'appeal', actor: 'biller-1', reason: 'necessary' }] }),
        ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
        await expect(
          handle.executeUpdate(denialActionUpdate, { args: [{ action: 'write_off', actor: 'biller-1' }] }),
        ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
        await handle.executeUpdate(denialActionUpdate, {
          args: [{ action: 'appeal', actor: 'biller-1', reason: 'the visit was necessary', attachmentIds: ['att-1'] }],
        });
      },
    );
    expect(stages).toEqual(DENIED_APPEALED_PAID);
    expect(fake.callsOf('fileAppeal')[0]!.args).toMatchObject({ attachmentIds: ['att-1'], reason: 'the visit was necessary' });
    expect(status.denials![0]).toMatchObject({ status: 'appealed', appealReference: 'APL-1' });
    expect(status.statementId).toBe('statement-1');
  });

  it('awaits the decision on an appeal for the payer’s decision window, even after the timely-filing horizon has passed', async () => {
    // One payer day of timely filing left: the horizon passes while the appeal is with the payer.
    const quiet = Array.from({ length: 12 }, () => nothingYet);
    const { status, fake, stages } = await runEncounter(
      {
        coding: [confidentCoding()],
        payerTerms: { timelyFilingDays: 1, appealLimitDays: 60, followUpDays: 30 },
        remittances: [
          denied,
          ...quiet,
          (claimNumber) => ({ ...nothingYet(), payments: [postedPayment(claimNumber, { id: 'p-overturned' })] }),
        ],
      },
      async (handle) => {
        await wf.env.sleep(TIMINGS.remittancePollInterval);
        await waitForStage(handle, 'denial_review');
        await handle.executeUpdate(denialActionUpdate, {
          args: [{ action: 'appeal', actor: 'biller-1', reason: 'the visit was necessary', attachmentIds: ['att-1'] }],
        });
      },
    );
    expect(stages).toEqual(DENIED_APPEALED_PAID);
    expect(fake.callsOf('collectRemittances').length).toBeGreaterThan(quiet.length);
    expect(fake.callsOf('notifySupervisor').map((c) => (c.args as { kind: string }).kind)).not.toContain('remittance_overdue');
    expect(Date.parse(status.adjudication!.followUpUntil)).toBeGreaterThanOrEqual(Date.parse(status.denials![0]!.appealDueAt));
    expect(status.statementId).toBe('statement-1');
  });

  it('reminds twice before the appeal deadline, escalates when it passes, and a supervisor writes the line off', async () => {
    const { status, fake, stages } = await runEncounter({ coding: [confidentCoding()], remittances: [denied] }, async (handle) => {
      const escalated = await (async () => {
        for (let i = 0; i < 200; i++) {
          await wf.env.sleep('10m');
          const s = await handle.query(statusQuery);
          if (s.stage === 'escalated') return s;
        }
        throw new Error('never escalated');
      })();
      expect(escalated.pendingDecision!.kind).toBe('appeal_deadline_missed');
      await handle.executeUpdate(supervisorDecisionUpdate, {
        args: [{ decisionId: escalated.pendingDecision!.id, decision: 'write_off', decidedBy: 'sup-1', note: 'not worth appealing' }],
      });
    });
    expect(stages).toEqual(['eligibility', 'coding', 'billing', 'awaiting_remittance', 'denial_review', 'escalated', 'billed']);
    const notices = fake.callsOf('notifySupervisor').map((c) => (c.args as { kind: string }).kind);
    expect(notices).toEqual(
      expect.arrayContaining(['claim_denied', 'appeal_deadline_reminder_1', 'appeal_deadline_reminder_2', 'appeal_deadline_missed']),
    );
    expect(status.denials![0]!.status).toBe('written_off');
    expect(fake.callsOf('resolveDenials').map((c) => (c.args as { status: string }).status)).toEqual(['escalated', 'written_off']);
  });
});
