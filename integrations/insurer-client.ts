/**
 * Client of the insurer's API (prior authorization and eligibility); see sandbox/insurer/README.md.
 * Every failure is an ExternalPartyUnavailableError (retry later) or ExternalPartyRejectedError
 * (do not retry the same request).
 */
import type { AuthorizationDecision, Benefits, Cents } from '../domain/billing.ts';
import { authorizationResponseSchema, eligibilityResponseSchema } from './insurer-contract.ts';
import type { AuthorizationResponse, EligibilityQuery, EligibilityResponse, PriorAuthorizationRequest } from './insurer-contract.ts';
import { ExternalPartyRejectedError } from './errors.ts';
import { callJson } from './http-json.ts';
import { appealReceiptSchema } from './payer-claims-contract.ts';
import type { AppealReceipt, AppealRequest } from './payer-claims-contract.ts';

export type { PriorAuthorizationRequest, EligibilityQuery } from './insurer-contract.ts';

export interface EligibilityBenefits extends Benefits {
  /** False when the coverage is not active on the date of service. */
  active: boolean;
  deductibleRemainingCents: Cents;
}

export const INSURER = 'insurer';

/** The domain view of the insurer's answer. */
export function toAuthorizationDecision(response: AuthorizationResponse): AuthorizationDecision {
  const decision: AuthorizationDecision = { outcome: response.status, payerReference: response.payerReference };
  if (response.authNumber !== undefined) decision.authNumber = response.authNumber;
  if (response.validFrom !== undefined) decision.validFrom = response.validFrom;
  if (response.validTo !== undefined) decision.validTo = response.validTo;
  if (response.status === 'partial' || response.status === 'modified') {
    // Per code, summed over the request's lines (a code may be billed on several lines).
    const units: Record<string, number> = {};
    for (const service of response.services) units[service.code] = (units[service.code] ?? 0) + service.authorizedUnits;
    decision.authorizedUnits = units;
  }
  if (response.reason !== undefined) decision.reason = `${response.reason.code}: ${response.reason.text}`;
  return decision;
}

export class InsurerClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly headers: Record<string, string>;

  /** `headers` are sent with every request (e.g. X-Sandbox-Fault in tests). */
  constructor(baseUrl: string, opts: { timeoutMs?: number; headers?: Record<string, string> } = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.headers = { ...opts.headers };
  }

  /** Submits (or, with the same key, safely resubmits) a prior-authorization request. */
  async submitPriorAuthorization(req: PriorAuthorizationRequest, idempotencyKey: string): Promise<AuthorizationDecision> {
    const response = await callJson({
      party: INSURER,
      operation: 'POST /prior-authorizations',
      url: `${this.baseUrl}/prior-authorizations`,
      method: 'POST',
      body: req,
      headers: { ...this.headers, 'idempotency-key': idempotencyKey },
      timeoutMs: this.timeoutMs,
      schema: authorizationResponseSchema,
    });
    return toAuthorizationDecision(response);
  }

  /** Current status of a request (a pended request moves on as the insurer decides). */
  async getPriorAuthorization(payerReference: string): Promise<AuthorizationDecision> {
    const response = await callJson({
      party: INSURER,
      operation: 'GET /prior-authorizations/:payerReference',
      url: `${this.baseUrl}/prior-authorizations/${encodeURIComponent(payerReference)}`,
      method: 'GET',
      headers: this.headers,
      timeoutMs: this.timeoutMs,
      schema: authorizationResponseSchema,
    });
    return toAuthorizationDecision(response);
  }

  /** The member's benefits on the date of service; an unknown member is an ExternalPartyRejectedError (404). */
  async checkEligibility(q: EligibilityQuery): Promise<EligibilityBenefits> {
    const response = await this.postEligibility({ payerId: q.payerId, memberId: q.memberId, dateOfService: q.dateOfService });
    return { active: response.active, ...response.benefits };
  }

  /**
   * The whole 271-shaped answer to an eligibility and benefits inquiry (the subscriber's name and
   * date of birth are sent for the insurer to match); `{ found: false }` when the insurer has no
   * such member (404 member-not-found). Other refusals are ExternalPartyRejectedError.
   */
  async inquireEligibility(q: EligibilityQuery): Promise<{ found: true; response: EligibilityResponse } | { found: false }> {
    try {
      return { found: true, response: await this.postEligibility(q) };
    } catch (error) {
      if (error instanceof ExternalPartyRejectedError && error.status === 404) return { found: false };
      throw error;
    }
  }

  private postEligibility(body: EligibilityQuery): Promise<EligibilityResponse> {
    return callJson({
      party: INSURER,
      operation: 'POST /eligibility',
      url: `${this.baseUrl}/eligibility`,
      method: 'POST',
      body,
      headers: this.headers,
      timeoutMs: this.timeoutMs,
      schema: eligibilityResponseSchema,
    });
  }

  /** Files an appeal of denied lines with its documents; the same key again answers the first receipt. */
  async fileAppeal(request: AppealRequest, idempotencyKey: string): Promise<AppealReceipt> {
    return callJson({
      party: INSURER,
      operation: 'POST /appeals',
      url: `${this.baseUrl}/appeals`,
      method: 'POST',
      body: request,
      headers: { ...this.headers, 'idempotency-key': idempotencyKey },
      timeoutMs: this.timeoutMs,
      schema: appealReceiptSchema,
    });
  }
}
