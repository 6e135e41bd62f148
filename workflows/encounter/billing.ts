/**
 * Stage: billing and the patient statement. The claim goes to the clearinghouse (a rejected or
 * unbuildable claim goes to a supervisor, who resubmits, possibly after a coder's override), then
 * the patient's statement is issued (a failure goes to review).
 */
import { ActivityFailure } from '@temporalio/workflow';
import { external, internal } from '../activities.ts';
import { OVERRIDE_CHECKED_FIRST, REMITTANCE_AWAITED, STATEMENT_FAILURE_REVIEWED } from '../patches.ts';
import type { PayerTerms } from '../../activities/remittances.ts';
import { claimWithPayerReason } from '../../domain/claim-with-payer.ts';
import { followClaimToPayment } from './adjudication.ts';
import type { AuthorizationForBilling } from './authorization.ts';
import { failureMessage, type EncounterState } from './state.ts';

export async function bill(state: EncounterState, authorization: AuthorizationForBilling): Promise<void> {
  const { encounterId, status } = state;
  const carried = await state.moveToCarried('billing');
  /** The payer's terms, said by the claim's activity (TRANSITIONS_CARRIED). */
  let terms: PayerTerms | undefined;
  /** CLAIM_CARRIES_AWAITING: the claim's activity wrote the move to awaiting_remittance. */
  let awaiting: boolean;
  for (let attempt = 1; ; attempt++) {
    state.checkpoint();
    let problem: string;
    // The move to awaiting_remittance, for the claim's activity to write once the claim is accepted.
    // (level 2 implies REMITTANCE_AWAITED without asking the SDK: older encounters ask where they always did, below.)
    const ifAccepted = !authorization.billPatient && state.level >= 2 ? state.transitionIfSo('awaiting_remittance') : undefined;
    try {
      const claim = await external.submitClaim({
        encounterId,
        attempt,
        revision: status.codingRevision,
        authNumber: authorization.authNumber,
        authorizedUnits: authorization.authorizedUnits,
        billPatient: authorization.billPatient,
        ...(attempt === 1 ? carried : {}),
        ...(state.transitionsCarried ? { payerTermsOf: state.input.payerId } : {}),
        ...(ifAccepted ? { awaitingIfAccepted: ifAccepted } : {}),
      });
      terms = claim.payerTerms;
      status.claimId = claim.claimId;
      status.claimNumber = claim.claimNumber;
      state.claimAttempt = attempt;
      if (claim.accepted) {
        if (ifAccepted) state.enterCarried({ ...ifAccepted, reason: claimWithPayerReason(claim.claimNumber) });
        awaiting = ifAccepted !== undefined;
        break;
      }
      problem = `the clearinghouse rejected the claim: ${claim.reasons.join('; ')}`;
    } catch (err) {
      // A claim that cannot be built (an unpriced code, a missing field) needs a person.
      if (!(err instanceof ActivityFailure)) throw err;
      problem = `the claim could not be built: ${failureMessage(err, 'billing failed')}`;
    }
    const decision = await state.awaitSupervisor('needs_review', 'claim_rejected', problem, ['resubmit']);
    if (state.pendingOverride) {
      if (state.uses(OVERRIDE_CHECKED_FIRST)) await state.tryOverride();
      else await state.applyOverride();
    }
    await state.moveTo('billing', 'resubmitting the claim', decision?.decidedBy);
  }
  if (!authorization.billPatient && state.uses(REMITTANCE_AWAITED)) {
    // The statement waits for the payer's remittance (adjudication.ts).
    await followClaimToPayment(state, authorization, terms, awaiting);
  } else {
    status.statementId = await issueStatement(state);
  }
  // The statement's activity recorded the move to billed with the statement (TRANSITIONS_CARRIED).
  if (status.stage !== 'billed') await state.moveTo('billed');
}

/**
 * The patient's statement needs the member's benefits from the insurer. When the insurer
 * refuses the eligibility check (e.g. an unknown member), a person looks at it and asks for
 * another try once the coverage is sorted out.
 *
 * issuePatientStatement runs under the internal policy although it calls the insurer (see
 * activities/statements.ts): kept so running encounters replay; the revenue-cycle work replaces
 * this path with its own eligibility stage.
 */
async function issueStatement(state: EncounterState): Promise<string> {
  const { encounterId } = state;
  const claimId = state.status.claimId!;
  if (!state.uses(STATEMENT_FAILURE_REVIEWED)) {
    return (await internal.issuePatientStatement({ encounterId, claimId })).statementId;
  }
  for (;;) {
    state.checkpoint();
    try {
      return (await internal.issuePatientStatement({ encounterId, claimId })).statementId;
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      const why = failureMessage(err, 'the statement could not be issued');
      const decision = await state.awaitSupervisor(
        'needs_review',
        'statement_failed',
        `the patient statement could not be issued: ${why}`,
        ['resubmit'],
      );
      await state.moveTo('billing', 'issuing the patient statement again', decision?.decidedBy);
    }
  }
}
