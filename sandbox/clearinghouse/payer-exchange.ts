/**
 * The clearinghouse's side of the payer connection: claims it accepted are forwarded to the
 * payer (the insurer sandbox's POST /claims), the payer's own acknowledgement is kept per claim
 * (277CA at payer level), and the payer's remittances (835s) are collected into the provider's
 * mailbox. Claim status inquiries (276) are relayed to the payer. Work happens when someone
 * asks (a provider polling its mailbox or tracking a claim), one pump at a time: forwards that
 * failed (the payer was down) are retried on the next pump, so nothing is lost and nothing is
 * forwarded twice. Without a payer URL claims stay unforwarded (a silent payer).
 */
import type express from 'express';
import type { ClaimSubmission } from '../../integrations/clearinghouse-contract.ts';
import { ExternalPartyRejectedError, ExternalPartyUnavailableError } from '../../integrations/errors.ts';
import { callJson } from '../../integrations/http-json.ts';
import {
  claimStatusRequestSchema,
  claimStatusResponseSchema,
  payerAcknowledgementSchema,
  payerRemittanceFeedSchema,
} from '../../integrations/payer-claims-contract.ts';
import type { ClaimTracking, MailboxRemittance, PayerAcknowledgement } from '../../integrations/payer-claims-contract.ts';
import { sendProblem, validationProblem } from '../../platform/problem.ts';

interface Forward {
  submission: ClaimSubmission;
  payerAcknowledgement?: PayerAcknowledgement;
  attempts: number;
}

export class PayerExchange {
  private readonly forwards = new Map<string, Forward>();
  private readonly mailbox: MailboxRemittance[] = [];
  private cursor = 0;
  private pumping: Promise<void> = Promise.resolve();

  constructor(
    private readonly payerUrl: string | undefined,
    private readonly timeoutMs = 5_000,
  ) {}

  reset(): void {
    this.forwards.clear();
    this.mailbox.length = 0;
    this.cursor = 0;
  }

  /** Queues an accepted claim for the payer (once per claim number). */
  enqueue(submission: ClaimSubmission): void {
    if (!this.forwards.has(submission.claim.claimNumber)) this.forwards.set(submission.claim.claimNumber, { submission, attempts: 0 });
  }

  /** Forwards what is pending and collects new remittances; concurrent calls share one pump at a time. */
  pump(): Promise<void> {
    this.pumping = this.pumping.then(() => this.pumpOnce()).catch(() => undefined);
    return this.pumping;
  }

  private async pumpOnce(): Promise<void> {
    if (!this.payerUrl) return;
    for (const forward of this.forwards.values()) {
      if (forward.payerAcknowledgement) continue;
      forward.attempts++;
      try {
        forward.payerAcknowledgement = await callJson({
          party: 'payer',
          operation: 'POST /claims',
          url: `${this.payerUrl}/claims`,
          method: 'POST',
          body: forward.submission,
          timeoutMs: this.timeoutMs,
          schema: payerAcknowledgementSchema,
        });
      } catch {
        // The payer is unavailable: the claim stays queued for the next pump.
      }
    }
    try {
      const feed = await callJson({
        party: 'payer',
        operation: 'GET /remittances',
        url: `${this.payerUrl}/remittances?after=${this.cursor}`,
        method: 'GET',
        timeoutMs: this.timeoutMs,
        schema: payerRemittanceFeedSchema,
      });
      for (const entry of feed.remittances) {
        const { sequence, copies, ...delivered } = entry;
        for (let copy = 1; copy <= copies; copy++) {
          this.mailbox.push({ ...delivered, deliveryId: `ERA-${sequence}-${copy}`, deliveredAt: new Date().toISOString() });
        }
        this.cursor = Math.max(this.cursor, sequence);
      }
    } catch {
      // Collected on a later pump.
    }
  }

  tracking(claimNumber: string): ClaimTracking | undefined {
    const forward = this.forwards.get(claimNumber);
    if (!forward) return undefined;
    const tracking: ClaimTracking = { claimNumber, forwardedToPayer: forward.payerAcknowledgement !== undefined };
    if (forward.payerAcknowledgement) tracking.payerAcknowledgement = forward.payerAcknowledgement;
    return tracking;
  }

  remittancesFor(claimNumber: string): MailboxRemittance[] {
    return this.mailbox.filter((r) => r.claimNumbers.includes(claimNumber));
  }

  get counts() {
    return {
      forwarded: [...this.forwards.values()].filter((f) => f.payerAcknowledgement).length,
      awaitingForward: [...this.forwards.values()].filter((f) => !f.payerAcknowledgement).length,
      remittancesDelivered: this.mailbox.length,
    };
  }

  get payerConfigured(): boolean {
    return this.payerUrl !== undefined;
  }

  get payerBaseUrl(): string | undefined {
    return this.payerUrl;
  }
}

/** The provider-facing routes (behind the clearinghouse's fault injection). */
export function installPayerExchangeRoutes(app: express.Express, exchange: PayerExchange, problemBase: string): void {
  app.get('/claims/:claimNumber/tracking', async (req, res) => {
    await exchange.pump();
    const tracking = exchange.tracking(req.params.claimNumber);
    if (!tracking) return sendProblem(res, { type: `${problemBase}/not-found`, title: 'No accepted claim with this number', status: 404 });
    res.json(tracking);
  });

  app.get('/remittances', async (req, res) => {
    const claimNumber = typeof req.query['claimNumber'] === 'string' ? req.query['claimNumber'] : '';
    if (claimNumber === '') {
      return sendProblem(res, {
        type: `${problemBase}/validation`,
        title: 'Invalid query',
        status: 400,
        errors: [{ field: 'claimNumber', message: 'is required' }],
      });
    }
    await exchange.pump();
    res.json({ remittances: exchange.remittancesFor(claimNumber) });
  });

  app.post('/claim-status', async (req, res) => {
    const parsed = claimStatusRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendProblem(res, validationProblem(problemBase, parsed.error));
    await exchange.pump();
    const payerUrl = exchange.payerBaseUrl;
    if (!payerUrl)
      return sendProblem(
        res,
        { type: `${problemBase}/unavailable`, title: 'No connection to this payer', status: 503 },
        { 'Retry-After': '60' },
      );
    try {
      res.json(
        await callJson({
          party: 'payer',
          operation: 'POST /claim-status',
          url: `${payerUrl}/claim-status`,
          method: 'POST',
          body: parsed.data,
          timeoutMs: 5_000,
          schema: claimStatusResponseSchema,
        }),
      );
    } catch (err) {
      if (err instanceof ExternalPartyRejectedError) {
        return sendProblem(res, { type: `${problemBase}/payer-refused`, title: 'The payer refused the inquiry', status: 422 });
      }
      const retryAfter =
        err instanceof ExternalPartyUnavailableError && err.retryAfterMs !== undefined ? Math.ceil(err.retryAfterMs / 1000) : 5;
      return sendProblem(
        res,
        { type: `${problemBase}/unavailable`, title: 'The payer did not answer', status: 503 },
        { 'Retry-After': String(retryAfter) },
      );
    }
  });
}
