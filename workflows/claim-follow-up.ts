/**
 * Following a claim at the payer until it answers: the clearinghouse mailbox read on a durable
 * timer (collectRemittances posts each 835 once), a claim status inquiry (276) whenever the payer
 * stays silent for the directory's follow-up interval, and a horizon after which a person is
 * asked. One follow-up for both workflows that wait on a payer: the encounter's
 * (workflows/encounter/adjudication.ts, which keeps what it learns in its EncounterState) and the
 * claim correction's (workflows/claim-correction.ts). It holds only what the wait needs — the
 * payer's terms, the payer day, the horizon, the payments already seen, the inquiries sent — and
 * tells its owner what it learns through `onEvent`; the workflow clock is Date.now().
 *
 * The commands it issues are the ones both workflows issued before they shared it, in the same
 * order (mailbox read; 276 when a follow-up is due, then read again; else a timer), so their
 * recorded histories replay unchanged.
 */
import { condition, sleep } from '@temporalio/workflow';
import type { CarriedTransitions } from '../activities/records.ts';
import type { PostedClaimPayment } from '../activities/posting.ts';
import type { ClaimStatusAnswer, PayerTerms, RemittanceCollection } from '../activities/remittances.ts';
import { durationMs } from '../domain/durations.ts';
import { external } from './activities.ts';

export interface ClaimRef {
  claimId: string;
  claimNumber: string;
}

/**
 * How long a payer's decision on an appeal is awaited before a person is asked: the longest time a
 * plan may take to decide a post-service appeal under the federal claims-procedure rule for group
 * health plans (29 CFR 2560.503-1(i)(2)(iii)(A): "not later than 60 days after receipt"), counted
 * in payer days from the appeal.
 */
export const APPEAL_DECISION_DAYS = 60;

export type PayerAnswer =
  | { kind: 'posted'; payment: PostedClaimPayment }
  | { kind: 'payer_rejected'; reasons: string[] }
  | { kind: 'overdue' }
  /** The owner asked to stop between mailbox reads (`pauseWhen`): its next run resumes from `progress()`. */
  | { kind: 'paused' };

/** What the follow-up learns, in order, for its owner to keep or show. */
export type FollowUpEvent =
  | { kind: 'horizon'; at: number }
  | { kind: 'acknowledged'; acknowledgement: NonNullable<RemittanceCollection['payerAcknowledgement']> }
  | { kind: 'duplicate-deliveries'; count: number }
  | { kind: 'remittance'; payment: PostedClaimPayment }
  /** Before the 276: the inquiry's number. */
  | { kind: 'inquiring'; inquiry: number }
  /** The 277 answering it, and when the next follow-up is due. */
  | { kind: 'claim-status'; status: ClaimStatusAnswer; nextFollowUpAt: number }
  /** Before each timer: when the next follow-up is due. */
  | { kind: 'waiting'; nextFollowUpAt: number };

/** Where a follow-up stands between mailbox reads: what a workflow's next run (continue-as-new) resumes from. */
export interface FollowUpProgress {
  horizon: number;
  appealPending: boolean;
  inquiries: number;
  nextFollowUpAt: number;
  seenPaymentIds: string[];
}

export interface ClaimFollowUpOptions {
  /** The encounter the claim bills (the activities' key). */
  encounterId: string;
  terms: PayerTerms;
  timings: { payerDay: string; remittancePollInterval: string };
  /** Inquiries are numbered after this (their idempotency keys are per claim and number). */
  inquiryBase?: number;
  /** Payments posted before the follow-up began: never taken for the payer's answer. */
  knownPaymentIds?: readonly string[];
  /** Told of each thing learnt (the encounter keeps them in its status). */
  onEvent?: (event: FollowUpEvent) => void;
  /** Before each mailbox read; throws to stop the wait (the encounter's cancellation). */
  checkpoint?: () => void;
  /** Ends a timer early when it becomes true (re-checked by `checkpoint`). */
  wakeWhen?: () => boolean;
  /** Before each mailbox read after the first: true ends the wait with `paused` (the owner continues as new). */
  pauseWhen?: () => boolean;
  /** A follow-up carried over from an earlier run. */
  resume?: FollowUpProgress;
}

export class ClaimFollowUp {
  readonly payerDayMs: number;
  private readonly pollMs: number;
  private readonly seen: Set<string>;
  private horizon = 0;
  private appealPending = false;
  private inquiries = 0;
  private nextFollowUpAt = 0;

  constructor(private readonly options: ClaimFollowUpOptions) {
    this.payerDayMs = durationMs(options.timings.payerDay);
    this.pollMs = durationMs(options.timings.remittancePollInterval);
    const { resume } = options;
    this.seen = new Set(resume?.seenPaymentIds ?? options.knownPaymentIds ?? []);
    if (resume) {
      this.horizon = resume.horizon;
      this.appealPending = resume.appealPending;
      this.inquiries = resume.inquiries;
      this.nextFollowUpAt = resume.nextFollowUpAt;
    }
  }

