/**
 * Stage: from the accepted claim to the patient's bill. The workflow reads the clearinghouse
 * mailbox on a durable timer until the payer's remittance is posted; when the payer stays silent
 * past the directory's follow-up interval it sends a claim status inquiry (276), again at each
 * interval, until the timely-filing horizon, then asks a person. A payer-level rejection goes to
 * review and is resubmitted. A posted remittance that does not reconcile goes to review; denied
 * lines become work items (denials.ts). The statement is issued from the remittance only.
 */
import { condition, patched } from '@temporalio/workflow';
import type { PostedClaimPayment } from '../../activities/posting.ts';
import type { PayerTerms } from '../../activities/remittances.ts';
import { durationMs } from '../../domain/durations.ts';
import { external, internal } from '../activities.ts';
import { DEFAULT_TIMINGS } from '../config.ts';
import type { RemittanceView } from '../messages.ts';
import { APPEAL_DECISION_AWAITED } from '../patches.ts';
import type { AuthorizationForBilling } from './authorization.ts';
import { workDenials } from './denials.ts';
import type { EncounterState } from './state.ts';

export interface ClaimRef {
  claimId: string;
  claimNumber: string;
}

type Adjudication = { kind: 'posted'; payment: PostedClaimPayment } | { kind: 'payer_rejected'; reasons: string[] } | { kind: 'overdue' };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long the workflow waits for the payer's decision on an appeal before it asks a person: the
 * longest time a plan may take to decide a post-service appeal under the federal claims-procedure
 * rule for group health plans (29 CFR 2560.503-1(i)(2)(iii)(A): "not later than 60 days after
 * receipt"), counted in payer days from the appeal.
 */
export const APPEAL_DECISION_DAYS = 60;

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

export class ClaimFollowUp {
  readonly payerDayMs: number;
  private readonly pollMs: number;
  private readonly seen = new Set<string>();
  private horizon = 0;
  private appealPending = false;

  constructor(
    readonly state: EncounterState,
    readonly terms: PayerTerms,
  ) {
    const timings = state.input.timings;
    this.payerDayMs = durationMs(timings.payerDay ?? DEFAULT_TIMINGS.payerDay!);
    this.pollMs = durationMs(timings.remittancePollInterval ?? DEFAULT_TIMINGS.remittancePollInterval!);
  }

  /** The timely-filing horizon: the days left of the payer's limit (counted from the date of service), on the workflow clock. */
  startHorizon(): void {
    const left = Math.max(1, this.terms.timelyFilingDays - daysSinceService(this.state.input.dateOfService, this.state.now()));
    this.setHorizon(this.state.now() + left * this.payerDayMs);
    this.appealPending = false;
  }

  /**
   * After an appeal the claim was filed in time; what is awaited now is the payer's decision, for
   * APPEAL_DECISION_DAYS from the appeal (never less than what is left of timely filing).
   */
  startAppealWindow(): void {
    this.setHorizon(Math.max(this.horizon, this.state.now() + APPEAL_DECISION_DAYS * this.payerDayMs));
    this.appealPending = true;
  }

  /** Why nothing more is awaited, in the words of the supervisor's escalation. */
  overdueReason(claim: ClaimRef): string {
    const inquiries = this.state.status.adjudication!.statusInquiries;
    return this.appealPending
      ? `no decision on the appeal of claim ${claim.claimNumber} within ${APPEAL_DECISION_DAYS} days despite ${inquiries} status inquiries: resubmit or write off`
      : `no remittance for claim ${claim.claimNumber} by the timely-filing horizon (${this.terms.timelyFilingDays} days) despite ${inquiries} status inquiries: resubmit or write off`;
  }

  private setHorizon(at: number): void {
    this.horizon = at;
    this.state.status.adjudication!.followUpUntil = new Date(at).toISOString();
  }

  private note(source: string, category: string, words: string): void {
    this.state.status.adjudication!.claimStatusHistory.push({ at: new Date().toISOString(), source, category, words });
  }

  /** Waits (durably) for the payer's answer to `claim`. */
  async awaitAnswer(claim: ClaimRef): Promise<Adjudication> {
    const { state } = this;
    const adjudication = state.status.adjudication!;
    let carried = await state.moveToCarried('awaiting_remittance', `claim ${claim.claimNumber} is with the payer`);
    const followUpMs = this.terms.followUpDays * this.payerDayMs;
    let nextFollowUp = state.now() + followUpMs;
    let acknowledged = false;
    for (;;) {
      state.checkpoint();
      const collected = await external.collectRemittances({
        encounterId: state.encounterId,
        claimId: claim.claimId,
        claimNumber: claim.claimNumber,
        ...carried,
      });
      carried = {};
      if (collected.duplicateDeliveries > 0 && !state.status.flags.some((f) => f.startsWith('duplicate remittance'))) {
        state.flag('duplicate remittance delivery received: counted, not posted again');
      }
      const ack = collected.payerAcknowledgement;
      if (ack && !acknowledged) {
        acknowledged = true;
        this.note(
          'payer-acknowledgement',
          ack.status === 'accepted' ? 'A2' : 'A3',
          ack.status === 'accepted'
            ? 'the payer accepted the claim into adjudication'
            : `the payer returned the claim: ${ack.reasons.join('; ')}`,
        );
        if (ack.status === 'rejected') return { kind: 'payer_rejected', reasons: ack.reasons };
      }
      let answer: PostedClaimPayment | undefined;
      for (const payment of collected.payments) {
        if (this.seen.has(payment.claimPaymentId)) continue;
        this.seen.add(payment.claimPaymentId);
        adjudication.remittances.push(toView(payment));
        this.note('remittance', payment.status, `835 ${payment.traceNumber}: ${payment.statusWords}, paid ${payment.paidCents} cents`);
        if (payment.claimNumber === claim.claimNumber && payment.status !== '22') answer = payment;
      }
      if (answer) return { kind: 'posted', payment: answer };
      if (state.now() >= this.horizon) return { kind: 'overdue' };
      if (state.now() >= nextFollowUp) {
        adjudication.statusInquiries += 1;
        const status = await external.inquireClaimStatus({
          encounterId: state.encounterId,
          claimId: claim.claimId,
          claimNumber: claim.claimNumber,
          inquiry: adjudication.statusInquiries,
        });
        this.note('status-inquiry', status.category, `277 ${status.category}/${status.statusCode}: ${status.words}`);
        nextFollowUp = state.now() + followUpMs;
        adjudication.nextFollowUpAt = new Date(nextFollowUp).toISOString();
        continue; // a finalized answer may be in the mailbox already
      }
      adjudication.nextFollowUpAt = new Date(nextFollowUp).toISOString();
      await condition(
        () => state.cancelRequest !== undefined,
        Math.max(1, Math.min(this.pollMs, nextFollowUp - state.now(), this.horizon - state.now())),
      );
    }
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
  const followUp = new ClaimFollowUp(state, terms);
  followUp.startHorizon();
  const claimNumbers: string[] = [status.claimNumber!];
  let claim: ClaimRef | undefined = { claimId: status.claimId!, claimNumber: status.claimNumber! };
  while (claim) {
    const answer = await followUp.awaitAnswer(claim);
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
    } else if (patched(APPEAL_DECISION_AWAITED)) {
      // appealed: the answer is a new remittance for the same claim, awaited for the payer's
      // decision window rather than for what was left of timely filing.
      followUp.startAppealWindow();
    }
  }
  if (!claim && status.adjudication.remittances.length === 0) return;
  const statement = await state.moveAfter('billed', (carried) =>
    internal.issueStatementFromRemittance({ encounterId, claimNumbers, ...carried }),
  );
  status.statementId = statement.statementId;
  status.patientResponsibilityCents = statement.patientOwesCents;
  status.coordinationOfBenefits = statement.coordinationOfBenefits;
}
