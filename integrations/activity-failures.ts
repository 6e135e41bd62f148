/**
 * Turns errors of the external-party clients into Temporal failures, so the activity retry policy
 * does the right thing: an unavailable party is retried (after its Retry-After when it gave one,
 * through ApplicationFailure's nextRetryDelay), a rejected request fails for good. Billing-data
 * errors (an invalid claim, an unpriced code) also fail for good: wrap buildClaim/priceLine too.
 */
import { ApplicationFailure } from '@temporalio/common';
import { ClaimValidationError } from '../billing/claim.ts';
import { UnpricedProcedureError } from '../billing/fee-schedule.ts';
import { ExternalPartyProtocolError, ExternalPartyRejectedError, ExternalPartyUnavailableError } from './errors.ts';

import {
  CLAIM_INVALID,
  EXTERNAL_PARTY_PROTOCOL,
  EXTERNAL_PARTY_REJECTED,
  EXTERNAL_PARTY_UNAVAILABLE,
  UNPRICED_PROCEDURE,
} from './failure-types.ts';

export * from './failure-types.ts';

export function toActivityFailure(err: unknown): Error {
  if (err instanceof ExternalPartyUnavailableError) {
    return ApplicationFailure.create({
      type: EXTERNAL_PARTY_UNAVAILABLE,
      message: err.message,
      nonRetryable: false,
      ...(err.retryAfterMs !== undefined ? { nextRetryDelay: err.retryAfterMs } : {}),
      details: [{ party: err.party, operation: err.operation, kind: err.kind, status: err.status ?? null }],
    });
  }
  if (err instanceof ExternalPartyRejectedError) {
    return ApplicationFailure.nonRetryable(err.message, EXTERNAL_PARTY_REJECTED, {
      party: err.party,
      operation: err.operation,
      status: err.status,
      problemType: err.problemType ?? null,
      fields: err.fields,
    });
  }
  if (err instanceof ExternalPartyProtocolError) {
    // A body we cannot read is a bug on one side; retrying may help if the party is mid-deploy.
    return ApplicationFailure.create({ type: EXTERNAL_PARTY_PROTOCOL, message: err.message, nonRetryable: false });
  }
  // Deterministic billing-data problems: retrying the same input gives the same answer.
  if (err instanceof ClaimValidationError) {
    return ApplicationFailure.nonRetryable(err.message, CLAIM_INVALID, { field: err.field });
  }
  if (err instanceof UnpricedProcedureError) {
    return ApplicationFailure.nonRetryable(err.message, UNPRICED_PROCEDURE, { payerId: err.payerId, code: err.code });
  }
  return err instanceof Error ? err : new Error(String(err));
}
