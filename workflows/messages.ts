/**
 * Everything a client can say to, or ask of, a running encounter workflow. The API imports these
 * definitions; the workflow installs handlers for them. No patient data travels in these messages.
 *
 * Over 300 lines because it is the workflow's whole public contract: every signal, update and query
 * with its argument types.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Stage } from './stages.ts';
import type { AuthorizationOutcome } from '../domain/billing.ts';
import type { EligibilitySummary } from '../domain/eligibility.ts';

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
  /** pre_service: obtained before the date of service; retro: asked after the service (posted after the visit, or a correction). */
  timing?: 'pre_service' | 'retro';
  /** Scheduled encounters: what was performed against what was authorized (set once coded). */
  performedCheck?: { matches: boolean; differences: string[] };
}

/** The eligibility and benefits the encounter relies on: the latest inquiry, and why it was made. */
export interface EligibilityState extends EligibilitySummary {
  /** start: at the start of the encounter; before_claim: again before the claim (scheduled far ahead, or coverage corrected). */
  purpose: 'start' | 'before_claim';
}

/** A scheduled encounter: planned before the visit, documented by the clinic after it. */
export interface ScheduledVisit {
  dateOfService: string;
  /** When the clinic's documentation of the visit arrived (workflow time); unset while awaited. */
  documentedAt?: string;
}

/**
 * A biller's correction of what the encounter is billed under: its coverage (payer and member
 * id) or a switch to self-pay, stored by the workflow as a new coverage version; or the patient's
 * demographics, which the API stored as a new version already (the encounter checks again).
 */
export interface CoverageCorrection {
  kind: 'coverage' | 'demographics' | 'self_pay';
  correctedBy: string;
  reason: string;
  /** coverage: the new payer and member id. */
  payerId?: string;
  memberId?: string;
  /** coverage/self_pay: the coverage version the biller saw; a correction of an older one is refused. */
  expectedVersion?: number;
  /** demographics: the patient version the API stored. */
  version?: number;
}

/** The clinic documented the scheduled visit (the API stored and validated the documentation first). */
export interface VisitDocumented {
  submittedBy: string;
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
    /** a scheduled encounter: what was performed is not what was authorized before the visit */
    | 'authorization_mismatch'
    /** eligibility: inactive, member not found or the wrong member; a biller corrects coverage or demographics, or switches to self-pay */
    | 'coverage_problem'
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

/** The pending questions a biller may answer too (POST /encounters/:id/decision); the others are a supervisor's. */
export const BILLER_DECISION_KINDS: ReadonlyArray<PendingDecision['kind']> = [
  'authorization_denied',
  'authorization_expired',
  'authorization_modified',
  'authorization_mismatch',
  'coverage_problem',
  'claim_rejected',
];

/** Why the encounter waits for a coder (coder_review). */
export type CoderReviewReasonKind =
  | 'low_confidence' // the engine is not confident enough to bill straight through
  | 'edit_failed' // an error-severity pre-claim edit (Excludes1, age/sex, MUE...)
  | 'documented_code_changed' // a code the physician wrote was changed or dropped
  | 'payer_rule' // the payer directory asks a coder to review these codes
  | 'coding_failed' // the engine could not code the record within its attempts
  | 'coder_confirms'; // straight-through billing is off or not allowed for these codes: a coder confirms them

export interface CoderReviewReason {
  kind: CoderReviewReasonKind;
  /** For the coder: which codes and why. Never patient data beyond codes. */
  detail: string;
  codes?: string[];
}

/** The coders' worklist item: what the coder is asked to accept, edit or query. */
export interface PendingCoderReview {
  /** A coder's accept or query names this id; an answer to an earlier review is refused. */
  id: string;
  reasons: CoderReviewReason[];
  /** The coding revision under review (its codes, rationale and evidence are stored with it). */
  revision: number;
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
  /** Set while the encounter waits in coder_review. */
  coderReview?: PendingCoderReview;
  authorization?: AuthorizationState;
  /** The latest eligibility and benefits inquiry (encounters started before eligibility came first have none). */
  eligibility?: EligibilityState;
  /** insurance, or self_pay once a biller switched the encounter (priced from the self-pay price list, no claim). */
  financialClass?: 'insurance' | 'self_pay';
  /** Set for an encounter posted before its visit. */
  scheduled?: ScheduledVisit;
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

/**
 * A coder's answer in coder_review (or, for `edit`, at any stage where codes may change):
 * accept the codes under review, replace them (checked against the code sets and the edits
 * before the update is accepted), or ask the physician a question.
 */
export type CoderReviewAction =
  | { action: 'accept'; reviewId: string; reviewedBy: string; note?: string }
  | {
      action: 'edit';
      reviewId?: string;
      reviewedBy: string;
      diagnoses: CodeOverride['diagnoses'];
      procedures: CodeOverride['procedures'];
      note?: string;
    }
  | { action: 'query'; reviewId: string; reviewedBy: string; question: string; options?: string[]; note?: string };

/** One problem with a coder's codes, naming the field and the code (the API's 422 lists them). */
export interface CodeProblem {
  field: string;
  code: string;
  message: string;
}

/** The failure type of an update refused because of the codes; its details are CodeProblem[]. */
export const INVALID_CODES = 'InvalidCodes';

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
/**
 * A coder's accept / edit / query as an update: the handler looks the codes up and runs the edits
 * (an activity), so an invalid code is refused to the caller (ApplicationFailure INVALID_CODES).
 * Replaces overrideCodesSignal for new requests; the signal stays for histories that used it.
 */
export const coderReviewUpdate = defineUpdate<{ accepted: true; revision?: number }, [CoderReviewAction]>('coderReview');
export const cancelSignal = defineSignal<[CancelRequest]>('cancel');
/** A biller's correction of coverage or demographics, or a switch to self-pay: refused once the claim is out. */
export const coverageCorrectedUpdate = defineUpdate<{ accepted: true; version: number }, [CoverageCorrection]>('coverageCorrected');
/** The clinic documented a scheduled visit: refused for an encounter that is not scheduled or already documented. */
export const visitDocumentedUpdate = defineUpdate<{ accepted: true }, [VisitDocumented]>('visitDocumented');
/** A biller resubmits, appeals or writes off denied lines; refused synchronously when no such denial is open. */
export const denialActionUpdate = defineUpdate<{ accepted: true }, [DenialAction]>('denialAction');

/** The key of the last argument that carries a message's proof that the API sent it (platform/message-proof.ts). */
export const MESSAGE_PROOF_ARG = 'encounterflowMessageProof';
