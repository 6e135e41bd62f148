/**
 * How a running encounter answers messages (workflows/messages.ts): the status query, a
 * physician's answer and a supervisor's decision (each as an update whose validator refuses a
 * message that does not fit, and as a signal that flags it instead), a coder's override and a
 * cancellation. Handlers only record the input on the state; the stages take it from there.
 */
import { setHandler, uuid4 } from '@temporalio/workflow';
import { internal } from '../activities.ts';
import {
  answerClarificationSignal,
  answerClarificationUpdate,
  cancelSignal,
  coverageCorrectedUpdate,
  overrideCodesSignal,
  statusQuery,
  supervisorDecisionSignal,
  supervisorDecisionUpdate,
  visitDocumentedUpdate,
  type ClarificationAnswerInput,
  type CoverageCorrection,
  type SupervisorDecision,
} from '../messages.ts';
import { DECISIONS_CHECKED } from '../patches.ts';
import { FINAL_STAGES } from '../stages.ts';
import { notePayer, takeCoverageCorrection } from './eligibility.ts';
import { registerCoderReviewHandler } from './coder-review.ts';
import type { EncounterState } from './state.ts';

/** Installs every handler; called before the workflow's first await, so no early message is lost. */
export function registerHandlers(state: EncounterState): void {
  setHandler(statusQuery, () => state.status);

  setHandler(
    answerClarificationUpdate,
    (answer) => {
      state.pendingAnswer = answer;
      return { accepted: true as const };
    },
    { validator: (answer) => validateAnswer(state, answer) },
  );
  setHandler(answerClarificationSignal, (answer) => {
    try {
      validateAnswer(state, answer);
      state.pendingAnswer = answer;
    } catch (err) {
      state.flag(`ignored a clarification answer: ${(err as Error).message}`);
    }
  });

  setHandler(
    supervisorDecisionUpdate,
    (decision) => {
      takeDecision(state, decision);
      return { accepted: true as const };
    },
    { validator: (decision) => validateDecision(state, decision) },
  );
  setHandler(supervisorDecisionSignal, (decision) => {
    if (!state.uses(DECISIONS_CHECKED)) {
      state.pendingDecision = decision;
      return;
    }
    try {
      validateDecision(state, decision);
      takeDecision(state, decision);
    } catch (err) {
      state.flag(`ignored a supervisor decision: ${(err as Error).message}`);
    }
  });

  setHandler(overrideCodesSignal, (override) => {
    state.pendingOverride = override;
  });
  setHandler(cancelSignal, (request) => {
    state.cancelRequest ??= request;
  });

  setHandler(
    coverageCorrectedUpdate,
    async (correction) => {
      state.correctionInProgress = true;
      try {
        let version = correction.version ?? 0;
        if (correction.kind !== 'demographics') {
          const { kind, payerId, memberId, expectedVersion, correctedBy, reason } = correction;
          ({ version } = await internal.recordCoverageVersion({
            encounterId: state.encounterId,
            correctionId: uuid4(),
            kind,
            payerId,
            memberId,
            expectedVersion,
            correctedBy,
            reason,
          }));
          if (kind === 'coverage') notePayer(state, payerId);
        }
        state.pendingCoverageCorrection = { ...correction, version };
        takeCoverageCorrection(state);
        return { accepted: true as const, version };
      } finally {
        state.correctionInProgress = false;
      }
    },
    { validator: (correction) => validateCoverageCorrection(state, correction) },
  );
  setHandler(
    visitDocumentedUpdate,
    (_visit) => {
      state.status.scheduled!.documentedAt = new Date().toISOString();
      return { accepted: true as const };
    },
    {
      validator: (_visit) => {
        if (!state.input.scheduled || state.status.scheduled === undefined)
          throw new Error('this encounter was not posted as a scheduled visit');
        if (state.status.scheduled.documentedAt !== undefined) throw new Error('the visit is already documented');
        if (FINAL_STAGES.includes(state.status.stage)) throw new Error(`the encounter is ${state.status.stage}`);
      },
    },
  );
  registerCoderReviewHandler(state);
}

/** A correction fits until the claim is out (then the claim itself is corrected); self-pay only once. */
function validateCoverageCorrection(state: EncounterState, correction: CoverageCorrection): void {
  const { stage, claimId, financialClass } = state.status;
  if (FINAL_STAGES.includes(stage) || stage === 'billing' || claimId !== undefined) {
    throw new Error('the claim is already out: coverage and demographics can no longer be corrected on this encounter');
  }
  if (state.status.eligibility === undefined)
    throw new Error('this encounter does not check eligibility (it started before eligibility came first)');
  if (financialClass === 'self_pay') throw new Error('the encounter is self-pay');
  if (state.pendingCoverageCorrection || state.correctionInProgress)
    throw new Error('a correction is already being taken; try again shortly');
  if (correction.kind === 'coverage' && (correction.payerId === undefined || correction.memberId === undefined))
    throw new Error('a coverage correction names the payer and the member id');
}

/** An answer must come from the queried physician, for the open query, with an offered option or text. */
function validateAnswer(state: EncounterState, answer: ClarificationAnswerInput): void {
  const open = state.status.openQuery;
  if (!open) throw new Error('there is no open clarification query on this encounter');
  if (answer.queryId !== open.queryId) throw new Error(`query ${answer.queryId} is not the open query`);
  if (answer.answeredBy !== open.physicianNpi) throw new Error('the query is addressed to another physician');
  const hasOption = answer.option !== undefined && answer.option !== '';
  const hasText = answer.freeText !== undefined && answer.freeText.trim() !== '';
  if (!hasOption && !hasText) throw new Error('an answer needs one of the offered options or free text');
  if (hasOption && !open.options.includes(answer.option!)) {
    throw new Error('the answer is not one of the offered options'); // never echo the caller's text
  }
  if (state.pendingAnswer) throw new Error('this query has already been answered');
}

/** A decision must answer the pending question with one of its allowed decisions; a cancel always fits. */
function validateDecision(state: EncounterState, decision: SupervisorDecision): void {
  if (decision.decision === 'cancel') return;
  const open = state.status.pendingDecision;
  if (!open) throw new Error('no decision is pending on this encounter');
  if (decision.decisionId !== undefined && decision.decisionId !== open.id) {
    throw new Error('this decision answers a question that is no longer pending');
  }
  if (!open.allowed.includes(decision.decision)) {
    throw new Error(`"${decision.decision}" is not a decision allowed here (allowed: ${open.allowed.join(', ')})`);
  }
  if (state.pendingDecision) throw new Error('a decision has already been taken on this question');
}

function takeDecision(state: EncounterState, decision: SupervisorDecision): void {
  if (decision.decision === 'cancel') {
    state.cancelRequest ??= { cancelledBy: decision.decidedBy, reason: decision.note ?? 'cancelled by a supervisor' };
    return;
  }
  state.pendingDecision = decision;
}
