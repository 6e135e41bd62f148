/**
 * Everything a client can say to, or ask of, a running encounter workflow. The API imports these
 * definitions; the workflow installs handlers for them. No patient data travels in these messages.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Stage } from './stages.ts';
import type { AuthorizationOutcome } from '../domain/billing.ts';

export interface StageTransition {
  from: Stage;
  to: Stage;
  /** ISO timestamp (workflow time). */
  at: string;
  reason?: string;
  actor?: string;
}

export interface OpenClarification {
  queryId: string;
  physicianNpi: string;
  question: string;
  clinicalIndicators: string[];
  options: string[];
  askedAt: string;
  dueAt: string;
  remindersSent: number;
}

export interface AuthorizationState {
  outcome: AuthorizationOutcome | 'not_required' | 'requested' | 'expired';
  attempt: number;
  payerReference?: string;
  authNumber?: string;
  validFrom?: string;
  validTo?: string;
  authorizedUnits?: Record<string, number>;
  reason?: string;
}

/** What the supervisor is being asked to decide, and which decisions fit. */
export interface PendingDecision {
  /** Identifies this question to the supervisor; a decision naming another id is refused. */
  id?: string;
  kind:
    | 'clarification_overdue'
    | 'authorization_denied'
    | 'authorization_expired'
    | 'authorization_modified'
    | 'edit_failed'
    | 'claim_rejected'
    | 'statement_failed';
  reason: string;
  allowed: SupervisorDecisionKind[];
  since: string;
}

export interface EncounterStatus {
  encounterId: string;
  stage: Stage;
  startedAt: string;
  updatedAt: string;
  codingRevision: number;
  codes: { diagnoses: string[]; procedures: Array<{ code: string; units: number; modifiers: string[] }> };
  openQuery?: OpenClarification;
  pendingDecision?: PendingDecision;
  authorization?: AuthorizationState;
  claimId?: string;
  claimNumber?: string;
  statementId?: string;
  /** Notes a biller should see, e.g. "billed authorized units only". */
  flags: string[];
  history: StageTransition[];
}

export interface ClarificationAnswerInput {
  queryId: string;
  /** The physician answering (NPI). */
  answeredBy: string;
  option?: string;
  freeText?: string;
}

export type SupervisorDecisionKind =
  | 'extend' // give the physician more time to answer
  | 'accept_codes' // bill with the codes as they stand
  | 'resubmit' // send the authorization again (with more documentation)
  | 'bill_patient' // bill without authorization; the patient was given notice
  | 'cancel';

export interface SupervisorDecision {
  /** The pending decision this answers (PendingDecision.id); a stale or repeated decision is refused. */
  decisionId?: string;
  decision: SupervisorDecisionKind;
  decidedBy: string;
  note?: string;
  /** With 'extend': how much longer the physician gets, e.g. '24h'. */
  extendBy?: string;
}

export interface CodeOverride {
  overriddenBy: string;
  diagnoses: Array<{ code: string }>;
  procedures: Array<{ code: string; units?: number; modifiers?: string[]; diagnosisPointers?: number[] }>;
  note?: string;
}

export interface CancelRequest {
  cancelledBy: string;
  reason: string;
}

export const statusQuery = defineQuery<EncounterStatus>('status');
export const answerClarificationUpdate = defineUpdate<{ accepted: true }, [ClarificationAnswerInput]>('answerClarification');
export const answerClarificationSignal = defineSignal<[ClarificationAnswerInput]>('answerClarificationSignal');
export const supervisorDecisionSignal = defineSignal<[SupervisorDecision]>('supervisorDecision');
/** The same decision as an update: the caller learns at once whether it fits the pending question. */
export const supervisorDecisionUpdate = defineUpdate<{ accepted: true }, [SupervisorDecision]>('decide');
export const overrideCodesSignal = defineSignal<[CodeOverride]>('overrideCodes');
export const cancelSignal = defineSignal<[CancelRequest]>('cancel');
