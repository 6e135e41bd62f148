/**
 * Stage: from the accepted claim to the patient's bill. The workflow reads the clearinghouse
 * mailbox on a durable timer until the payer's remittance is posted; when the payer stays silent
 * past the directory's follow-up interval it sends a claim status inquiry (276), again at each
 * interval, until the timely-filing horizon, then asks a person. A payer-level rejection goes to
 * review and is resubmitted. A posted remittance that does not reconcile goes to review; denied
 * lines become work items (denials.ts). The statement is issued from the remittance only. The
 * waiting itself is workflows/claim-follow-up.ts, shared with the claim correction.
 */
import type { PostedClaimPayment } from '../../activities/posting.ts';
import type { PayerTerms } from '../../activities/remittances.ts';
import { external, internal, localInternal } from '../activities.ts';
import { ClaimFollowUp, type ClaimRef, type FollowUpEvent, type PayerAnswer } from '../claim-follow-up.ts';
import { DEFAULT_TIMINGS } from '../config.ts';
import type { RemittanceView } from '../messages.ts';
import { APPEAL_DECISION_AWAITED } from '../patches.ts';
import { claimWithPayerReason } from '../../domain/claim-with-payer.ts';
import type { AuthorizationForBilling } from './authorization.ts';
import { workDenials } from './denials.ts';
import type { EncounterState } from './state.ts';

export type { ClaimRef } from '../claim-follow-up.ts';
export { APPEAL_DECISION_DAYS } from '../claim-follow-up.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from the date of service to `nowMs` (UTC calendar days). */
function daysSinceService(dateOfService: string, nowMs: number): number {
  return Math.floor((nowMs - Date.parse(`${dateOfService}T00:00:00Z`)) / DAY_MS);
}

function toView(payment: PostedClaimPayment): RemittanceView {
  const view: RemittanceView = {
    traceNumber: payment.traceNumber,
    paymentDate: payment.paymentDate,
    claimNumber: payment.claimNumber,
    status: payment.status,
    statusWords: payment.statusWords,
    chargeCents: payment.chargeCents,
    paidCents: payment.paidCents,
    patientResponsibilityCents: payment.patientResponsibilityCents,
    reconciled: payment.reconciled,
    lines: payment.lines.map((l) => ({
      lineNumber: l.lineNumber,
      code: l.code,
      chargeCents: l.chargeCents,
      paidCents: l.paidCents,
      denied: l.denied,
      adjustments: l.adjustments,
      remarks: l.remarks,
    })),
  };
  if (payment.reconciliationNote) view.reconciliationNote = payment.reconciliationNote;
  return view;
}

/**
 * The encounter's follow-up of its claim (workflows/claim-follow-up.ts), with what it learns kept
 * in the encounter's status (the claim's status history, the remittances, the inquiries, when the
 * next follow-up is due), its horizon counted from the date of service, and its wait ended by a
 * cancellation.
 */
export class EncounterClaimFollowUp {
  private readonly followUp: ClaimFollowUp;

  constructor(
    readonly state: EncounterState,
    terms: PayerTerms,
  ) {
    const timings = state.input.timings;
    this.followUp = new ClaimFollowUp({
      encounterId: state.encounterId,
      terms,
      timings: {
        payerDay: timings.payerDay ?? DEFAULT_TIMINGS.payerDay!,
        remittancePollInterval: timings.remittancePollInterval ?? DEFAULT_TIMINGS.remittancePollInterval!,
      },
      onEvent: (event) => this.keep(event),
      checkpoint: () => state.checkpoint(),
      wakeWhen: () => state.cancelRequest !== undefined,
    });
  }

  get payerDayMs(): number {
    return this.followUp.payerDayMs;
  }

  /** The timely-filing horizon: the days left of the payer's limit (counted from the date of service), on the workflow clock. */
  startHorizon(): void {
    const { terms } = this.followUp;
    const left = Math.max(1, terms.timelyFilingDays - daysSinceService(this.state.input.dateOfService, this.state.now()));
    this.followUp.awaitFilingUntil(this.state.now() + left * this.payerDayMs);
  }

  /** After an appeal: the payer's decision window (APPEAL_DECISION_DAYS from the appeal). */
  startAppealWindow(): void {
    this.followUp.awaitAppealDecision();
  }

