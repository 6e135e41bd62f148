/**
 * A billed encounter's claim sent back to the payer (workflows/claim-correction.ts) on Temporal's
 * time-skipping test server with in-memory activities: the corrected replacement claim goes out,
 * the mailbox is read until the payer's new answer (not the answer already known), then the
 * statement is reissued and the patient told; an appeal names the claim's lines; a payer that
 * stays silent is asked (276) at its follow-up interval and, past the horizon (the filing limit from the
 * replacement; the decision window from an appeal), a supervisor is told.
 */
import { describe, expect, it } from 'vitest';
import type { RemittanceCollection } from '../../activities/remittances.ts';
import { postedPayment } from '../../testkit/fake-activities.ts';
import { runClaimCorrection } from '../../testkit/drive-claim-correction.ts';
import { useWorkflowTestEnv } from '../../testkit/workflow-test-env.ts';

const wf = useWorkflowTestEnv();

const mailbox = (payments: RemittanceCollection['payments']): RemittanceCollection => ({
  forwardedToPayer: true,
  payerAcknowledgement: { status: 'accepted', reasons: [] },
  payments,
  duplicateDeliveries: 0,
});

describe('a claim sent back after the statement', () => {
  it('submits the corrected replacement, waits for its own remittance, reissues the statement and tells the patient once', async () => {
    const { result, fake } = await runClaimCorrection(wf, {
      remittances: [() => mailbox([]), () => mailbox([]), (claimNumber) => mailbox([postedPayment(claimNumber, { id: 'payment-CLM-2' })])],
    });
    expect(result).toBe('completed');
    expect(fake.callsOf('submitClaim').map((c) => c.args)).toEqual([
      {
        encounterId: 'encounter-1',
        attempt: 2,
        revision: 1,
        billPatient: false,
        replacesClaimId: 'claim-1',
        corrections: [{ code: '99213', modifiers: ['25'] }],
      },
    ]);
    // The mailbox of the replacement is read until its answer is there (three reads), then once reissued.
    expect(fake.callsOf('collectRemittances').map((c) => (c.args as { claimNumber: string }).claimNumber)).toEqual([
      'CLM-2',
      'CLM-2',
      'CLM-2',
    ]);
    expect(fake.callsOf('reissueStatementAfterCorrection').map((c) => c.args)).toEqual([
      { correctionId: expect.any(String), claimNumber: 'CLM-2' },
    ]);
    expect(fake.callsOf('recordClaimCorrectionStep').map((c) => (c.args as { status: string }).status)).toEqual(['submitted']);
    expect(fake.callsOf('sendPatientQuestionNotice').map((c) => c.args)).toEqual([
      { questionId: 'question-1', event: 'question.updated', sequence: 1 },
    ]);
  });

  it('a reissue that leaves a balance asks for the statement’s cycle again (it may have ended paid); one that leaves none does not', async () => {
    const { result, fake } = await runClaimCorrection(wf, {
      remittances: [(claimNumber) => mailbox([postedPayment(claimNumber, { id: 'payment-CLM-2' })])],
    });
    expect(result).toBe('completed');
    expect(
      fake.calls.map((c) => c.name).filter((name) => ['reissueStatementAfterCorrection', 'renewStatementCycle'].includes(name)),
    ).toEqual(['reissueStatementAfterCorrection', 'renewStatementCycle']);
    expect(fake.callsOf('renewStatementCycle').map((c) => c.args)).toEqual([{ statementId: 'statement-1' }]);

    const settled = await runClaimCorrection(wf, {
      reissuedBalanceCents: 0,
      remittances: [(claimNumber) => mailbox([postedPayment(claimNumber, { id: 'payment-CLM-2' })])],
    });
    expect(settled.result).toBe('completed');
    expect(settled.fake.callsOf('reissueStatementAfterCorrection')).toHaveLength(1);
    expect(settled.fake.callsOf('renewStatementCycle')).toEqual([]);
  });

  it('an appeal names the claim’s lines and waits for an answer other than the one already posted', async () => {
    const known = postedPayment('CLM-1', { id: 'payment-CLM-1' });
    const { result, fake } = await runClaimCorrection(wf, {
      claimCorrectionAction: 'appeal',
      remittances: [() => mailbox([known]), () => mailbox([known, postedPayment('CLM-1', { id: 'payment-CLM-1-appeal' })])],
    });
    expect(result).toBe('completed');
    expect(fake.callsOf('submitClaim')).toEqual([]);
    expect(fake.callsOf('fileAppeal').map((c) => c.args)).toEqual([
      {
        encounterId: 'encounter-1',
        claimId: 'claim-1',
        denialIds: [],
        reason: 'modifier 25 was missing',
        attachmentIds: ['attachment-1'],
        appeal: 101,
        lineNumbers: [1],
      },
    ]);
    expect(fake.callsOf('collectRemittances')).toHaveLength(2);
    expect(fake.callsOf('reissueStatementAfterCorrection').map((c) => (c.args as { claimNumber: string }).claimNumber)).toEqual(['CLM-1']);
  });

  it('a silent payer is asked at each follow-up interval and, past its filing horizon, a supervisor is told; nothing reissued', async () => {
    const { result, fake } = await runClaimCorrection(wf, { remittances: [() => mailbox([])] });
    expect(result).toBe('overdue');
    // Follow-up every 30 payer days up to the 90-day horizon.
    expect(fake.callsOf('inquireClaimStatus').map((c) => (c.args as { inquiry: number }).inquiry)).toEqual([101, 102]);
    expect(fake.callsOf('reissueStatementAfterCorrection')).toEqual([]);
    expect(fake.callsOf('recordClaimCorrectionStep').map((c) => (c.args as { status: string }).status)).toEqual(['submitted', 'overdue']);
    expect(fake.callsOf('notifySupervisor').map((c) => (c.args as { kind: string }).kind)).toEqual(['claim_correction_overdue']);
  });

  it('an appeal the payer does not decide is awaited for its decision window (60 payer days from the appeal), then a supervisor is told', async () => {
    const { result, fake } = await runClaimCorrection(wf, { claimCorrectionAction: 'appeal', remittances: [() => mailbox([])] });
    expect(result).toBe('overdue');
    // One follow-up at 30 payer days; at 60 the window has closed (the filing limit, 90 days, would have allowed a second).
    expect(fake.callsOf('inquireClaimStatus').map((c) => (c.args as { inquiry: number }).inquiry)).toEqual([101]);
    const why = 'no decision on the appeal of claim CLM-1 within 60 days despite 1 status inquiries';
    expect(fake.callsOf('recordClaimCorrectionStep').map((c) => (c.args as { note?: string }).note)).toEqual(['APL-101', why]);
    expect(fake.callsOf('notifySupervisor').map((c) => c.args)).toEqual([
      { encounterId: 'encounter-1', kind: 'claim_correction_overdue', reason: why },
    ]);
    expect(fake.callsOf('reissueStatementAfterCorrection')).toEqual([]);
  });

  it('a long payer wait continues as new and resumes the follow-up: nothing sent back twice, inquiries numbered on, one outcome', async () => {
    // The payer answers at the 20th mailbox read (5-minute reads of 1-minute payer days: past two 30-day follow-ups).
    const silent = Array.from({ length: 19 }, () => () => mailbox([]));
    const { result, handle, fake } = await runClaimCorrection(
      wf,
      { remittances: [...silent, (claimNumber) => mailbox([postedPayment(claimNumber, { id: 'payment-CLM-2' })])] },
      { continueAfterEvents: 40 },
    );
    expect(result).toBe('completed');
    const first = wf.env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId);
    expect((await first.describe()).status.name).toBe('CONTINUED_AS_NEW');
    const last = await handle.describe();
    expect(last.runId).not.toBe(handle.firstExecutionRunId);
    expect(fake.callsOf('prepareClaimCorrection')).toHaveLength(1);
    expect(fake.callsOf('submitClaim')).toHaveLength(1);
    expect(fake.callsOf('recordClaimCorrectionStep').map((c) => (c.args as { status: string }).status)).toEqual(['submitted']);
    // Every read of the mailbox is made once: a new run goes on where the last one stopped.
    expect(fake.callsOf('collectRemittances')).toHaveLength(20);
    expect(fake.callsOf('inquireClaimStatus').map((c) => (c.args as { inquiry: number }).inquiry)).toEqual([101, 102]);
    expect(fake.callsOf('reissueStatementAfterCorrection').map((c) => (c.args as { claimNumber: string }).claimNumber)).toEqual(['CLM-2']);
    expect(fake.callsOf('sendPatientQuestionNotice')).toHaveLength(1);
  });

  it('a corrected claim the clearinghouse rejects goes to a supervisor without waiting for a remittance', async () => {
    const { result, fake } = await runClaimCorrection(wf, { claims: [{ accepted: false, reasons: ['modifier not allowed'] }] });
    expect(result).toBe('rejected');
    expect(fake.callsOf('collectRemittances')).toEqual([]);
    expect(fake.callsOf('recordClaimCorrectionStep').map((c) => (c.args as { note?: string }).note)).toEqual([
      'the clearinghouse rejected the corrected claim: modifier not allowed',
    ]);
  });
});
