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
  CODE_OVERRIDE_STAGES.splice(0, CODE_OVERRIDE_STAGES.length, ...items.filter((stage) => stage.takesCodeOverride).map((stage) => stage.name));
}

/** Stages where a person is expected to step in. */
export const ATTENTION_STAGES = ['awaiting_coverage', 'escalated', 'coder_review', 'denied', 'needs_review'];

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
  billed: 'Billed',
  cancelled: 'Cancelled',
};

export function stageLabel(stage) {
  return STAGE_LABELS[stage] ?? String(stage);
}

const DECISION_LABELS = {
  extend: 'Give the physician more time',
  accept_codes: 'Bill with the codes as they stand',
  resubmit: 'Resubmit the authorization',
  bill_patient: 'Bill the patient (notice was given)',
  cancel: 'Cancel the encounter',
};

export function decisionLabel(decision) {
  return DECISION_LABELS[decision] ?? String(decision);
}

const PENDING_LABELS = {
  clarification_overdue: 'The physician did not answer the query in time',
  authorization_denied: 'The insurer denied the prior authorization',
  authorization_expired: 'The prior authorization was not decided in time',
  claim_rejected: 'The claim was rejected',
  statement_failed: 'The patient statement could not be produced',
  authorization_modified: 'The insurer modified the prior authorization',
  edit_failed: 'The claim failed the edits before submission',
};

export function pendingLabel(kind) {
  return PENDING_LABELS[kind] ?? String(kind);
}
