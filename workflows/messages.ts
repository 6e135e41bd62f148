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
    | 'statement_failed'
    | 'remittance_overdue'
    | 'remittance_unbalanced'
    | 'appeal_deadline_missed';
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
  /** The claim after it reached the payer: its status history, the remittances, follow-ups. */
  adjudication?: AdjudicationState;
  /** Denied lines as work items, with the payer's reasons in words and the appeal deadline. */
  denials?: DenialWorkItem[];
  /** Whether a secondary payer was billed before the patient, in words. */
  coordinationOfBenefits?: string;
  /** What the patient owes according to the remittance (PR adjustments). */
  patientResponsibilityCents?: number;
  /** Notes a biller should see, e.g. "billed authorized units only". */
  flags: string[];
  history: StageTransition[];
}

export interface ClaimStatusEntry {
  at: string;
  /** clearinghouse | payer-acknowledgement | status-inquiry | remittance */
  source: string;
  /** X12 claim status category (A2, A3, P1, F1, ...) or the 835's claim status code */
  category: string;
  words: string;
}

export interface RemittanceLineView {
  lineNumber: number;
  code: string;
  chargeCents: number;
  paidCents: number;
  denied: boolean;
  adjustments: Array<{ group: string; reasonCode: string; amountCents: number; words: string }>;
  remarks: Array<{ code: string; words: string }>;
}

export interface RemittanceView {
  traceNumber: string;
  paymentDate: string;
  claimNumber: string;
  status: string;
  statusWords: string;
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents: number;
  reconciled: boolean;
  reconciliationNote?: string;
  lines: RemittanceLineView[];
}

export interface AdjudicationState {
  timelyFilingDays: number;
  appealLimitDays: number;
  followUpDays: number;
  /** Until when the payer is followed up before a person is asked (the timely-filing horizon). */
  followUpUntil: string;
  nextFollowUpAt?: string;
  statusInquiries: number;
  claimStatusHistory: ClaimStatusEntry[];
  remittances: RemittanceView[];
}

export type DenialActionKind = 'resubmit' | 'appeal' | 'write_off';

export interface DenialWorkItem {
  denialId: string;
  claimNumber: string;
  lineNumber: number;
  code: string;
  chargeCents: number;
  reasons: string[];
  /** open | appealed | resubmitted | written_off | escalated */
  status: string;
  appealDueAt: string;
  remindersSent: number;
  appealReference?: string;
}

/** A biller's action on open denials: a validated update, refused at once when it does not fit. */
export interface DenialAction {
  action: DenialActionKind;
  /** The open denial work items it acts on (all of them on the claim when omitted). */
  denialIds?: string[];
  actor: string;
  /** Why (required for an appeal and a write-off). */
  reason?: string;
  /** appeal: the documents (uploaded first, referenced by id). */
  attachmentIds?: string[];
  /** resubmit: corrected modifiers per procedure code on the replacement claim. */
  corrections?: Array<{ code: string; modifiers: string[] }>;
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
  | 'write_off' // the practice absorbs what the payer did not pay (a denial past its appeal deadline, a lost claim)
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
/** A biller resubmits, appeals or writes off denied lines; refused synchronously when no such denial is open. */
export const denialActionUpdate = defineUpdate<{ accepted: true }, [DenialAction]>('denialAction');