  /** Why nothing more is awaited, in the words of the supervisor's escalation. */
  overdueReason(claim: ClaimRef): string {
    return `${this.followUp.overdueReason(claim)}: resubmit or write off`;
  }

  private keep(event: FollowUpEvent): void {
    const adjudication = this.state.status.adjudication!;
    const note = (source: string, category: string, words: string) =>
      adjudication.claimStatusHistory.push({ at: new Date().toISOString(), source, category, words });
    switch (event.kind) {
      case 'horizon':
        adjudication.followUpUntil = new Date(event.at).toISOString();
        break;
      case 'duplicate-deliveries':
        if (!this.state.status.flags.some((f) => f.startsWith('duplicate remittance'))) {
          this.state.flag('duplicate remittance delivery received: counted, not posted again');
        }
        break;
      case 'acknowledged': {
        const ack = event.acknowledgement;
        note(
          'payer-acknowledgement',
          ack.status === 'accepted' ? 'A2' : 'A3',
          ack.status === 'accepted'
            ? 'the payer accepted the claim into adjudication'
            : `the payer returned the claim: ${ack.reasons.join('; ')}`,
        );
        break;
      }
      case 'remittance': {
        const { payment } = event;
        adjudication.remittances.push(toView(payment));
        note('remittance', payment.status, `835 ${payment.traceNumber}: ${payment.statusWords}, paid ${payment.paidCents} cents`);
        break;
      }
      case 'inquiring':
        adjudication.statusInquiries = event.inquiry;
        break;
      case 'claim-status': {
        const { status } = event;
        note('status-inquiry', status.category, `277 ${status.category}/${status.statusCode}: ${status.words}`);
        adjudication.nextFollowUpAt = new Date(event.nextFollowUpAt).toISOString();
        break;
      }
      case 'waiting':
        adjudication.nextFollowUpAt = new Date(event.nextFollowUpAt).toISOString();
        break;
    }
  }

  /**
   * Waits (durably) for the payer's answer to `claim`. `awaiting`: the claim's activity wrote the
   * move to awaiting_remittance (CLAIM_CARRIES_AWAITING), and the mailbox is first read after one
   * poll interval; otherwise the first read, at once, carries that move.
   */
  async awaitAnswer(claim: ClaimRef, awaiting = false): Promise<Exclude<PayerAnswer, { kind: 'paused' }>> {
    const carried = awaiting ? {} : await this.state.moveToCarried('awaiting_remittance', claimWithPayerReason(claim.claimNumber));
    const answer = await this.followUp.awaitAnswer(claim, carried, false, awaiting);
    if (answer.kind === 'paused') throw new Error('the encounter never pauses its claim follow-up');
    return answer;
  }
}

/** A new claim for the encounter: an original after a rejection or a lost claim, a replacement (frequency 7) after a denial. */
export async function submitAnotherClaim(
  state: EncounterState,
  authorization: AuthorizationForBilling,
  options: { replaces?: ClaimRef; corrections?: Array<{ code: string; modifiers: string[] }>; actor?: string },
): Promise<ClaimRef | undefined> {
  const { status } = state;
  for (;;) {
    state.checkpoint();
    state.claimAttempt += 1;
    const submitted = await external.submitClaim({
      encounterId: state.encounterId,
      attempt: state.claimAttempt,
      revision: status.codingRevision,
      authNumber: authorization.authNumber,
      authorizedUnits: authorization.authorizedUnits,
      billPatient: false,
      ...(options.replaces ? { replacesClaimId: options.replaces.claimId } : {}),
      ...(options.corrections ? { corrections: options.corrections } : {}),
    });
    status.claimId = submitted.claimId;
    status.claimNumber = submitted.claimNumber;
    if (submitted.accepted) return { claimId: submitted.claimId, claimNumber: submitted.claimNumber };
    const decision = await state.awaitSupervisor(
      'needs_review',
      'claim_rejected',
      `the clearinghouse rejected the claim: ${submitted.reasons.join('; ')}`,
      ['resubmit', 'write_off'],
    );
    if (decision?.decision === 'write_off') return undefined;
    if (state.pendingOverride) await state.tryOverride();
  }
}

