/** Client of the clearinghouse's claim intake (POST /claims); same error classes as the insurer client. */
import type { ClaimAcknowledgement, ClaimDocument } from '../billing/types.ts';
import { claimAcknowledgementSchema } from './clearinghouse-contract.ts';
import { callJson } from './http-json.ts';

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
}