  get terms(): PayerTerms {
    return this.options.terms;
  }

  /** The claim is awaited until `at` (the payer's filing limit, however its owner counts it). */
  awaitFilingUntil(at: number): void {
    this.setHorizon(at);
    this.appealPending = false;
  }

  /**
   * After an appeal the claim was filed in time; what is awaited now is the payer's decision, for
   * APPEAL_DECISION_DAYS from the appeal (never less than the horizon already set).
   */
  awaitAppealDecision(): void {
    this.setHorizon(Math.max(this.horizon, Date.now() + APPEAL_DECISION_DAYS * this.payerDayMs));
    this.appealPending = true;
  }

  /** Why nothing more is awaited, for the person who is asked. */
  overdueReason(claim: ClaimRef): string {
    return this.appealPending
      ? `no decision on the appeal of claim ${claim.claimNumber} within ${APPEAL_DECISION_DAYS} days despite ${this.inquiries} status inquiries`
      : `no remittance for claim ${claim.claimNumber} by the timely-filing horizon (${this.terms.timelyFilingDays} days) despite ${this.inquiries} status inquiries`;
  }

  progress(): FollowUpProgress {
    return {
      horizon: this.horizon,
      appealPending: this.appealPending,
      inquiries: this.inquiries,
      nextFollowUpAt: this.nextFollowUpAt,
      seenPaymentIds: [...this.seen],
    };
  }

  private setHorizon(at: number): void {
    this.horizon = at;
    this.options.onEvent?.({ kind: 'horizon', at });
  }

  /**
   * Waits (durably) for the payer's answer to `claim`: a new remittance for it (not a reversal),
   * or the payer's rejection of it, or the horizon. `carried` rides on the first mailbox read;
   * `resumed` continues the follow-up schedule of an earlier run instead of starting a new one;
   * `readAfterInterval`: the first read waits one poll interval (a claim just sent is not answered yet).
   */
  async awaitAnswer(claim: ClaimRef, carried: CarriedTransitions = {}, resumed = false, readAfterInterval = false): Promise<PayerAnswer> {
    const { options } = this;
    const emit = (event: FollowUpEvent) => options.onEvent?.(event);
    const followUpMs = this.terms.followUpDays * this.payerDayMs;
    if (!resumed) this.nextFollowUpAt = Date.now() + followUpMs;
    let acknowledged = false;
    let first = true;
    if (readAfterInterval) await this.untilNextRead(emit);
    for (;;) {
      options.checkpoint?.();
      if (!first && options.pauseWhen?.()) return { kind: 'paused' };
      first = false;
      const collected = await external.collectRemittances({
        encounterId: options.encounterId,
        claimId: claim.claimId,
        claimNumber: claim.claimNumber,
        ...carried,
      });
      carried = {};
      if (collected.duplicateDeliveries > 0) emit({ kind: 'duplicate-deliveries', count: collected.duplicateDeliveries });
      const ack = collected.payerAcknowledgement;
      if (ack && !acknowledged) {
        // The payer's acknowledgement of a claim is stored once: every later read repeats it.
        acknowledged = true;
        emit({ kind: 'acknowledged', acknowledgement: ack });
        if (ack.status === 'rejected') return { kind: 'payer_rejected', reasons: ack.reasons };
      }
      let answer: PostedClaimPayment | undefined;
      for (const payment of collected.payments) {
        if (this.seen.has(payment.claimPaymentId)) continue;
        this.seen.add(payment.claimPaymentId);
        emit({ kind: 'remittance', payment });
        if (payment.claimNumber === claim.claimNumber && payment.status !== '22') answer = payment;
      }
      if (answer) return { kind: 'posted', payment: answer };
      if (Date.now() >= this.horizon) return { kind: 'overdue' };
      if (Date.now() >= this.nextFollowUpAt) {
        this.inquiries += 1;
        const inquiry = (options.inquiryBase ?? 0) + this.inquiries;
        emit({ kind: 'inquiring', inquiry });
        const status = await external.inquireClaimStatus({
          encounterId: options.encounterId,
          claimId: claim.claimId,
          claimNumber: claim.claimNumber,
          inquiry,
        });
        this.nextFollowUpAt = Date.now() + followUpMs;
        emit({ kind: 'claim-status', status, nextFollowUpAt: this.nextFollowUpAt });
        continue; // a finalized answer may be in the mailbox already
      }
      await this.untilNextRead(emit);
    }
  }

  /** A durable timer until the next mailbox read: a poll interval, or sooner when a follow-up or the horizon is due. */
  private async untilNextRead(emit: (event: FollowUpEvent) => void): Promise<void> {
    emit({ kind: 'waiting', nextFollowUpAt: this.nextFollowUpAt });
    const waitMs = Math.max(1, Math.min(this.pollMs, this.nextFollowUpAt - Date.now(), this.horizon - Date.now()));
    if (this.options.wakeWhen) await condition(this.options.wakeWhen, waitMs);
    else await sleep(waitMs);
  }
}
