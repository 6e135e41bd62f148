/**
 * Every activity the encounter workflow calls, built from their dependencies, in two kinds that
 * the workflow runs under different retry policies (workflows/activities.ts):
 * - internal: our database and the coding engine — quick, retried until they succeed;
 * - external: the insurer, the clearinghouse and notification webhooks — retried through the
 *   party's outages for up to a day, a rejected request not at all.
 * The workflow imports only the types, so none of this code enters its sandbox, and each proxy
 * is typed with its kind only: an insurer call cannot be scheduled under the internal policy.
 */
import type { ActivityDeps } from './deps.ts';
import { createAuthorizationRequirementActivities, createPriorAuthorizationActivities } from './authorization.ts';
import { createBillingActivities } from './billing.ts';
import { createClaimCorrectionActivities } from './claim-corrections.ts';
import { createClarificationActivities } from './clarification.ts';
import { createCodingActivities } from './coding.ts';
import { createCoverageActivities } from './coverage.ts';
import { createEligibilityActivities } from './eligibility.ts';
import { createNotificationActivities } from './notifications.ts';
import { createMessageProofActivities } from './message-proof.ts';
import { createPatientQuestionActivities, createPatientQuestionNoticeActivities } from './patient-questions.ts';
import { createRecordActivities } from './records.ts';
import { createStatementActivities } from './statements.ts';
import { createStatementCycleActivities } from './statement-cycle.ts';
import { createStatementNoticeActivities } from './statement-notices.ts';
import { createRemittanceExternalActivities, createRemittanceInternalActivities } from './remittances.ts';

export function createInternalActivities(deps: ActivityDeps) {
  return {
    ...createRecordActivities(deps),
    ...createMessageProofActivities(deps),
    ...createCodingActivities(deps),
    ...createClarificationActivities(deps),
    ...createAuthorizationRequirementActivities(deps),
    ...createCoverageActivities(deps),
    // Internal by history, although it asks the insurer for eligibility: see statements.ts.
    ...createStatementActivities(deps),
    ...createPatientQuestionActivities(deps),
    ...createStatementCycleActivities(deps),
    ...createRemittanceInternalActivities(deps),
    ...createClaimCorrectionActivities(deps),
  };
}

export function createExternalActivities(deps: ActivityDeps) {
  return {
    ...createNotificationActivities(deps),
    ...createEligibilityActivities(deps),
    ...createPriorAuthorizationActivities(deps),
    ...createBillingActivities(deps),
    ...createPatientQuestionNoticeActivities(deps),
    ...createStatementNoticeActivities(deps),
    ...createRemittanceExternalActivities(deps),
  };
}

/** What the worker registers: both kinds under their (unchanged) activity names. */
export function createActivities(deps: ActivityDeps): Activities {
  return { ...createInternalActivities(deps), ...createExternalActivities(deps) };
}

export type InternalActivities = ReturnType<typeof createInternalActivities>;
export type ExternalActivities = ReturnType<typeof createExternalActivities>;
export type Activities = InternalActivities & ExternalActivities;
export type { CodingSummary } from './coding.ts';
export type { AuthorizationResult } from './authorization.ts';
export type { ActivityDeps } from './deps.ts';
