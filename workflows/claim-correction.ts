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
 * dunning cycle follows, started again if it had ended paid and a balance is left, a refund work item for an overpayment), the question's conversation says
 * what happened at each step and the patient is notified (signed webhook). No answer by the
 * payer's filing horizon, or a claim refused, goes to a supervisor. A long payer wait continues as
 * new (CLAIM_CORRECTION_CONTINUES_AS_NEW): the next run resumes the follow-up where it stood.
 */
import { continueAsNew, patched, workflowInfo } from '@temporalio/workflow';
import type { ClaimCorrectionPlan } from '../activities/claim-corrections.ts';
import { external, internal } from './activities.ts';
import type { ClaimCorrectionInput, ClaimCorrectionOutcome } from './claim-correction-config.ts';
import { ClaimFollowUp, type ClaimRef } from './claim-follow-up.ts';
import { CLAIM_CORRECTION_CONTINUES_AS_NEW, CLAIM_CORRECTION_HORIZON, CLAIM_CORRECTION_RENEWS_CYCLE } from './patches.ts';

/** Status inquiries of a correction are numbered after the encounter's own (their keys are per claim). */
const INQUIRY_BASE = 100;

const DEFAULT_CONTINUE_AFTER_EVENTS = 2_000;

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

/** Sends the claim back (a replacement, or an appeal) and says so; the claim then awaited, or the outcome when refused at once. */
async function sendBack(correctionId: string, plan: ClaimCorrectionPlan): Promise<ClaimRef | ClaimCorrectionOutcome> {
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
  return claim;
}

export async function claimCorrectionWorkflow(input: ClaimCorrectionInput): Promise<ClaimCorrectionOutcome> {
  const { correctionId, resume } = input;
  let plan: ClaimCorrectionPlan;
  let claim: ClaimRef;
  let counted: boolean;
  if (resume === undefined) {
    plan = await internal.prepareClaimCorrection({ correctionId });
    const sent = await sendBack(correctionId, plan);
    if (typeof sent === 'string') return sent;
    claim = sent;
    counted = patched(CLAIM_CORRECTION_HORIZON);
  } else {
    // Sent back by an earlier run, which continued as new while it waited on the payer.
    ({ plan, claim, counted } = resume);
  }
  // CLAIM_CORRECTION_CONTINUES_AS_NEW: a long payer wait (many reads, many inquiries) goes on in a new run.
  const continues = patched(CLAIM_CORRECTION_CONTINUES_AS_NEW);
  const followUp = new ClaimFollowUp({
    encounterId: plan.encounterId,
    terms: plan.terms,
    timings: input.timings,
    inquiryBase: INQUIRY_BASE,
    knownPaymentIds: plan.knownPaymentIds,
    ...(resume !== undefined ? { resume: resume.followUp } : {}),
    ...(continues
      ? {
          pauseWhen: () => {
            const info = workflowInfo();
            return info.continueAsNewSuggested || info.historyLength >= (input.continueAfterEvents ?? DEFAULT_CONTINUE_AFTER_EVENTS);
          },
        }
      : {}),
  });
  if (resume === undefined) {
    // CLAIM_CORRECTION_HORIZON: an appeal is awaited for the payer's decision window; a replacement
    // claim, as before, for the payer's timely-filing limit counted from the replacement.
    if (counted && plan.action === 'appeal') followUp.awaitAppealDecision();
    else followUp.awaitFilingUntil(Date.now() + plan.terms.timelyFilingDays * followUp.payerDayMs);
  }
  const answer = await followUp.awaitAnswer(claim, {}, resume !== undefined);
  if (answer.kind === 'paused') {
    return continueAsNew<typeof claimCorrectionWorkflow>({ ...input, resume: { plan, claim, counted, followUp: followUp.progress() } });
  }
  if (answer.kind === 'payer_rejected') {
    return stopForSupervisor(plan, correctionId, 'rejected', `the payer returned the claim: ${answer.reasons.join('; ')}`);
  }
  if (answer.kind !== 'posted') {
    const why = counted ? followUp.overdueReason(claim) : `no answer from the payer to claim ${claim.claimNumber} by its filing horizon`;
    return stopForSupervisor(plan, correctionId, 'overdue', why);
  }
  const reissued = await internal.reissueStatementAfterCorrection({ correctionId, claimNumber: claim.claimNumber });
  // CLAIM_CORRECTION_RENEWS_CYCLE: a balance left on a statement whose cycle ended paid is billed by a new cycle.
  if (reissued.balanceCents > 0 && patched(CLAIM_CORRECTION_RENEWS_CYCLE)) {
    await internal.renewStatementCycle({ statementId: plan.statementId });
  }
  if (plan.questionId !== null) {
    await external.sendPatientQuestionNotice({ questionId: plan.questionId, event: 'question.updated', sequence: 1 });
  }
  return 'completed';
}
