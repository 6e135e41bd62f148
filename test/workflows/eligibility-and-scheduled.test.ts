// The front of the revenue cycle in the workflow alone (time-skipping server, scripted activities):
// eligibility first and the biller's corrections, self-pay, and scheduled encounters (prior
// authorization before the service, the visit awaited, performed checked against authorized).
import { describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import {
  coverageCorrectedUpdate,
  overrideCodesSignal,
  statusQuery,
  supervisorDecisionUpdate,
  visitDocumentedUpdate,
} from '../../workflows/messages.ts';
import { useWorkflowTestEnv } from '../../testkit/workflow-test-env.ts';
import {
  activitiesScheduled,
  answerOpenQuery,
  correctCoverageWithNewCard,
  runEncounter as runScripted,
  settledAfter,
  waitForStage,
  type Drive,
  DATE_OF_SERVICE,
} from '../../testkit/drive.ts';
import {
  confidentCoding,
  decision,
  mriCoding,
  performedBeyondAuthorization,
  unsureCoding,
  type Script,
} from '../../testkit/fake-activities.ts';

const wf = useWorkflowTestEnv();

const runEncounter = (script: Script, drive?: Drive) => runScripted(wf, script, drive);

describe('eligibility at the start of the encounter', () => {
  it('asks the insurer before coding and keeps the benefits on the status', async () => {
    const { status, fake, stages } = await runEncounter({ coding: [confidentCoding()] });
    expect(stages).toEqual(['eligibility', 'coding', 'billing', 'awaiting_remittance', 'billed']);
    const names = fake.calls.map((c) => c.name);
    expect(names.indexOf('checkEligibility')).toBeLessThan(names.indexOf('codeEncounter'));
    expect(status.eligibility).toMatchObject({
      status: 'active',
      purpose: 'start',
      copayCents: 2500,
      deductibleRemainingCents: 110000,
      planEnd: '2026-12-31',
    });
    expect(status.financialClass).toBe('insurance');
  });

  it('inactive coverage waits for the biller; a coverage correction checks again and the encounter goes on', async () => {
    const { status, fake, stages } = await runEncounter(
      { coding: [confidentCoding()], eligibility: ['inactive', 'active'] },
      async (handle) => {
        const waiting = await waitForStage(handle, 'awaiting_coverage');
        expect(waiting.pendingDecision).toMatchObject({ kind: 'coverage_problem', allowed: [] });
        expect(waiting.pendingDecision?.reason).toContain('coverage ended on 2026-06-30');
        await correctCoverageWithNewCard(handle);
      },
    );
    expect(stages).toEqual(['eligibility', 'awaiting_coverage', 'eligibility', 'coding', 'billing', 'awaiting_remittance', 'billed']);
    const names = fake.calls.map((c) => c.name);
    expect(names.indexOf('recordCoverageVersion')).toBeLessThan(names.indexOf('codeEncounter'));
    expect(fake.callsOf('checkEligibility').map((c) => c.args)).toEqual([
      expect.objectContaining({ check: 1 }),
      expect.objectContaining({ check: 2 }),
    ]);
    expect(status.eligibility).toMatchObject({ status: 'active', check: 2 });
    expect(status.history[2]).toMatchObject({ actor: 'biller-1', reason: expect.stringContaining('version 2') });
    expect(fake.callsOf('recordCoverageVersion')[0]!.args).toMatchObject({
      kind: 'coverage',
      payerId: 'BLUE-PLAINS',
      memberId: 'BP-77',
      expectedVersion: 1,
    });
  });

  it('a member the insurer does not know can be switched to self-pay: no authorization, no claim to the insurer', async () => {
    const { status, fake, stages } = await runEncounter(
      { coding: [mriCoding()], eligibility: ['not_found'], authorizationRequired: true },
      async (handle) => {
        await waitForStage(handle, 'awaiting_coverage');
        await handle.executeUpdate(coverageCorrectedUpdate, {
          args: [{ kind: 'self_pay', correctedBy: 'biller-1', reason: 'patient pays cash', expectedVersion: 1 }],
        });
      },
    );
    expect(stages).toEqual(['eligibility', 'awaiting_coverage', 'eligibility', 'coding', 'billing', 'billed']);
    expect(status.financialClass).toBe('self_pay');
    expect(fake.callsOf('requestPriorAuthorization')).toEqual([]);
    expect(fake.callsOf('checkAuthorizationRequirement')).toEqual([]);
    expect(fake.callsOf('submitClaim')[0]!.args).toMatchObject({ billPatient: true });
    expect(status.flags.join(' ')).toContain('self-pay');
  });

  it('a correction during coding is checked again before the claim; once the claim is out a correction is refused', async () => {
    const { fake, stages } = await runEncounter(
      {
        coding: [unsureCoding(), confidentCoding()],
        claims: [
          { accepted: false, reasons: ['X'] },
          { accepted: true, reasons: [] },
        ],
      },
      async (handle) => {
        await waitForStage(handle, 'awaiting_clarification');
        await handle.executeUpdate(coverageCorrectedUpdate, {
          args: [{ kind: 'demographics', version: 2, correctedBy: 'biller-1', reason: 'date of birth typo' }],
        });
        await answerOpenQuery(handle);
        const review = await waitForStage(handle, 'needs_review');
        await expect(
          handle.executeUpdate(coverageCorrectedUpdate, {
            args: [{ kind: 'coverage', correctedBy: 'biller-1', reason: 'again', payerId: 'ACME-HEALTH', memberId: 'M-2' }],
          }),
        ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
        await handle.executeUpdate(supervisorDecisionUpdate, {
          args: [{ decision: 'resubmit', decidedBy: 'sup-1', decisionId: review.pendingDecision!.id }],
        });
      },
    );
    expect(stages).toEqual([
      'eligibility',
      'coding',
      'awaiting_clarification',
      'coding',
      'eligibility',
      'billing',
      'needs_review',
      'billing',
      'awaiting_remittance',
      'billed',
    ]);
    expect(fake.callsOf('checkEligibility')).toHaveLength(2);
  });

  it('refuses the visit documentation for an encounter that was not scheduled', async () => {
    await runEncounter({ coding: [confidentCoding()], eligibility: ['inactive'] }, async (handle) => {
      await waitForStage(handle, 'awaiting_coverage');
      await expect(handle.executeUpdate(visitDocumentedUpdate, { args: [{ submittedBy: 'intake-1' }] })).rejects.toBeInstanceOf(
        WorkflowUpdateFailedError,
      );
      await handle.executeUpdate(supervisorDecisionUpdate, { args: [{ decision: 'cancel', decidedBy: 'sup-1' }] });
    });
  });
});

describe('a scheduled encounter', () => {
  it('is authorized before the service, waits for the visit, and bills with the pre-service authorization', async () => {
    const { status, fake, stages } = await runEncounter(
      {
        scheduled: true,
        coding: [mriCoding()],
        plannedAuthorizationRequired: true,
        preServiceAuthorizationRequests: [decision('pended')],
        authorizationStatuses: [decision('pended'), decision('certified', { authNumber: 'AUTH-PRE-1' })],
      },
      async (handle) => {
        const pended = await waitForStage(handle, 'authorization');
        expect(pended.scheduled).toEqual({ dateOfService: DATE_OF_SERVICE });
        await wf.env.sleep('9h'); // two follow-ups of the pended request
        const waiting = await waitForStage(handle, 'awaiting_visit');
        expect(waiting.authorization).toMatchObject({ outcome: 'certified', timing: 'pre_service', authNumber: 'AUTH-PRE-1' });
        await handle.executeUpdate(visitDocumentedUpdate, { args: [{ submittedBy: 'intake-1' }] });
        await expect(handle.executeUpdate(visitDocumentedUpdate, { args: [{ submittedBy: 'intake-1' }] })).rejects.toBeInstanceOf(
          WorkflowUpdateFailedError,
        );
      },
    );
    expect(stages).toEqual(['eligibility', 'authorization', 'awaiting_visit', 'coding', 'billing', 'awaiting_remittance', 'billed']);
    expect(fake.callsOf('requestPriorAuthorization')[0]!.args).toMatchObject({ attempt: 1, timing: 'pre_service' });
    expect(fake.callsOf('checkPriorAuthorizationStatus').map((c) => c.args)).toEqual([
      expect.objectContaining({ timing: 'pre_service' }),
      expect.objectContaining({ timing: 'pre_service' }),
    ]);
    expect(fake.callsOf('checkAuthorizationRequirement')).toEqual([]);
    expect(fake.callsOf('submitClaim')[0]!.args).toMatchObject({ authNumber: 'AUTH-PRE-1', billPatient: false });
    expect(status.authorization?.performedCheck).toEqual({ matches: true, differences: [] });
    expect(status.scheduled?.documentedAt).toEqual(expect.any(String));
  });

  it('a difference between performed and authorized goes to the biller, never to a recode; a retro-authorization follows', async () => {
    const { status, fake, stages } = await runEncounter(performedBeyondAuthorization(), async (handle) => {
      await waitForStage(handle, 'awaiting_visit');
      await handle.executeUpdate(visitDocumentedUpdate, { args: [{ submittedBy: 'intake-1' }] });
      const review = await waitForStage(handle, 'needs_review');
      expect(review.pendingDecision).toMatchObject({
        kind: 'authorization_mismatch',
        allowed: ['resubmit', 'accept_codes', 'bill_patient'],
      });
      expect(review.pendingDecision?.reason).toContain('2 units performed, 1 authorized');
      await handle.signal(overrideCodesSignal, {
        overriddenBy: 'coder-1',
        diagnoses: [{ code: 'M54.50' }],
        procedures: [{ code: '72148', units: 1 }],
      });
      // Proved once the workflow has answered the override: nothing applied it, the review stands.
      expect(activitiesScheduled(await settledAfter(handle, overrideCodesSignal))).not.toContain('applyCoderOverride');
      expect((await handle.query(statusQuery)).stage).toBe('needs_review');
      await handle.executeUpdate(supervisorDecisionUpdate, {
        args: [{ decision: 'resubmit', decidedBy: 'biller-1', decisionId: review.pendingDecision!.id }],
      });
    });
    expect(stages).toEqual([
      'eligibility',
      'authorization',
      'awaiting_visit',
      'coding',
      'needs_review',
      'authorization',
      'billing',
      'awaiting_remittance',
      'billed',
    ]);
    expect(fake.callsOf('applyCoderOverride')).toEqual([]);
    expect(fake.callsOf('requestPriorAuthorization').map((c) => (c.args as { timing?: string }).timing)).toEqual([
      'pre_service',
      undefined,
    ]);
    expect(status.authorization).toMatchObject({ outcome: 'certified', timing: 'retro', authNumber: 'AUTH-RETRO-1' });
    expect(fake.callsOf('submitClaim')[0]!.args).toMatchObject({ authNumber: 'AUTH-RETRO-1', revision: 1 });
    expect(status.flags.join(' ')).toContain('retro-authorization');
  });

  it('scheduled far ahead: eligibility is checked again before the claim', async () => {
    // The first answer is older than the recheck interval (7 days) when the visit is documented.
    const { status, fake, stages } = await runEncounter(
      { scheduled: true, coding: [confidentCoding()], eligibilityCheckedAt: '2026-01-05T09:00:00.000Z' },
      async (handle) => {
        await waitForStage(handle, 'awaiting_visit');
        await handle.executeUpdate(visitDocumentedUpdate, { args: [{ submittedBy: 'intake-1' }] });
      },
    );
    expect(stages).toEqual(['eligibility', 'awaiting_visit', 'coding', 'eligibility', 'billing', 'awaiting_remittance', 'billed']);
    expect(fake.callsOf('checkEligibility')).toHaveLength(2);
    expect(status.eligibility).toMatchObject({ purpose: 'before_claim', check: 2 });
    expect(status.authorization).toMatchObject({ outcome: 'not_required', timing: 'pre_service' });
  });

  it('a denied pre-service authorization: the patient is told they will pay, and is billed after the visit', async () => {
    const { fake, stages } = await runEncounter(
      {
        scheduled: true,
        coding: [mriCoding()],
        plannedAuthorizationRequired: true,
        preServiceAuthorizationRequests: [decision('denied', { reason: 'not covered' })],
      },
      async (handle) => {
        const denied = await waitForStage(handle, 'denied');
        await handle.executeUpdate(supervisorDecisionUpdate, {
          args: [{ decision: 'bill_patient', decidedBy: 'biller-1', decisionId: denied.pendingDecision!.id }],
        });
        await waitForStage(handle, 'awaiting_visit');
        await handle.executeUpdate(visitDocumentedUpdate, { args: [{ submittedBy: 'intake-1' }] });
      },
    );
    expect(stages).toEqual(['eligibility', 'authorization', 'denied', 'awaiting_visit', 'coding', 'billing', 'billed']);
    expect(fake.callsOf('comparePerformedWithAuthorized')).toEqual([]);
    expect(fake.callsOf('submitClaim')[0]!.args).toMatchObject({ billPatient: true });
  });
});
