/**
 * Every `patched()` marker of the encounter workflow, in the order they were introduced. A marker
 * lets a behaviour change reach new encounters while running ones replay the path they recorded
 * (test/workflows/histories holds both). A new behaviour change adds its marker here, with a
 * sentence saying what changed, and records new histories; a marker is never renamed or removed
 * while workflows started before it may still run.
 */

/**
 * A coder's override is checked (the activity looks the codes up) before the open query is
 * withdrawn, and a rejected override leaves the encounter where it was, flagged, instead of
 * failing the workflow. Workflows started before it keep the earlier order.
 */
export const OVERRIDE_CHECKED_FIRST = 'override-checked-before-withdrawing-query';

/**
 * Supervisor decisions are checked against the pending question (its id and the allowed
 * decisions) when they arrive, a decision with no question pending is ignored instead of
 * answering the next one, and a supervisor's cancel takes effect at any stage.
 */
export const DECISIONS_CHECKED = 'supervisor-decisions-checked';

/** Error-severity pre-claim edits stop the encounter for review before billing. */
export const EDIT_ERRORS_REVIEWED = 'edit-errors-reviewed';

/** A modified authorization (another service than requested) is reviewed before billing. */
export const MODIFIED_AUTHORIZATION_REVIEWED = 'modified-authorization-reviewed';

/** A failed patient statement goes to review instead of failing the workflow. */
export const STATEMENT_FAILURE_REVIEWED = 'statement-failure-reviewed';

/**
 * The DateOfService search attribute holds the first day of the month of service, not the day (a
 * HIPAA date element does not belong in visibility, which operators and the Web UI read without
 * the payload key). Workflows started before it keep publishing the day.
 */
export const DATE_OF_SERVICE_MONTH = 'date-of-service-month';

/**
 * Eligibility and benefits are checked at the start of the encounter (before coding); inactive,
 * not found or the wrong member waits for a biller (coverage or demographics corrected, switched
 * to self-pay, or cancelled). It also brings scheduled encounters (posted before the visit):
 * prior authorization before the date of service, the visit's documentation awaited, eligibility
 * checked again before the claim when the first check is old, and what was performed checked
 * against what was authorized.
 */
export const ELIGIBILITY_FIRST = 'eligibility-first';

/**
 * A modified authorization (the insurer authorized another service than the one performed) is
 * never fixed by recoding to what was authorized: a biller requests a modification (resubmit),
 * bills what was performed, or bills the patient. A coder's override no longer ends that review.
 */
export const MODIFIED_AUTHORIZATION_NOT_RECODED = 'modified-authorization-not-recoded';

/**
 * Signals and updates change an encounter only with a valid proof that the API sent them
 * (platform/message-proof.ts, checked by workflows/message-authentication.ts); a message without
 * one is refused and audited. Workflows that saw messages before it acted on them unchecked.
 */
export const MESSAGES_AUTHENTICATED = 'messages-authenticated';

/**
 * coder_review: the engine's codes wait for a coder when it is not confident enough, an edit
 * fails, a physician's code was changed or dropped, or the payer asks (workflows/encounter/
 * coder-review.ts); coding runs with bounded attempts and a failure goes to a coder too.
 */
export const CODER_REVIEW = 'coder-review-stage';

/**
 * A coder confirms every engine result unless the worker's straight-through policy allowed it
 * (CodingSummary.straightThrough.allowed; off unless a calibration with a measured precision of at
 * least 98 % enables it): the default is a person in the loop, never a claim nobody saw.
 */
export const CODER_CONFIRMS_BY_DEFAULT = 'coder-confirms-by-default';

/**
 * After the claim is accepted the encounter waits for the payer's remittance (mailbox polls, 276
 * follow-ups until the timely-filing horizon), posts it, works denials (resubmit, appeal, write
 * off, deadline), and issues the statement from the remittance instead of the estimate.
 */
export const REMITTANCE_AWAITED = 'remittance-awaited-before-statement';

/**
 * The main path's activities write the stage transition made just before them (eligibility,
 * coding, authorization, billing, awaiting remittance) and the statement's activity the move to
 * billed, instead of a recordTransition activity per stage; the claim's activity says the payer's
 * terms and the engine's coding result whether prior authorization is needed (no payerTerms or
 * checkAuthorizationRequirement activity while the payer is the same). Six activities fewer on a
 * routine visit; the stages and their records are the same.
 */
export const TRANSITIONS_CARRIED = 'transitions-carried-by-activities';

/**
 * Statement notices (the statement, the reminders, the final notice, a payment plan's installment
 * reminders) are sent to the patient through the clinic's messaging after they are recorded
 * (activities/statement-notices.ts), retried through messaging outages. Cycles and plans that
 * recorded notices before it only recorded them.
 */
export const STATEMENT_NOTICES_SENT = 'statement-notices-sent';

/**
 * The statement cycle (workflows/statement-cycle.ts, not the encounter's): its first step is one
 * activity (openStatementCycle: the facts, the statement as the first notice, the cycle's state
 * until the first reminder) instead of four (facts, notice, facts again, state).
 */
export const STATEMENT_CYCLE_OPENED_AT_ONCE = 'statement-cycle-opened-at-once';

/**
 * A patient question open for a long time (reminders every interval, a long conversation) continues
 * as new once its history is long (the server suggests it, or PatientQuestionWorkflowInput
 * .continueAfterEvents events): the new run resumes the reminders and escalation where the old one
 * left off, without acknowledging or telling the patient again.
 */
