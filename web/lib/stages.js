/**
 * Stages and the labels people read for them, for decisions and for the questions a supervisor
 * is asked. The stage lists come from the API (GET /stages): nothing here copies the workflow's.
 */

/**
 * The encounter stages in workflow order, the final ones, and those that take a code override,
 * as the API lists them (GET /stages). Empty until `loadStages` filled them, which the page does
 * before it draws anything.
 */
export const STAGES = [];
export const FINAL_STAGES = [];
export const CODE_OVERRIDE_STAGES = [];

/** Fills STAGES, FINAL_STAGES and CODE_OVERRIDE_STAGES (in place: importers keep their arrays) from the API. */
export async function loadStages(client) {
  const { items } = await client.stages();
  STAGES.splice(0, STAGES.length, ...items.map((stage) => stage.name));
  FINAL_STAGES.splice(0, FINAL_STAGES.length, ...items.filter((stage) => stage.final).map((stage) => stage.name));
  CODE_OVERRIDE_STAGES.splice(
    0,
    CODE_OVERRIDE_STAGES.length,
    ...items.filter((stage) => stage.takesCodeOverride).map((stage) => stage.name),
  );
}

/** Stages where a person is expected to step in. */
export const ATTENTION_STAGES = ['awaiting_coverage', 'escalated', 'coder_review', 'denied', 'needs_review', 'denial_review'];

const STAGE_LABELS = {
  received: 'Received',
  eligibility: 'Eligibility',
  awaiting_coverage: 'Coverage problem',
  awaiting_visit: 'Awaiting the visit',
  coding: 'Coding',
  awaiting_clarification: 'Awaiting physician',
  escalated: 'Escalated',
  coder_review: 'Coder review',
  authorization: 'Prior authorization',
  denied: 'Authorization denied',
  needs_review: 'Needs review',
  billing: 'Billing',
  awaiting_remittance: 'Awaiting remittance',
  denial_review: 'Claim denied',
  appealed: 'Appealed',
  billed: 'Billed',
  cancelled: 'Cancelled',
};

export function stageLabel(stage) {
  return STAGE_LABELS[stage] ?? String(stage);
}

const BILL_PATIENT = 'Bill the patient (notice was given)';
const RESUBMIT_AUTHORIZATION = 'Resubmit the authorization';

/** Decisions named without their question (the audit trail's "decision:resubmit"). */
const DECISION_LABELS = {
  extend: 'Give the physician more time',
  accept_codes: 'Accept the codes as they stand',
  resubmit: 'Try again (resubmit)',
  bill_patient: BILL_PATIENT,
  cancel: 'Cancel the encounter',
};

/**
 * What a decision does depends on the question: "resubmit" sends the authorization again after a
 * denial, the claim after a rejection, and makes the statement again after it failed.
 */
const DECISION_LABELS_BY_QUESTION = {
  clarification_overdue: { extend: 'Give the physician more time', accept_codes: 'Bill with the codes as they stand' },
  edit_failed: { accept_codes: 'Bill as coded despite the failed edits' },
  authorization_denied: { resubmit: RESUBMIT_AUTHORIZATION, bill_patient: BILL_PATIENT },
  authorization_expired: { resubmit: RESUBMIT_AUTHORIZATION, bill_patient: BILL_PATIENT },
  authorization_modified: { accept_codes: 'Bill as coded (the insurer authorized something else)', resubmit: RESUBMIT_AUTHORIZATION },
  authorization_mismatch: {
    resubmit: 'Request a modification of the authorization',
    accept_codes: 'Bill what was performed as it stands',
    bill_patient: BILL_PATIENT,
  },
  claim_rejected: { resubmit: 'Send the claim again' },
  appeal_deadline_missed: { write_off: 'Write off the denied lines', resubmit: 'Resubmit a corrected claim' },
  statement_failed: { resubmit: 'Issue the patient statement again' },
};

/** The decision's label for this question (`kind` of the pending decision); a general one without it. */
export function decisionLabel(decision, kind) {
  return DECISION_LABELS_BY_QUESTION[kind]?.[decision] ?? DECISION_LABELS[decision] ?? String(decision);
}

const PENDING_LABELS = {
  clarification_overdue: 'The physician did not answer the query in time',
  authorization_denied: 'The insurer denied the prior authorization',
  authorization_expired: 'The prior authorization was not decided in time',
  claim_rejected: 'The claim was rejected',
  statement_failed: 'The patient statement could not be produced',
  authorization_modified: 'The insurer modified the prior authorization',
  edit_failed: 'The claim failed the edits before submission',
  authorization_mismatch: 'What was performed is not what was authorized',
  coverage_problem: 'Coverage could not be confirmed',
  appeal_deadline_missed: 'The appeal deadline of a denied claim passed',
};

export function pendingLabel(kind) {
  return PENDING_LABELS[kind] ?? String(kind);
}
