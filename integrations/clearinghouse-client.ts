/**
 * Client of the clearinghouse: claim intake (POST /claims), the payer's acknowledgement of a
 * forwarded claim, the remittance (835) mailbox and claim status inquiries (276/277). Same error
 * classes as the insurer client.
 */
import type { ClaimAcknowledgement, ClaimDocument } from '../billing/types.ts';
import { claimAcknowledgementSchema } from './clearinghouse-contract.ts';
import { callJson } from './http-json.ts';
import { claimStatusResponseSchema, claimTrackingSchema, remittanceMailboxSchema } from './payer-claims-contract.ts';
import type { ClaimStatusRequest, ClaimStatusResponse, ClaimTracking, MailboxRemittance } from './payer-claims-contract.ts';

export const CLEARINGHOUSE = 'clearinghouse';

export class ClearinghouseClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly headers: Record<string, string>;

  /** `headers` are sent with every request (e.g. X-Sandbox-Fault in tests). */
  constructor(baseUrl: string, opts: { timeoutMs?: number; headers?: Record<string, string> } = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.headers = { ...opts.headers };
  }

  /**
   * Submits a claim. Safe to repeat: the clearinghouse detects a claim number it already has and
   * answers with the original acknowledgement (`duplicate: true`).
   */
  async submitClaim(claim: ClaimDocument, x12: string): Promise<ClaimAcknowledgement> {
    const ack = await callJson({
      party: CLEARINGHOUSE,
      operation: 'POST /claims',
      url: `${this.baseUrl}/claims`,
      method: 'POST',
      body: { claim, x12 },
      headers: this.headers,
      timeoutMs: this.timeoutMs,
      schema: claimAcknowledgementSchema,
    });
    const result: ClaimAcknowledgement = {
      claimNumber: ack.claimNumber,
      status: ack.status,
      functionalAck: ack.functionalAck,
      claimStatusCategory: ack.claimStatusCategory,
      rejections: ack.rejections,
      receivedAt: ack.receivedAt,
      duplicate: ack.duplicate,
    };
    if (ack.clearinghouseClaimId !== undefined) result.clearinghouseClaimId = ack.clearinghouseClaimId;
    return result;
  }

  /** The acknowledgement on file for a claim number. */
  async getClaim(claimNumber: string): Promise<ClaimAcknowledgement> {
    const ack = await callJson({
      party: CLEARINGHOUSE,
      operation: 'GET /claims/:claimNumber',
      url: `${this.baseUrl}/claims/${encodeURIComponent(claimNumber)}`,
      method: 'GET',
      headers: this.headers,
      timeoutMs: this.timeoutMs,
      schema: claimAcknowledgementSchema,
    });
    const { clearinghouseClaimId, ...rest } = ack;
    return clearinghouseClaimId === undefined ? rest : { ...rest, clearinghouseClaimId };
  }

  /** Whether the claim reached the payer, and the payer's own acknowledgement (277CA) once it did. */
  async trackClaim(claimNumber: string): Promise<ClaimTracking> {
    return callJson({
      party: CLEARINGHOUSE,
      operation: 'GET /claims/:claimNumber/tracking',
      url: `${this.baseUrl}/claims/${encodeURIComponent(claimNumber)}/tracking`,
      method: 'GET',
      headers: this.headers,
      timeoutMs: this.timeoutMs,
      schema: claimTrackingSchema,
    });
  }

  /** Every remittance delivered to our mailbox for a claim number (a duplicate delivery appears twice). */
  async fetchRemittances(claimNumber: string): Promise<MailboxRemittance[]> {
    const mailbox = await callJson({
      party: CLEARINGHOUSE,
      operation: 'GET /remittances',
      url: `${this.baseUrl}/remittances?claimNumber=${encodeURIComponent(claimNumber)}`,
      method: 'GET',
      headers: this.headers,
      timeoutMs: this.timeoutMs,
      schema: remittanceMailboxSchema,
    });
    return mailbox.remittances;
  }

  /** A claim status inquiry (276) relayed to the payer; the answer is its 277. */
  async inquireClaimStatus(request: ClaimStatusRequest): Promise<ClaimStatusResponse> {
    return callJson({
      party: CLEARINGHOUSE,
      operation: 'POST /claim-status',
      url: `${this.baseUrl}/claim-status`,
      method: 'POST',
      body: request,
      headers: this.headers,
      timeoutMs: this.timeoutMs,
      schema: claimStatusResponseSchema,
    });
  }
}
