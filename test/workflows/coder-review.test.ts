/**
 * The coder_review stage with in-memory activities on the time-skipping test server: which
 * encounters wait for a coder, and what the coder's accept, edit and query do.
 */
import { describe, expect, it } from 'vitest';
import type { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { coderReviewUpdate, INVALID_CODES, supervisorDecisionUpdate, type CoderReviewAction } from '../../workflows/messages.ts';
import { useWorkflowTestEnv } from '../../testkit/workflow-test-env.ts';
import { answerOpenQuery, runEncounter as runScripted, waitForStage, type Drive, type Handle } from '../../testkit/drive.ts';
import { confidentCoding, type Script } from '../../testkit/fake-activities.ts';
import type { CodingSummary } from '../../activities/index.ts';

const wf = useWorkflowTestEnv();

const runEncounter = (script: Script, drive?: Drive) => runScripted(wf, script, drive);

/** What the engine says when it is not sure enough to bill. */
function lowConfidence(revision = 1): CodingSummary {
  return {
    ...confidentCoding(revision),
    diagnoses: [{ code: 'R51.9', description: 'Headache, unspecified', confidence: 0.41 }],
    review: { reasons: [{ kind: 'low_confidence', detail: 'confidence under 0.55: R51.9 (0.41)', codes: ['R51.9'] }] },
  };
}

const review = (handle: Handle, action: CoderReviewAction) => handle.executeUpdate(coderReviewUpdate, { args: [action] });

describe('coder_review', () => {
  it('bills a confident encounter straight through, without a coder', async () => {
    const { stages } = await runEncounter({ coding: [{ ...confidentCoding(), review: { reasons: [] } }] });
    expect(stages).toEqual(['eligibility', 'coding', 'billing', 'awaiting_remittance', 'billed']);
  });

  it('holds a low-confidence encounter for a coder; the coder’s accept bills the codes under review', async () => {
    const { stages, status, fake } = await runEncounter({ coding: [lowConfidence()] }, async (handle) => {
      const waiting = await waitForStage(handle, 'coder_review');
      expect(waiting.coderReview).toMatchObject({ revision: 1, reasons: [{ kind: 'low_confidence', codes: ['R51.9'] }] });
      await expect(review(handle, { action: 'accept', reviewId: 'an-old-review', reviewedBy: 'coder-1' })).rejects.toBeInstanceOf(
        WorkflowUpdateFailedError,
      );
      await review(handle, { action: 'accept', reviewId: waiting.coderReview!.id, reviewedBy: 'coder-1' });
    });
    expect(stages).toEqual(['eligibility', 'coding', 'coder_review', 'billing', 'awaiting_remittance', 'billed']);
    expect(status.coderReview).toBeUndefined();
    expect(status.codes.diagnoses).toEqual(['R51.9']);
    expect(fake.callsOf('recordAudit').map((c) => (c.args as { action: string }).action)).toContain('coder_review:accept');
    expect(status.flags.join(' ')).toContain('accepted by coder coder-1');
  });

  it('refuses a coder’s invalid code synchronously, naming it, and leaves the encounter waiting', async () => {
    const { stages, status } = await runEncounter({ coding: [lowConfidence()] }, async (handle) => {
      const waiting = await waitForStage(handle, 'coder_review');
      const refused = await review(handle, {
        action: 'edit',
        reviewId: waiting.coderReview!.id,
        reviewedBy: 'coder-1',
        diagnoses: [{ code: 'R51.9' }, { code: 'Z99.999' }],
        procedures: [{ code: '99213' }],
      }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      const failure = (refused as WorkflowUpdateFailedError).cause as ApplicationFailure;
      expect(failure.type).toBe(INVALID_CODES);
      expect(failure.details?.[0]).toEqual([{ field: 'diagnoses.1.code', code: 'Z99.999', message: expect.stringContaining('Z99.999') }]);
      // An Excludes1 pair is refused the same way: the coder fixes it, no supervisor accepts it.
      const excluded = await review(handle, {
        action: 'edit',
        reviewedBy: 'coder-1',
        diagnoses: [{ code: 'E11.9' }, { code: 'E10.9' }],
        procedures: [],
      }).catch((e: unknown) => e);
      expect(((excluded as WorkflowUpdateFailedError).cause as ApplicationFailure).details?.[0]).toMatchObject([
        { code: 'E10.9', message: expect.stringContaining('EXCLUDES1') },
      ]);
      expect((await waitForStage(handle, 'coder_review')).coderReview?.id).toBe(waiting.coderReview!.id);
      await review(handle, {
        action: 'edit',
        reviewId: waiting.coderReview!.id,
        reviewedBy: 'coder-1',
        diagnoses: [{ code: 'G44.209' }],
        procedures: [{ code: '99213', units: 1 }],
      });
    });
    expect(stages).toEqual(['eligibility', 'coding', 'coder_review', 'billing', 'awaiting_remittance', 'billed']);
    expect(status.codes.diagnoses).toEqual(['G44.209']);
  });

  it('routes a changed physician code and a payer rule to the coder', async () => {
    const reasons = [
      {
        kind: 'documented_code_changed' as const,
        detail: 'the physician documented 99392, which the suggested codes change or drop',
        codes: ['99392'],
      },
      { kind: 'payer_rule' as const, detail: 'the payer asks a coder to review 99215', codes: ['99215'] },
    ];
    const { stages } = await runEncounter({ coding: [{ ...confidentCoding(), review: { reasons } }] }, async (handle) => {
      const waiting = await waitForStage(handle, 'coder_review');
      expect(waiting.coderReview?.reasons).toEqual(reasons);
      await review(handle, { action: 'edit', reviewedBy: 'coder-1', diagnoses: [{ code: 'Z00.129' }], procedures: [{ code: '99392' }] });
    });
    expect(stages).toEqual(['eligibility', 'coding', 'coder_review', 'billing', 'awaiting_remittance', 'billed']);
  });

  it('lets a coder accept documented units over the per-day limit only with a note; a supervisor then signs off the edit', async () => {
    const overUnits = {
      ...confidentCoding(),
      edits: [{ rule: 'MUE', severity: 'error' as const, message: '72148 is billed for 2 units; the per-day limit is 1.' }],
    };
    const { stages, status } = await runEncounter({ coding: [overUnits] }, async (handle) => {
      const waiting = await waitForStage(handle, 'coder_review');
      const bare = await review(handle, { action: 'accept', reviewId: waiting.coderReview!.id, reviewedBy: 'coder-1' }).catch(
        (e: unknown) => e,
      );
      expect((bare as WorkflowUpdateFailedError).cause?.message).toContain('accept them with a note');
      await review(handle, { action: 'accept', reviewId: waiting.coderReview!.id, reviewedBy: 'coder-1', note: 'second study documented' });
      const signOff = await waitForStage(handle, 'needs_review');
      expect(signOff.pendingDecision).toMatchObject({ kind: 'edit_failed', allowed: ['accept_codes'] });
      await handle.executeUpdate(supervisorDecisionUpdate, {
        args: [{ decision: 'accept_codes', decidedBy: 'sup-1', decisionId: signOff.pendingDecision!.id }],
      });
    });
    expect(stages).toEqual(['eligibility', 'coding', 'coder_review', 'needs_review', 'billing', 'awaiting_remittance', 'billed']);
    expect(status.flags.join(' ')).toContain('billed despite edit errors (MUE)');
  });

  it('by default holds even a confident engine result for a coder’s one-step confirmation; a coder’s own codes are not held again', async () => {
    const { straightThrough: _allowed, ...unconfirmed } = confidentCoding();
    const { stages, status } = await runEncounter(
      { coding: [{ ...unconfirmed, straightThrough: { allowed: false, why: 'straight-through billing is off' } }] },
      async (handle) => {
        const waiting = await waitForStage(handle, 'coder_review');
        expect(waiting.coderReview?.reasons).toEqual([{ kind: 'coder_confirms', detail: 'straight-through billing is off' }]);
        await review(handle, {
          action: 'edit',
          reviewId: waiting.coderReview!.id,
          reviewedBy: 'coder-1',
          diagnoses: [{ code: 'J02.9' }],
          procedures: [{ code: '99213', units: 1 }],
        });
      },
    );
    expect(stages).toEqual(['eligibility', 'coding', 'coder_review', 'billing', 'awaiting_remittance', 'billed']);
    expect(status.codes.diagnoses).toEqual(['J02.9']);
    const silent = await runEncounter({ coding: [unconfirmed] }, async (handle) => {
      const waiting = await waitForStage(handle, 'coder_review');
      expect(waiting.coderReview?.reasons.map((r) => r.kind)).toEqual(['coder_confirms']); // no policy answer: fail closed
      await review(handle, { action: 'accept', reviewId: waiting.coderReview!.id, reviewedBy: 'coder-1' });
    });
    expect(silent.stages).toEqual(['eligibility', 'coding', 'coder_review', 'billing', 'awaiting_remittance', 'billed']);
  });

  it('sends the coder’s query to the physician and brings the re-coded answer back to review when still unsure', async () => {
    const { stages, fake } = await runEncounter({ coding: [lowConfidence(), lowConfidence(), confidentCoding()] }, async (handle) => {
      const waiting = await waitForStage(handle, 'coder_review');
      await review(handle, {
        action: 'query',
        reviewId: waiting.coderReview!.id,
        reviewedBy: 'coder-1',
        question: 'Which type of diabetes?',
        options: ['Type 1 diabetes mellitus', 'Type 2 diabetes mellitus'],
      });
      const asked = await waitForStage(handle, 'awaiting_clarification');
      expect(asked.openQuery?.options).toEqual([
        'Type 1 diabetes mellitus',
        'Type 2 diabetes mellitus',
        'Other (please specify)',
        'Clinically undetermined',
      ]);
      await answerOpenQuery(handle);
      const again = await waitForStage(handle, 'coder_review');
      await review(handle, { action: 'accept', reviewId: again.coderReview!.id, reviewedBy: 'coder-1' });
    });
    expect(stages).toEqual([
      'eligibility',
      'coding',
      'coder_review',
      'awaiting_clarification',
      'coding',
      'coder_review',
      'billing',
      'awaiting_remittance',
      'billed',
    ]);
    expect((fake.callsOf('codeEncounter')[1]!.args as { answers: unknown[] }).answers).toHaveLength(1);
  });

  it('stops retrying an engine that keeps failing and hands the encounter to a coder, who codes it', async () => {
    const { stages, status, fake } = await runEncounter({ coding: [confidentCoding()], codingFails: true }, async (handle) => {
      const waiting = await waitForStage(handle, 'coder_review', 30_000);
      expect(waiting.coderReview?.reasons.map((r) => r.kind)).toEqual(['coding_failed']);
      await expect(review(handle, { action: 'accept', reviewId: waiting.coderReview!.id, reviewedBy: 'coder-1' })).rejects.toBeInstanceOf(
        WorkflowUpdateFailedError,
      );
      await review(handle, {
        action: 'edit',
        reviewId: waiting.coderReview!.id,
        reviewedBy: 'coder-1',
        diagnoses: [{ code: 'J06.9' }],
        procedures: [{ code: '99213' }],
      });
    });
    expect(fake.callsOf('codeEncounter')).toHaveLength(3);
    expect(stages).toEqual(['eligibility', 'coding', 'coder_review', 'billing', 'awaiting_remittance', 'billed']);
    expect(status.flags.join(' ')).toContain('coding failed after its attempts');
  });

  it('refuses accept and query outside coder_review, and an edit once billing started', async () => {
    await runEncounter({ coding: [{ ...confidentCoding(), review: { reasons: [] } }] }, async (handle) => {
      await expect(review(handle, { action: 'accept', reviewId: 'x', reviewedBy: 'coder-1' })).rejects.toBeInstanceOf(
        WorkflowUpdateFailedError,
      );
    });
  });
});