/**
 * Follows the accepted claim to its remittance and the patient's statement. Returns when the
 * statement is issued, or when a person wrote the claim off.
 */
export async function followClaimToPayment(
  state: EncounterState,
  authorization: AuthorizationForBilling,
  knownTerms?: PayerTerms,
  /** The first claim's activity wrote the move to awaiting_remittance (CLAIM_CARRIES_AWAITING). */
  awaiting = false,
): Promise<void> {
  const { status, encounterId } = state;
  const terms = knownTerms ?? (await internal.payerTerms({ payerId: state.input.payerId }));
  status.adjudication = { ...terms, followUpUntil: '', statusInquiries: 0, claimStatusHistory: [], remittances: [] };
  status.adjudication.claimStatusHistory.push({
    at: new Date().toISOString(),
    source: 'clearinghouse',
    category: 'A2',
    words: `999 accepted, 277CA A2: claim ${status.claimNumber} accepted by the clearinghouse`,
  });
  const followUp = new EncounterClaimFollowUp(state, terms);
  followUp.startHorizon();
  const claimNumbers: string[] = [status.claimNumber!];
  let claim: ClaimRef | undefined = { claimId: status.claimId!, claimNumber: status.claimNumber! };
  let firstClaimAwaiting = awaiting;
  while (claim) {
    const answer = await followUp.awaitAnswer(claim, firstClaimAwaiting);
    firstClaimAwaiting = false;
    if (answer.kind === 'payer_rejected' || answer.kind === 'overdue') {
      const overdue = answer.kind === 'overdue';
      const decision = await state.awaitSupervisor(
        overdue ? 'escalated' : 'needs_review',
        overdue ? 'remittance_overdue' : 'claim_rejected',
        overdue
          ? followUp.overdueReason(claim)
          : `the payer returned the claim: ${answer.reasons.join('; ')}; correct (coverage, codes) and resubmit, or write off`,
        ['resubmit', 'write_off'],
      );
      if (decision?.decision === 'write_off') {
        state.flag(
          `claim ${claim.claimNumber} written off by ${decision.decidedBy}: ${decision.note ?? (overdue ? 'no answer from the payer' : 'returned by the payer')}`,
        );
        claim = undefined;
        break;
      }
      if (state.pendingOverride) await state.tryOverride();
      claim = await submitAnotherClaim(state, authorization, {});
      if (claim) {
        claimNumbers.push(claim.claimNumber);
        followUp.startHorizon();
      }
      continue;
    }
    const { payment } = answer;
    if (!payment.reconciled) {
      const decision = await state.awaitSupervisor(
        'needs_review',
        'remittance_unbalanced',
        `remittance ${payment.traceNumber} does not reconcile: ${payment.reconciliationNote ?? 'charge differs from paid plus adjustments'}`,
        ['accept_codes', 'write_off'],
      );
      state.flag(
        `unreconciled remittance ${payment.traceNumber} ${decision?.decision === 'write_off' ? 'written off' : 'accepted as posted'} by ${decision?.decidedBy ?? 'a supervisor'}`,
      );
    }
    if (!payment.lines.some((l) => l.denied)) break;
    const outcome = await workDenials(state, claim, payment, followUp.payerDayMs, terms.appealLimitDays, authorization);
    if (outcome.kind === 'written_off') break;
    if (outcome.kind === 'resubmitted') {
      claim = outcome.claim;
      claimNumbers.push(outcome.claim.claimNumber);
      followUp.startHorizon();
    } else if (state.uses(APPEAL_DECISION_AWAITED)) {
      // appealed: the answer is a new remittance for the same claim, awaited for the payer's
      // decision window rather than for what was left of timely filing.
      followUp.startAppealWindow();
    }
  }
  if (!claim && status.adjudication.remittances.length === 0) return;
  const statement = await state.moveAfter('billed', (carried) =>
    (state.level >= 3 ? localInternal : internal).issueStatementFromRemittance({ encounterId, claimNumbers, ...carried }),
  );
  status.statementId = statement.statementId;
  status.patientResponsibilityCents = statement.patientOwesCents;
  status.coordinationOfBenefits = statement.coordinationOfBenefits;
}
