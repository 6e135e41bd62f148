/**
 * One durable workflow per encounter: coding → physician clarification (when unsure) →
 * prior authorization (when the payer requires it) → billing. Deterministic: all I/O happens in
 * activities; time comes from the workflow clock; ids from the workflow's uuid4.
 */
import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  log,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  uuid4,
} from '@temporalio/workflow';
import { msToNumber } from '@temporalio/common/lib/time.js';
import type { Activities, AuthorizationResult, CodingSummary } from '../activities/index.ts';
import { DATE_OF_SERVICE, ENCOUNTER_STAGE, PAYER_ID } from '../platform/search-attributes.ts';
import type { EncounterWorkflowInput } from './config.ts';
import {
  answerClarificationSignal,
  answerClarificationUpdate,
  cancelSignal,
  overrideCodesSignal,
  statusQuery,
  supervisorDecisionSignal,
  supervisorDecisionUpdate,
  type CancelRequest,
  type ClarificationAnswerInput,
  type CodeOverride,
  type EncounterStatus,
  type PendingDecision,
  type SupervisorDecision,
  type SupervisorDecisionKind,
} from './messages.ts';
import type { Stage } from './stages.ts';

/** Database writes and the coding engine: quick, retried until they succeed. */
const internal = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Calls to the insurer, the clearinghouse and notification endpoints: retried through outages
 * (an ApplicationFailure's nextRetryDelay carries the party's Retry-After), for up to a day;
 * a rejected request is not retried.
 */
const external = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '24 hours',
  retry: {
    initialInterval: '2s',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    nonRetryableErrorTypes: ['ExternalPartyRejected', 'InvalidEncounter'],
  },
});

/**
 * Version marker: a coder's override is checked (the activity looks the codes up) before the
 * open query is withdrawn, and a rejected override leaves the encounter where it was, flagged,
 * instead of failing the workflow. Workflows started before it keep the earlier order.
 */
export const OVERRIDE_CHECKED_FIRST = 'override-checked-before-withdrawing-query';

/**
 * Version marker: supervisor decisions are checked against the pending question (its id and the
 * allowed decisions) when they arrive, a decision with no question pending is ignored instead of
 * answering the next one, and a supervisor's cancel takes effect at any stage.
 */
export const DECISIONS_CHECKED = 'supervisor-decisions-checked';

/** Version marker: error-severity pre-claim edits stop the encounter for review before billing. */
export const EDIT_ERRORS_REVIEWED = 'edit-errors-reviewed';

/** Version marker: a modified authorization (another service than requested) is reviewed before billing. */
export const MODIFIED_AUTHORIZATION_REVIEWED = 'modified-authorization-reviewed';

/** Version marker: a failed patient statement goes to review instead of failing the workflow. */
export const STATEMENT_FAILURE_REVIEWED = 'statement-failure-reviewed';

/** After this many rounds of questions the engine is not asked again: a supervisor decides. */
const MAX_CLARIFICATION_ROUNDS = 3;

class EncounterCancelled extends Error {
  constructor(readonly request: CancelRequest) {
    super('encounter cancelled');
  }
}

