/**
 * Sending a billed encounter's claim back to the payer, after the encounter's own workflow has
 * ended at `billed` (its statement, a patient's question about it): one workflow per request
 * (`claim-correction-<id>`, started once by the API), so the encounter's history and its replay
 * stay as they are. The biller's corrected replacement claim (frequency 7) goes to the
 * clearinghouse, or the claim's reconsideration/appeal with documents to the payer — the
 * encounter's own activities (submitClaim, fileAppeal) over real HTTP; then the clearinghouse
 * mailbox is read on a durable timer (collectRemittances posts each remittance once, the
 * replaced claim's reversal included), with status inquiries (276) at the payer's follow-up
 * interval, until the payer's new answer; then the statement is reissued from it (the balance the
 * dunning cycle follows, a refund work item for an overpayment), the question's conversation says
 * what happened at each step and the patient is notified (signed webhook). No answer by the
 * payer's filing horizon, or a claim refused, goes to a supervisor.
 */
import { sleep } from '@temporalio/workflow';
import type { ClaimCorrectionPlan } from '../activities/claim-corrections.ts';
import type { PostedClaimPayment } from '../activities/posting.ts';
import { durationMs } from '../domain/durations.ts';
import { external, internal } from './activities.ts';
import type { ClaimCorrectionInput, ClaimCorrectionOutcome } from './claim-correction-config.ts';
import type { ClaimRef } from './encounter/adjudication.ts';

/** Status inquiries of a correction are numbered after the encounter's own (their keys are per claim). */
const INQUIRY_BASE = 100;

type PayerAnswer = { kind: 'posted'; payment: PostedClaimPayment } | { kind: 'refused'; reasons: string[] } | { kind: 'overdue' };

/** Reads the mailbox until the payer's new answer to `claim` is posted, asking about it at each follow-up interval. */
async function awaitNewAnswer(plan: ClaimCorrectionPlan, claim: ClaimRef, timings: ClaimCorrectionInput['timings']): Promise<PayerAnswer> {
  const known = new Set(plan.knownPaymentIds);
  const payerDayMs = durationMs(timings.payerDay);
  const pollMs = durationMs(timings.remittancePollInterval);
  const followUpMs = plan.terms.followUpDays * payerDayMs;
  const horizon = Date.now() + plan.terms.timelyFilingDays * payerDayMs;
  let nextFollowUp = Date.now() + followUpMs;
  let inquiries = 0;
  for (;;) {
    const collected = await external.collectRemittances({ encounterId: plan.encounterId, ...claim });
    const fresh = collected.payments.find((p) => p.claimNumber === claim.claimNumber && p.status !== '22' && !known.has(p.claimPaymentId));
    if (fresh) return { kind: 'posted', payment: fresh };
    if (collected.payerAcknowledgement?.status === 'rejected') return { kind: 'refused', reasons: collected.payerAcknowledgement.reasons };
    if (Date.now() >= horizon) return { kind: 'overdue' };
    if (Date.now() >= nextFollowUp) {
      inquiries += 1;
      await external.inquireClaimStatus({ encounterId: plan.encounterId, ...claim, inquiry: INQUIRY_BASE + inquiries });
      nextFollowUp = Date.now() + followUpMs;
      continue; // a finalized answer may be in the mailbox already
    }
    await sleep(Math.max(1, Math.min(pollMs, nextFollowUp - Date.now(), horizon - Date.now())));
  }
}

async function stopForSupervisor(
  plan: ClaimCorrectionPlan,
  correctionId: string,
  status: 'rejected' | 'overdue',
  note: string,
): Promise<ClaimCorrectionOutcome> {
  await internal.recordClaimCorrectionStep({
    correctionId,
    status,
    note,
    message: 'Your insurer has not accepted the claim we sent back yet. A supervisor is looking into it and we will write to you here.',
  });
  await external.notifySupervisor({ encounterId: plan.encounterId, kind: `claim_correction_${status}`, reason: note });
  return status;
}

export async function claimCorrectionWorkflow(input: ClaimCorrectionInput): Promise<ClaimCorrectionOutcome> {
  const { correctionId } = input;
  const plan = await internal.prepareClaimCorrection({ correctionId });
  let claim: ClaimRef = plan.claim;
  if (plan.action === 'resubmit') {
    const submitted = await external.submitClaim({
      encounterId: plan.encounterId,
      attempt: plan.attempt,
      revision: plan.revision,
      ...(plan.authNumber !== undefined ? { authNumber: plan.authNumber } : {}),
      billPatient: false,
      replacesClaimId: plan.claim.claimId,
      ...(plan.corrections.length > 0 ? { corrections: plan.corrections } : {}),
    });
    if (!submitted.accepted) {
      return stopForSupervisor(
        plan,
        correctionId,
        'rejected',
        `the clearinghouse rejected the corrected claim: ${submitted.reasons.join('; ')}`,
      );
    }
    claim = { claimId: submitted.claimId, claimNumber: submitted.claimNumber };
    await internal.recordClaimCorrectionStep({
      correctionId,
      status: 'submitted',
      replacementClaimNumber: claim.claimNumber,
      message: `We sent a corrected claim to your insurer (${plan.reason}). We will update your statement here when your insurer answers.`,
    });
  } else {
    const receipt = await external.fileAppeal({
      encounterId: plan.encounterId,
      claimId: plan.claim.claimId,
      denialIds: [],
      reason: plan.reason,
      attachmentIds: plan.attachmentIds,
      appeal: plan.appeal,
      lineNumbers: plan.lineNumbers,
    });
    await internal.recordClaimCorrectionStep({
      correctionId,
      status: 'appealed',
      note: receipt.appealReference,
      message:
        'We asked your insurer to reconsider your claim, with the supporting documents. We will update your statement here when it answers.',
    });
  }
  const answer = await awaitNewAnswer(plan, claim, input.timings);
  if (answer.kind === 'refused') {
    return stopForSupervisor(plan, correctionId, 'rejected', `the payer returned the claim: ${answer.reasons.join('; ')}`);
  }
  if (answer.kind === 'overdue') {
    return stopForSupervisor(plan, correctionId, 'overdue', `no answer from the payer to claim ${claim.claimNumber} by its filing horizon`);
  }
  await internal.reissueStatementAfterCorrection({ correctionId, claimNumber: claim.claimNumber });
  if (plan.questionId !== null) {
    await external.sendPatientQuestionNotice({ questionId: plan.questionId, event: 'question.updated', sequence: 1 });
  }
  return 'completed';
}