export const QUESTION_CONTINUES_AS_NEW = 'patient-question-continues-as-new';

/**
 * After an appeal the workflow awaits the payer's decision for APPEAL_DECISION_DAYS from the appeal
 * (workflows/encounter/adjudication.ts) instead of what was left of the timely-filing horizon
 * counted from the date of service, which could already have passed and escalated the appeal at once.
 */
export const APPEAL_DECISION_AWAITED = 'appeal-decision-awaited';

/**
 * A claim correction (workflows/claim-correction.ts) awaits the payer's answer to an appeal for the
 * payer's decision window, APPEAL_DECISION_DAYS from the appeal, as the encounter does since
 * APPEAL_DECISION_AWAITED, instead of the timely-filing limit counted from the appeal; a replacement
 * claim is still awaited for the timely-filing limit counted from the replacement (a corrected
 * claim is a new filing). A correction past its horizon tells the supervisor which of the two it
 * waited for and how many status inquiries went unanswered.
 */
export const CLAIM_CORRECTION_HORIZON = 'claim-correction-horizon';

/**
 * Fewer server round trips per encounter (issue 12). An encounter that records this one marker
 * takes the new behaviour of every earlier encounter marker without recording them one by one (the
 * SDK writes a marker and a TemporalChangeVersion search-attribute upsert for each, in the task
 * that first asks), and does not upsert its search attributes at start when the start carried them
 * (platform/encounter-workflow-start.ts does): on a routine visit one marker and one SDK upsert
 * instead of six each, and one upsert of ours fewer.
 */
export const FEWER_ROUND_TRIPS = 'fewer-round-trips-per-encounter';

/**
 * The claim's activity writes the move to awaiting_remittance once the clearinghouse accepted the
 * claim, and the first read of the clearinghouse mailbox waits one poll interval (a payer never
 * answers a claim the moment it was sent), instead of a mailbox read at once that carried the
 * transition: one activity and one workflow task fewer per claim. Like FEWER_ROUND_TRIPS, an
 * encounter that records it records no earlier marker (EncounterState.level).
 */
export const CLAIM_CARRIES_AWAITING = 'claim-carries-awaiting-remittance';

/**
 * A claim correction whose payer wait grows its history (a silent payer: mailbox reads and status
 * inquiries for months) continues as new once the history is long (the server suggests it, or
 * ClaimCorrectionInput.continueAfterEvents events): the next run resumes the follow-up — horizon,
 * inquiries sent, next follow-up, payments seen — without sending the claim back again.
 */
export const CLAIM_CORRECTION_CONTINUES_AS_NEW = 'claim-correction-continues-as-new';

/**
 * A claim correction whose reissued statement leaves a balance asks for the statement's cycle to
 * start again when it had ended paid (the patient paid the first statement in full, then the
 * payer's new answer raised their share): without it the patient was never billed the new amount.
 * A cycle still running was already woken by the reissue.
 */
export const CLAIM_CORRECTION_RENEWS_CYCLE = 'claim-correction-renews-cycle';

/**
 * Fewer workflow tasks per encounter (issue 12): the statement from the remittance
 * (issueStatementFromRemittance), the main path's last step, which uses only the database and
 * Temporal itself (it starts the statement's cycle), runs as a local activity in the workflow task
 * that asks for it: its result is a marker in that task instead of an activity task and one more
 * workflow task. Coding stays an activity: a cancel that arrives while a local activity runs is
 * seen only after the commands that follow it in the same task (the claim) went out. Like
 * FEWER_ROUND_TRIPS, an encounter that records it records no earlier marker (EncounterState.level).
 */
export const INTERNAL_STEPS_LOCAL = 'internal-steps-local-activities';

/**
 * Fewer workflow tasks per statement cycle (issue 12): the cycle's first step (openStatementCycle:
 * database only) runs as a local activity in the cycle's first workflow task, which then asks for
 * the statement notice at once: two workflow tasks and one activity task to the first reminder
 * instead of three and two. Nothing a message says can change that step's outcome: a payment or a
 * hold arriving meanwhile is read before the first reminder as before. Like FEWER_ROUND_TRIPS, a
 * cycle that records it records no earlier cycle marker (STATEMENT_CYCLE_OPENED_AT_ONCE,
 * STATEMENT_NOTICES_SENT): one marker and one TemporalChangeVersion upsert instead of two.
 */
export const STATEMENT_CYCLE_OPENED_LOCALLY = 'statement-cycle-opened-locally';

/**
 * Fewer workflow tasks per statement cycle (issue 12): each notice is sent to the patient
 * (sendStatementNotice) first as a local activity, in the workflow task that recorded it — for the
 * statement itself, the cycle's first task, right after openStatementCycle — so a routine cycle
 * reaches its wait for the first reminder in one workflow task instead of two, and with no activity
 * task. That one local attempt failing (messaging down, a timeout) hands the notice to the
 * `messaging` activity, retried through the outage as before; the activity itself is idempotent
 * (one delivery per notice, the same webhook-id at every attempt). A dunningChanged message that
 * arrives while the statement is sent now wakes the cycle to read the facts at once; before, one that
 * arrived during the activity was cleared when the wait for the first reminder began, and the
 * payment or hold it announced was read at the reminder. Like FEWER_ROUND_TRIPS, a cycle that
 * records it records no earlier cycle marker (STATEMENT_CYCLE_OPENED_LOCALLY and those it stands for).
 */
export const STATEMENT_NOTICES_SENT_LOCALLY = 'statement-notices-sent-locally';
