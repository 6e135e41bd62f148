/**
 * The encounter workflow's every path, with in-memory activities, on Temporal's time-skipping
 * test server: days of reminders and deadlines pass in milliseconds.
 *
 * Over 300 lines because every path shares one time-skipping server and one workflow bundle.
 */
import { describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import {
  answerClarificationSignal,
  answerClarificationUpdate,
  cancelSignal,
  coderReviewUpdate,
  overrideCodesSignal,
  statusQuery,
  supervisorDecisionSignal,
  supervisorDecisionUpdate,
  type EncounterStatus,
} from '../../workflows/messages.ts';
import type { Stage } from '../../workflows/stages.ts';
import { useWorkflowTestEnv } from '../../testkit/workflow-test-env.ts';
import {
  activitiesScheduled,
  answerOpenQuery,
  PHYSICIAN,
  runEncounter as runScripted,
  settledAfter,
  waitForStage,
  type Drive,
  type Handle,
} from '../../testkit/drive.ts';
import { until } from '../../testkit/poll.ts';
import { escalateUnansweredQuery } from '../../testkit/encounter-steps.ts';
import {
  confidentCoding,
  decision,
  mriCoding,
  overBilledCoding,
  rejectedThenAcceptedClaims,
  unsureCoding,
  type Script,
} from '../../testkit/fake-activities.ts';

const wf = useWorkflowTestEnv();

const runEncounter = (script: Script, drive?: Drive) => runScripted(wf, script, drive);

/** An MRI whose prior authorization the insurer keeps pended: the encounter stays in `authorization`. */
const alwaysPendedMri = (): Script => ({
  coding: [mriCoding()],
  authorizationRequired: true,
  authorizationRequests: [decision('pended')],
  authorizationStatuses: [decision('pended')],
});

/** A denied authorization the supervisor resubmits, certified the second time. */
const RESUBMITTED_AFTER_DENIAL: Stage[] = [
  'eligibility',
  'coding',
  'authorization',
  'denied',
  'authorization',
  'billing',
  'awaiting_remittance',
  'billed',
];

describe('encounter workflow', () => {
  it('goes straight through coding and billing when coding is confident and no authorization is needed', async () => {
    const { status, fake, stages } = await runEncounter({ coding: [confidentCoding()] });
    expect(stages).toEqual(['eligibility', 'coding', 'billing', 'awaiting_remittance', 'billed']);
    expect(status.codes.diagnoses).toEqual(['J06.9']);
    expect(status.authorization?.outcome).toBe('not_required');
    expect(status.claimNumber).toBe('CLM-1');
    expect(status.statementId).toBe('statement-1');
    expect(fake.callsOf('recordTransition')).toHaveLength(5);
    expect(fake.callsOf('openClarificationQuery')).toHaveLength(0);
  });

  it('asks the physician, rejects an answer outside the options, and re-codes with a valid answer', async () => {
    const { status, fake, stages } = await runEncounter({ coding: [unsureCoding(), confidentCoding()] }, async (handle) => {
      const waiting = await waitForStage(handle, 'awaiting_clarification');
      const queryId = waiting.openQuery!.queryId;
      expect(waiting.openQuery!.options).toContain('Clinically undetermined');
      await expect(
        handle.executeUpdate(answerClarificationUpdate, { args: [{ queryId, answeredBy: PHYSICIAN, option: 'Type 3 diabetes' }] }),
      ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await expect(
        handle.executeUpdate(answerClarificationUpdate, {
          args: [{ queryId, answeredBy: '1245319599', option: 'Type 2 diabetes mellitus' }],
        }),
      ).rejects.toThrow(/another physician|Update failed/);
      const result = await handle.executeUpdate(answerClarificationUpdate, {
        args: [{ queryId, answeredBy: PHYSICIAN, option: 'Type 2 diabetes mellitus' }],
      });
      expect(result).toEqual({ accepted: true });
    });
    expect(stages).toEqual(['eligibility', 'coding', 'awaiting_clarification', 'coding', 'billing', 'awaiting_remittance', 'billed']);
    expect(fake.callsOf('codeEncounter').map((c) => (c.args as { revision: number }).revision)).toEqual([1, 2]);
    expect((fake.callsOf('codeEncounter')[1]!.args as { answers: unknown[] }).answers).toHaveLength(1);
    expect(fake.callsOf('recordClarificationAnswer')).toHaveLength(1);
    expect(status.openQuery).toBeUndefined();
  });

  it('takes the answer as a signal from fire-and-forget clients', async () => {
    const { stages } = await runEncounter({ coding: [unsureCoding(), confidentCoding()] }, async (handle) => {
      const waiting = await waitForStage(handle, 'awaiting_clarification');
      await handle.signal(answerClarificationSignal, {
        queryId: waiting.openQuery!.queryId,
        answeredBy: PHYSICIAN,
        freeText: 'Type 2, long-standing',
      });
    });
    expect(stages).toEqual(['eligibility', 'coding', 'awaiting_clarification', 'coding', 'billing', 'awaiting_remittance', 'billed']);
  });

  it('reminds the physician after the reminder interval, then takes the answer', async () => {
    const { fake } = await runEncounter({ coding: [unsureCoding(), confidentCoding()] }, async (handle) => {
      await waitForStage(handle, 'awaiting_clarification');
      await wf.env.sleep('25h');
      const after = await handle.query(statusQuery);
      expect(after.openQuery!.remindersSent).toBe(1);
      await answerOpenQuery(handle);
    });
    const notices = fake.callsOf('notifyPhysician').map((c) => (c.args as { kind: string }).kind);
    expect(notices).toEqual(['new', 'reminder']);
  });

  describe('at the deadline the query escalates to a supervisor', () => {
    it('who extends it, after which the physician answers', async () => {
      const { stages, fake } = await runEncounter({ coding: [unsureCoding(), confidentCoding()] }, async (handle) => {
        const escalated = await escalateUnansweredQuery(handle, wf.env);
        expect(escalated.pendingDecision?.allowed).toEqual(['extend', 'accept_codes']);
        await handle.signal(supervisorDecisionSignal, { decision: 'extend', decidedBy: 'sup-1', extendBy: '24h' });
        await answerOpenQuery(handle);
      });
      expect(stages).toEqual([
        'eligibility',
        'coding',
        'awaiting_clarification',
        'escalated',
        'awaiting_clarification',
        'coding',
        'billing',
        'awaiting_remittance',
        'billed',
      ]);
      expect(fake.callsOf('notifyPhysician').filter((c) => (c.args as { kind: string }).kind === 'reminder').length).toBeGreaterThanOrEqual(
        2,
      );
      expect(fake.callsOf('notifySupervisor')).toHaveLength(1);
    });

    it('who accepts the codes as they stand', async () => {
      const { stages, status } = await runEncounter({ coding: [unsureCoding()] }, async (handle) => {
        await escalateUnansweredQuery(handle, wf.env);
        await handle.signal(supervisorDecisionSignal, { decision: 'accept_codes', decidedBy: 'sup-1' });
      });
      expect(stages).toEqual(['eligibility', 'coding', 'awaiting_clarification', 'escalated', 'billing', 'awaiting_remittance', 'billed']);
      expect(status.codes.diagnoses).toEqual(['E11.9']);
    });

    it('who cancels the encounter', async () => {
      const { stages, fake } = await runEncounter({ coding: [unsureCoding()] }, async (handle) => {
        await escalateUnansweredQuery(handle, wf.env);
        await handle.signal(supervisorDecisionSignal, { decision: 'cancel', decidedBy: 'sup-1', note: 'duplicate visit' });
      });
      expect(stages).toEqual(['eligibility', 'coding', 'awaiting_clarification', 'escalated', 'cancelled']);
      expect(fake.callsOf('submitClaim')).toHaveLength(0);
      expect(fake.callsOf('closeClarificationQuery').map((c) => (c.args as { status: string }).status)).toContain('withdrawn');
    });
  });

  describe('prior authorization', () => {
    it('is requested when the payer requires it and the approval number goes on the claim', async () => {
      const { stages, fake, status } = await runEncounter({ coding: [mriCoding()], authorizationRequired: true });
      expect(stages).toEqual(['eligibility', 'coding', 'authorization', 'billing', 'awaiting_remittance', 'billed']);
      expect(status.authorization).toMatchObject({ outcome: 'certified', authNumber: 'AUTH-1', attempt: 1 });
      expect((fake.callsOf('submitClaim')[0]!.args as { authNumber: string }).authNumber).toBe('AUTH-1');
    });

    it('follows a pended request on a durable timer until the insurer decides', async () => {
      const { stages, fake } = await runEncounter({
        coding: [mriCoding()],
        authorizationRequired: true,
        authorizationRequests: [decision('pended')],
        authorizationStatuses: [decision('pended'), decision('certified', { authNumber: 'AUTH-9' })],
      });
      expect(stages).toEqual(['eligibility', 'coding', 'authorization', 'billing', 'awaiting_remittance', 'billed']);
      expect(fake.callsOf('checkPriorAuthorizationStatus')).toHaveLength(2);
      expect((fake.callsOf('submitClaim')[0]!.args as { authNumber: string }).authNumber).toBe('AUTH-9');
    });

    it('parks a request still pended at the regulatory deadline for a supervisor', async () => {
      const { stages, status } = await runEncounter(alwaysPendedMri(), async (handle) => {
        const parked = await waitForStageAfterSkipping(handle, 'needs_review', '8d');
        expect(parked.pendingDecision?.kind).toBe('authorization_expired');
        await handle.signal(supervisorDecisionSignal, { decision: 'bill_patient', decidedBy: 'sup-1' });
      });
      expect(stages).toEqual(['eligibility', 'coding', 'authorization', 'needs_review', 'billing', 'billed']);
      expect(status.flags.some((f) => f.includes('without authorization'))).toBe(true);
    });

    it('bills only the authorized units of a partial approval and flags it', async () => {
      const { fake, status } = await runEncounter({
        coding: [mriCoding()],
        authorizationRequired: true,
        authorizationRequests: [decision('partial', { authNumber: 'AUTH-P', authorizedUnits: { '72148': 1 } })],
      });
      expect((fake.callsOf('submitClaim')[0]!.args as { authorizedUnits: Record<string, number> }).authorizedUnits).toEqual({ '72148': 1 });
      expect(status.flags).toContain('partially authorized: billing only the authorized units');
    });

    it('on a denial waits for the supervisor, who resubmits with more documentation', async () => {
      const { stages, fake } = await runEncounter(
        {
          coding: [mriCoding()],
          authorizationRequired: true,
          authorizationRequests: [
            decision('denied', { reason: 'not medically necessary' }),
            decision('certified', { authNumber: 'AUTH-2' }),
          ],
        },
        async (handle) => {
          const denied = await waitForStage(handle, 'denied');
          expect(denied.pendingDecision?.reason).toContain('not medically necessary');
          await handle.signal(supervisorDecisionSignal, { decision: 'resubmit', decidedBy: 'sup-1', note: 'added imaging history' });
        },
      );
      expect(stages).toEqual(RESUBMITTED_AFTER_DENIAL);
      expect(fake.callsOf('requestPriorAuthorization').map((c) => (c.args as { attempt: number }).attempt)).toEqual([1, 2]);
    });

    it('on a denial the supervisor may bill the patient with notice', async () => {
      const { stages, fake } = await runEncounter(
        { coding: [mriCoding()], authorizationRequired: true, authorizationRequests: [decision('denied', { reason: 'not covered' })] },
        async (handle) => {
          await waitForStage(handle, 'denied');
          await handle.signal(supervisorDecisionSignal, { decision: 'extend', decidedBy: 'sup-1' }); // not allowed here: ignored
          await handle.signal(supervisorDecisionSignal, { decision: 'bill_patient', decidedBy: 'sup-1' });
        },
      );
      expect(stages).toEqual(['eligibility', 'coding', 'authorization', 'denied', 'billing', 'billed']);
      expect((fake.callsOf('submitClaim')[0]!.args as { billPatient: boolean }).billPatient).toBe(true);
    });

    it('sends an invalid request to a supervisor instead of retrying it', async () => {
      const { stages, fake } = await runEncounter(
        { coding: [mriCoding()], authorizationRequired: true, authorizationRejected: true },
        async (handle) => {
          const review = await waitForStage(handle, 'needs_review');
          expect(review.pendingDecision?.reason).toContain('must be a CPT or HCPCS code');
          await handle.signal(cancelSignal, { cancelledBy: 'sup-1', reason: 'wrong payer on file' });
        },
      );
      expect(stages).toEqual(['eligibility', 'coding', 'authorization', 'needs_review', 'cancelled']);
      expect(fake.callsOf('requestPriorAuthorization')).toHaveLength(1);
    });
  });

  describe('cancel', () => {
    it('while the physician is asked withdraws the query', async () => {
      const { stages, fake } = await runEncounter({ coding: [unsureCoding()] }, async (handle) => {
        await waitForStage(handle, 'awaiting_clarification');
        await handle.signal(cancelSignal, { cancelledBy: 'coder-1', reason: 'entered in error' });
      });
      expect(stages).toEqual(['eligibility', 'coding', 'awaiting_clarification', 'cancelled']);
      expect(fake.callsOf('closeClarificationQuery').map((c) => (c.args as { status: string }).status)).toEqual(['withdrawn']);
    });

    it('while a pended authorization is followed up', async () => {
      const { stages, fake } = await runEncounter(alwaysPendedMri(), async (handle) => {
        await waitForStage(handle, 'authorization');
        await handle.signal(cancelSignal, { cancelledBy: 'biller-1', reason: 'patient withdrew' });
      });
      expect(stages).toEqual(['eligibility', 'coding', 'authorization', 'cancelled']);
      expect(fake.callsOf('submitClaim')).toHaveLength(0);
    });

    it('while a denial waits for a supervisor', async () => {
      const { stages } = await runEncounter(
        { coding: [mriCoding()], authorizationRequired: true, authorizationRequests: [decision('denied')] },
        async (handle) => {
          await waitForStage(handle, 'denied');
          await handle.signal(cancelSignal, { cancelledBy: 'sup-1', reason: 'not pursued' });
        },
      );
      expect(stages).toEqual(['eligibility', 'coding', 'authorization', 'denied', 'cancelled']);
    });

    it('before coding starts', async () => {
      const { stages, fake } = await runEncounter({ coding: [confidentCoding()] }, async (handle) => {
        await handle.signal(cancelSignal, { cancelledBy: 'intake-1', reason: 'duplicate submission' });
      });
      expect(stages.at(-1)).toBe('cancelled');
      expect(fake.callsOf('submitClaim')).toHaveLength(0);
    });
  });

  it("takes a coder's override while the physician is asked, and withdraws the query", async () => {
    const { stages, fake, status } = await runEncounter({ coding: [unsureCoding()] }, async (handle) => {
      await waitForStage(handle, 'awaiting_clarification');
      await handle.signal(overrideCodesSignal, {
        overriddenBy: 'coder-1',
        diagnoses: [{ code: 'E11.65' }],
        procedures: [{ code: '99214', units: 1 }],
        note: 'type documented in the problem list',
      });
    });
    expect(stages).toEqual(['eligibility', 'coding', 'awaiting_clarification', 'billing', 'awaiting_remittance', 'billed']);
    expect(status.codes.diagnoses).toEqual(['E11.65']);
    expect(status.codingRevision).toBe(2);
    expect(fake.callsOf('closeClarificationQuery').map((c) => (c.args as { status: string }).status)).toEqual(['withdrawn']);
  });

  it("flags a coder's override with an unknown code and keeps the physician's query open", async () => {
    const { stages, status, fake } = await runEncounter({ coding: [unsureCoding(), confidentCoding()] }, async (handle) => {
      const waiting = await waitForStage(handle, 'awaiting_clarification');
      await handle.signal(overrideCodesSignal, {
        overriddenBy: 'coder-1',
        diagnoses: [{ code: 'Z99.999' }],
        procedures: [{ code: '99214' }],
      });
      const after = await until("the override's rejection flagged", async () => {
        const status = await handle.query(statusQuery);
        return status.flags.some((f) => f.includes('rejected')) && status;
      });
      expect(after.stage).toBe('awaiting_clarification');
      expect(after.openQuery?.queryId).toBe(waiting.openQuery!.queryId);
      await handle.executeUpdate(answerClarificationUpdate, {
        args: [{ queryId: waiting.openQuery!.queryId, answeredBy: PHYSICIAN, option: 'Type 2 diabetes mellitus' }],
      });
    });
    expect(stages).toEqual(['eligibility', 'coding', 'awaiting_clarification', 'coding', 'billing', 'awaiting_remittance', 'billed']);
    expect(status.flags.join(' ')).toContain('Z99.999 is not in the code sets');
    expect(fake.callsOf('closeClarificationQuery')).toHaveLength(0);
  });

  it('takes a late answer from the physician while the supervisor has not decided yet', async () => {
    const { stages } = await runEncounter({ coding: [unsureCoding(), confidentCoding()] }, async (handle) => {
      const escalated = await escalateUnansweredQuery(handle, wf.env);
      await handle.executeUpdate(answerClarificationUpdate, {
        args: [{ queryId: escalated.openQuery!.queryId, answeredBy: PHYSICIAN, option: 'Type 2 diabetes mellitus' }],
      });
    });
    expect(stages).toEqual([
      'eligibility',
      'coding',
      'awaiting_clarification',
      'escalated',
      'coding',
      'billing',
      'awaiting_remittance',
      'billed',
    ]);
  });

  describe('pre-claim edits and supervisor decisions', () => {
    it('sends an encounter whose edits fail to a coder first (no longer to a supervisor to accept); accept is refused', async () => {
      const { stages, status } = await runEncounter({ coding: [overBilledCoding()] }, async (handle) => {
        const review = await waitForStage(handle, 'coder_review');
        expect(review.pendingDecision).toBeUndefined();
        expect(review.coderReview?.reasons.map((r) => r.kind)).toEqual(['edit_failed']);
        expect(review.coderReview?.reasons[0]!.detail).toContain('MUE');
        await expect(
          handle.executeUpdate(coderReviewUpdate, {
            args: [{ action: 'accept', reviewId: review.coderReview!.id, reviewedBy: 'coder-1' }],
          }),
        ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
        await handle.executeUpdate(coderReviewUpdate, {
          args: [
            {
              action: 'edit',
              reviewId: review.coderReview!.id,
              reviewedBy: 'coder-1',
              diagnoses: [{ code: 'J06.9' }],
              procedures: [{ code: '99213', units: 1 }],
            },
          ],
        });
      });
      expect(stages).toEqual(['eligibility', 'coding', 'coder_review', 'billing', 'awaiting_remittance', 'billed']);
      expect(status.codingRevision).toBe(2);
    });

    it("or a coder's override by the old signal fixes the codes", async () => {
      const { stages, status, fake } = await runEncounter({ coding: [overBilledCoding()] }, async (handle) => {
        await waitForStage(handle, 'coder_review');
        await handle.signal(overrideCodesSignal, {
          overriddenBy: 'coder-1',
          diagnoses: [{ code: 'J06.9' }],
          procedures: [{ code: '99213', units: 1 }],
        });
      });
      expect(stages).toEqual(['eligibility', 'coding', 'coder_review', 'billing', 'awaiting_remittance', 'billed']);
      expect(status.codingRevision).toBe(2);
      expect((fake.callsOf('submitClaim')[0]!.args as { revision: number }).revision).toBe(2);
    });

    it('refuses a stale, repeated or unfitting decision through the update, and takes the fitting one once', async () => {
      const { stages, fake } = await runEncounter(
        {
          coding: [mriCoding()],
          authorizationRequired: true,
          authorizationRequests: [decision('denied', { reason: 'not covered' }), decision('certified', { authNumber: 'AUTH-2' })],
        },
        async (handle) => {
          const denied = await waitForStage(handle, 'denied');
          const id = denied.pendingDecision!.id!;
          await expect(
            handle.executeUpdate(supervisorDecisionUpdate, {
              args: [{ decision: 'resubmit', decidedBy: 'sup-1', decisionId: 'an-old-question' }],
            }),
          ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
          await expect(
            handle.executeUpdate(supervisorDecisionUpdate, { args: [{ decision: 'extend', decidedBy: 'sup-1', decisionId: id }] }),
          ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
          await handle.executeUpdate(supervisorDecisionUpdate, { args: [{ decision: 'resubmit', decidedBy: 'sup-1', decisionId: id }] });
          // The same decision sent again (a client retry) must not answer a later question.
          await handle.signal(supervisorDecisionSignal, { decision: 'resubmit', decidedBy: 'sup-1', decisionId: id });
        },
      );
      expect(stages).toEqual(RESUBMITTED_AFTER_DENIAL);
      expect(fake.callsOf('requestPriorAuthorization')).toHaveLength(2);
    });

    it('ignores a decision when no question is pending, and a supervisor cancel takes effect at any stage', async () => {
      const { stages, status } = await runEncounter(alwaysPendedMri(), async (handle) => {
        await waitForStage(handle, 'authorization');
        await expect(
          handle.executeUpdate(supervisorDecisionUpdate, { args: [{ decision: 'resubmit', decidedBy: 'sup-1' }] }),
        ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
        await handle.signal(supervisorDecisionSignal, { decision: 'bill_patient', decidedBy: 'sup-1' });
        await handle.executeUpdate(supervisorDecisionUpdate, {
          args: [{ decision: 'cancel', decidedBy: 'sup-1', note: 'wrong patient' }],
        });
      });
      expect(stages).toEqual(['eligibility', 'coding', 'authorization', 'cancelled']);
      expect(status.history.at(-1)).toMatchObject({ reason: 'wrong patient', actor: 'sup-1' });
      expect(status.flags.join(' ')).toContain('ignored a supervisor decision: no decision is pending');
    });

    it('reviews a modified authorization without recoding: an override does not end it, the biller bills what was performed', async () => {
      const { stages, fake } = await runEncounter(
        {
          coding: [mriCoding()],
          authorizationRequired: true,
          authorizationRequests: [decision('modified', { authNumber: 'AUTH-M', authorizedUnits: { '70551': 1 } })],
        },
        async (handle) => {
          const review = await waitForStage(handle, 'needs_review');
          expect(review.pendingDecision).toMatchObject({
            kind: 'authorization_modified',
            allowed: ['resubmit', 'accept_codes', 'bill_patient'],
          });
          expect(review.pendingDecision?.reason).toContain('70551');
          expect(review.authorization).toMatchObject({ outcome: 'modified', timing: 'retro' });
          await handle.signal(overrideCodesSignal, {
            overriddenBy: 'coder-1',
            diagnoses: [{ code: 'M54.50' }],
            procedures: [{ code: '70551', units: 1 }],
          });
          // Proved once the workflow has answered the override: nothing applied it, the review stands.
          expect(activitiesScheduled(await settledAfter(handle, overrideCodesSignal))).not.toContain('applyCoderOverride');
          expect((await handle.query(statusQuery)).stage).toBe('needs_review');
          await handle.executeUpdate(supervisorDecisionUpdate, {
            args: [{ decision: 'accept_codes', decidedBy: 'biller-1', decisionId: review.pendingDecision!.id }],
          });
        },
      );
      expect(stages).toEqual(['eligibility', 'coding', 'authorization', 'needs_review', 'billing', 'awaiting_remittance', 'billed']);
      expect(fake.callsOf('applyCoderOverride')).toEqual([]);
      const claim = fake.callsOf('submitClaim')[0]!.args as { authNumber: string; revision: number };
      expect(claim).toMatchObject({ authNumber: 'AUTH-M', revision: 1 });
    });
  });

  it('numbers the reminders after a deadline extension, so each notice is distinct', async () => {
    const { fake } = await runEncounter({ coding: [unsureCoding(), confidentCoding()] }, async (handle) => {
      const escalated = await escalateUnansweredQuery(handle, wf.env);
      await handle.executeUpdate(supervisorDecisionUpdate, {
        args: [{ decision: 'extend', decidedBy: 'sup-1', extendBy: '24h', decisionId: escalated.pendingDecision!.id }],
      });
      await answerOpenQuery(handle);
    });
    const numbers = fake
      .callsOf('notifyPhysician')
      .filter((c) => (c.args as { kind: string }).kind === 'reminder')
      .map((c) => (c.args as { reminderNumber?: number }).reminderNumber);
    expect(numbers.every((n) => typeof n === 'number')).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('sends a rejected claim to a supervisor and resubmits it', async () => {
    const { stages, fake } = await runEncounter(
      {
        coding: [confidentCoding()],
        claims: rejectedThenAcceptedClaims(),
      },
      async (handle) => {
        const review = await waitForStage(handle, 'needs_review');
        expect(review.pendingDecision?.kind).toBe('claim_rejected');
        await handle.signal(supervisorDecisionSignal, { decision: 'resubmit', decidedBy: 'sup-1' });
      },
    );
    expect(stages).toEqual(['eligibility', 'coding', 'billing', 'needs_review', 'billing', 'awaiting_remittance', 'billed']);
    expect(fake.callsOf('submitClaim').map((c) => (c.args as { attempt: number }).attempt)).toEqual([1, 2]);
  });
});

async function waitForStageAfterSkipping(handle: Handle, stage: Stage, skip: string): Promise<EncounterStatus> {
  await waitForStage(handle, 'authorization');
  await wf.env.sleep(skip);
  return waitForStage(handle, stage);
}