export async function encounterWorkflow(input: EncounterWorkflowInput): Promise<EncounterStatus> {
  const { encounterId, timings } = input;
  const startedAt = new Date().toISOString();
  const status: EncounterStatus = {
    encounterId,
    stage: 'received',
    startedAt,
    updatedAt: startedAt,
    codingRevision: 0,
    codes: { diagnoses: [], procedures: [] },
    flags: [],
    history: [],
  };

  let cancelRequest: CancelRequest | undefined;
  let pendingAnswer: ClarificationAnswerInput | undefined;
  let pendingOverride: CodeOverride | undefined;
  let pendingDecision: SupervisorDecision | undefined;

  // ---- message handlers -------------------------------------------------------------------
  setHandler(statusQuery, () => status);

  const validateAnswer = (answer: ClarificationAnswerInput): void => {
    const open = status.openQuery;
    if (!open) throw new Error('there is no open clarification query on this encounter');
    if (answer.queryId !== open.queryId) throw new Error(`query ${answer.queryId} is not the open query`);
    if (answer.answeredBy !== open.physicianNpi) throw new Error('the query is addressed to another physician');
    const hasOption = answer.option !== undefined && answer.option !== '';
    const hasText = answer.freeText !== undefined && answer.freeText.trim() !== '';
    if (!hasOption && !hasText) throw new Error('an answer needs one of the offered options or free text');
    if (hasOption && !open.options.includes(answer.option!)) {
      throw new Error('the answer is not one of the offered options'); // never echo the caller's text
    }
    if (pendingAnswer) throw new Error('this query has already been answered');
  };
  setHandler(
    answerClarificationUpdate,
    (answer) => {
      pendingAnswer = answer;
      return { accepted: true as const };
    },
    { validator: validateAnswer },
  );
  setHandler(answerClarificationSignal, (answer) => {
    try {
      validateAnswer(answer);
      pendingAnswer = answer;
    } catch (err) {
      status.flags.push(`ignored a clarification answer: ${(err as Error).message}`);
    }
  });
  const validateDecision = (decision: SupervisorDecision): void => {
    if (decision.decision === 'cancel') return;
    const open = status.pendingDecision;
    if (!open) throw new Error('no decision is pending on this encounter');
    if (decision.decisionId !== undefined && decision.decisionId !== open.id) {
      throw new Error('this decision answers a question that is no longer pending');
    }
    if (!open.allowed.includes(decision.decision)) {
      throw new Error(`"${decision.decision}" is not a decision allowed here (allowed: ${open.allowed.join(', ')})`);
    }
    if (pendingDecision) throw new Error('a decision has already been taken on this question');
  };
  const takeDecision = (decision: SupervisorDecision): void => {
    if (decision.decision === 'cancel') {
      cancelRequest ??= { cancelledBy: decision.decidedBy, reason: decision.note ?? 'cancelled by a supervisor' };
      return;
    }
    pendingDecision = decision;
  };
  setHandler(
    supervisorDecisionUpdate,
    (decision) => {
      takeDecision(decision);
      return { accepted: true as const };
    },
    { validator: validateDecision },
  );
  setHandler(supervisorDecisionSignal, (decision) => {
    if (!patched(DECISIONS_CHECKED)) {
      pendingDecision = decision;
      return;
    }
    try {
      validateDecision(decision);
      takeDecision(decision);
    } catch (err) {
      status.flags.push(`ignored a supervisor decision: ${(err as Error).message}`);
    }
  });
  setHandler(overrideCodesSignal, (override) => {
    pendingOverride = override;
  });
  setHandler(cancelSignal, (request) => {
    cancelRequest ??= request;
  });

  // ---- helpers ------------------------------------------------------------------------------
  const now = (): number => Date.now();
  const checkpoint = (): void => {
    if (cancelRequest) throw new EncounterCancelled(cancelRequest);
  };

  upsertSearchAttributes([
    { key: PAYER_ID, value: input.payerId },
    { key: DATE_OF_SERVICE, value: new Date(`${input.dateOfService}T00:00:00Z`) },
    { key: ENCOUNTER_STAGE, value: status.stage },
  ]);

  async function moveTo(to: Stage, reason?: string, actor?: string): Promise<void> {
    const from = status.stage;
    const at = new Date().toISOString();
    status.history.push({ from, to, at, reason, actor });
    status.stage = to;
    status.updatedAt = at;
    upsertSearchAttributes([{ key: ENCOUNTER_STAGE, value: to }]);
    await internal.recordTransition({ encounterId, sequence: status.history.length, from, to, at, reason, actor });
  }

  function applyCoding(summary: CodingSummary): void {
    status.codingRevision = summary.revision;
    status.codes = {
      diagnoses: summary.diagnoses.map((d) => d.code),
      procedures: summary.procedures.map((p) => ({ code: p.code, units: p.units, modifiers: p.modifiers })),
    };
  }

  /** Parks the encounter for a supervisor and waits for a decision that fits the situation. */
  async function awaitSupervisor(
    stage: Stage,
    kind: PendingDecision['kind'],
    reason: string,
    allowed: SupervisorDecisionKind[],
    alsoWakeOn: () => boolean = () => false,
  ): Promise<SupervisorDecision | undefined> {
    status.pendingDecision = { id: uuid4(), kind, reason, allowed, since: new Date().toISOString() };
    await moveTo(stage, reason);
    await external.notifySupervisor({ encounterId, kind, reason });
    for (;;) {
      await condition(() => cancelRequest !== undefined || pendingDecision !== undefined || alsoWakeOn());
      checkpoint();
      if (!pendingDecision) {
        status.pendingDecision = undefined;
        return undefined;
      }
      const decision = pendingDecision;
      pendingDecision = undefined;
      if (decision.decision === 'cancel') {
        throw new EncounterCancelled({ cancelledBy: decision.decidedBy, reason: decision.note ?? 'supervisor cancelled' });
      }
      if (allowed.includes(decision.decision)) {
        status.pendingDecision = undefined;
        await internal.recordAudit({
          encounterId,
          actor: decision.decidedBy,
          role: 'supervisor',
          action: `decision:${decision.decision}`,
          detail: { kind, note: decision.note ?? null, extendBy: decision.extendBy ?? null },
          idempotencyKey: `${encounterId}:decision:${uuid4()}`,
        });
        return decision;
      }
      status.flags.push(`ignored supervisor decision "${decision.decision}" (allowed: ${allowed.join(', ')})`);
    }
  }

  async function applyOverride(): Promise<CodingSummary> {
    const override = pendingOverride!;
    pendingOverride = undefined;
    const summary = await internal.applyCoderOverride({ encounterId, revision: status.codingRevision + 1, override });
    applyCoding(summary);
    status.flags.push(`codes overridden by coder ${override.overriddenBy}`);
    return summary;
  }

  /** Applies the pending override; a rejected one (e.g. a code not in the code sets) is flagged and dropped. */
  async function tryOverride(): Promise<CodingSummary | undefined> {
    try {
      return await applyOverride();
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      const why = err.cause instanceof ApplicationFailure ? err.cause.message : 'the codes could not be applied';
      status.flags.push(`a coder's override was rejected: ${why}`);
      return undefined;
    }
  }

  /** The result of an override that ended a clarification (checked before the query was withdrawn). */
  let overrideResult: CodingSummary | undefined;

  type ClarificationOutcome = 'answered' | 'accepted' | 'override';

  /** Asks the physician, reminds, escalates at the deadline. */
  async function clarify(summary: CodingSummary): Promise<ClarificationOutcome> {
    const draft = summary.clarification!;
    const queryId = uuid4();
    const askedAt = now();
    let dueAt = askedAt + msToNumber(timings.clarificationDeadline);
    await internal.openClarificationQuery({
      encounterId,
      queryId,
      physicianNpi: input.physicianNpi,
      draft,
      dueAt: new Date(dueAt).toISOString(),
    });
    status.openQuery = {
      queryId,
      physicianNpi: input.physicianNpi,
      question: draft.question,
      clinicalIndicators: draft.clinicalIndicators,
      options: draft.options,
      askedAt: new Date(askedAt).toISOString(),
      dueAt: new Date(dueAt).toISOString(),
      remindersSent: 0,
    };
    await moveTo('awaiting_clarification', draft.reason);
    await external.notifyPhysician({ encounterId, queryId, physicianNpi: input.physicianNpi, kind: 'new' });

    /** Each reminder is numbered, so a receiver that de-duplicates sees every one. */
    const remind = async (): Promise<void> => {
      status.openQuery!.remindersSent += 1;
      await external.notifyPhysician({
        encounterId,
        queryId,
        physicianNpi: input.physicianNpi,
        kind: 'reminder',
        reminderNumber: status.openQuery!.remindersSent,
      });
    };
    const woken = (): boolean => cancelRequest !== undefined || pendingAnswer !== undefined || pendingOverride !== undefined;
    for (;;) {
      const remaining = dueAt - now();
      if (remaining > 0) {
        await condition(woken, Math.min(msToNumber(timings.clarificationReminderInterval), remaining));
      }
      checkpoint();
      if (pendingOverride) {
        if (patched(OVERRIDE_CHECKED_FIRST)) {
          overrideResult = await tryOverride();
          if (!overrideResult) continue; // rejected: the physician's query stays open
        }
        await internal.closeClarificationQuery({ queryId, status: 'withdrawn' });
        status.openQuery = undefined;
        return 'override';
      }
      if (pendingAnswer) {
        const answer = pendingAnswer;
        await internal.recordClarificationAnswer({
          queryId,
          answeredBy: answer.answeredBy,
          option: answer.option,
          freeText: answer.freeText,
          answeredAt: new Date().toISOString(),
        });
        status.openQuery = undefined;
        return 'answered';
      }
      if (now() < dueAt) {
        await remind();
        continue;
      }
      // The deadline has passed: a supervisor extends, accepts the codes, or cancels. A late
      // answer from the physician, or a coder's override, still ends the wait.
      await internal.closeClarificationQuery({ queryId, status: 'escalated' });
      const decision = await awaitSupervisor(
        'escalated',
        'clarification_overdue',
        'the physician did not answer the clarification query by its deadline',
        ['extend', 'accept_codes'],
        () => pendingAnswer !== undefined || pendingOverride !== undefined,
      );
      if (!decision) continue; // woken by a late answer or an override: handled above
      if (decision.decision === 'accept_codes') {
        await internal.closeClarificationQuery({ queryId, status: 'withdrawn' });
        status.openQuery = undefined;
        return 'accepted';
      }
      dueAt = now() + msToNumber(decision.extendBy ?? timings.clarificationDeadline);
      status.openQuery!.dueAt = new Date(dueAt).toISOString();
      await internal.reopenClarificationQuery({ queryId, dueAt: status.openQuery!.dueAt });
      await moveTo('awaiting_clarification', 'supervisor extended the deadline', decision.decidedBy);
      await remind();
    }
  }

  async function code(): Promise<CodingSummary> {
    await moveTo('coding');
    const answers: ClarificationAnswerInput[] = [];
    let summary = await internal.codeEncounter({ encounterId, revision: 1, answers: [] });
    applyCoding(summary);
    for (let round = 1; ; round++) {
      checkpoint();
      if (overrideResult) return overrideResult;
      if (pendingOverride) {
        if (!patched(OVERRIDE_CHECKED_FIRST)) return applyOverride();
        const overridden = await tryOverride();
        if (overridden) return overridden;
      }
      if (!summary.clarification) return summary;
      if (round > MAX_CLARIFICATION_ROUNDS) {
        const decision = await awaitSupervisor(
          'escalated',
          'clarification_overdue',
          `coding is still unsure after ${MAX_CLARIFICATION_ROUNDS} clarification rounds`,
          ['accept_codes'],
          () => pendingOverride !== undefined,
        );
        if (!decision) continue;
        return summary;
      }
      const outcome = await clarify(summary);
      if (outcome === 'override') continue;
      if (outcome === 'accepted') return summary;
      answers.push(pendingAnswer!);
      pendingAnswer = undefined;
      await moveTo('coding', 'physician answered the query');
      summary = await internal.codeEncounter({ encounterId, revision: status.codingRevision + 1, answers });
      applyCoding(summary);
    }
  }

  /** What billing needs from the authorization step: the auth number, capped units, or billing the patient. */
  async function authorize(): Promise<{ authNumber?: string; authorizedUnits?: Record<string, number>; billPatient: boolean }> {
    const requirement = await internal.checkAuthorizationRequirement({ encounterId, revision: status.codingRevision });
    if (!requirement.required) {
      status.authorization = { outcome: 'not_required', attempt: 0 };
      return { billPatient: false };
    }
    await moveTo('authorization', `payer requires prior authorization for ${requirement.codes.join(', ')}`);
    for (let attempt = 1; ; attempt++) {
      checkpoint();
      status.authorization = { outcome: 'requested', attempt };
      let result: AuthorizationResult;
      try {
        result = await external.requestPriorAuthorization({ encounterId, attempt, revision: status.codingRevision });
      } catch (err) {
        if (!(err instanceof ActivityFailure)) throw err;
        const cause = err.cause instanceof ApplicationFailure ? err.cause.message : 'the insurer could not be reached';
        log.warn('prior authorization request failed', { encounterId, attempt });
        const decision = await awaitSupervisor('needs_review', 'authorization_denied', `authorization request failed: ${cause}`, [
          'resubmit',
          'bill_patient',
        ]);
        if (decision?.decision === 'bill_patient') return billWithoutAuthorization();
        await moveTo('authorization', 'supervisor asked to resubmit');
        continue;
      }
      const deadline = now() + msToNumber(requirement.expedited ? timings.authorizationDeadlineExpedited : timings.authorizationDeadlineStandard);
      while (result.outcome === 'pended' && now() < deadline) {
        status.authorization = { ...toAuthorizationState(result), attempt };
        await condition(() => cancelRequest !== undefined, Math.min(msToNumber(timings.authorizationPollInterval), deadline - now()));
        checkpoint();
        result = await external.checkPriorAuthorizationStatus({ encounterId, attempt, payerReference: result.payerReference });
      }
      status.authorization = { ...toAuthorizationState(result), attempt };
      if (result.outcome === 'modified' && patched(MODIFIED_AUTHORIZATION_REVIEWED)) {
        const review = await reviewModifiedAuthorization(result);
        if (review === 'resubmit') continue;
        return { authNumber: result.authNumber, billPatient: false };
      }
      if (result.outcome === 'certified' || result.outcome === 'modified') {
        if (result.outcome === 'modified') status.flags.push(`the insurer modified the request: ${result.reason ?? 'see the authorization'}; a coder should review the codes`);
        return { authNumber: result.authNumber, billPatient: false };
      }
      if (result.outcome === 'partial') {
        status.flags.push('partially authorized: billing only the authorized units');
        return { authNumber: result.authNumber, authorizedUnits: result.authorizedUnits, billPatient: false };
      }
      const expired = result.outcome === 'pended';
      if (expired) status.authorization.outcome = 'expired';
      const decision = await awaitSupervisor(
        expired ? 'needs_review' : 'denied',
        expired ? 'authorization_expired' : 'authorization_denied',
        expired ? 'the insurer did not decide by the regulatory deadline' : `the insurer denied authorization: ${result.reason ?? 'no reason given'}`,
        ['resubmit', 'bill_patient'],
      );
      if (decision?.decision === 'bill_patient') return billWithoutAuthorization();
      await moveTo('authorization', 'supervisor asked to resubmit with more documentation', decision?.decidedBy);
    }
  }

  /**
   * The insurer authorized another service than the one coded (X12 278 A6). A coder recodes to
   * what was authorized (an override), or a supervisor accepts the codes or asks again.
   */
  async function reviewModifiedAuthorization(result: AuthorizationResult): Promise<'bill' | 'resubmit'> {
    const authorized = Object.keys(result.authorizedUnits ?? {}).join(', ') || 'another service';
    for (;;) {
      const decision = await awaitSupervisor(
        'needs_review',
        'authorization_modified',
        `the insurer authorized ${authorized} instead of the requested services: a coder recodes, or a supervisor accepts the codes or resubmits`,
        ['accept_codes', 'resubmit'],
        () => pendingOverride !== undefined,
      );
      if (decision?.decision === 'resubmit') {
        await moveTo('authorization', 'supervisor asked to resubmit the authorization', decision.decidedBy);
        return 'resubmit';
      }
      if (decision?.decision === 'accept_codes') {
        status.flags.push('the insurer modified the request; billed as coded after a supervisor accepted the codes');
        return 'bill';
      }
      if (await tryOverride()) return 'bill';
    }
  }

  function billWithoutAuthorization(): { billPatient: boolean } {
    status.flags.push('billed without authorization: the patient was given notice of liability');
    return { billPatient: true };
  }

  /** Error-severity pre-claim edits (units over the limit, sex or age conflicts...) stop for review. */
  async function reviewEditErrors(summary: CodingSummary): Promise<void> {
    for (;;) {
      const errors = summary.edits.filter((e) => e.severity === 'error');
      if (errors.length === 0) return;
      const decision = await awaitSupervisor(
        'needs_review',
        'edit_failed',
        `pre-claim edits failed: ${errors.map((e) => `${e.rule}: ${e.message}`).join('; ')}`,
        ['accept_codes'],
        () => pendingOverride !== undefined,
      );
      if (decision?.decision === 'accept_codes') {
        status.flags.push(`billed despite edit errors (${errors.map((e) => e.rule).join(', ')}): a supervisor accepted the codes`);
        return;
      }
      summary = (await tryOverride()) ?? summary;
    }
  }

  async function bill(authorization: Awaited<ReturnType<typeof authorize>>): Promise<void> {
    await moveTo('billing');
    for (let attempt = 1; ; attempt++) {
      checkpoint();
      let problem: string;
      try {
        const claim = await external.submitClaim({
          encounterId,
          attempt,
          revision: status.codingRevision,
          authNumber: authorization.authNumber,
          authorizedUnits: authorization.authorizedUnits,
          billPatient: authorization.billPatient,
        });
        status.claimId = claim.claimId;
        status.claimNumber = claim.claimNumber;
        if (claim.accepted) break;
        problem = `the clearinghouse rejected the claim: ${claim.reasons.join('; ')}`;
      } catch (err) {
        // A claim that cannot be built (an unpriced code, a missing field) needs a person.
        if (!(err instanceof ActivityFailure)) throw err;
        problem = `the claim could not be built: ${err.cause instanceof ApplicationFailure ? err.cause.message : 'billing failed'}`;
      }
      const decision = await awaitSupervisor('needs_review', 'claim_rejected', problem, ['resubmit']);
      if (pendingOverride) {
        if (patched(OVERRIDE_CHECKED_FIRST)) await tryOverride();
        else await applyOverride();
      }
      await moveTo('billing', 'resubmitting the claim', decision?.decidedBy);
    }
    status.statementId = await issueStatement();
    await moveTo('billed');
  }

  /**
   * The patient's statement needs the member's benefits from the insurer. When the insurer
   * refuses the eligibility check (e.g. an unknown member), a person looks at it and asks for
   * another try once the coverage is sorted out.
   */
  async function issueStatement(): Promise<string> {
    const claimId = status.claimId!;
    if (!patched(STATEMENT_FAILURE_REVIEWED)) {
      return (await internal.issuePatientStatement({ encounterId, claimId })).statementId;
    }
    for (;;) {
      checkpoint();
      try {
        return (await internal.issuePatientStatement({ encounterId, claimId })).statementId;
      } catch (err) {
        if (!(err instanceof ActivityFailure)) throw err;
        const why = err.cause instanceof ApplicationFailure ? err.cause.message : 'the statement could not be issued';
        const decision = await awaitSupervisor('needs_review', 'statement_failed', `the patient statement could not be issued: ${why}`, ['resubmit']);
        await moveTo('billing', 'issuing the patient statement again', decision?.decidedBy);
      }
    }
  }

  // ---- the encounter's path -----------------------------------------------------------------
  try {
    const coded = await code();
    if (patched(EDIT_ERRORS_REVIEWED)) await reviewEditErrors(coded);
    checkpoint();
    const authorization = await authorize();
    checkpoint();
    await bill(authorization);
  } catch (err) {
    if (!(err instanceof EncounterCancelled)) throw err;
    if (status.openQuery) {
      await internal.closeClarificationQuery({ queryId: status.openQuery.queryId, status: 'withdrawn' });
      status.openQuery = undefined;
    }
    status.pendingDecision = undefined;
    await moveTo('cancelled', err.request.reason, err.request.cancelledBy);
  }
  return status;
}

function toAuthorizationState(result: AuthorizationResult) {
  return {
    outcome: result.outcome,
    payerReference: result.payerReference,
    authNumber: result.authNumber,
    validFrom: result.validFrom,
    validTo: result.validTo,
    authorizedUnits: result.authorizedUnits,
    reason: result.reason,
  };
}
